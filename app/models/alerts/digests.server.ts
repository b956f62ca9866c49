import crypto from 'node:crypto'
import {
	notifyEmailOutbox,
	queueLateRenderedEmails,
	type LateRenderedEmail,
} from '#app/background/email-outbox.server.ts'
import { parseJobSearch } from '#app/models/jobs/job-search.server.ts'
import { formatPayLine } from '#app/models/jobs/pay.ts'
import { formatDate, lastLondonTime } from '#app/utils/dates.ts'
import { insertRows, prisma } from '#app/utils/db.server.ts'
import { formatMiles } from '#app/utils/geo.ts'
import { subject as digestSubject, type DigestSection } from '#emails/templates/job-alert-digest.tsx'
import type { VacancyQuery } from '#search/query.ts'
import { searchRecentVacancies } from '#search/recent-index.server.ts'
import type { BatchHit as DigestHit } from '#search/search.server.ts'
import { alertLinks, alertToken } from './alert-links.server.ts'
import { alertFrequencies, alertRules, type AlertFrequency } from './vocabulary.ts'

// Job alert digests. Each active alert keeps a high-water mark (checkedUpTo):
// jobs published up to then have been looked at. A run takes every alert that is
// due, searches the jobs published since its mark, and sends each address one
// email listing the jobs it has not been sent before (AlertDelivery: a job that
// two of their alerts match is listed once, and never again). Nothing is sent
// when nothing is new; closed jobs are never listed.

const MINUTE = 60_000
const DAY = 86_400_000
// Jobs published a little before the mark are looked at again: a vacancy being
// written at the moment of the last run may have been committed just after it.
// AlertDelivery keeps them from being sent twice.
const OVERLAP_MS = 5 * MINUTE
// A digest never goes back further than this (an alert due for weeks: a weekly
// alert whose run was missed, say): older jobs are not news.
const LONGEST_WINDOW_MS = 8 * DAY
const ADDRESSES_PER_TRANSACTION = 500

/** An alert of each frequency is due when it was last looked at before this. */
export function dueBefore(now: Date): Record<AlertFrequency, Date> {
	return {
		// The schedule runs every 5 minutes: immediate alerts are looked at every 10 to 15.
		immediate: new Date(now.getTime() - (alertRules.immediateEveryMinutes - 5) * MINUTE),
		daily: lastLondonTime(now, alertRules.sendAtHour),
		weekly: lastLondonTime(now, alertRules.sendAtHour, 0, 1),
	}
}

type DueAlert = {
	id: string
	email: string
	query: string
	description: string
	frequency: string
	checkedUpTo: Date | null
	confirmedAt: Date | null
}

/** The search an alert runs: its saved search, for jobs published since its mark, nearest or newest first. */
export function digestQuery(
	alert: Pick<DueAlert, 'query' | 'checkedUpTo' | 'confirmedAt'>,
	now: Date,
): VacancyQuery | null {
	const parsed = parseJobSearch(new URLSearchParams(alert.query), now)
	// A place that no longer resolves (the place data changed): nothing can match as asked.
	if (parsed.errors.where) return null
	const mark = alert.checkedUpTo?.getTime() ?? now.getTime()
	// The overlap is for a mark a run set; the first one is when the alert was confirmed, and what was posted
	// before that the person had in front of them already.
	const overlap = alert.confirmedAt && alert.checkedUpTo && alert.checkedUpTo > alert.confirmedAt ? OVERLAP_MS : 0
	return {
		...parsed.query,
		sort: parsed.query.centre ? 'distance' : 'newest',
		page: 1,
		// more than are listed: some may have been sent already
		perPage: alertRules.jobsPerAlert + 5,
		publishedSince: new Date(Math.max(mark - overlap, now.getTime() - LONGEST_WINDOW_MS)),
		now,
	}
}

export type DigestRun = {
	dueAlerts: number
	addresses: number
	digests: number
	jobsListed: number
	/** distinct searches run (alerts with the same search and mark share one) */
	searches: number
	/** vacancies in the run's index of recent jobs (0 when the database answered) */
	recentJobs: number
	indexMs: number
	searchMs: number
	queueMs: number
	totalMs: number
	/** dry runs: what each digest would hold, without addresses */
	preview?: Array<{ alerts: number; jobs: number; subject: string }>
}

/**
 * Works out and queues every due digest. With `dryRun`, writes nothing and says
 * what would be sent. Safe beside another instance's run: each alert's mark is
 * moved on with a conditional update, and only the run that moved it sends.
 */
export async function sendDueDigests(
	options: { now?: Date; dryRun?: boolean; frequencies?: AlertFrequency[] } = {},
): Promise<DigestRun> {
	const started = performance.now()
	const now = options.now ?? new Date()
	const cutoffs = dueBefore(now)
	const frequencies = options.frequencies ?? alertFrequencies.map((f) => f.id)
	const due: DueAlert[] = await prisma.jobAlert.findMany({
		where: {
			status: 'active',
			OR: frequencies.map((frequency) => ({ frequency, checkedUpTo: { lt: cutoffs[frequency] } })),
		},
		orderBy: [{ email: 'asc' }, { createdAt: 'asc' }],
		select: {
			id: true,
			email: true,
			query: true,
			description: true,
			frequency: true,
			checkedUpTo: true,
			confirmedAt: true,
		},
	})
	const run: DigestRun = {
		dueAlerts: due.length,
		addresses: 0,
		digests: 0,
		jobsListed: 0,
		searches: 0,
		recentJobs: 0,
		indexMs: 0,
		searchMs: 0,
		queueMs: 0,
		totalMs: 0,
		...(options.dryRun ? { preview: [] } : {}),
	}
	if (!due.length) return { ...run, totalMs: performance.now() - started }

	// One search for each distinct saved search and mark.
	const searchFor = new Map<string, number>()
	const queries: VacancyQuery[] = []
	const searchOf = due.map((alert) => {
		const query = digestQuery(alert, now)
		if (!query) return -1
		const key = `${alert.query}\n${query.publishedSince!.getTime()}`
		let at = searchFor.get(key)
		if (at === undefined) {
			at = queries.push(query) - 1
			searchFor.set(key, at)
		}
		return at
	})
	const since = new Date(Math.min(...queries.map((q) => q.publishedSince!.getTime()), now.getTime()))
	const searchStarted = performance.now()
	const found = await searchRecentVacancies(since, queries, now)
	run.searches = queries.length
	run.recentJobs = found.documents
	run.indexMs = found.indexMs
	run.searchMs = performance.now() - searchStarted - found.indexMs

	const queueStarted = performance.now()
	const byAddress = new Map<string, Found[]>()
	due.forEach((alert, i) => {
		const result = searchOf[i] >= 0 ? found.results[searchOf[i]] : { hits: [], total: 0 }
		const list = byAddress.get(alert.email) ?? []
		list.push({ alert, hits: result.hits, total: result.total })
		byAddress.set(alert.email, list)
	})
	run.addresses = byAddress.size
	const addresses = [...byAddress.entries()]
	for (let i = 0; i < addresses.length; i += ADDRESSES_PER_TRANSACTION) {
		const chunk = addresses.slice(i, i + ADDRESSES_PER_TRANSACTION)
		if (options.dryRun) {
			const delivered = await deliveredAmong(prisma, chunk)
			for (const [email, alerts] of chunk) {
				const digest = assembleDigest(alerts, delivered.get(email))
				if (!digest) continue
				run.digests++
				run.jobsListed += digest.jobIds.length
				run.preview!.push({ alerts: digest.sections.length, jobs: digest.jobIds.length, subject: digest.subject })
			}
			continue
		}
		await prisma.$transaction(
			async (tx) => {
				const mine = await claimAlerts(
					tx,
					chunk.flatMap(([, alerts]) => alerts.map((a) => a.alert)),
					now,
				)
				const claimed = chunk.map(([email, alerts]) => [email, alerts.filter((a) => mine.has(a.alert.id))] as const)
				const delivered = await deliveredAmong(tx, claimed)
				const deliveries: Array<{ email: string; vacancyId: number; sentAt: Date }> = []
				const sentBy: string[] = []
				const emails: LateRenderedEmail<'job-alert-digest'>[] = []
				for (const [email, alerts] of claimed) {
					const digest = assembleDigest(alerts, delivered.get(email))
					if (!digest) continue
					deliveries.push(...digest.jobIds.map((vacancyId) => ({ email, vacancyId, sentAt: now })))
					sentBy.push(...digest.alertIds)
					const unsubscribeUrl = alertLinks(alertToken(digest.alertIds)).unsubscribe
					emails.push({
						key: `job-alert-digest:${addressKey(email)}:${now.getTime()}`,
						to: email,
						template: 'job-alert-digest',
						props: { sections: digest.sections, unsubscribeUrl },
						// RFC 8058: mail programs show an Unsubscribe button that POSTs here, with no page in between.
						headers: {
							'List-Unsubscribe': `<${unsubscribeUrl}>`,
							'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
						},
					})
					run.jobsListed += digest.jobIds.length
				}
				if (!emails.length) return
				await insertRows(tx, 'AlertDelivery', deliveries)
				await tx.jobAlert.updateMany({ where: { id: { in: sentBy } }, data: { lastSentAt: now } })
				await queueLateRenderedEmails(tx, emails)
				run.digests += emails.length
			},
			{ timeout: 60_000 },
		)
	}
	if (run.digests && !options.dryRun) notifyEmailOutbox()
	run.queueMs = performance.now() - queueStarted
	run.totalMs = performance.now() - started
	return run
}

/** A stable, short key for an address in message keys (keys show on the admin's email page). */
const addressKey = (email: string) => crypto.createHash('sha256').update(email).digest('base64url').slice(0, 16)

type Db = Pick<typeof prisma, 'alertDelivery'>
type Found = { alert: DueAlert; hits: DigestHit[]; total: number }

/** For each address, which of the jobs its alerts found were sent to it before. */
async function deliveredAmong(db: Db, addresses: ReadonlyArray<readonly [string, Found[]]>) {
	const ids = [...new Set(addresses.flatMap(([, alerts]) => alerts.flatMap((a) => a.hits.map((h) => h.id))))]
	const byEmail = new Map<string, Set<number>>()
	if (!ids.length) return byEmail
	const rows = await db.alertDelivery.findMany({
		where: { email: { in: addresses.map(([email]) => email) }, vacancyId: { in: ids } },
		select: { email: true, vacancyId: true },
	})
	for (const row of rows) byEmail.set(row.email, (byEmail.get(row.email) ?? new Set()).add(row.vacancyId))
	return byEmail
}

/**
 * Moves each alert's mark on to `now`, but only where it is still what this run
 * read: an alert another run has taken meanwhile is not ours to send. Returns
 * the ids that are ours (one statement per distinct mark, not per alert).
 */
async function claimAlerts(tx: Pick<typeof prisma, 'jobAlert'>, alerts: DueAlert[], now: Date) {
	const byMark = new Map<number, string[]>()
	for (const alert of alerts) {
		const mark = alert.checkedUpTo!.getTime()
		byMark.set(mark, [...(byMark.get(mark) ?? []), alert.id])
	}
	let moved = 0
	for (const [mark, ids] of byMark) {
		moved += (
			await tx.jobAlert.updateMany({
				where: { id: { in: ids }, status: 'active', checkedUpTo: new Date(mark) },
				data: { checkedUpTo: now },
			})
		).count
	}
	if (moved === alerts.length) return new Set(alerts.map((a) => a.id))
	// Some were taken or paused meanwhile: ours are those now marked with this run's moment.
	const ours = await tx.jobAlert.findMany({
		where: { id: { in: alerts.map((a) => a.id) }, checkedUpTo: now },
		select: { id: true },
	})
	return new Set(ours.map((a) => a.id))
}

/** One address's digest: each alert's new jobs not sent before, each job once. Null when there is nothing new. */
function assembleDigest(alerts: ReadonlyArray<Found>, delivered = new Set<number>()) {
	const listed = new Set<number>()
	const sections: DigestSection[] = []
	const alertIds: string[] = []
	for (const { alert, hits, total } of alerts) {
		const fresh = hits.filter((hit) => !delivered.has(hit.id) && !listed.has(hit.id))
		const shown = fresh.slice(0, alertRules.jobsPerAlert)
		if (!shown.length) continue
		shown.forEach((hit) => listed.add(hit.id))
		alertIds.push(alert.id)
		const links = alertLinks(alertToken([alert.id]))
		sections.push({
			description: alert.description,
			count: Math.max(shown.length, total - (hits.length - fresh.length)),
			jobs: shown.map((hit) => ({
				title: hit.title,
				url: links.job(hit.id),
				providerName: hit.providerName,
				place: hit.distanceMiles === null ? hit.town : `${hit.town}, ${formatMiles(hit.distanceMiles)} away`,
				pay: formatPayLine(hit),
				closing: formatDate(hit.closingAt * 1000),
			})),
			searchUrl: links.search,
			manageUrl: links.manage,
			unsubscribeUrl: links.unsubscribe,
		})
	}
	if (!sections.length) return null
	return { sections, alertIds, jobIds: [...listed], subject: digestSubject({ sections, unsubscribeUrl: '' }) }
}
