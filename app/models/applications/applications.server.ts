import crypto from 'node:crypto'
import { z } from 'zod'
import { notifyEmailOutbox, queueEmail, type QueuedEmail } from '#app/background/email-outbox.server.ts'
import { CONFIRM_TTL_HOURS } from '#app/models/accounts/link-lifetimes.ts'
import { liveVacancyWhere } from '#app/models/jobs/vacancy-rules.server.ts'
import { setConsent } from '#app/models/redirect/consent.server.ts'
import { recordRedirectProgress } from '#app/models/redirect/redirect-progress.server.ts'
import {
	discardUpload,
	recordUpload,
	writeUpload,
	type Upload,
	type WrittenUpload,
} from '#app/models/uploads/uploads.server.ts'
import { Prisma, prisma, type Tx } from '#app/utils/db.server.ts'
import { DomainError, NotFoundError } from '#app/utils/domain-error.ts'
import { publicUrl } from '#app/utils/env.server.ts'
import { consumeVerification, createVerification, findVerification, newToken } from '#app/utils/tokens.server.ts'
import { EmailSchema, optionalText } from '#app/utils/validation.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as applicationReceivedCandidate from '#emails/templates/application-received-candidate.tsx'
import * as applicationReceivedProvider from '#emails/templates/application-received-provider.tsx'
import * as applicationWithdrawn from '#emails/templates/application-withdrawn.tsx'
import * as confirmApplication from '#emails/templates/confirm-application.tsx'
import * as interviewResponse from '#emails/templates/interview-response.tsx'
import {
	CandidateProfileSchema,
	profileFormValues,
	profileToJson,
	saveCandidateProfile,
	type StoredProfile,
} from './candidate-profile.server.ts'
import { formatInterviewTime } from './interview-time.ts'
import { isFinished } from './vocabulary.ts'

export class ApplicationError extends DomainError {}

type Question = { id: number; kind: string; text: string }

const consentBox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean())

/** Fields for the answers to a vacancy's own questions (q<id>). */
export function answersShape(questions: Question[]) {
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
	return answers
}

/** The apply form: the candidate's profile, this job's questions, a statement, consents and (without an account) an email. */
export function applyFormSchema(questions: Question[], options: { needsEmail: boolean }) {
	return CandidateProfileSchema.extend({
		email: options.needsEmail ? EmailSchema : z.string().optional(),
		supportingStatement: optionalText('your supporting statement', 5000),
		consentRedirect: consentBox,
		consentTalentPool: consentBox,
		...answersShape(questions),
	})
}

export type ApplyInput = z.infer<ReturnType<typeof applyFormSchema>>

export function answersFrom(input: Record<string, unknown>, questions: Question[]) {
	return Object.fromEntries(questions.map((q) => [q.id, String(input[`q${q.id}`] ?? '')]))
}

export function candidateUrl(applicationId: string) {
	return `${publicUrl()}/account/applications/${applicationId}`
}

export function providerUrl(applicationId: string) {
	return `${publicUrl()}/provider/applications/${applicationId}`
}

export async function teamEmails(db: Tx, providerId: string) {
	const members = await db.teamMember.findMany({
		where: { providerId },
		select: { user: { select: { id: true, email: true } } },
	})
	return members.map((m) => m.user)
}

/** A key for an email caused by one change; unique, so the same change never queues it twice. */
export function changeKey(kind: string, applicationId: string) {
	return `${kind}:${applicationId}:${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`
}

type VacancyForApply = { id: number; title: string; providerId: string; provider: { name: string } }

/** Rendered before the transaction that queues them: rendering must not hold the database's write lock. */
async function renderReceivedEmails(
	applicationId: string,
	vacancy: VacancyForApply,
	candidate: { email: string; firstName: string; lastName: string },
) {
	const team = await teamEmails(prisma, vacancy.providerId)
	const [forCandidate, forProvider] = await Promise.all([
		renderEmail(applicationReceivedCandidate, {
			firstName: candidate.firstName,
			vacancyTitle: vacancy.title,
			providerName: vacancy.provider.name,
			applicationUrl: candidateUrl(applicationId),
		}),
		renderEmail(applicationReceivedProvider, {
			vacancyTitle: vacancy.title,
			candidateName: `${candidate.firstName} ${candidate.lastName}`,
			applicationUrl: providerUrl(applicationId),
		}),
	])
	return [
		{ key: `application-received:candidate:${applicationId}`, to: candidate.email, ...forCandidate },
		...team.map((member) => ({
			key: `application-received:provider:${applicationId}:${member.id}`,
			to: member.email,
			...forProvider,
		})),
	] satisfies QueuedEmail[]
}

async function queueAll(tx: Tx, emails: QueuedEmail[]) {
	for (const email of emails) await queueEmail(tx, email)
}

function liveVacancy(vacancyId: number) {
	return prisma.vacancy.findFirst({
		where: { id: vacancyId, ...liveVacancyWhere() },
		select: { id: true, title: true, providerId: true, provider: { select: { name: true } } },
	})
}

/** A live vacancy as the apply form needs it; null once it has closed. */
export function getVacancyToApplyFor(vacancyId: number) {
	return prisma.vacancy.findFirst({
		where: { id: vacancyId, ...liveVacancyWhere() },
		select: {
			id: true,
			title: true,
			town: true,
			roleId: true,
			payPeriod: true,
			payMin: true,
			payMax: true,
			closingDate: true,
			provider: { select: { name: true } },
			screeningQuestions: { orderBy: { position: 'asc' }, select: { id: true, text: true, kind: true } },
		},
	})
}

type PendingApplication = {
	profile: StoredProfile
	email: string
	consents: { redirect: boolean; talentPool: boolean }
}

export type ApplyRequest = {
	vacancyId: number
	profile: StoredProfile
	answers: Record<number, string>
	supportingStatement: string
	consents: { redirect: boolean; talentPool: boolean }
	cv: { upload: Upload; mimeType: string } | null
} & ({ signedInUserId: string } | { signedInUserId: null; email: string })

/**
 * Saves an application. A signed-in candidate's goes straight to the provider.
 * Anyone else's waits, unattached to any account, until the owner of the email
 * address confirms from the link we send: so nobody can apply, or change a
 * profile, in someone else's name, and the form never says whether an address
 * has applied before.
 */
export async function applyToVacancy(request: ApplyRequest) {
	const vacancy = await liveVacancy(request.vacancyId)
	if (!vacancy) throw new ApplicationError('This job is no longer taking applications')
	const file = request.cv ? await writeUpload(request.cv.upload, request.cv.mimeType) : null
	try {
		const result =
			request.signedInUserId !== null
				? await submitAsSignedIn(request.signedInUserId, vacancy, request, file)
				: await keepUntilConfirmed(request.email, vacancy, request, file)
		notifyEmailOutbox()
		return result
	} catch (error) {
		await discardUpload(file)
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
			throw new ApplicationError('You have already applied for this job')
		}
		throw error
	}
}

async function submitAsSignedIn(
	userId: string,
	vacancy: VacancyForApply,
	request: ApplyRequest,
	file: WrittenUpload | null,
) {
	const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })
	const already = await prisma.application.findFirst({
		where: { vacancyId: vacancy.id, candidateId: userId },
		select: { id: true },
	})
	if (already) throw new ApplicationError('You have already applied for this job')
	const applicationId = `a${crypto.randomBytes(12).toString('hex')}`
	const emails = await renderReceivedEmails(applicationId, vacancy, { email: user.email, ...request.profile })
	await prisma.$transaction(async (tx) => {
		if (file) await recordUpload(tx, file, userId)
		await tx.application.create({
			data: {
				id: applicationId,
				vacancyId: vacancy.id,
				candidateId: userId,
				supportingStatement: request.supportingStatement,
				cvFileId: file?.id ?? null,
				submittedAt: new Date(),
				answers: {
					create: Object.entries(request.answers).map(([questionId, answer]) => ({
						questionId: Number(questionId),
						answer,
					})),
				},
				events: { create: { stage: 'new', actor: 'candidate' } },
			},
		})
		await saveCandidateProfile(tx, userId, request.profile)
		await setConsent(tx, userId, 'redirect', request.consents.redirect, 'apply')
		await setConsent(tx, userId, 'talent-pool', request.consents.talentPool, 'apply')
		await queueAll(tx, emails)
		await recordRedirectProgress(tx, userId, { id: applicationId, providerId: vacancy.providerId }, 'applied')
		await answerInvitations(tx, userId, vacancy.id, applicationId)
	})
	return { applicationId, needsConfirmation: false as const }
}

/** Applying for a job they were invited to from the talent pool answers the invitation. */
async function answerInvitations(tx: Tx, userId: string, vacancyId: number, applicationId: string) {
	await tx.poolInvitation.updateMany({
		where: { candidateId: userId, vacancyId, status: 'sent' },
		data: { status: 'accepted', applicationId, respondedAt: new Date() },
	})
}

async function keepUntilConfirmed(
	email: string,
	vacancy: VacancyForApply,
	request: ApplyRequest,
	file: WrittenUpload | null,
) {
	const user =
		(await prisma.user.findUnique({ where: { email }, select: { id: true } })) ??
		(await prisma.user.create({ data: { email }, select: { id: true } }))
	const applicationId = `a${crypto.randomBytes(12).toString('hex')}`
	const token = newToken()
	const confirm = await renderEmail(confirmApplication, {
		firstName: request.profile.firstName,
		vacancyTitle: vacancy.title,
		providerName: vacancy.provider.name,
		confirmUrl: `${publicUrl()}/confirm-application/${token}`,
		expiresInHours: CONFIRM_TTL_HOURS,
	})
	const pending: PendingApplication = { profile: request.profile, email, consents: request.consents }
	await prisma.$transaction(async (tx) => {
		if (file) await recordUpload(tx, file, null)
		await tx.application.create({
			data: {
				id: applicationId,
				vacancyId: vacancy.id,
				candidateId: null,
				supportingStatement: request.supportingStatement,
				cvFileId: file?.id ?? null,
				pendingProfile: pending,
				answers: {
					create: Object.entries(request.answers).map(([questionId, answer]) => ({
						questionId: Number(questionId),
						answer,
					})),
				},
			},
		})
		await createVerification(tx, {
			purpose: 'confirm-application',
			userId: user.id,
			subjectId: applicationId,
			ttlMs: CONFIRM_TTL_HOURS * 3600_000,
			token,
		})
		await queueEmail(tx, { key: `confirm-application:${applicationId}`, to: email, ...confirm })
	})
	return { applicationId, needsConfirmation: true as const }
}

async function discardPending(tx: Tx, applicationId: string) {
	const application = await tx.application.findUnique({ where: { id: applicationId }, select: { cvFileId: true } })
	await tx.application.delete({ where: { id: applicationId } })
	if (application?.cvFileId) await tx.storedFile.delete({ where: { id: application.cvFileId } })
	return application?.cvFileId ?? null
}

export type ConfirmOutcome =
	| { outcome: 'sent'; userId: string; applicationId: string }
	| { outcome: 'already-applied'; userId: string; applicationId: string }
	| { outcome: 'closed'; vacancyId: number }
	| null

/**
 * The application a confirmation link is for, as its page names it; null when
 * the link is bad, used or expired. Does not use the link up (email scanners
 * open links too).
 */
export async function getApplicationAwaitingConfirmation(token: string) {
	const verification = await findVerification(prisma, 'confirm-application', token)
	if (!verification?.subjectId) return null
	const application = await prisma.application.findFirst({
		where: { id: verification.subjectId, candidateId: null, submittedAt: null },
		select: { vacancy: { select: { title: true, provider: { select: { name: true } } } } },
	})
	return application ? { title: application.vacancy.title, providerName: application.vacancy.provider.name } : null
}

/**
 * The candidate pressed the button from their email: the address is confirmed,
 * what they typed becomes their profile, and the application goes to the
 * provider, unless the job has closed meanwhile or they had already applied.
 */
export async function confirmApplicationEmail(token: string): Promise<ConfirmOutcome> {
	const verification = await findVerification(prisma, 'confirm-application', token)
	if (!verification?.subjectId) return null
	const pendingApplication = await prisma.application.findFirst({
		where: { id: verification.subjectId, candidateId: null, submittedAt: null },
		select: { id: true, vacancyId: true, pendingProfile: true, cvFileId: true },
	})
	if (!pendingApplication) return null
	const pending = pendingApplication.pendingProfile as PendingApplication
	const vacancy = await liveVacancy(pendingApplication.vacancyId)
	const userId = verification.userId

	if (!vacancy) {
		const discarded = await prisma.$transaction(async (tx) => {
			if (!(await consumeVerification(tx, 'confirm-application', token))) return null
			return discardPending(tx, pendingApplication.id)
		})
		if (discarded) await discardUpload({ id: discarded })
		return { outcome: 'closed', vacancyId: pendingApplication.vacancyId }
	}

	const emails = await renderReceivedEmails(pendingApplication.id, vacancy, {
		email: pending.email,
		...pending.profile,
	})
	const outcome = await prisma.$transaction(async (tx): Promise<ConfirmOutcome> => {
		if (!(await consumeVerification(tx, 'confirm-application', token))) return null
		await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } })
		const existing = await tx.application.findFirst({
			where: { vacancyId: vacancy.id, candidateId: userId },
			select: { id: true },
		})
		if (existing) {
			await discardPending(tx, pendingApplication.id)
			return { outcome: 'already-applied', userId, applicationId: existing.id }
		}
		await tx.application.update({
			where: { id: pendingApplication.id },
			data: {
				candidateId: userId,
				submittedAt: new Date(),
				pendingProfile: Prisma.DbNull,
				events: { create: { stage: 'new', actor: 'candidate' } },
			},
		})
		if (pendingApplication.cvFileId)
			await tx.storedFile.update({ where: { id: pendingApplication.cvFileId }, data: { ownerId: userId } })
		await saveCandidateProfile(tx, userId, pending.profile)
		await setConsent(tx, userId, 'redirect', pending.consents.redirect, 'apply')
		await setConsent(tx, userId, 'talent-pool', pending.consents.talentPool, 'apply')
		await queueAll(tx, emails)
		await recordRedirectProgress(tx, userId, { id: pendingApplication.id, providerId: vacancy.providerId }, 'applied')
		await answerInvitations(tx, userId, vacancy.id, pendingApplication.id)
		return { outcome: 'sent', userId, applicationId: pendingApplication.id }
	})
	if (outcome?.outcome === 'sent') notifyEmailOutbox()
	return outcome
}

/** One step, with the profile the candidate already has (redirect matches and pool invitations). */
export async function applyWithProfile(userId: string, vacancyId: number, answers: Record<number, string>) {
	const profile = await prisma.candidateProfile.findUnique({ where: { userId } })
	if (!profile) throw new ApplicationError('Add your details before applying')
	const consents = await prisma.consent.findMany({ where: { userId, withdrawnAt: null }, select: { kind: true } })
	const values = profileFormValues(profile)
	const result = CandidateProfileSchema.safeParse({ ...values, postcode: profile.postcode })
	if (!result.success) {
		// Details saved before a rule they no longer meet (a postcode we cannot find, say).
		const problem = result.error.issues[0]?.message ?? 'Something in them is missing'
		throw new ApplicationError(
			`Update your details (in “Your details”) before applying: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`,
		)
	}
	const parsed = result.data
	return applyToVacancy({
		vacancyId,
		signedInUserId: userId,
		profile: { ...profileToJson(parsed), travelMiles: profile.travelMiles },
		answers,
		supportingStatement: '',
		consents: {
			redirect: consents.some((c) => c.kind === 'redirect'),
			talentPool: consents.some((c) => c.kind === 'talent-pool'),
		},
		cv: null,
	})
}

// ---------- what each side sees ----------

/** Submitted applications to this provider's vacancies only: the ownership check lives in the query. */
export const ownedBy = (providerId: string) => ({ submittedAt: { not: null }, vacancy: { providerId } })

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
				candidate: {
					select: { name: true, candidate: { select: { firstName: true, lastName: true, outcode: true } } },
				},
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
			vacancy: {
				select: {
					id: true,
					title: true,
					roleId: true,
					positions: true,
					status: true,
					provider: { select: { name: true } },
				},
			},
			candidate: { select: { email: true, candidate: true } },
			cv: { select: { id: true, originalName: true, size: true, mimeType: true } },
			answers: { include: { question: true }, orderBy: { question: { position: 'asc' } } },
			events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
			notes: { orderBy: { createdAt: 'desc' } },
			interviews: { orderBy: { createdAt: 'desc' }, take: 1 },
			checks: { orderBy: { id: 'asc' } },
			redirect: { select: { status: true, matchesReadyAt: true, _count: { select: { matches: true } } } },
		},
	})
}

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

/** The candidate's sent application to this vacancy, if they have sent one. */
export async function findSubmittedApplication(vacancyId: number, userId: string) {
	return prisma.application.findFirst({
		where: { vacancyId, ...ownApplication(userId) },
		select: { id: true, submittedAt: true },
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

async function loadOwnApplication(applicationId: string, userId: string) {
	const application = await prisma.application.findFirst({
		where: { id: applicationId, ...ownApplication(userId) },
		select: {
			id: true,
			stage: true,
			vacancy: { select: { title: true, providerId: true } },
			candidate: { select: { name: true } },
		},
	})
	if (!application) throw new NotFoundError()
	return application
}

export async function withdrawApplication(applicationId: string, userId: string) {
	const application = await loadOwnApplication(applicationId, userId)
	if (isFinished(application.stage)) throw new ApplicationError('This application has already finished')
	const team = await teamEmails(prisma, application.vacancy.providerId)
	const email = await renderEmail(applicationWithdrawn, {
		vacancyTitle: application.vacancy.title,
		candidateName: application.candidate?.name ?? 'A candidate',
		applicationUrl: providerUrl(applicationId),
	})
	await prisma.$transaction(async (tx) => {
		const moved = await tx.application.updateMany({
			where: { id: applicationId, stage: application.stage },
			data: { stage: 'withdrawn' },
		})
		if (!moved.count) throw new ApplicationError('This application changed just now. Reload the page to see it.')
		await tx.applicationEvent.create({ data: { applicationId, stage: 'withdrawn', actor: 'candidate' } })
		const key = changeKey('withdrawn', applicationId)
		for (const member of team) await queueEmail(tx, { key: `${key}:${member.id}`, to: member.email, ...email })
	})
	notifyEmailOutbox()
}

export const InterviewReplySchema = z
	.object({
		reply: z.enum(['accept', 'reschedule'], { error: 'Say whether you can make the interview' }),
		message: optionalText('your message', 500),
	})
	.superRefine((input, ctx) => {
		if (input.reply === 'reschedule' && !input.message) {
			ctx.addIssue({ code: 'custom', path: ['message'], message: 'Say which days and times would suit you' })
		}
	})

export async function replyToInterview(
	applicationId: string,
	userId: string,
	input: z.infer<typeof InterviewReplySchema>,
) {
	const application = await loadOwnApplication(applicationId, userId)
	if (application.stage !== 'interview') throw new ApplicationError('There is no interview to reply to')
	const interview = await prisma.interview.findFirst({ where: { applicationId }, orderBy: { createdAt: 'desc' } })
	if (!interview) throw new ApplicationError('There is no interview to reply to')
	const accepted = input.reply === 'accept'
	const team = await teamEmails(prisma, application.vacancy.providerId)
	const email = await renderEmail(interviewResponse, {
		candidateName: application.candidate?.name ?? 'The candidate',
		vacancyTitle: application.vacancy.title,
		when: formatInterviewTime(interview.startsAt),
		accepted,
		message: input.message ?? null,
		applicationUrl: providerUrl(applicationId),
	})
	await prisma.$transaction(async (tx) => {
		const updated = await tx.interview.updateMany({
			where: { id: interview.id, sequence: interview.sequence },
			data: {
				response: accepted ? 'accepted' : 'reschedule-requested',
				responseMessage: input.message ?? null,
				respondedAt: new Date(),
			},
		})
		if (!updated.count)
			throw new ApplicationError('The interview time changed just now. Reload the page to see the new time.')
		await tx.applicationEvent.create({
			data: {
				applicationId,
				stage: 'interview',
				actor: 'candidate',
				detail: accepted ? 'accepted the interview' : 'asked for another time',
			},
		})
		const key = changeKey('interview-reply', applicationId)
		for (const member of team) await queueEmail(tx, { key: `${key}:${member.id}`, to: member.email, ...email })
	})
	notifyEmailOutbox()
}
