import { useBenchDataDir } from './lib/bench-env.ts'
useBenchDataDir()
const { searchMix } = await import('./lib/search-mix.ts')
const { parseJobSearch } = await import('#app/models/job-search.server.ts')
const { searchDatabase } = await import('#search/fallback.server.ts')
const { reconcileLocalIndex } = await import('#search/local-index.server.ts')
let r0 = performance.now()
console.log(await reconcileLocalIndex(), ((performance.now() - r0) / 1000).toFixed(1), 's')
const mix = searchMix(200, { seed: 1 })
let t0 = performance.now()
await searchDatabase(parseJobSearch(new URL('/jobs?q=care', 'http://x').searchParams).query)
console.log('first (vocab load)', (performance.now() - t0).toFixed(0))
const times: Array<[number, string]> = []
for (const { url } of mix.slice(0, Number(process.argv[2] ?? 40))) {
	const { query } = parseJobSearch(new URL(url, 'http://x').searchParams)
	t0 = performance.now()
	const r = await searchDatabase(query)
	const ms = performance.now() - t0
	times.push([ms, `${url} total=${r.total}`])
}
times.sort((a, b) => b[0] - a[0])
for (const [ms, u] of times.slice(0, 15)) console.log(ms.toFixed(0), u)
const s = times.map((t) => t[0]).sort((a, b) => a - b)
console.log('p50', s[Math.floor(s.length / 2)].toFixed(1))
process.exit(0)
