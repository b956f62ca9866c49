import { TZDate } from '@date-fns/tz'
import { z } from 'zod'
import * as applicationReceivedCandidate from '#emails/templates/application-received-candidate.tsx'
import * as applicationReceivedProvider from '#emails/templates/application-received-provider.tsx'
import * as applicationReviewing from '#emails/templates/application-reviewing.tsx'
import * as applicationWithdrawn from '#emails/templates/application-withdrawn.tsx'
import * as conditionalOffer from '#emails/templates/conditional-offer.tsx'
import * as confirmApplication from '#emails/templates/confirm-application.tsx'
import * as hired from '#emails/templates/hired.tsx'
import * as interviewInvitation from '#emails/templates/interview-invitation.tsx'
import * as interviewResponse from '#emails/templates/interview-response.tsx'
import * as unsuccessful from '#emails/templates/unsuccessful.tsx'
import { interviewInvitation as interviewIcs } from '#emails/ics.server.ts'
import { notifyEmailOutbox, queueEmail, type QueuedEmail } from '#emails/outbox.server.ts'
import { renderEmail } from '#emails/render.server.ts'
import { notifySearchOutbox, recordVacancyChange } from '#search/outbox.server.ts'
import { LONDON } from '#app/utils/dates.ts'
import { Prisma, prisma, type Tx } from '#app/utils/db.server.ts'
import { getEnv, publicUrl } from '#app/utils/env.server.ts'
import { createVerification, consumeVerification } from '#app/utils/tokens.server.ts'
import { EmailSchema, optionalText } from '#app/utils/validation.ts'
import { CandidateProfileSchema, profileToJson, saveCandidateProfile, type StoredProfile } from './candidates.server.ts'
import { checkKinds, ids, unsuccessfulReasons, type StageId } from './options.ts'
import { storeFile, type Upload } from './files.server.ts'
import { CONFIRM_TTL_HOURS } from './link-lifetimes.ts'


export class ApplicationError extends Error {}

type Question = { id: number; kind: string; text: string }

/** The apply form: the candidate's profile, this job's questions, a statement and (without an account) an email. */
export function applyFormSchema(questions: Question[], options: { needsEmail: boolean }) {
	const answers: Record<string, z.ZodTypeAny> = {}
	for (const q of questions) {
		answers[`q${q.id}`] =
			q.kind === 'yes-no'
				? z.enum(['yes', 'no'], { error: `Answer the question: ${q.text}` })
				: z
						.string({ error: `Answer the question: ${q.text}` })
						.trim()
						.min(1, { error: `Answer the question: ${q.text}` })
						.max(1000, { error: 'Answers must be 1,000 characters or fewer' })
	}
	return CandidateProfileSchema.extend({
		email: options.needsEmail ? EmailSchema : z.string().optional(),
		supportingStatement: optionalText('your supporting statement', 5000),
		...answers,
	})
}

export type ApplyInput = z.infer<ReturnType<typeof applyFormSchema>>

function candidateUrl(applicationId: string) {
	return `${publicUrl()}/account/applications/${applicationId}`
}

function providerUrl(applicationId: string) {
	return `${publicUrl()}/provider/applications/${applicationId}`
}

async function teamEmails(tx: Tx, providerId: string) {
	const members = await tx.teamMember.findMany({ where: { providerId }, select: { user: { select: { id: true, email: true } } } })
	return members.map((m) => m.user)
}

/** Emails are rendered before the transaction (rendering is slow-ish), queued inside it. */
async function queueAll(tx: Tx, emails: QueuedEmail[]) {
	for (const email of emails) await queueEmail(tx, email)
}

type VacancyForApply = { id: number; title: string; providerId: string; provider: { name: string } }

async function receivedEmails(tx: Tx, applicationId: string, vacancy: VacancyForApply, candidate: { email: string; firstName: string; lastName: string }) {
	const team = await teamEmails(tx, vacancy.providerId)
	const forCandidate = await renderEmail(applicationReceivedCandidate, {
		firstName: candidate.firstName,
		vacancyTitle: vacancy.title,
		providerName: vacancy.provider.name,
		applicationUrl: candidateUrl(applicationId),
	})
	const forProvider = await renderEmail(applicationReceivedProvider, {
		vacancyTitle: vacancy.title,
		candidateName: `${candidate.firstName} ${candidate.lastName}`,
		applicationUrl: providerUrl(applicationId),
	})
	return [
		{ key: `application-received:candidate:${applicationId}`, to: candidate.email, ...forCandidate },
		...team.map((member) => ({ key: `application-received:provider:${applicationId}:${member.id}`, to: member.email, ...forProvider })),
	]
}

/**
 * Saves an application. A signed-in candidate's goes straight to the provider;
 * anyone else's is kept until they confirm their email from the link we send.
 */
export async function applyToVacancy(options: {
	vacancyId: number
	input: ApplyInput
	questions: Question[]
	signedInUserId: string | null
	cv: { upload: Upload; mimeType: string } | null
}) {
	const vacancy = await prisma.vacancy.findFirst({
		where: { id: options.vacancyId, status: 'live', closingDate: { gte: new Date() } },
		select: { id: true, title: true, providerId: true, provider: { select: { name: true } } },
	})
	if (!vacancy) throw new ApplicationError('This job is no longer taking applications')
	const profile = profileToJson(options.input)
	const signedIn = options.signedInUserId
	const email = signedIn
		? (await prisma.user.findUniqueOrThrow({ where: { id: signedIn }, select: { email: true } })).email
		: (options.input.email as string)

	const result = await prisma.$transaction(async (tx) => {
		const user =
			(signedIn ? await tx.user.findUnique({ where: { id: signedIn } }) : await tx.user.findUnique({ where: { email } })) ??
			(await tx.user.create({ data: { email, name: `${profile.firstName} ${profile.lastName}` } }))
		const existing = await tx.application.findUnique({ where: { vacancyId_candidateId: { vacancyId: vacancy.id, candidateId: user.id } } })
		if (existing?.submittedAt) throw new ApplicationError('You have already applied for this job')
		if (existing) await tx.application.delete({ where: { id: existing.id } })

		const cvFileId = options.cv ? await storeFile(tx, user.id, options.cv.upload, options.cv.mimeType) : null
		const application = await tx.application.create({
			data: {
				vacancyId: vacancy.id,
				candidateId: user.id,
				supportingStatement: options.input.supportingStatement ?? '',
				cvFileId,
				submittedAt: signedIn ? new Date() : null,
				pendingProfile: signedIn ? Prisma.DbNull : profile,
			},
			select: { id: true },
		})
		const answers = options.questions.map((q) => ({
			applicationId: application.id,
			questionId: q.id,
			answer: String((options.input as Record<string, unknown>)[`q${q.id}`] ?? ''),
		}))
		if (answers.length) await tx.screeningAnswer.createMany({ data: answers })

		if (signedIn) {
			await saveCandidateProfile(tx, user.id, profile)
			await tx.applicationEvent.create({ data: { applicationId: application.id, stage: 'new', actor: 'candidate' } })
			await queueAll(tx, await receivedEmails(tx, application.id, vacancy, { email, ...profile }))
			return { applicationId: application.id, needsConfirmation: false }
		}
		const token = await createVerification(tx, {
			purpose: 'confirm-application',
			userId: user.id,
			subjectId: application.id,
			ttlMs: CONFIRM_TTL_HOURS * 3600_000,
		})
		const confirm = await renderEmail(confirmApplication, {
			firstName: profile.firstName,
			vacancyTitle: vacancy.title,
			providerName: vacancy.provider.name,
			confirmUrl: `${publicUrl()}/confirm-application/${token}`,
			expiresInHours: CONFIRM_TTL_HOURS,
		})
		await queueEmail(tx, { key: `confirm-application:${application.id}:${token.slice(0, 12)}`, to: email, ...confirm })
		return { applicationId: application.id, needsConfirmation: true }
	})
	notifyEmailOutbox()
	return { ...result, email }
}

/**
 * The candidate clicked the link in their email: their address is confirmed,
 * the profile they typed is saved, and the application goes to the provider.
 */
export async function confirmApplicationEmail(token: string) {
	const result = await prisma.$transaction(async (tx) => {
		const verification = await consumeVerification(tx, 'confirm-application', token)
		if (!verification?.subjectId) return null
		const application = await tx.application.findFirst({
			where: { id: verification.subjectId, candidateId: verification.userId },
			select: {
				id: true,
				submittedAt: true,
				pendingProfile: true,
				candidate: { select: { email: true } },
				vacancy: { select: { id: true, title: true, providerId: true, provider: { select: { name: true } } } },
			},
		})
		if (!application || application.submittedAt || !application.candidate) return null
		const profile = application.pendingProfile as StoredProfile
		await tx.user.update({ where: { id: verification.userId }, data: { emailVerifiedAt: new Date() } })
		await saveCandidateProfile(tx, verification.userId, profile)
		await tx.application.update({ where: { id: application.id }, data: { submittedAt: new Date(), pendingProfile: Prisma.DbNull } })
		await tx.applicationEvent.create({ data: { applicationId: application.id, stage: 'new', actor: 'candidate' } })
		await queueAll(tx, await receivedEmails(tx, application.id, application.vacancy, { email: application.candidate.email, ...profile }))
		return { userId: verification.userId, applicationId: application.id }
	})
	if (result) notifyEmailOutbox()
	return result
}

// ---------- the provider's pipeline ----------

const allowedMoves: Record<StageId, StageId[]> = {
	new: ['reviewing', 'interview', 'conditional-offer', 'unsuccessful'],
	reviewing: ['interview', 'conditional-offer', 'unsuccessful'],
	interview: ['interview', 'conditional-offer', 'unsuccessful'],
	'conditional-offer': ['hired', 'unsuccessful'],
	hired: [],
	unsuccessful: [],
	withdrawn: [],
}

export function nextStages(stage: string) {
	return allowedMoves[stage as StageId] ?? []
}

/** Submitted applications to this provider's vacancies only: the ownership check lives in the query. */
const ownedBy = (providerId: string) => ({ submittedAt: { not: null }, vacancy: { providerId } })

export async function listProviderApplications(providerId: string, filter: { stage?: string; vacancyId?: number }) {
	const where = { ...ownedBy(providerId), ...(filter.vacancyId ? { vacancyId: filter.vacancyId } : {}) }
	const [rows, counts] = await Promise.all([
		prisma.application.findMany({
			where: { ...where, ...(filter.stage ? { stage: filter.stage } : {}) },
			orderBy: { submittedAt: 'desc' },
			select: {
				id: true,
				stage: true,
				submittedAt: true,
				updatedAt: true,
				vacancy: { select: { id: true, title: true } },
				candidate: { select: { name: true, candidate: { select: { firstName: true, lastName: true, outcode: true } } } },
			},
		}),
		prisma.application.groupBy({ by: ['stage'], where, _count: true }),
	])
	return { rows, counts: Object.fromEntries(counts.map((c) => [c.stage, c._count])) as Record<string, number> }
}

export async function getProviderApplication(applicationId: string, providerId: string) {
	return prisma.application.findFirst({
		where: { id: applicationId, ...ownedBy(providerId) },
		include: {
			vacancy: { select: { id: true, title: true, positions: true, status: true, provider: { select: { name: true } } } },
			candidate: { select: { email: true, candidate: true } },
			cv: { select: { id: true, originalName: true, size: true, mimeType: true } },
			answers: { include: { question: true }, orderBy: { question: { position: 'asc' } } },
			events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
			notes: { orderBy: { createdAt: 'desc' } },
			interviews: { orderBy: { createdAt: 'desc' }, take: 1 },
			checks: { orderBy: { id: 'asc' } },
		},
	})
}

type OwnedApplication = {
	id: string
	stage: string
	vacancy: { id: number; title: string; providerId: string; positions: number; provider: { name: string } }
	candidate: { email: string; candidate: { firstName: string; lastName: string; outcode: string } | null } | null
}

async function requireOwned(tx: Tx, applicationId: string, providerId: string): Promise<OwnedApplication> {
	const application = await tx.application.findFirst({
		where: { id: applicationId, ...ownedBy(providerId) },
		select: {
			id: true,
			stage: true,
			vacancy: { select: { id: true, title: true, providerId: true, positions: true, provider: { select: { name: true } } } },
			candidate: { select: { email: true, candidate: { select: { firstName: true, lastName: true, outcode: true } } } },
		},
	})
	if (!application) throw new Response('Not found', { status: 404 })
	return application
}

function assertMove(application: OwnedApplication, to: StageId) {
	if (!nextStages(application.stage).includes(to)) {
		throw new ApplicationError(`An application at “${application.stage}” cannot move to “${to}”`)
	}
}

export const InterviewSchema = z
	.object({
		interviewDay: z.coerce.number({ error: 'Interview date must include a day' }).int().min(1, { error: 'Interview date must be a real date' }).max(31, { error: 'Interview date must be a real date' }),
		interviewMonth: z.coerce.number({ error: 'Interview date must include a month' }).int().min(1, { error: 'Interview date must be a real date' }).max(12, { error: 'Interview date must be a real date' }),
		interviewYear: z.coerce.number({ error: 'Interview date must include a year' }).int().min(2000, { error: 'Year must include 4 numbers' }).max(2100, { error: 'Interview date must be a real date' }),
		time: z
			.string({ error: 'Enter the time, like 14:30' })
			.trim()
			.regex(/^([01]?\d|2[0-3])[:.]([0-5]\d)$/, { error: 'Enter the time in 24-hour format, like 14:30' }),
		durationMinutes: z.coerce
			.number({ error: 'Enter how long the interview lasts, in minutes' })
			.int()
			.min(10, { error: 'An interview lasts at least 10 minutes' })
			.max(480, { error: 'An interview lasts 8 hours at most' }),
		location: optionalText('the place', 300),
		videoUrl: z
			.string()
			.trim()
			.optional()
			.transform((v) => v || undefined)
			.refine((v) => v === undefined || /^https:\/\/\S+$/.test(v), { error: 'Enter the video link starting with https://' }),
		details: optionalText('the details', 2000),
	})
	.superRefine((input, ctx) => {
		if (!input.location && !input.videoUrl) {
			ctx.addIssue({ code: 'custom', path: ['location'], message: 'Enter where the interview is, or a video link' })
		}
		const [hour, minute] = input.time.split(/[:.]/).map(Number)
		const startsAt = new TZDate(input.interviewYear, input.interviewMonth - 1, input.interviewDay, hour, minute, 0, LONDON)
		if (startsAt.getDate() !== input.interviewDay || startsAt.getMonth() !== input.interviewMonth - 1) {
			ctx.addIssue({ code: 'custom', path: ['interviewDay'], message: 'Interview date must be a real date' })
		} else if (startsAt.getTime() < Date.now()) {
			ctx.addIssue({ code: 'custom', path: ['interviewDay'], message: 'Interview date must be in the future' })
		}
	})
	.transform((input) => {
		const [hour, minute] = input.time.split(/[:.]/).map(Number)
		return {
			startsAt: new Date(new TZDate(input.interviewYear, input.interviewMonth - 1, input.interviewDay, hour, minute, 0, LONDON).getTime()),
			durationMinutes: input.durationMinutes,
			location: input.location ?? null,
			videoUrl: input.videoUrl ?? null,
			details: input.details ?? '',
		}
	})

export type InterviewInput = z.output<typeof InterviewSchema>

export function formatInterviewTime(date: Date) {
	const london = new TZDate(date.getTime(), LONDON)
	const time = london.toLocaleTimeString('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: LONDON }).replace(' ', '').toLowerCase()
	const day = london.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: LONDON })
	return `${day.replace(',', '')} at ${time}`
}

function mailDomain() {
	return getEnv().MAIL_FROM.match(/@([^>\s]+)/)?.[1] ?? 'localhost'
}

function mailAddress() {
	return getEnv().MAIL_FROM.match(/<([^>]+)>/)?.[1] ?? getEnv().MAIL_FROM
}

async function moveStage(tx: Tx, application: OwnedApplication, to: StageId, detail?: string) {
	await tx.application.update({ where: { id: application.id }, data: { stage: to } })
	return tx.applicationEvent.create({ data: { applicationId: application.id, stage: to, actor: 'provider', detail: detail ?? null } })
}

export async function markReviewing(applicationId: string, providerId: string) {
	await prisma.$transaction(async (tx) => {
		const application = await requireOwned(tx, applicationId, providerId)
		assertMove(application, 'reviewing')
		const event = await moveStage(tx, application, 'reviewing')
		if (application.candidate?.candidate) {
			const email = await renderEmail(applicationReviewing, {
				firstName: application.candidate.candidate.firstName,
				vacancyTitle: application.vacancy.title,
				providerName: application.vacancy.provider.name,
				applicationUrl: candidateUrl(application.id),
			})
			await queueEmail(tx, { key: `stage:${application.id}:${event.id}`, to: application.candidate.email, ...email })
		}
	})
	notifyEmailOutbox()
}

/** Invites the candidate to an interview, or moves an existing one (same calendar event, next sequence). */
export async function scheduleInterview(applicationId: string, providerId: string, input: InterviewInput) {
	await prisma.$transaction(async (tx) => {
		const application = await requireOwned(tx, applicationId, providerId)
		assertMove(application, 'interview')
		const previous = application.stage === 'interview' ? await tx.interview.findFirst({ where: { applicationId }, orderBy: { createdAt: 'desc' } }) : null
		const interview = previous
			? await tx.interview.update({
					where: { id: previous.id },
					data: { ...input, sequence: previous.sequence + 1, response: 'pending', responseMessage: null, respondedAt: null },
				})
			: await tx.interview.create({ data: { applicationId, ...input } })
		const event = await moveStage(tx, application, 'interview', previous ? 'time changed' : undefined)
		const person = application.candidate?.candidate
		if (!application.candidate || !person) return
		const when = formatInterviewTime(interview.startsAt)
		const email = await renderEmail(interviewInvitation, {
			firstName: person.firstName,
			vacancyTitle: application.vacancy.title,
			providerName: application.vacancy.provider.name,
			when,
			durationMinutes: interview.durationMinutes,
			location: interview.location,
			videoUrl: interview.videoUrl,
			details: interview.details,
			applicationUrl: candidateUrl(application.id),
			isChange: Boolean(previous),
		})
		const ics = interviewIcs({
			interviewId: interview.id,
			sequence: interview.sequence,
			startsAt: interview.startsAt,
			durationMinutes: interview.durationMinutes,
			title: `Interview: ${application.vacancy.title} with ${application.vacancy.provider.name}`,
			description: [interview.details, `Reply: ${candidateUrl(application.id)}`].filter(Boolean).join('\n\n'),
			location: interview.location,
			videoUrl: interview.videoUrl,
			organiser: { name: application.vacancy.provider.name, email: mailAddress() },
			attendee: { name: `${person.firstName} ${person.lastName}`, email: application.candidate.email },
			domain: mailDomain(),
		})
		await queueEmail(tx, { key: `stage:${application.id}:${event.id}`, to: application.candidate.email, attachments: [ics], ...email })
	})
	notifyEmailOutbox()
}

export async function makeConditionalOffer(applicationId: string, providerId: string) {
	await prisma.$transaction(async (tx) => {
		const application = await requireOwned(tx, applicationId, providerId)
		assertMove(application, 'conditional-offer')
		const event = await moveStage(tx, application, 'conditional-offer')
		await tx.preEmploymentCheck.createMany({
			data: checkKinds.map((k) => ({ applicationId, kind: k.id, nextActor: k.firstActor })),
		})
		const person = application.candidate?.candidate
		if (!application.candidate || !person) return
		const nextStep: Record<string, string> = {
			candidate: 'you will be asked for documents or details',
			referee: 'we will contact your referees',
			provider: 'the employer will arrange it',
			'dbs-service': 'with the Disclosure and Barring Service',
		}
		const email = await renderEmail(conditionalOffer, {
			firstName: person.firstName,
			vacancyTitle: application.vacancy.title,
			providerName: application.vacancy.provider.name,
			checks: checkKinds.map((k) => ({ label: k.label, nextStep: nextStep[k.firstActor] })),
			applicationUrl: candidateUrl(application.id),
		})
		await queueEmail(tx, { key: `stage:${application.id}:${event.id}`, to: application.candidate.email, ...email })
	})
	notifyEmailOutbox()
}

export const CheckUpdateSchema = z.object({
	kind: z.enum(ids(checkKinds)),
	status: z.enum(['not-started', 'in-progress', 'cleared', 'problem'], { error: 'Choose the status of the check' }),
	nextActor: z.enum(['candidate', 'provider', 'referee', 'dbs-service'], { error: 'Choose who needs to act next' }),
	note: optionalText('the note', 500),
})

export async function updateCheck(applicationId: string, providerId: string, input: z.infer<typeof CheckUpdateSchema>) {
	await prisma.$transaction(async (tx) => {
		const application = await requireOwned(tx, applicationId, providerId)
		if (application.stage !== 'conditional-offer') throw new ApplicationError('Checks can only change while an offer is conditional')
		await tx.preEmploymentCheck.update({
			where: { applicationId_kind: { applicationId, kind: input.kind } },
			data: { status: input.status, nextActor: input.nextActor, note: input.note ?? '' },
		})
	})
}

/** Hires once every check is cleared; hiring the last open position closes the vacancy. */
export async function markHired(applicationId: string, providerId: string) {
	const closed = await prisma.$transaction(async (tx) => {
		const application = await requireOwned(tx, applicationId, providerId)
		assertMove(application, 'hired')
		const outstanding = await tx.preEmploymentCheck.count({ where: { applicationId, status: { not: 'cleared' } } })
		if (outstanding) throw new ApplicationError(`${outstanding} pre-employment ${outstanding === 1 ? 'check is' : 'checks are'} not cleared yet`)
		const event = await moveStage(tx, application, 'hired')
		const person = application.candidate?.candidate
		if (application.candidate && person) {
			const email = await renderEmail(hired, {
				firstName: person.firstName,
				vacancyTitle: application.vacancy.title,
				providerName: application.vacancy.provider.name,
				applicationUrl: candidateUrl(application.id),
			})
			await queueEmail(tx, { key: `stage:${application.id}:${event.id}`, to: application.candidate.email, ...email })
		}
		const hiredCount = await tx.application.count({ where: { vacancyId: application.vacancy.id, stage: 'hired' } })
		if (hiredCount < application.vacancy.positions) return false
		const closing = await tx.vacancy.updateMany({
			where: { id: application.vacancy.id, status: 'live' },
			data: { status: 'closed', closedAt: new Date(), closedReason: 'filled' },
		})
		if (closing.count) await recordVacancyChange(tx, application.vacancy.id)
		return closing.count > 0
	})
	notifyEmailOutbox()
	if (closed) notifySearchOutbox()
	return { vacancyClosed: closed }
}

export const UnsuccessfulSchema = z.object({
	reason: z.enum(ids(unsuccessfulReasons), { error: 'Choose the reason, so the candidate gets the right message' }),
	feedback: optionalText('the feedback', 1000),
})

export async function markUnsuccessful(applicationId: string, providerId: string, input: z.infer<typeof UnsuccessfulSchema>) {
	await prisma.$transaction(async (tx) => {
		const application = await requireOwned(tx, applicationId, providerId)
		assertMove(application, 'unsuccessful')
		await tx.application.update({ where: { id: applicationId }, data: { unsuccessfulReason: input.reason, feedback: input.feedback ?? null } })
		const event = await moveStage(tx, application, 'unsuccessful', input.reason)
		const person = application.candidate?.candidate
		if (!application.candidate || !person) return
		const email = await renderEmail(unsuccessful, {
			firstName: person.firstName,
			vacancyTitle: application.vacancy.title,
			providerName: application.vacancy.provider.name,
			reason: input.reason,
			feedback: input.feedback ?? null,
			searchUrl: `${publicUrl()}/jobs?${new URLSearchParams({ where: person.outcode })}`,
		})
		await queueEmail(tx, { key: `stage:${application.id}:${event.id}`, to: application.candidate.email, ...email })
	})
	notifyEmailOutbox()
}

export async function addNote(applicationId: string, providerId: string, author: { id: string; name: string }, body: string) {
	await prisma.$transaction(async (tx) => {
		await requireOwned(tx, applicationId, providerId)
		await tx.applicationNote.create({ data: { applicationId, authorId: author.id, authorName: author.name, body } })
	})
}

// ---------- the candidate's side ----------

const ownApplication = (userId: string) => ({ candidateId: userId, submittedAt: { not: null } })

export async function listCandidateApplications(userId: string) {
	return prisma.application.findMany({
		where: ownApplication(userId),
		orderBy: { submittedAt: 'desc' },
		select: {
			id: true,
			stage: true,
			submittedAt: true,
			updatedAt: true,
			vacancy: { select: { id: true, title: true, town: true, provider: { select: { name: true } } } },
		},
	})
}

export async function getCandidateApplication(applicationId: string, userId: string) {
	return prisma.application.findFirst({
		where: { id: applicationId, ...ownApplication(userId) },
		include: {
			vacancy: { select: { id: true, title: true, town: true, provider: { select: { id: true, name: true } } } },
			cv: { select: { id: true, originalName: true } },
			answers: { include: { question: true }, orderBy: { question: { position: 'asc' } } },
			events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
			interviews: { orderBy: { createdAt: 'desc' }, take: 1 },
			checks: { orderBy: { id: 'asc' } },
		},
	})
}

async function requireOwnApplication(tx: Tx, applicationId: string, userId: string) {
	const application = await tx.application.findFirst({
		where: { id: applicationId, ...ownApplication(userId) },
		select: {
			id: true,
			stage: true,
			vacancy: { select: { title: true, providerId: true } },
			candidate: { select: { name: true } },
		},
	})
	if (!application) throw new Response('Not found', { status: 404 })
	return application
}

export async function withdrawApplication(applicationId: string, userId: string) {
	await prisma.$transaction(async (tx) => {
		const application = await requireOwnApplication(tx, applicationId, userId)
		if (['hired', 'unsuccessful', 'withdrawn'].includes(application.stage)) throw new ApplicationError('This application has already finished')
		await tx.application.update({ where: { id: applicationId }, data: { stage: 'withdrawn' } })
		const event = await tx.applicationEvent.create({ data: { applicationId, stage: 'withdrawn', actor: 'candidate' } })
		const email = await renderEmail(applicationWithdrawn, {
			vacancyTitle: application.vacancy.title,
			candidateName: application.candidate?.name ?? 'A candidate',
			applicationUrl: providerUrl(applicationId),
		})
		for (const member of await teamEmails(tx, application.vacancy.providerId)) {
			await queueEmail(tx, { key: `stage:${applicationId}:${event.id}:${member.id}`, to: member.email, ...email })
		}
	})
	notifyEmailOutbox()
}

export const InterviewReplySchema = z.discriminatedUnion('reply', [
	z.object({ reply: z.literal('accept'), message: optionalText('your message', 500) }),
	z.object({
		reply: z.literal('reschedule'),
		message: z
			.string({ error: 'Say which days and times would suit you' })
			.trim()
			.min(1, { error: 'Say which days and times would suit you' })
			.max(500, { error: 'Your message must be 500 characters or fewer' }),
	}),
])

export async function replyToInterview(applicationId: string, userId: string, input: z.infer<typeof InterviewReplySchema>) {
	await prisma.$transaction(async (tx) => {
		const application = await requireOwnApplication(tx, applicationId, userId)
		if (application.stage !== 'interview') throw new ApplicationError('There is no interview to reply to')
		const interview = await tx.interview.findFirst({ where: { applicationId }, orderBy: { createdAt: 'desc' } })
		if (!interview) throw new ApplicationError('There is no interview to reply to')
		const accepted = input.reply === 'accept'
		await tx.interview.update({
			where: { id: interview.id },
			data: { response: accepted ? 'accepted' : 'reschedule-requested', responseMessage: input.message ?? null, respondedAt: new Date() },
		})
		const event = await tx.applicationEvent.create({
			data: { applicationId, stage: 'interview', actor: 'candidate', detail: accepted ? 'accepted the interview' : 'asked for another time' },
		})
		const email = await renderEmail(interviewResponse, {
			candidateName: application.candidate?.name ?? 'The candidate',
			vacancyTitle: application.vacancy.title,
			when: formatInterviewTime(interview.startsAt),
			accepted,
			message: input.message ?? null,
			applicationUrl: providerUrl(applicationId),
		})
		for (const member of await teamEmails(tx, application.vacancy.providerId)) {
			await queueEmail(tx, { key: `interview-reply:${applicationId}:${event.id}:${member.id}`, to: member.email, ...email })
		}
	})
	notifyEmailOutbox()
}
