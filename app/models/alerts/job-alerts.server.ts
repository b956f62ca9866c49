import crypto from 'node:crypto'
import { notifyEmailOutbox, queueEmail } from '#app/background/email-outbox.server.ts'
import {
	canonicalSearchUrl,
	describeSavedSearch,
	parseJobSearch,
	savedSearchQuery,
} from '#app/models/jobs/job-search.server.ts'
import { liveVacancyWhere } from '#app/models/jobs/vacancy-rules.server.ts'
import { addMonths } from '#app/utils/dates.ts'
import { prisma, type Tx } from '#app/utils/db.server.ts'
import { DomainError, NotFoundError } from '#app/utils/domain-error.ts'
import { labelOf } from '#app/utils/options.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as jobAlertConfirm from '#emails/templates/job-alert-confirm.tsx'
import * as jobAlertExists from '#emails/templates/job-alert-exists.tsx'
import * as jobAlertPaused from '#emails/templates/job-alert-paused.tsx'
import { searchVacancies } from '#search/search.server.ts'
import { alertLinks, alertToken, readAlertToken } from './alert-links.server.ts'
import {
	alertFrequencies,
	alertRules,
	foundJobAnswers,
	type AlertFrequency,
	type FoundJobAnswer,
} from './vocabulary.ts'

// "Jobs by email": a search someone asked to be sent new jobs for. Guests confirm
// their address first (double opt-in: nothing is sent before); a signed-in
// person whose address we know is theirs confirms in one step. What is sent,
// and when, is in digests.server.ts.

/** How the frequency reads in emails and on the manage page. */
export const frequencyText = (frequency: string) =>
	alertFrequencies.find((f) => f.id === frequency)?.sentence ?? labelOf(alertFrequencies, frequency)

/**
 * The search a new alert would keep, read from a /jobs address: in words, as a
 * query string, and whether it is narrow enough to send "as soon as posted".
 * A search whose place cannot be found cannot become an alert.
 */
export async function prepareAlertSearch(params: URLSearchParams) {
	// The same search the results page would run: words that are filters become them.
	const canonical = canonicalSearchUrl(params)
	const effective = canonical ? new URL(canonical, 'http://x').searchParams : params
	const parsed = parseJobSearch(effective)
	const query = savedSearchQuery(parsed.form)
	const searchHref = query ? `/jobs?${query}` : '/jobs'
	if (parsed.errors.where || parsed.errors.minpay) {
		return { ok: false as const, errors: parsed.errors, searchHref }
	}
	const current = await searchVacancies({ ...parsed.query, sort: 'newest', page: 1, perPage: 1 })
	return {
		ok: true as const,
		query,
		searchHref,
		description: describeSavedSearch(parsed.form, parsed.place),
		currentTotal: current.total,
		narrow: current.total <= alertRules.immediateMaxJobs,
	}
}

export type PreparedAlertSearch = Extract<Awaited<ReturnType<typeof prepareAlertSearch>>, { ok: true }>

/** Whether the search an alert keeps is narrow enough to be sent as soon as jobs are posted. */
export async function canSendAsPosted(query: string) {
	const search = await prepareAlertSearch(new URLSearchParams(query))
	return search.ok && search.narrow
}

function checkFrequency(frequency: AlertFrequency, search: { narrow: boolean }) {
	if (frequency === 'immediate' && !search.narrow)
		throw new DomainError(
			`“As soon as they are posted” is for searches with ${alertRules.immediateMaxJobs} jobs or fewer. Choose daily or weekly, or narrow your search.`,
			{ field: 'frequency', status: 400 },
		)
}

/**
 * Saves a job alert. A signed-in person with a confirmed address gets it at once
 * ("active"); anyone else is sent a link to confirm it ("pending"). The same
 * search twice for one address is one alert, with the frequency last chosen by
 * someone who could show the address is theirs.
 */
export async function createJobAlert(input: {
	email: string
	userId: string | null
	search: PreparedAlertSearch
	frequency: AlertFrequency
	now?: Date
}) {
	const now = input.now ?? new Date()
	checkFrequency(input.frequency, input.search)
	const user = input.userId
		? await prisma.user.findUnique({ where: { id: input.userId }, select: { email: true, emailVerifiedAt: true } })
		: null
	const confirmedByAccount = Boolean(user?.emailVerifiedAt && user.email === input.email)
	const existing = await prisma.jobAlert.findFirst({ where: { email: input.email, query: input.search.query } })
	if (!existing) {
		const count = await prisma.jobAlert.count({ where: { email: input.email } })
		if (count >= alertRules.maxPerAddress)
			throw new DomainError(
				`You already have ${alertRules.maxPerAddress} job alerts, the most we keep for one email address. Delete one you no longer need, then try again.`,
				{ field: 'email' },
			)
	}
	// Someone who cannot show the address is theirs may not change an alert it
	// already gets: the owner is emailed its manage link instead, and the page
	// shown is the same either way, so it does not tell whether the alert exists.
	if (existing && existing.status !== 'pending' && !confirmedByAccount) {
		const email = await renderEmail(jobAlertExists, {
			description: existing.description,
			frequency: frequencyText(existing.frequency),
			manageUrl: alertLinks(alertToken([existing.id])).manage,
		})
		await queueEmail(prisma, { key: `job-alert-exists:${existing.id}:${now.getTime()}`, to: existing.email, ...email })
		notifyEmailOutbox()
		return { id: existing.id, status: existing.status, existed: true, emailed: true }
	}
	// Our own id, so the confirmation link can be in the email rendered before the alert is written.
	const id = existing?.id ?? crypto.randomUUID().replaceAll('-', '')
	const email = confirmedByAccount
		? null
		: await renderEmail(jobAlertConfirm, {
				description: input.search.description,
				frequency: frequencyText(input.frequency),
				confirmUrl: alertLinks(alertToken([id])).confirm,
			})
	const alert = await prisma.$transaction(async (tx) => {
		const saved = existing
			? await tx.jobAlert.update({
					where: { id },
					data: {
						frequency: input.frequency,
						description: input.search.description,
						...(confirmedByAccount && existing.status === 'pending' ? activation(now, input.userId) : {}),
					},
				})
			: await tx.jobAlert.create({
					data: {
						id,
						email: input.email,
						query: input.search.query,
						description: input.search.description,
						frequency: input.frequency,
						...(confirmedByAccount ? activation(now, input.userId) : {}),
					},
				})
		if (email) await queueEmail(tx, { key: `job-alert-confirm:${id}:${now.getTime()}`, to: saved.email, ...email })
		return saved
	})
	if (email) notifyEmailOutbox()
	return { id: alert.id, status: alert.status, existed: Boolean(existing), emailed: Boolean(email) }
}

function activation(now: Date, userId: string | null) {
	return { status: 'active', confirmedAt: now, checkedUpTo: now, lastEngagedAt: now, ...(userId ? { userId } : {}) }
}

/** The alerts a link is for, in the order they were made; NotFoundError when the link is not one of ours. */
export async function alertsForToken(token: string) {
	const ids = readAlertToken(token)
	if (!ids) throw new NotFoundError()
	return prisma.jobAlert.findMany({
		where: { id: { in: ids } },
		orderBy: { createdAt: 'asc' },
		select: {
			id: true,
			email: true,
			query: true,
			description: true,
			frequency: true,
			status: true,
			pauseReason: true,
			lastSentAt: true,
			createdAt: true,
		},
	})
}

/** Confirms a guest's alert from the emailed link. Null when the link is not one of ours or the alert is gone. */
export async function confirmJobAlert(token: string, now = new Date()) {
	const ids = readAlertToken(token)
	if (!ids || ids.length !== 1) return null
	const alert = await prisma.jobAlert.findUnique({ where: { id: ids[0] } })
	if (!alert) return null
	if (alert.status !== 'pending') return { alert, already: true }
	const user = await prisma.user.findUnique({ where: { email: alert.email }, select: { id: true } })
	const confirmed = await prisma.jobAlert.update({ where: { id: alert.id }, data: activation(now, user?.id ?? null) })
	return { alert: confirmed, already: false }
}

/** A change made from the manage page: the alert must be one of those the link is for. */
async function alertFromLink(token: string, alertId: string) {
	const ids = readAlertToken(token)
	if (!ids || !ids.includes(alertId)) throw new NotFoundError()
	const alert = await prisma.jobAlert.findUnique({ where: { id: alertId } })
	if (!alert) throw new NotFoundError('This alert has been deleted')
	return alert
}

export async function changeAlertFrequency(token: string, alertId: string, frequency: AlertFrequency) {
	const alert = await alertFromLink(token, alertId)
	if (frequency === 'immediate' && alert.frequency !== 'immediate')
		checkFrequency(frequency, { narrow: await canSendAsPosted(alert.query) })
	await prisma.jobAlert.update({ where: { id: alert.id }, data: { frequency, lastEngagedAt: new Date() } })
}

export async function pauseAlert(token: string, alertId: string) {
	const alert = await alertFromLink(token, alertId)
	if (alert.status !== 'active') return
	await prisma.jobAlert.update({
		where: { id: alert.id },
		data: { status: 'paused', pausedAt: new Date(), pauseReason: 'by-request', lastEngagedAt: new Date() },
	})
}

/** Starts a paused alert again. Jobs posted while it was paused are not sent: it starts from now. */
export async function resumeAlert(token: string, alertId: string, now = new Date()) {
	const alert = await alertFromLink(token, alertId)
	if (alert.status !== 'paused') return
	await prisma.jobAlert.update({
		where: { id: alert.id },
		data: { status: 'active', pausedAt: null, pauseReason: null, checkedUpTo: now, lastEngagedAt: now },
	})
}

export async function deleteAlert(token: string, alertId: string) {
	const alert = await alertFromLink(token, alertId)
	await removeAlerts([alert.id], [alert.email])
}

/**
 * Unsubscribes from every alert the link is for (a digest's link covers each
 * alert in it), counting the answer to "Did you find a job?" for the region's
 * figures, linked to nobody. Returns how many alerts were deleted.
 */
export async function unsubscribe(token: string, foundJob: FoundJobAnswer | null) {
	const ids = readAlertToken(token)
	if (!ids) throw new NotFoundError()
	const alerts = await prisma.jobAlert.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })
	if (!alerts.length) return 0
	await removeAlerts(
		alerts.map((a) => a.id),
		alerts.map((a) => a.email),
		foundJob,
	)
	return alerts.length
}

async function removeAlerts(ids: string[], emails: string[], foundJob?: FoundJobAnswer | null) {
	await prisma.$transaction(async (tx) => {
		await tx.jobAlert.deleteMany({ where: { id: { in: ids } } })
		if (foundJob !== undefined) await tx.alertUnsubscribe.create({ data: { foundJob } })
		await forgetDeliveriesWithoutAlerts(tx, emails)
	})
}

/** Which jobs were sent to an address is kept only while it has alerts. */
async function forgetDeliveriesWithoutAlerts(tx: Tx, emails: string[]) {
	for (const email of new Set(emails)) {
		if (!(await tx.jobAlert.count({ where: { email } }))) await tx.alertDelivery.deleteMany({ where: { email } })
	}
}

/** Someone followed a link from an alert's email, or managed it: it is being read. */
export async function recordAlertEngagement(token: string) {
	const ids = readAlertToken(token)
	if (!ids) return []
	await prisma.jobAlert.updateMany({ where: { id: { in: ids } }, data: { lastEngagedAt: new Date() } })
	return prisma.jobAlert.findMany({ where: { id: { in: ids } }, select: { id: true, query: true } })
}

/** A signed-in person's alerts (any made with their address, signed in or not), each with its manage link. */
export async function alertsForUser(userId: string) {
	const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })
	const alerts = await prisma.jobAlert.findMany({
		where: { OR: [{ userId }, { email: user.email }] },
		orderBy: { createdAt: 'asc' },
		select: { id: true, description: true, frequency: true, status: true, query: true, lastSentAt: true },
	})
	return alerts.map((a) => ({ ...a, manageHref: `/alerts/${alertToken([a.id])}` }))
}

/** With the account: every alert for the person or their address, and the record of jobs sent to it. */
export async function deleteAlertsForAccount(tx: Tx, userId: string, email: string) {
	await tx.jobAlert.deleteMany({ where: { OR: [{ userId }, { email }] } })
	await tx.alertDelivery.deleteMany({ where: { email } })
}

/**
 * Pauses alerts whose emails nobody has opened (followed a link from) for
 * six months, telling the person once, with a link to start the alert again.
 */
export async function pauseUnreadAlerts(now = new Date()) {
	const cutoff = addMonths(now, -alertRules.pauseUnreadMonths)
	const candidates = await prisma.jobAlert.findMany({
		where: { status: 'active', lastEngagedAt: { lt: cutoff }, lastSentAt: { not: null } },
		select: { id: true, email: true, description: true, lastSentAt: true, lastEngagedAt: true },
	})
	// Emails were sent after the last time anyone followed one of their links.
	const unread = candidates.filter((a) => a.lastSentAt! > a.lastEngagedAt)
	for (const alert of unread) {
		const email = await renderEmail(jobAlertPaused, {
			description: alert.description,
			months: alertRules.pauseUnreadMonths,
			manageUrl: alertLinks(alertToken([alert.id])).manage,
		})
		await prisma.$transaction(async (tx) => {
			const paused = await tx.jobAlert.updateMany({
				where: { id: alert.id, status: 'active' },
				data: { status: 'paused', pausedAt: now, pauseReason: 'unread' },
			})
			if (paused.count)
				await queueEmail(tx, { key: `job-alert-paused:${alert.id}:${now.getTime()}`, to: alert.email, ...email })
		})
	}
	if (unread.length) notifyEmailOutbox()
	return { paused: unread.length }
}

/** Alerts never confirmed are deleted after a week; jobs that have closed need no record of being sent. */
export async function tidyJobAlerts(now = new Date()) {
	const pending = await prisma.jobAlert.deleteMany({
		where: { status: 'pending', createdAt: { lt: new Date(now.getTime() - alertRules.pendingDays * 86_400_000) } },
	})
	const deliveries = await prisma.alertDelivery.deleteMany({
		where: { vacancy: { NOT: liveVacancyWhere(now) } },
	})
	return { unconfirmed: pending.count, deliveries: deliveries.count }
}

/** The answers to "Did you find a job?", for the region's figures. */
export async function unsubscribeAnswers() {
	const rows = await prisma.alertUnsubscribe.groupBy({ by: ['foundJob'], _count: { _all: true } })
	const count = (answer: string | null) => rows.find((r) => r.foundJob === answer)?._count._all ?? 0
	return {
		total: rows.reduce((sum, r) => sum + r._count._all, 0),
		answers: foundJobAnswers.map((a) => ({ ...a, count: count(a.id) })),
		unanswered: count(null),
	}
}
