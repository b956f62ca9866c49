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
import { benchDataDir, useBenchDataDir } from './lib/bench-env.ts'

const dir = useBenchDataDir()
const argument = (name: string, fallback: number) => {
	const i = process.argv.indexOf(`--${name}`)
	return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const SECONDS = argument('seconds', 70)
const SEARCH_CONNECTIONS = argument('search-connections', 8)
const APPLY_CONNECTIONS = argument('apply-connections', 2)

const fs = await import('node:fs')
const path = await import('node:path')
if (!fs.existsSync(path.join(dir, 'portal.db'))) {
	console.error(`No bench data in ${benchDataDir()}: run npm run bench:seed -- --vacancies 100000 first.`)
	process.exit(1)
}
const { startApp } = await import('./lib/app-process.ts')
const { httpLoad } = await import('./lib/load.ts')
const { searchMix, zipfSampler } = await import('./lib/search-mix.ts')
const { renderTable } = await import('./lib/table.ts')
const { saveResult } = await import('./lib/results.ts')
const { startTestMailServer } = await import('#tests/mail-server.ts')
const { applyForm } = await import('#tests/fixtures/applications.ts')
const { readOrCreateSecret, dataDir } = await import('#app/utils/data-dir.server.ts')
const { getEnv } = await import('#app/utils/env.server.ts')
const { configureSearch } = await import('#search/client.server.ts')
const { freePort, startMeilisearch } = await import('#search/meili-process.server.ts')
const { findDrift } = await import('#search/indexing.server.ts')
const { prisma } = await import('#app/utils/db.server.ts')

const env = getEnv()
const masterKey = readOrCreateSecret('meili-master-key')
const meiliPort = await freePort()
const startMeili = () =>
	startMeilisearch({ dir: dataDir('meili'), masterKey, binary: env.MEILI_BINARY, port: meiliPort })
let meili = await startMeili()
configureSearch({ url: meili.url, apiKey: masterKey, indexName: env.MEILI_INDEX })
const mail = await startTestMailServer()

const app = await startApp({
	port: Number(process.env.BENCH_PORT ?? 3900),
	env: { MEILI_URL: meili.url, MEILI_MASTER_KEY: masterKey, SMTP_URL: mail.url, TRUST_PROXY_HOPS: '1' },
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
const vacancyIds = (
	await prisma.vacancy.findMany({
		where: { status: 'live', closingDate: { gt: new Date(Date.now() + 86_400_000) } },
		select: { id: true },
		take: 500,
		orderBy: { id: 'desc' },
	})
).map((v) => v.id)
const runId = Date.now().toString(36)
type Attempt = { email: string; vacancyId: number; status: number | 'refused' }
const attempts: Attempt[] = []
let applicant = 0
const applyWorker = async () => {
	let stopped = false
	void loadOver.then(() => (stopped = true))
	while (!stopped) {
		const n = applicant++
		const email = `faults.${runId}.${n}@applicant.example`
		const vacancyId = vacancyIds[n % vacancyIds.length]
		const body = new FormData()
		for (const [key, value] of Object.entries(
			applyForm([], { email, firstName: 'Drill', lastName: `Applicant ${n}` }),
		)) {
			for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
		}
		try {
			const response = await fetch(`${app.url}/jobs/${vacancyId}/apply`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: app.url, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
				body,
			})
			await response.arrayBuffer()
			attempts.push({ email, vacancyId, status: response.status })
		} catch {
			// The app is not listening (it is restarting): the browser shows "can't connect", nothing was sent.
			attempts.push({ email, vacancyId, status: 'refused' })
			await new Promise((resolve) => setTimeout(resolve, 200))
		}
	}
}
const applyLoad = Promise.all(Array.from({ length: APPLY_CONNECTIONS }, applyWorker))

let restartMs = 0
const drill = (async () => {
	await at(10)
	note('Meilisearch stopped')
	await meili.stop()
	await at(20)
	meili = await startMeili()
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
await applyLoad

// Recovery: the outbox drains (with its backoff) and the sync catches up.
const accepted = attempts.filter((a) => a.status === 302)
const recoveryStarted = performance.now()
let outstanding = Infinity
while (performance.now() - recoveryStarted < 180_000) {
	outstanding = await prisma.emailOutbox.count({
		where: { status: { in: ['pending', 'sending'] }, toAddress: { startsWith: `faults.${runId}.` } },
	})
	if (outstanding === 0) break
	await new Promise((resolve) => setTimeout(resolve, 500))
}
let drift = await findDrift()
for (let i = 0; i < 20 && drift.missingOrStale.length + drift.extra.length > 0; i++) {
	await new Promise((resolve) => setTimeout(resolve, 500))
	drift = await findDrift()
}
note(`recovered: outbox ${outstanding === 0 ? 'empty' : `${outstanding} still waiting`}`)

// Applications wait, unconfirmed, with what the applicant typed (email included).
const stored = new Set(
	(
		await prisma.application.findMany({
			where: { vacancyId: { in: vacancyIds }, candidateId: null, createdAt: { gte: new Date(Date.now() - 3_600_000) } },
			select: { vacancyId: true, pendingProfile: true },
		})
	).map((a) => `${(a.pendingProfile as { email?: string } | null)?.email}|${a.vacancyId}`),
)
const applicationsLost = accepted.filter((a) => !stored.has(`${a.email}|${a.vacancyId}`)).length

// What each applicant's inbox shows: mail providers keep one message per Message-ID.
const confirmations = new Map<string, Set<string>>()
let redelivered = 0
const seenIds = new Set<string>()
for (const { mail: message } of mail.deliveries) {
	const to = JSON.stringify(message.to ?? '').match(/faults\.[\w.]+@applicant\.example/)?.[0]
	if (!to || !message.subject?.startsWith('Confirm your email')) continue
	const id = message.messageId ?? ''
	if (seenIds.has(id)) redelivered++
	seenIds.add(id)
	confirmations.set(to, (confirmations.get(to) ?? new Set()).add(id))
}
const emailsLost = accepted.filter((a) => !confirmations.has(a.email)).length
const emailsTwice = [...confirmations.values()].filter((ids) => ids.size > 1).length

await app.stop()
await meili.stop()
await mail.stop()
await prisma.$disconnect()

const applyStatuses: Record<string, number> = {}
for (const a of attempts) applyStatuses[String(a.status)] = (applyStatuses[String(a.status)] ?? 0) + 1
const apply5xx = attempts.filter((a) => typeof a.status === 'number' && a.status >= 500).length
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
	applicationsAccepted: accepted.length,
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
			['applications lost', `${applicationsLost} of ${accepted.length} accepted`, '0'],
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
