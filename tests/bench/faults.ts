/**
 * Fault drill on the bench data (npm run bench:seed first):
 *
 *   npm run bench:faults [-- --seconds 70]
 *
 * Runs the production build with its own Meilisearch (on the bench data) and a
 * real SMTP server, both of which this script can break, under search load (the
 * realistic mix) and apply load (people applying without an account, each from
 * their own address, as behind a proxy). Then, on a timeline:
 *
 *   10 s  Meilisearch stops; 10 s later it starts again
 *   25 s  the SMTP server refuses every message (451); 10 s later it accepts again
 *   40 s  the app is restarted (SIGTERM, then started as npm start does)
 *
 * When the load stops it waits for the outbox to drain and reports: 5xx answers
 * seen by users, applications lost (the user was told it was saved but the
 * database does not have it), emails lost or sent twice (each application's
 * confirmation email must reach its inbox exactly once) and index drift
 * (Meilisearch against the database). All four must be 0.
 */
import { numberArgument, requireBenchData, useBenchDataDir } from './lib/bench-env.ts'

const dir = useBenchDataDir()
const SECONDS = numberArgument('seconds', 70)
const SEARCH_CONNECTIONS = numberArgument('search-connections', 8)
const APPLY_CONNECTIONS = numberArgument('apply-connections', 2)

const path = await import('node:path')
requireBenchData(dir)
const { startApp } = await import('./lib/app-process.ts')
const { httpLoad } = await import('./lib/load.ts')
const { searchMix, zipfSampler } = await import('./lib/search-mix.ts')
const { renderTable } = await import('./lib/table.ts')
const { saveResult } = await import('./lib/results.ts')
const { applyLoad, checkApplications, drillVacancies, waitForOutbox } = await import('./lib/apply-drill.ts')
const { startDrillServices } = await import('./lib/drill-services.ts')
const { findDrift } = await import('#search/indexing.server.ts')
const { prisma } = await import('#app/utils/db.server.ts')

const services = await startDrillServices()
const { mail, masterKey } = services

const app = await startApp({
	port: Number(process.env.BENCH_PORT ?? 3900),
	env: { MEILI_URL: services.meiliUrl, MEILI_MASTER_KEY: masterKey, SMTP_URL: mail.url, TRUST_PROXY_HOPS: '1' },
})
console.log(`App answering after ${(app.startMs / 1000).toFixed(1)} s; load for ${SECONDS} s`)

const startedAt = performance.now()
const at = (seconds: number) =>
	new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + seconds * 1000 - performance.now())))
const events: Array<{ atSeconds: number; event: string }> = []
const note = (event: string) => {
	const atSeconds = Math.round((performance.now() - startedAt) / 100) / 10
	events.push({ atSeconds, event })
	console.log(`  ${atSeconds.toFixed(1)} s  ${event}`)
}

let stopLoad!: () => void
const loadOver = new Promise<void>((resolve) => (stopLoad = resolve))

// Search load.
const pool = searchMix(2_000, { seed: 3 }).map((s) => s.url)
const pick = zipfSampler(pool, 1, 11)
const searchLoad = httpLoad({
	url: app.url,
	connections: SEARCH_CONNECTIONS,
	until: loadOver,
	headers: { accept: 'text/html' },
	next: () => ({ path: pick() }),
})

// Apply load: each applicant a new person from a new address, to a live vacancy.
const vacancyIds = await drillVacancies()
const runId = Date.now().toString(36)
const applying = applyLoad({
	baseUrl: () => app.url,
	connections: APPLY_CONNECTIONS,
	until: loadOver,
	runId,
	vacancyIds,
})

let restartMs = 0
const drill = (async () => {
	await at(10)
	note('Meilisearch stopped')
	await services.stopMeili()
	await at(20)
	await services.startMeili()
	note('Meilisearch started again')
	await at(25)
	mail.refuse(true)
	note('SMTP refusing (451)')
	await at(35)
	mail.refuse(false)
	note('SMTP accepting again')
	await at(40)
	note('app restarting')
	restartMs = await app.restart()
	note(`app answering again after ${(restartMs / 1000).toFixed(1)} s`)
	await at(SECONDS)
	stopLoad()
	note('load stopped')
})()
await drill
const search = await searchLoad
const attempts = await applying

// Recovery: the outbox drains (with its backoff) and the sync catches up.
const outstanding = await waitForOutbox(runId)
let drift = await findDrift()
for (let i = 0; i < 20 && drift.missingOrStale.length + drift.extra.length > 0; i++) {
	await new Promise((resolve) => setTimeout(resolve, 500))
	drift = await findDrift()
}
note(`recovered: outbox ${outstanding === 0 ? 'empty' : `${outstanding} still waiting`}`)

const checked = await checkApplications(attempts, vacancyIds, mail)
const { applicationsLost, emailsLost, emailsTwice, redelivered } = checked

await app.stop()
await services.stop()
await prisma.$disconnect()

const applyStatuses = checked.statuses
const apply5xx = checked.serverErrors
const search5xx = Object.entries(search.statuses).reduce((sum, [kind, n]) => sum + (kind === '5xx' ? n : 0), 0)
const result = {
	seconds: SECONDS,
	searchConnections: SEARCH_CONNECTIONS,
	applyConnections: APPLY_CONNECTIONS,
	events,
	restartMs,
	search: { requests: search.requests, statuses: search.statuses, errors: search.errors },
	apply: { attempts: attempts.length, statuses: applyStatuses },
	serverErrors: search5xx + apply5xx,
	refusedWhileRestarting: applyStatuses.refused ?? 0,
	applicationsAccepted: checked.accepted,
	applicationsLost,
	emailsLost,
	emailsSentTwice: emailsTwice,
	sameMessageRedelivered: redelivered,
	indexDrift: drift.missingOrStale.length + drift.extra.length,
	indexedDocuments: drift.expected,
}
console.log()
console.log(
	renderTable(
		['measure', 'result', 'target'],
		[
			['5xx answers seen by users (search + apply)', result.serverErrors, '0'],
			['applications lost', `${applicationsLost} of ${checked.accepted} accepted`, '0'],
			['emails lost', emailsLost, '0'],
			['emails sent twice (two different messages for one confirmation)', emailsTwice, '0'],
			['index drift after recovery', result.indexDrift, '0'],
			[
				`connection attempts refused during the ${(restartMs / 1000).toFixed(1)} s restart (the load tool retries at once)`,
				`${result.refusedWhileRestarting} applies, ${search.errors - search5xx} searches`,
				'',
			],
			['same message handed to SMTP again (one in the inbox)', redelivered, ''],
		],
	),
)
const file = saveResult('faults', result)
console.log(`Saved ${path.relative(process.cwd(), file)}`)
process.exit(result.serverErrors || applicationsLost || emailsLost || emailsTwice || result.indexDrift ? 1 : 0)
