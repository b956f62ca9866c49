import { purgeExpiredData, purgeInactiveCandidates } from '#app/models/accounts/retention.server.ts'
import { sendDueDigests } from '#app/models/alerts/digests.server.ts'
import { pauseUnreadAlerts, tidyJobAlerts } from '#app/models/alerts/job-alerts.server.ts'
import { expireVisitOffers } from '#app/models/careers/visits/offers.server.ts'
import { closeExpiredVacancies } from '#app/models/jobs/vacancies.server.ts'
import { sendContinuingMatches } from '#app/models/redirect/continuing-matches.server.ts'
import { sendPoolSearchAlerts } from '#app/models/redirect/pool-alerts.server.ts'
import { sendClosingReminders } from '#app/models/saved-jobs/saved-jobs.server.ts'
import { pruneExpiredSessions } from '#app/utils/auth.server.ts'
import { nextLondonTime } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import { describeError, log } from '#app/utils/log.server.ts'
import { pruneRateLimits } from '#app/utils/rate-limit.server.ts'

// The recurring jobs, in one list. Each is due at a time kept in the database
// (RecurringJob), and an instance runs it only after moving that time on with a
// conditional update: with several instances, each run happens once.

export type RecurringJob = {
	name: string
	/** when it is next due, after running at `ranAt` */
	next: (ranAt: Date) => Date
	/** when a job never seen before is first due (at once, unless said) */
	first?: (now: Date) => Date
	run: (now: Date) => Promise<unknown>
}

const MINUTE = 60_000

export const every = (ms: number) => (ranAt: Date) => new Date(ranAt.getTime() + ms)

/** Each day at hh:mm London time (on `weekday` only, if given: 1 is Monday). */
export const londonTime = (hour: number, minute = 0, weekday?: number) => ({
	next: (ranAt: Date) => nextLondonTime(ranAt, hour, minute, weekday),
	first: (now: Date) => nextLondonTime(now, hour, minute, weekday),
})

export const recurringJobs: RecurringJob[] = [
	// Search filters by date at once; this makes the status say so too.
	{ name: 'close-expired-vacancies', next: every(MINUTE), run: (now) => closeExpiredVacancies(now) },
	// Offers nobody answered pass to the next nearest ambassador.
	{ name: 'expire-visit-offers', next: every(15 * MINUTE), run: (now) => expireVisitOffers(now) },
	{ name: 'purge-expired-data', next: every(60 * MINUTE), run: (now) => purgeExpiredData(now) },
	// Warns, then deletes, job seekers who have not used the service for 13 months.
	{ name: 'purge-inactive-candidates', next: every(24 * 60 * MINUTE), run: (now) => purgeInactiveCandidates(now) },
	{ name: 'prune-rate-limits', next: every(60 * MINUTE), run: () => pruneRateLimits() },
	{ name: 'prune-sessions', next: every(60 * MINUTE), run: () => pruneExpiredSessions() },
	// Job alerts: immediate ones every 10 to 15 minutes, daily at 7am, weekly on Mondays at 7am (digests.server.ts).
	{ name: 'send-job-alerts', next: every(5 * MINUTE), run: (now) => sendDueDigests({ now }) },
	{ name: 'pause-unread-job-alerts', ...londonTime(7, 30), run: (now) => pauseUnreadAlerts(now) },
	{ name: 'tidy-job-alerts', next: every(60 * MINUTE), run: (now) => tidyJobAlerts(now) },
	// New jobs for candidates passed on by an employer, weekly while they are followed.
	{ name: 'continuing-matches', ...londonTime(7, 30, 1), run: (now) => sendContinuingMatches(now) },
	// Verified providers' saved talent-pool searches: new candidates, weekly.
	{ name: 'talent-pool-search-alerts', ...londonTime(7, 30, 1), run: (now) => sendPoolSearchAlerts(now) },
	// "A job you saved closes soon", once for each saved job.
	{ name: 'saved-job-reminders', ...londonTime(8), run: (now) => sendClosingReminders(now) },
]

/** Takes this run of the job if it is due and no other instance has: true if it is ours. */
async function claimRun(job: RecurringJob, now: Date) {
	const claimed = await prisma.recurringJob.updateMany({
		where: { name: job.name, nextRunAt: { lte: now } },
		data: { nextRunAt: job.next(now), lastStartedAt: now },
	})
	return claimed.count === 1
}

/** Runs every job that is due now, once. Returns the names of those this call ran. */
export async function runDueJobs(jobs: RecurringJob[] = recurringJobs, now = new Date()) {
	// A job seen for the first time is due at once.
	for (const job of jobs) {
		await prisma.recurringJob.upsert({
			where: { name: job.name },
			create: { name: job.name, nextRunAt: job.first?.(now) ?? now },
			update: {},
		})
	}
	const ran: string[] = []
	for (const job of jobs) {
		if (!(await claimRun(job, now))) continue
		ran.push(job.name)
		let lastError: string | null = null
		try {
			await job.run(now)
		} catch (error) {
			lastError = describeError(error).split('\n')[0]
			log.error(`schedule:${job.name}`, describeError(error))
		}
		await prisma.recurringJob.update({ where: { name: job.name }, data: { lastFinishedAt: new Date(), lastError } })
	}
	return ran
}

/** Checks for due jobs every `tickMs` (and once at start). */
export function startSchedule(options: { jobs?: RecurringJob[]; tickMs?: number } = {}) {
	const tickMs = options.tickMs ?? 15_000
	let running = true
	let current: Promise<void> | null = null
	// A tick still running (a long job) is not started again beside itself.
	const tick = () => {
		if (!running || current) return
		current = runDueJobs(options.jobs)
			.then(() => undefined)
			.catch((error) => log.error('schedule', describeError(error)))
			.finally(() => (current = null))
	}
	tick()
	const timer = setInterval(tick, tickMs)
	timer.unref()
	return {
		async stop() {
			running = false
			clearInterval(timer)
			await current
		},
	}
}
