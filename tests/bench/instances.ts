/**
 * Two app instances on one database and one Meilisearch, on the bench data
 * (npm run bench:seed first):
 *
 *   npm run bench:instances [-- --seconds 50] [-- --database sqlite]
 *
 * The database is PostgreSQL (when installed): a throwaway cluster holding a
 * copy of the bench data, with a streaming replica the instances read anonymous
 * search and job pages from. `--database sqlite` runs on the bench's SQLite file.
 *
 * First, search throughput with one instance and then with both (the realistic
 * mix, Zipf over 2,000 searches, page cache on). Then a drill under search load
 * on both and apply load alternating between them:
 *
 *   10 s  Meilisearch stops; 10 s later it starts again (both instances must
 *         leave reduced mode: the time each takes is reported)
 *   25 s  instance B is killed (SIGKILL, mid-request) and started again at once
 *         (or as soon as both have left reduced mode, if that is later)
 *   38 s  PostgreSQL (the primary) is restarted (a fast shutdown, then start), or
 *         as soon as B answers again; the load goes on for 10 s after it
 *
 * When the load stops it waits for the outbox to drain and reports: 5xx answers
 * seen by users, applications lost, emails lost or sent twice, and index drift
 * (all must be 0).
 */
import { numberArgument, requireBenchData, useBenchDataDir } from './lib/bench-env.ts'

const dir = useBenchDataDir()
const SECONDS = numberArgument('seconds', 50)
const THROUGHPUT_SECONDS = numberArgument('throughput-seconds', 15)
const SEARCH_CONNECTIONS = numberArgument('search-connections', 8)
const APPLY_CONNECTIONS = numberArgument('apply-connections', 2)

const path = await import('node:path')
const crypto = await import('node:crypto')
const { parseArgs } = await import('node:util')
requireBenchData(dir)
const { postgresBinDir } = await import('#prisma/local-postgres.ts')
const postgresInstalled = (() => {
	try {
		return Boolean(postgresBinDir())
	} catch {
		return false
	}
})()
const { values: args } = parseArgs({ options: { database: { type: 'string' } }, strict: false })
const database = args.database ?? (postgresInstalled ? 'postgresql' : 'sqlite')
if (database !== 'postgresql' && database !== 'sqlite') throw new Error('--database is postgresql or sqlite')

// On PostgreSQL: the bench data copied into a new cluster, its reduced-mode index
// built, then a streaming replica of it. This process reads it too (drift, checks).
const postgres = database === 'postgresql' ? await setUpPostgres() : null
async function setUpPostgres() {
	const { benchPostgres } = await import('./lib/bench-postgres.ts')
	const { startReplica, withDatabase } = await import('#prisma/local-postgres.ts')
	console.log('Copying the bench data into PostgreSQL…')
	const copy = await benchPostgres(path.join(dir, 'portal.db'))
	console.log(`Copied ${copy.copied.Vacancy ?? 0} vacancies in ${(copy.copyMs / 1000).toFixed(1)} s`)
	process.env.DATABASE_URL = copy.url
	const { reconcileLocalIndex } = await import('#search/local-index.server.ts')
	const started = performance.now()
	await reconcileLocalIndex()
	const localIndexMs = performance.now() - started
	console.log(`Reduced-mode index on PostgreSQL built in ${(localIndexMs / 1000).toFixed(1)} s`)
	const replica = await startReplica(copy.server)
	return { ...copy, replica, replicaUrl: withDatabase(replica.url, 'portal'), localIndexMs }
}
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

// What every instance must share: the session secret and the Meilisearch.
const shared = {
	MEILI_URL: services.meiliUrl,
	MEILI_MASTER_KEY: masterKey,
	SESSION_SECRET: crypto.randomBytes(33).toString('base64url'),
	SMTP_URL: mail.url,
	TRUST_PROXY_HOPS: '1',
	...(postgres ? { DATABASE_URL: postgres.url, DATABASE_REPLICA_URL: postgres.replicaUrl } : {}),
}
const basePort = Number(process.env.BENCH_PORT ?? 3910)
const a = await startApp({ port: basePort, env: shared })
const b = await startApp({ port: basePort + 1, env: shared })
console.log(`Instances answering after ${(a.startMs / 1000).toFixed(1)} s and ${(b.startMs / 1000).toFixed(1)} s`)

const pool = searchMix(2_000, { seed: 3 }).map((s) => s.url)
const searchOn = (url: string, connections: number, until: Promise<void>) => {
	const pick = zipfSampler(pool, 1, 11)
	return httpLoad({ url, connections, until, headers: { accept: 'text/html' }, next: () => ({ path: pick() }) })
}
const after = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

// Throughput: all connections on one instance, then split over both.
const one = await searchOn(a.url, SEARCH_CONNECTIONS, after(THROUGHPUT_SECONDS * 1000))
const bothOver = after(THROUGHPUT_SECONDS * 1000)
const both = await Promise.all([
	searchOn(a.url, SEARCH_CONNECTIONS / 2, bothOver),
	searchOn(b.url, SEARCH_CONNECTIONS / 2, bothOver),
])
const bothPerSecond = both.reduce((sum, s) => sum + s.perSecond, 0)
console.log(
	`Search: one instance ${one.perSecond.toFixed(1)}/s (p95 ${one.p95.toFixed(0)} ms), two ${bothPerSecond.toFixed(1)}/s`,
)

// The drill.
const startedAt = performance.now()
const at = (seconds: number) => after(Math.max(0, startedAt + seconds * 1000 - performance.now()))
const events: Array<{ atSeconds: number; event: string }> = []
const note = (event: string) => {
	const atSeconds = Math.round((performance.now() - startedAt) / 100) / 10
	events.push({ atSeconds, event })
	console.log(`  ${atSeconds.toFixed(1)} s  ${event}`)
}
let stopLoad!: () => void
const loadOver = new Promise<void>((resolve) => (stopLoad = resolve))
const searching = Promise.all([
	searchOn(a.url, SEARCH_CONNECTIONS / 2, loadOver),
	searchOn(b.url, SEARCH_CONNECTIONS / 2, loadOver),
])
const vacancyIds = await drillVacancies()
const runId = Date.now().toString(36)
const applying = applyLoad({
	baseUrl: (n) => (n % 2 ? b.url : a.url),
	connections: APPLY_CONNECTIONS,
	until: loadOver,
	runId,
	vacancyIds,
})
let downMs = 0
// How long after Meilisearch returns each instance stops answering from reduced mode
// (the one not keeping the index must notice too).
const reducedModeOver = async (url: string, since: number) => {
	while (performance.now() - since < 60_000) {
		// A connection reset under load is not an answer: ask again.
		const html = await fetch(`${url}/jobs?q=carer&n=${Math.random()}`)
			.then((response) => response.text())
			.catch(() => '')
		if (html && !html.includes('Search is running in reduced mode')) return Math.round(performance.now() - since)
		await after(100)
	}
	return null
}
let searchBackMs: Array<number | null> = []
await (async () => {
	await at(10)
	note('Meilisearch stopped')
	await services.stopMeili()
	await at(20)
	await services.startMeili()
	note('Meilisearch started again')
	const back = performance.now()
	searchBackMs = await Promise.all([reducedModeOver(a.url, back), reducedModeOver(b.url, back)])
	note(`search out of reduced mode on A after ${searchBackMs[0]} ms, on B after ${searchBackMs[1]} ms`)
	await at(25)
	note('instance B killed (SIGKILL)')
	downMs = await b.killAndRestart()
	note(`instance B answering again after ${(downMs / 1000).toFixed(1)} s`)
	if (postgres) {
		// Under load: at 38 s, or as soon as B is back if that was later.
		await at(38)
		note('PostgreSQL restarting')
		const restarting = performance.now()
		await postgres.server.restart()
		note(`PostgreSQL accepting connections again after ${((performance.now() - restarting) / 1000).toFixed(1)} s`)
	}
	// The load runs on for at least 10 s after the last fault.
	await after(Math.max(10_000, startedAt + SECONDS * 1000 - performance.now()))
	stopLoad()
	note('load stopped')
})()
const searches = await searching
const attempts = await applying
const outstanding = await waitForOutbox(runId)
let drift = await findDrift()
for (let i = 0; i < 40 && drift.missingOrStale.length + drift.extra.length > 0; i++) {
	await after(500)
	drift = await findDrift()
}
note(`recovered: outbox ${outstanding === 0 ? 'empty' : `${outstanding} still waiting`}`)
const checked = await checkApplications(attempts, vacancyIds, mail)

// What went wrong, as the instances logged it (B's since its restart).
const errorLines = [a, b].flatMap((app, i) =>
	app
		.log()
		.split('\n')
		.filter((line) => / ERROR /.test(line))
		.map((line) => `${i ? 'B' : 'A'}: ${line}`),
)
await a.stop()
await b.stop()
await services.stop()
await prisma.$disconnect()
await postgres?.replica.stop()
await postgres?.server.stop()

const search5xx = searches.reduce((sum, s) => sum + (s.statuses['5xx'] ?? 0), 0)
const result = {
	seconds: SECONDS,
	searchConnections: SEARCH_CONNECTIONS,
	applyConnections: APPLY_CONNECTIONS,
	database: postgres ? 'postgresql with a streaming replica' : 'sqlite',
	postgres: postgres ? { copyMs: Math.round(postgres.copyMs), localIndexMs: Math.round(postgres.localIndexMs) } : null,
	throughput: { oneInstance: one.perSecond, twoInstances: bothPerSecond, oneP95: one.p95 },
	events,
	killedDownMs: downMs,
	searchBackMs,
	search: { requests: searches.reduce((sum, s) => sum + s.requests, 0), serverErrors: search5xx },
	apply: { attempts: attempts.length, statuses: checked.statuses },
	serverErrors: search5xx + checked.serverErrors,
	applicationsAccepted: checked.accepted,
	applicationsLost: checked.applicationsLost,
	emailsLost: checked.emailsLost,
	emailsSentTwice: checked.emailsTwice,
	sameMessageRedelivered: checked.redelivered,
	indexDrift: drift.missingOrStale.length + drift.extra.length,
	errorsLogged: errorLines.length,
}
if (errorLines.length) console.log(`Errors the instances logged:\n${errorLines.slice(-20).join('\n')}`)
console.log()
console.log(
	renderTable(
		['measure', 'result', 'target'],
		[
			[
				'search throughput, one instance / two',
				`${one.perSecond.toFixed(1)} / ${bothPerSecond.toFixed(1)} a second`,
				'',
			],
			['5xx answers seen by users (search + apply)', result.serverErrors, '0'],
			['applications lost', `${checked.applicationsLost} of ${checked.accepted} accepted`, '0'],
			['emails lost', checked.emailsLost, '0'],
			['emails sent twice (two different messages for one confirmation)', checked.emailsTwice, '0'],
			['index drift after recovery', result.indexDrift, '0'],
			[
				'out of reduced mode after Meilisearch returned, A / B',
				searchBackMs.map((ms) => (ms === null ? 'not within 60 s' : `${(ms / 1000).toFixed(1)} s`)).join(' / '),
				'both',
			],
			['applies refused while B was down (connection refused)', checked.statuses.refused ?? 0, ''],
		],
	),
)
const file = saveResult('instances', result)
console.log(`Saved ${path.relative(process.cwd(), file)}`)
process.exit(
	result.serverErrors ||
		checked.applicationsLost ||
		checked.emailsLost ||
		checked.emailsTwice ||
		result.indexDrift ||
		searchBackMs.includes(null)
		? 1
		: 0,
)
