/**
 * Job alert digests at scale: npm run bench:alerts [-- --quick]
 *
 * Against the bench data (npm run bench:seed -- --vacancies 100000), in a copy of
 * its database so the bench data is left as it was:
 *
 * 1. 2,000 vacancies are made new (published in the last 20 hours); every other
 *    one is made older than any alert looks back.
 * 2. Alerts are written as people make them (lib/search-mix.ts: places, radii,
 *    keywords and filters), a third daily and the rest weekly, about 1.3 per
 *    address, all due now.
 * 3. After a warm-up pass that is not counted, the app's own sendDueDigests
 *    works out and queues every digest; this is timed at 2,000 and at 20,000 alerts (the queue emptied between), and again
 *    at 20,000 after three quarters of the older vacancies are deleted, to show
 *    whether the work per alert follows the total number of vacancies.
 * 4. The email outbox sends 1,000 of the digests (rendered as they go) to a
 *    local SMTP server: its sending rate.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { random } from './lib/bench-data.ts'
import { benchDataDir, startBenchSearch, useBenchDataDir } from './lib/bench-env.ts'
import { saveResult } from './lib/results.ts'
import { searchMix, zipfSampler } from './lib/search-mix.ts'

const quick = process.argv.includes('--quick')
const NEW_VACANCIES = 2000
const SIZES = quick ? [500, 2000] : [2000, 20000]
const SEND = quick ? 200 : 1000

const benchDir = benchDataDir()
if (!fs.existsSync(path.join(benchDir, 'portal.db'))) {
	console.error(`No bench data in ${benchDir}: run npm run bench:seed -- --vacancies 100000 first.`)
	process.exit(1)
}
useBenchDataDir(benchDir)
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-alerts-'))
for (const suffix of ['', '-wal', '-shm']) {
	const from = path.join(benchDir, `portal.db${suffix}`)
	if (fs.existsSync(from)) fs.copyFileSync(from, path.join(scratch, `portal.db${suffix}`))
}
process.env.DATABASE_URL = `file:${path.join(scratch, 'portal.db')}`
process.env.PUBLIC_URL = 'http://localhost:3000'

const { prisma } = await import('#app/utils/db.server.ts')
const { parseJobSearch, describeSavedSearch, savedSearchQuery } = await import('#app/models/jobs/job-search.server.ts')
const { dueBefore, sendDueDigests } = await import('#app/models/alerts/digests.server.ts')
const { processEmailOutbox } = await import('#app/background/email-outbox.server.ts')
const { startTestMailServer } = await import('#tests/mail-server.ts')

const search = await startBenchSearch()
const mail = await startTestMailServer()
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`

try {
	const now = new Date()
	const vacancies = await prisma.vacancy.count({ where: { status: 'live' } })
	console.log(
		`Bench data: ${vacancies.toLocaleString('en-GB')} live vacancies. Load: ${os
			.loadavg()
			.map((n) => n.toFixed(2))
			.join(' ')}`,
	)

	// 1. Exactly NEW_VACANCIES are new.
	const mark = new Date(now.getTime() - 20 * 3600_000)
	await prisma.vacancy.updateMany({ data: { publishedAt: new Date(now.getTime() - 9 * 86_400_000) } })
	const ids = (await prisma.vacancy.findMany({ where: { status: 'live' }, select: { id: true } })).map((v) => v.id)
	const rand = random(12)
	const fresh = new Set<number>()
	while (fresh.size < NEW_VACANCIES) fresh.add(ids[Math.floor(rand() * ids.length)])
	await prisma.$transaction(
		[...fresh].map((id) =>
			prisma.vacancy.update({
				where: { id },
				data: { publishedAt: new Date(mark.getTime() + rand() * (now.getTime() - mark.getTime() - 60_000)) },
			}),
		),
	)

	// 2. Alerts as people make them, all due now.
	const cutoffs = dueBefore(now)
	async function writeAlerts(count: number) {
		await prisma.jobAlert.deleteMany()
		await prisma.alertDelivery.deleteMany()
		await prisma.emailOutbox.deleteMany()
		// As many distinct searches as alerts, drawn by Zipf's law: popular searches
		// ("care worker near Norwich") are kept by many people, most by one.
		const draw = zipfSampler(searchMix(count, { seed: 3 }), 0.6, 5)
		const pick = random(99)
		const rows = []
		for (let i = 0; i < count; i++) {
			const params = new URLSearchParams(draw().url.split('?')[1])
			params.delete('page')
			params.delete('sort')
			const parsed = parseJobSearch(params)
			const daily = pick() < 1 / 3
			rows.push({
				email: `person${Math.floor(i / 1.3)}@alerts.test`,
				query: savedSearchQuery(parsed.form),
				description: describeSavedSearch(parsed.form, parsed.place),
				frequency: daily ? 'daily' : 'weekly',
				status: 'active',
				confirmedAt: mark,
				checkedUpTo: new Date(Math.min(mark.getTime(), (daily ? cutoffs.daily : cutoffs.weekly).getTime() - 1000)),
			})
		}
		for (let i = 0; i < rows.length; i += 2000) await prisma.jobAlert.createMany({ data: rows.slice(i, i + 2000) })
		const distinct = new Set(rows.map((r) => r.query)).size
		return { addresses: new Set(rows.map((r) => r.email)).size, distinctSearches: distinct }
	}

	const runs: Array<Record<string, unknown>> = []
	const measure = async (label: string, count: number) => {
		const written = await writeAlerts(count)
		const load = os.loadavg()[0]
		const run = await sendDueDigests({ now })
		const row = {
			label,
			alerts: count,
			addresses: written.addresses,
			distinctSearches: written.distinctSearches,
			liveVacancies: await prisma.vacancy.count({ where: { status: 'live' } }),
			searches: run.searches,
			searchesPerAlert: Math.round((run.searches / count) * 100) / 100,
			recentJobs: run.recentJobs,
			digests: run.digests,
			jobsListed: run.jobsListed,
			indexMs: Math.round(run.indexMs),
			searchMs: Math.round(run.searchMs),
			queueMs: Math.round(run.queueMs),
			totalMs: Math.round(run.totalMs),
			msPerAlert: Math.round((run.totalMs / count) * 100) / 100,
			searchMsPerAlert: Math.round((run.searchMs / count) * 1000) / 1000,
			loadBefore: Math.round(load * 100) / 100,
		}
		runs.push(row)
		console.log(
			`${label}: ${count.toLocaleString('en-GB')} alerts (${written.addresses.toLocaleString('en-GB')} addresses) → ${run.digests.toLocaleString('en-GB')} digests listing ${run.jobsListed.toLocaleString('en-GB')} jobs in ${s(run.totalMs)}` +
				` (${written.distinctSearches.toLocaleString('en-GB')} distinct searches; index of ${run.recentJobs} new jobs ${s(run.indexMs)}, ${run.searches.toLocaleString('en-GB')} searches ${s(run.searchMs)} = ${row.searchMsPerAlert} ms an alert, queueing ${s(run.queueMs)})`,
		)
		return row
	}

	// A first pass warms Meilisearch and the database (not counted).
	await writeAlerts(2000)
	await sendDueDigests({ now, dryRun: true })

	for (const size of SIZES) await measure(`${vacancies.toLocaleString('en-GB')} vacancies`, size)

	// 3. The same alerts with a quarter of the older vacancies.
	await prisma.alertDelivery.deleteMany()
	await prisma.emailOutbox.deleteMany()
	const older = ids.filter((id) => !fresh.has(id))
	const removed = older.filter((_, i) => i % 4 !== 0)
	for (let i = 0; i < removed.length; i += 5000) {
		await prisma.vacancy.deleteMany({ where: { id: { in: removed.slice(i, i + 5000) } } })
	}
	const fewer = await prisma.vacancy.count({ where: { status: 'live' } })
	const last = await measure(`${fewer.toLocaleString('en-GB')} vacancies`, SIZES[SIZES.length - 1])

	// 4. Sending.
	const toSend = Math.min(SEND, last.digests)
	const sendStarted = performance.now()
	let sent = 0
	while (sent < toSend) {
		const { claimed } = await processEmailOutbox({}, Math.min(50, toSend - sent))
		if (!claimed) break
		sent += claimed
	}
	const sendMs = performance.now() - sendStarted
	const perSecond = Math.round((sent / (sendMs / 1000)) * 10) / 10
	console.log(
		`Outbox: sent ${sent} digests (rendered as they went) to a local SMTP server in ${s(sendMs)}: ${perSecond} a second`,
	)
	// The headers as they went out (RFC 8058 one-click unsubscribe).
	const raw = mail.deliveries[0]?.raw.toString('utf8') ?? ''
	const header = (name: string) => raw.match(new RegExp(`^${name}:\\s*(.*)$`, 'mi'))?.[1] ?? 'missing'
	console.log(`  List-Unsubscribe: ${header('List-Unsubscribe').slice(0, 60)}…`)
	console.log(`  List-Unsubscribe-Post: ${header('List-Unsubscribe-Post')}`)

	const file = saveResult('alerts', {
		newVacancies: NEW_VACANCIES,
		runs,
		sending: { digests: sent, ms: Math.round(sendMs), perSecond },
		target: 'every due digest queued within 60 s on 2 cores; work per alert not growing with the number of vacancies',
	})
	console.log(`Saved ${path.relative(process.cwd(), file)}`)
} finally {
	await mail.stop()
	await search.stop()
	await prisma.$disconnect()
	fs.rmSync(scratch, { recursive: true, force: true })
}
