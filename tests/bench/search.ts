/**
 * Search speed on the bench data (npm run bench:seed first):
 *
 *   npm run bench:search [-- --quick]
 *
 * Starts the production build against data/bench and drives the same searches
 * three ways: through /jobs (the whole page, as a browser asks for it), straight
 * against Meilisearch (the exact multi-search /jobs sends), and through the
 * database fallback (reduced mode, called in-process). Prints one table and
 * saves the figures under tests/bench/results/.
 *
 * 1. The fixed mix: 200 distinct searches of every kind, at concurrency 1, 10, 50
 *    (page cache off, so every page is rendered).
 * 2. Long tail: distinct searches, no repeats, at concurrency 50 (page cache off).
 * 3. Realistic traffic: a Zipf-distributed mix over 2,000 distinct searches at
 *    concurrency 50, with the page cache on, as the app runs by default.
 */
import { requireBenchData, useBenchDataDir } from './lib/bench-env.ts'

const dir = useBenchDataDir()
const quick = process.argv.includes('--quick')

const path = await import('node:path')
requireBenchData(dir)
const { embeddedMeili, startApp } = await import('./lib/app-process.ts')
const { httpLoad, inProcessLoad, sampleMax } = await import('./lib/load.ts')
const { searchMix, zipfSampler } = await import('./lib/search-mix.ts')
const { formatBytes } = await import('./lib/format.ts')
const { renderTable } = await import('./lib/table.ts')
const { saveResult } = await import('./lib/results.ts')
const { parseJobSearch } = await import('#app/models/jobs/job-search.server.ts')
const { getEnv } = await import('#app/utils/env.server.ts')
const { configureSearch } = await import('#search/client.server.ts')
const { meiliQueriesFor } = await import('#search/search.server.ts')
const { searchDatabase } = await import('#search/fallback.server.ts')
const { prisma } = await import('#app/utils/db.server.ts')

const PORT = Number(process.env.BENCH_PORT ?? 3900)
const liveVacancies = await prisma.vacancy.count({ where: { status: 'live' } })
console.log(`Bench data: ${liveVacancies.toLocaleString('en-GB')} live vacancies in ${dir}`)

console.log('Starting the app (production build, page cache off)…')
let app = await startApp({ port: PORT, env: { PAGE_CACHE: 'false' } })
console.log(`  answering after ${(app.startMs / 1000).toFixed(1)} s`)
const meili = embeddedMeili(dir)
configureSearch({ url: meili.url, apiKey: meili.masterKey, indexName: getEnv().MEILI_INDEX })

type Search = { url: string; kind: string; meiliBody: string; query: ReturnType<typeof parseJobSearch>['query'] }
const prepare = (items: Array<{ url: string; kind: string }>): Search[] =>
	items.map(({ url, kind }) => {
		const { query } = parseJobSearch(new URL(url, 'http://x').searchParams)
		return { url, kind, query, meiliBody: JSON.stringify({ queries: meiliQueriesFor(query) }) }
	})

const fixed = prepare(searchMix(200, { seed: 1 }))
const longTail = prepare(searchMix(quick ? 1_000 : 4_000, { seed: 2 }))
const zipfPool = prepare(searchMix(2_000, { seed: 3 }))

// Browsers ask for compressed pages; the app's Meilisearch client asks for plain JSON.
const browserHeaders = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html' }
const meiliHeaders = { authorization: `Bearer ${meili.masterKey}`, 'content-type': 'application/json' }

const cycle = <T>(items: T[]) => {
	let i = 0
	return () => items[i++ % items.length]
}
const route = (pick: () => Search) => () => ({ path: pick().url })
const direct = (pick: () => Search) => () => ({ path: '/multi-search', method: 'POST', body: pick().meiliBody })
const memory = () => app.memory()

const rows: Array<Record<string, string | number>> = []
const record = (
	mix: string,
	target: string,
	connections: number,
	s: Awaited<ReturnType<typeof httpLoad>>,
	mem?: { app: number; meili: number },
) => {
	rows.push({
		mix,
		target,
		connections,
		requests: s.requests,
		perSecond: Math.round(s.perSecond * 10) / 10,
		p50: Math.round(s.p50 * 10) / 10,
		p95: Math.round(s.p95 * 10) / 10,
		p99: Math.round(s.p99 * 10) / 10,
		errors: s.errors,
		appRss: mem ? mem.app : 0,
		meiliRss: mem ? mem.meili : 0,
	})
	console.log(
		`  ${mix} · ${target} · c=${connections}: ${s.perSecond.toFixed(1)}/s, p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, errors ${s.errors}`,
	)
}

// Warm up both (JIT, page cache of the OS, Meilisearch's caches).
await httpLoad({
	url: app.url,
	connections: 4,
	amount: 100,
	headers: browserHeaders,
	next: route(cycle(longTail.slice(-100))),
})
await httpLoad({
	url: meili.url,
	connections: 4,
	amount: 100,
	headers: meiliHeaders,
	next: direct(cycle(longTail.slice(-100))),
})

console.log('1. The fixed mix of 200 searches')
const passes = quick ? 1 : 3
for (const connections of [1, 10, 50]) {
	const amount = fixed.length * (connections === 1 ? 1 : passes)
	const r = await sampleMax(memory, () =>
		httpLoad({ url: app.url, connections, amount, headers: browserHeaders, next: route(cycle(fixed)) }),
	)
	record('fixed 200', '/jobs', connections, r.result, r.max)
	const m = await sampleMax(memory, () =>
		httpLoad({ url: meili.url, connections, amount, headers: meiliHeaders, next: direct(cycle(fixed)) }),
	)
	record('fixed 200', 'Meilisearch', connections, m.result, m.max)
	if (connections <= 10) {
		const f = await sampleMax(memory, () =>
			inProcessLoad({ connections, amount: fixed.length, task: (i) => searchDatabase(fixed[i % fixed.length].query) }),
		)
		record('fixed 200', 'database fallback', connections, { ...f.result, statuses: {} }, f.max)
	}
}

console.log('2. Long tail: distinct searches, no repeats')
{
	const half = Math.floor(longTail.length / 2)
	const r = await sampleMax(memory, () =>
		httpLoad({
			url: app.url,
			connections: 50,
			amount: half,
			headers: browserHeaders,
			next: route(cycle(longTail.slice(0, half))),
		}),
	)
	record('long tail', '/jobs', 50, r.result, r.max)
	const m = await sampleMax(memory, () =>
		httpLoad({
			url: meili.url,
			connections: 50,
			amount: half,
			headers: meiliHeaders,
			next: direct(cycle(longTail.slice(half))),
		}),
	)
	record('long tail', 'Meilisearch', 50, m.result, m.max)
}

console.log('3. Realistic traffic: Zipf over 2,000 searches, page cache on')
await app.stop()
app = await startApp({ port: PORT, env: { PAGE_CACHE: 'true' } })
// The app started its Meilisearch again, perhaps on another port.
Object.assign(meili, embeddedMeili(dir))
{
	const amount = quick ? 3_000 : 8_000
	const r = await sampleMax(memory, () =>
		httpLoad({
			url: app.url,
			connections: 50,
			amount,
			headers: browserHeaders,
			next: route(zipfSampler(zipfPool, 1, 11)),
		}),
	)
	record('zipf 2,000', '/jobs', 50, r.result, r.max)
	const m = await sampleMax(memory, () =>
		httpLoad({
			url: meili.url,
			connections: 50,
			amount,
			headers: meiliHeaders,
			next: direct(zipfSampler(zipfPool, 1, 11)),
		}),
	)
	record('zipf 2,000', 'Meilisearch', 50, m.result, m.max)
}
await app.stop()
await prisma.$disconnect()

const find = (mix: string, target: string, c: number) =>
	rows.find((r) => r.mix === mix && r.target === target && r.connections === c)!
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100
const ratios = {
	longTailThroughput: ratio(
		Number(find('long tail', '/jobs', 50).perSecond),
		Number(find('long tail', 'Meilisearch', 50).perSecond),
	),
	singleClientP50Overhead:
		Math.round((Number(find('fixed 200', '/jobs', 1).p50) - Number(find('fixed 200', 'Meilisearch', 1).p50)) * 10) / 10,
	zipfThroughput: ratio(
		Number(find('zipf 2,000', '/jobs', 50).perSecond),
		Number(find('zipf 2,000', 'Meilisearch', 50).perSecond),
	),
	fallbackP50: ratio(
		Number(find('fixed 200', 'database fallback', 1).p50),
		Number(find('fixed 200', 'Meilisearch', 1).p50),
	),
}

console.log()
console.log(
	renderTable(
		['mix', 'target', 'conns', 'requests', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'app RSS', 'Meili RSS'],
		rows.map((r) => [
			r.mix,
			r.target,
			r.connections,
			r.requests,
			r.perSecond,
			r.p50,
			r.p95,
			r.p99,
			r.errors,
			formatBytes(Number(r.appRss)),
			formatBytes(Number(r.meiliRss)),
		]),
	),
)
console.log(
	renderTable(
		['ratio', 'measured', 'target'],
		[
			['/jobs ÷ Meilisearch throughput, long tail (c=50)', ratios.longTailThroughput, '≥ 0.85'],
			['/jobs p50 − Meilisearch p50, one client (ms)', ratios.singleClientP50Overhead, '≤ 5'],
			['/jobs ÷ Meilisearch throughput, Zipf (c=50)', ratios.zipfThroughput, '≥ 1.5'],
			['fallback p50 ÷ Meilisearch p50, one client', ratios.fallbackP50, '≤ 5'],
		],
	),
)
const byKind = Object.fromEntries(
	['place+keyword+filters', 'keyword', 'place by distance', 'deep page'].map((kind) => [
		kind,
		fixed.filter((s) => s.kind === kind).length,
	]),
)
const file = saveResult('search', {
	liveVacancies,
	quick,
	mix: { fixed: byKind, longTail: longTail.length, zipfDistinct: zipfPool.length },
	rows,
	ratios,
})
console.log(`Saved ${path.relative(process.cwd(), file)}`)
process.exit(0)
