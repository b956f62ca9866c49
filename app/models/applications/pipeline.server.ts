import crypto from 'node:crypto'
import { TZDate } from '@date-fns/tz'
import { z } from 'zod'
import { notifyEmailOutbox, queueEmail, type QueuedEmail } from '#app/background/email-outbox.server.ts'
import { notifySearchOutbox, recordVacancyChange } from '#app/background/search-outbox.server.ts'
import { notifyTasks, queueTask } from '#app/background/task-outbox.server.ts'
import { careRoles } from '#app/models/jobs/care-roles.server.ts'
import { activeConsents } from '#app/models/redirect/consent.server.ts'
import { recordRedirectProgress } from '#app/models/redirect/redirect-progress.server.ts'
import { LONDON } from '#app/utils/dates.ts'
import { prisma, type Tx } from '#app/utils/db.server.ts'
import { NotFoundError } from '#app/utils/domain-error.ts'
import { getEnv, publicUrl } from '#app/utils/env.server.ts'
import { ids } from '#app/utils/options.ts'
import { optionalText } from '#app/utils/validation.ts'
import { interviewCancellation, interviewInvitation as interviewIcs } from '#emails/ics.server.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as applicationReviewing from '#emails/templates/application-reviewing.tsx'
import * as conditionalOffer from '#emails/templates/conditional-offer.tsx'
import * as hired from '#emails/templates/hired.tsx'
import * as interviewInvitation from '#emails/templates/interview-invitation.tsx'
import * as unsuccessful from '#emails/templates/unsuccessful.tsx'
import { mailAddress, mailDomain } from '#emails/transport.server.ts'
import { ApplicationError, candidateUrl, changeKey, ownedBy } from './applications.server.ts'
import { formatInterviewTime } from './interview-time.ts'
import { checkKinds, unsuccessfulReasons, type StageId } from './vocabulary.ts'

// The provider's side of an application: each step moves the stage, records
// it in the history and emails the candidate, all in one transaction.

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

async function loadOwned(applicationId: string, providerId: string) {
	const application = await prisma.application.findFirst({
		where: { id: applicationId, ...ownedBy(providerId) },
		select: {
			id: true,
			stage: true,
			candidateId: true,
			vacancy: {
				select: {
					id: true,
					title: true,
					roleId: true,
					providerId: true,
					positions: true,
					status: true,
					provider: { select: { name: true } },
				},
			},
			candidate: { select: { email: true, candidate: { select: { firstName: true, lastName: true, outcode: true } } } },
		},
	})
	if (!application) throw new NotFoundError()
	return application
}

type Owned = Awaited<ReturnType<typeof loadOwned>>

function assertMove(application: Owned, to: StageId) {
	if (!nextStages(application.stage).includes(to)) {
		throw new ApplicationError(`An application at “${application.stage}” cannot move to “${to}”`)
	}
}

/**
 * Moves the stage only if nobody else moved it since we read it (two team
 * members, two tabs), then records the event and queues the emails rendered
 * beforehand.
 */
async function transition(
	application: Owned,
	to: StageId,
	options: {
		emails?: QueuedEmail[]
		data?: Record<string, unknown>
		detail?: string
		alsoInTransaction?: (tx: Tx) => Promise<void>
	} = {},
) {
	await prisma.$transaction(async (tx) => {
		const moved = await tx.application.updateMany({
			where: { id: application.id, stage: application.stage },
			data: { stage: to, ...options.data },
		})
		if (!moved.count)
			throw new ApplicationError('Someone changed this application just now. Reload the page to see where it is.')
		await tx.applicationEvent.create({
			data: { applicationId: application.id, stage: to, actor: 'provider', detail: options.detail ?? null },
		})
		await options.alsoInTransaction?.(tx)
		for (const email of options.emails ?? []) await queueEmail(tx, email)
	})
	notifyEmailOutbox()
}

function person(application: Owned) {
	const profile = application.candidate?.candidate
	return application.candidate && profile ? { email: application.candidate.email, ...profile } : null
}

export async function markReviewing(applicationId: string, providerId: string) {
	const application = await loadOwned(applicationId, providerId)
	assertMove(application, 'reviewing')
	const who = person(application)
	const emails = who
		? [
				{
					key: changeKey('reviewing', applicationId),
					to: who.email,
					...(await renderEmail(applicationReviewing, {
						firstName: who.firstName,
						vacancyTitle: application.vacancy.title,
						providerName: application.vacancy.provider.name,
						applicationUrl: candidateUrl(applicationId),
					})),
				},
			]
		: []
	await transition(application, 'reviewing', { emails })
}

export const InterviewSchema = z
	.object({
		interviewDay: z.coerce
			.number({ error: 'Interview date must include a day' })
			.int()
			.min(1, { error: 'Interview date must be a real date' })
			.max(31, { error: 'Interview date must be a real date' }),
		interviewMonth: z.coerce
			.number({ error: 'Interview date must include a month' })
			.int()
			.min(1, { error: 'Interview date must be a real date' })
			.max(12, { error: 'Interview date must be a real date' }),
		interviewYear: z.coerce
			.number({ error: 'Interview date must include a year' })
			.int()
			.min(2000, { error: 'Year must include 4 numbers' })
			.max(2100, { error: 'Interview date must be a real date' }),
		time: z
			.string({ error: 'Enter the time, like 2:30pm or 14:30' })
			.trim()
			.refine((t) => parseClockTime(t) !== null, { error: 'Enter a real time, like 2:30pm or 14:30' }),
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
			.refine((v) => v === undefined || /^https:\/\/\S+$/.test(v), {
				error: 'Enter the video link starting with https://',
			}),
		details: optionalText('the details', 2000),
	})
	.superRefine((input, ctx) => {
		if (!input.location && !input.videoUrl) {
			ctx.addIssue({ code: 'custom', path: ['location'], message: 'Enter where the interview is, or a video link' })
		}
		// The date is checked on its own: a time that could not be read has its own message.
		const day = new TZDate(input.interviewYear, input.interviewMonth - 1, input.interviewDay, 12, 0, 0, LONDON)
		if (day.getDate() !== input.interviewDay || day.getMonth() !== input.interviewMonth - 1) {
			ctx.addIssue({ code: 'custom', path: ['interviewDay'], message: 'Interview date must be a real date' })
			return
		}
		if (parseClockTime(input.time) === null) return
		const startsAt = interviewStart(input)
		if (startsAt.getDate() !== input.interviewDay || startsAt.getMonth() !== input.interviewMonth - 1) {
			ctx.addIssue({ code: 'custom', path: ['interviewDay'], message: 'Interview date must be a real date' })
		} else if (startsAt.getTime() < Date.now()) {
			ctx.addIssue({ code: 'custom', path: ['interviewDay'], message: 'Interview date must be in the future' })
		}
	})
	.transform((input) => ({
		startsAt: new Date(interviewStart(input).getTime()),
		durationMinutes: input.durationMinutes,
		location: input.location ?? null,
		videoUrl: input.videoUrl ?? null,
		details: input.details ?? '',
	}))

/**
 * A time as people write it: 14:30, 14.30, 1430, 2:30pm, 2.30 pm, 2pm, 12 noon.
 * The hour and minute in London, or null when it is not a real time.
 */
export function parseClockTime(text: string) {
	const t = text.trim().toLowerCase().replace(/\s+/g, '')
	if (t === 'noon' || t === '12noon' || t === 'midday') return { hour: 12, minute: 0 }
	const m = t.match(/^(\d{1,2})(?:[:.]?(\d{2}))?(am|pm|a\.m\.|p\.m\.)?$/)
	if (!m) return null
	let hour = Number(m[1])
	const minute = m[2] === undefined ? 0 : Number(m[2])
	const half = m[3]?.[0]
	if (minute > 59) return null
	if (half) {
		if (hour < 1 || hour > 12) return null
		hour = (hour % 12) + (half === 'p' ? 12 : 0)
	} else if (m[2] === undefined || hour > 23) return null
	return { hour, minute }
}

function interviewStart(input: { interviewYear: number; interviewMonth: number; interviewDay: number; time: string }) {
	const { hour, minute } = parseClockTime(input.time)!
	return new TZDate(input.interviewYear, input.interviewMonth - 1, input.interviewDay, hour, minute, 0, LONDON)
}

export type InterviewInput = z.output<typeof InterviewSchema>

/** Invites the candidate to an interview, or moves an existing one (same calendar event, next sequence). */
export async function scheduleInterview(applicationId: string, providerId: string, input: InterviewInput) {
	const application = await loadOwned(applicationId, providerId)
	assertMove(application, 'interview')
	const previous =
		application.stage === 'interview'
			? await prisma.interview.findFirst({ where: { applicationId }, orderBy: { createdAt: 'desc' } })
			: null
	const interviewId = previous?.id ?? `i${crypto.randomBytes(12).toString('hex')}`
	const sequence = previous ? previous.sequence + 1 : 0
	const who = person(application)
	const emails: QueuedEmail[] = []
	if (who) {
		const email = await renderEmail(interviewInvitation, {
			firstName: who.firstName,
			vacancyTitle: application.vacancy.title,
			providerName: application.vacancy.provider.name,
			when: formatInterviewTime(input.startsAt),
			durationMinutes: input.durationMinutes,
			location: input.location,
			videoUrl: input.videoUrl,
			details: input.details,
			applicationUrl: candidateUrl(application.id),
			isChange: Boolean(previous),
		})
		const ics = interviewIcs({
			interviewId,
			sequence,
			startsAt: input.startsAt,
			durationMinutes: input.durationMinutes,
			title: `Interview: ${application.vacancy.title} with ${application.vacancy.provider.name}`,
			description: [input.details, `Reply: ${candidateUrl(application.id)}`].filter(Boolean).join('\n\n'),
			location: input.location,
			videoUrl: input.videoUrl,
			organiser: { name: application.vacancy.provider.name, email: mailAddress(getEnv().MAIL_FROM) },
			attendee: { name: `${who.firstName} ${who.lastName}`, email: who.email },
			domain: mailDomain(getEnv().MAIL_FROM),
		})
		emails.push({ key: changeKey('interview', applicationId), to: who.email, attachments: [ics], ...email })
	}
	await transition(application, 'interview', {
		emails,
		detail: previous ? 'time changed' : undefined,
		alsoInTransaction: async (tx) => {
			if (previous) {
				await tx.interview.update({
					where: { id: previous.id },
					data: { ...input, sequence, response: 'pending', responseMessage: null, respondedAt: null },
				})
			} else {
				await tx.interview.create({ data: { id: interviewId, applicationId, ...input } })
			}
		},
	})
}

const nextStepWords: Record<string, string> = {
	candidate: 'the employer will ask you for documents or details',
	referee: 'the employer will ask you for two referees, then contact them',
	provider: 'the employer will arrange it',
	'dbs-service': 'the employer applies to the Disclosure and Barring Service for you',
}

export async function makeConditionalOffer(applicationId: string, providerId: string) {
	const application = await loadOwned(applicationId, providerId)
	assertMove(application, 'conditional-offer')
	const who = person(application)
	const emails = who
		? [
				{
					key: changeKey('offer', applicationId),
					to: who.email,
					...(await renderEmail(conditionalOffer, {
						firstName: who.firstName,
						vacancyTitle: application.vacancy.title,
						providerName: application.vacancy.provider.name,
						checks: checkKinds.map((k) => ({ label: k.label, nextStep: nextStepWords[k.firstActor] })),
						applicationUrl: candidateUrl(application.id),
					})),
				},
			]
		: []
	await transition(application, 'conditional-offer', {
		emails,
		alsoInTransaction: async (tx) => {
			await tx.preEmploymentCheck.createMany({
				data: checkKinds.map((k) => ({ applicationId, kind: k.id, nextActor: k.firstActor })),
			})
		},
	})
}

export const CheckUpdateSchema = z.object({
	kind: z.enum(ids(checkKinds)),
	status: z.enum(['not-started', 'in-progress', 'cleared', 'problem'], { error: 'Choose the status of the check' }),
	nextActor: z.enum(['candidate', 'provider', 'referee', 'dbs-service'], { error: 'Choose who needs to act next' }),
	note: optionalText('the note', 500),
})

export async function updateCheck(applicationId: string, providerId: string, input: z.infer<typeof CheckUpdateSchema>) {
	const application = await loadOwned(applicationId, providerId)
	if (application.stage !== 'conditional-offer')
		throw new ApplicationError('Checks can only change while an offer is conditional')
	await prisma.$transaction(async (tx) => {
		const before = await tx.preEmploymentCheck.findUniqueOrThrow({
			where: { applicationId_kind: { applicationId, kind: input.kind } },
		})
		await tx.preEmploymentCheck.update({
			where: { id: before.id },
			data: { status: input.status, nextActor: input.nextActor, note: input.note ?? '' },
		})
		// Cleared checks and problems are milestones the candidate sees in their history.
		if (before.status !== input.status && (input.status === 'cleared' || input.status === 'problem')) {
			const label = checkKinds.find((k) => k.id === input.kind)?.label ?? input.kind
			await tx.applicationEvent.create({
				data: {
					applicationId,
					stage: 'conditional-offer',
					actor: 'provider',
					detail: `${label}: ${input.status === 'cleared' ? 'cleared' : 'needs attention'}`,
				},
			})
		}
	})
}

/** Hires once every check is cleared; hiring the last open position closes the vacancy. */
export async function markHired(applicationId: string, providerId: string) {
	const application = await loadOwned(applicationId, providerId)
	assertMove(application, 'hired')
	const [outstanding, hiredSoFar] = await Promise.all([
		prisma.preEmploymentCheck.count({ where: { applicationId, status: { not: 'cleared' } } }),
		prisma.application.count({ where: { vacancyId: application.vacancy.id, stage: 'hired' } }),
	])
	if (outstanding)
		throw new ApplicationError(
			`${outstanding} pre-employment ${outstanding === 1 ? 'check is' : 'checks are'} not cleared yet`,
		)
	if (hiredSoFar >= application.vacancy.positions) {
		throw new ApplicationError(`All ${application.vacancy.positions} positions for this vacancy are already filled`)
	}
	const who = person(application)
	const emails = who
		? [
				{
					key: changeKey('hired', applicationId),
					to: who.email,
					...(await renderEmail(hired, {
						firstName: who.firstName,
						vacancyTitle: application.vacancy.title,
						providerName: application.vacancy.provider.name,
						applicationUrl: candidateUrl(application.id),
					})),
				},
			]
		: []
	let vacancyClosed = false
	await transition(application, 'hired', {
		emails,
		alsoInTransaction: async (tx) => {
			if (application.candidateId) {
				await recordRedirectProgress(
					tx,
					application.candidateId,
					{ id: applicationId, providerId: application.vacancy.providerId },
					'hired',
				)
			}
			if (hiredSoFar + 1 < application.vacancy.positions) return
			const closing = await tx.vacancy.updateMany({
				where: { id: application.vacancy.id, status: 'live' },
				data: { status: 'closed', closedAt: new Date(), closedReason: 'filled' },
			})
			if (closing.count) await recordVacancyChange(tx, application.vacancy.id)
			vacancyClosed = closing.count > 0
		},
	})
	if (vacancyClosed) notifySearchOutbox()
	return { vacancyClosed }
}

const roleIds = careRoles.map((r) => r.id) as [string, ...string[]]

export const UnsuccessfulSchema = z
	.object({
		reason: z.enum(ids(unsuccessfulReasons), { error: 'Choose the reason, so the candidate gets the right message' }),
		feedback: optionalText('the feedback', 1000),
		suitable: z.enum(['yes', 'no'], { error: 'Say whether they could suit other roles' }),
		suitableRoles: z.preprocess(
			(v) => (v == null || v === '' ? [] : Array.isArray(v) ? v : [v]),
			z.array(z.enum(roleIds)),
		),
	})
	.superRefine((input, ctx) => {
		if (input.reason === 'other' && !input.feedback) {
			ctx.addIssue({
				code: 'custom',
				path: ['feedback'],
				message: 'Tell the candidate why, in a sentence or two: “another reason” alone is not enough',
			})
		}
		if (input.suitable === 'yes' && input.suitableRoles.length === 0) {
			ctx.addIssue({ code: 'custom', path: ['suitableRoles'], message: 'Choose at least one role they could do' })
		}
	})

/**
 * Turns the candidate down kindly. If the provider says they would suit other
 * roles and the candidate agreed to be passed on, a redirect is created in the
 * same transaction and their matches are found in the background.
 */
export async function markUnsuccessful(
	applicationId: string,
	providerId: string,
	input: z.infer<typeof UnsuccessfulSchema>,
) {
	const application = await loadOwned(applicationId, providerId)
	assertMove(application, 'unsuccessful')
	const who = person(application)
	const emails: QueuedEmail[] = []
	if (who) {
		const email = await renderEmail(unsuccessful, {
			firstName: who.firstName,
			vacancyTitle: application.vacancy.title,
			providerName: application.vacancy.provider.name,
			reason: input.reason,
			feedback: input.feedback ?? null,
			searchUrl: `${publicUrl()}/jobs?${new URLSearchParams({ where: who.outcode })}`,
		})
		// An interview still to come is taken out of their calendar.
		const interview = await prisma.interview.findFirst({
			where: { applicationId, startsAt: { gt: new Date() } },
			orderBy: { createdAt: 'desc' },
		})
		const attachments = interview
			? [
					interviewCancellation({
						interviewId: interview.id,
						sequence: interview.sequence + 1,
						startsAt: interview.startsAt,
						durationMinutes: interview.durationMinutes,
						title: `Interview: ${application.vacancy.title} with ${application.vacancy.provider.name}`,
						organiser: { name: application.vacancy.provider.name, email: mailAddress(getEnv().MAIL_FROM) },
						attendee: { name: `${who.firstName} ${who.lastName}`, email: who.email },
						domain: mailDomain(getEnv().MAIL_FROM),
					}),
				]
			: undefined
		emails.push({ key: changeKey('unsuccessful', applicationId), to: who.email, attachments, ...email })
	}
	const suitable = input.suitable === 'yes'
	let redirected = false
	await transition(application, 'unsuccessful', {
		emails,
		data: {
			unsuccessfulReason: input.reason,
			feedback: input.feedback ?? null,
			suitableForOtherRoles: suitable,
			suitableRoles: suitable ? input.suitableRoles : [],
		},
		alsoInTransaction: async (tx) => {
			if (!suitable || !application.candidateId) return
			const consents = await activeConsents(tx, application.candidateId)
			if (!consents.redirect) return
			const redirect = await tx.redirect.create({
				data: {
					applicationId,
					candidateId: application.candidateId,
					fromProviderId: providerId,
					roles: input.suitableRoles,
				},
			})
			await queueTask(tx, 'redirect-matches', redirect.id)
			redirected = true
		},
	})
	if (redirected) notifyTasks()
	return { redirected }
}

export const NoteSchema = z.object({
	body: z
		.string({ error: 'Write the note' })
		.trim()
		.min(1, { error: 'Write the note' })
		.max(2000, { error: 'Notes must be 2,000 characters or fewer' }),
})

/** A note only the provider's team sees, signed with the team member's name (or email, if they gave none). */
export async function addNote(applicationId: string, providerId: string, authorId: string, body: string) {
	await loadOwned(applicationId, providerId)
	const author = await prisma.user.findUniqueOrThrow({ where: { id: authorId }, select: { name: true, email: true } })
	await prisma.applicationNote.create({
		data: { applicationId, authorId, authorName: author.name ?? author.email, body },
	})
}

const stillInPlay: StageId[] = ['new', 'reviewing', 'interview', 'conditional-offer']

/**
 * What the provider's page for one application says beyond the application
 * itself: whether hiring this candidate fills the vacancy's last position, how
 * many other applicants are still waiting to hear, and whether the candidate
 * asked to be passed on to other employers if turned down.
 */
export async function applicationSituation(application: {
	id: string
	candidateId: string | null
	vacancy: { id: number; positions: number }
}) {
	const [hiredSoFar, stillOpen, consents] = await Promise.all([
		prisma.application.count({ where: { vacancyId: application.vacancy.id, stage: 'hired' } }),
		prisma.application.count({
			where: {
				vacancyId: application.vacancy.id,
				submittedAt: { not: null },
				stage: { in: stillInPlay },
				id: { not: application.id },
			},
		}),
		application.candidateId ? activeConsents(prisma, application.candidateId) : null,
	])
	return {
		lastPosition: hiredSoFar + 1 >= application.vacancy.positions,
		stillOpen,
		canRedirect: Boolean(consents?.redirect),
	}
}

/** How many people have applied for a vacancy (sent applications only). */
export async function countApplicants(vacancyId: number) {
	return prisma.application.count({ where: { vacancyId, submittedAt: { not: null } } })
}

/** The provider's vacancies that someone has applied for, by title, to filter the applicants by. */
export async function vacanciesWithApplicants(providerId: string) {
	return prisma.vacancy.findMany({
		where: { providerId, applications: { some: { submittedAt: { not: null } } } },
		orderBy: { title: 'asc' },
		select: { id: true, title: true, town: true },
	})
}
