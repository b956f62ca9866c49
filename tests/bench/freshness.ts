/**
 * Freshness under load on the bench data (npm run bench:seed first):
 *
 *   npm run bench:freshness [-- --edits 200 --connections 10]
 *
 * Starts the production build against data/bench as it runs by default (page
 * cache on) and, while the realistic search mix (Zipf over 2,000 searches) runs
 * against /jobs, a provider's team member edits vacancies one after another
 * through the real edit form: each edit gives a vacancy's title a new made-up
 * word. For each edit it times, from the save's response (the change is in the
 * database) to the first /jobs?q=<new word> that shows the vacancy, and checks
 * that the search for the word it replaced, asked for (and so cached) just
 * before the edit, no longer shows it: no stale page is served.
 */
import { numberArgument, requireBenchData, useBenchDataDir } from './lib/bench-env.ts'

const dir = useBenchDataDir()
const EDITS = numberArgument('edits', 200)
const CONNECTIONS = numberArgument('connections', 10)
const VACANCIES = 20

const path = await import('node:path')
requireBenchData(dir)
const { startApp } = await import('./lib/app-process.ts')
const { httpLoad, percentile } = await import('./lib/load.ts')
const { searchMix, zipfSampler } = await import('./lib/search-mix.ts')
const { ensureBenchEditor, postForm, signIn } = await import('./lib/portal-client.ts')
const { renderTable } = await import('./lib/table.ts')
const { saveResult } = await import('./lib/results.ts')
const { prisma } = await import('#app/utils/db.server.ts')
const { getVacancyForProvider, vacancyFormValues } = await import('#app/models/jobs/vacancies.server.ts')
const { isInServiceArea } = await import('#app/models/places/places.server.ts')
const { random } = await import('./lib/bench-data.ts')

// A provider in the service area (the edit form only takes workplaces there) with
// plenty of live vacancies that stay open for the whole run.
const openUntil = new Date(Date.now() + 7 * 86_400_000)
const inArea = (
	await prisma.vacancy.findMany({
		where: { status: 'live', closingDate: { gt: openUntil } },
		select: { id: true, providerId: true, outcode: true },
	})
).filter((v) => isInServiceArea(v.outcode))
const byProvider = new Map<string, number[]>()
for (const v of inArea) byProvider.set(v.providerId, [...(byProvider.get(v.providerId) ?? []), v.id])
const [providerId, ids] = [...byProvider].sort((a, b) => b[1].length - a[1].length)[0] ?? []
if (!providerId) throw new Error('No live vacancies in the service area to edit')
const vacancyIds = ids.slice(0, VACANCIES)
const editor = await ensureBenchEditor(providerId)
console.log(
	`Editing ${vacancyIds.length} vacancies of provider ${providerId}, ${EDITS} edits, with ${CONNECTIONS} clients searching meanwhile`,
)

const app = await startApp({ port: Number(process.env.BENCH_PORT ?? 3900), env: { PAGE_CACHE: 'true' } })
const cookie = await signIn(app.url, editor)

const rand = random(20261123)
const madeUpWord = () => Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join('')
const shows = async (word: string, id: number) => {
	const response = await fetch(`${app.url}/jobs?q=${word}`, { headers: { accept: 'text/html' } })
	if (response.status !== 200) throw new Error(`/jobs?q=${word} answered ${response.status}`)
	return (await response.text()).includes(`/jobs/${id}?`)
}

let finish!: () => void
const editsDone = new Promise<void>((resolve) => (finish = resolve))
const pool = searchMix(2_000, { seed: 3 }).map((s) => s.url)
const pick = zipfSampler(pool, 1, 11)
const load = httpLoad({
	url: app.url,
	connections: CONNECTIONS,
	until: editsDone,
	headers: { accept: 'text/html', 'accept-encoding': 'gzip' },
	next: () => ({ path: pick() }),
})

const words = new Map<number, { base: string; word: string | null }>()
const saveMs: number[] = []
const visibleMs: number[] = []
const clickToVisibleMs: number[] = []
let stale = 0
let staleChecks = 0
let failedSaves = 0
const timedOut: number[] = []
try {
	for (let i = 0; i < EDITS; i++) {
		const id = vacancyIds[i % vacancyIds.length]
		const vacancy = (await getVacancyForProvider(id, providerId))!
		const previous = words.get(id) ?? { base: vacancy.title.slice(0, 60), word: null }
		// Ask for the old word's page first, so the page cache holds it.
		if (previous.word && !(await shows(previous.word, id)))
			throw new Error(`the search for "${previous.word}" did not show vacancy ${id} before the edit`)
		const word = madeUpWord()
		const fields = { ...vacancyFormValues(vacancy), title: `${previous.base} ${word}` } as Record<
			string,
			string | string[]
		>
		const clicked = performance.now()
		const response = await postForm(app.url, `/provider/vacancies/${id}/edit`, fields, { cookie })
		const saved = performance.now()
		if (response.status !== 302) {
			failedSaves++
			console.error(
				`  edit ${i + 1} of vacancy ${id}: HTTP ${response.status}`,
				response.status === 400
					? JSON.stringify((await response.text()).match(/id="[\w-]+-error"[^<]*<[^>]*>[^<]*/g)?.slice(0, 3))
					: '',
			)
			continue
		}
		saveMs.push(saved - clicked)
		let visible = false
		while (performance.now() - saved < 10_000) {
			if (await shows(word, id)) {
				visible = true
				break
			}
			await new Promise((resolve) => setTimeout(resolve, 5))
		}
		if (!visible) {
			timedOut.push(id)
			continue
		}
		const seen = performance.now()
		visibleMs.push(seen - saved)
		clickToVisibleMs.push(seen - clicked)
		if (previous.word) {
			staleChecks++
			if (await shows(previous.word, id)) stale++
		}
		words.set(id, { base: previous.base, word })
		if ((i + 1) % 20 === 0) console.log(`  ${i + 1} edits: latest visible ${(seen - saved).toFixed(0)} ms after saving`)
	}
} finally {
	finish()
}
const searchLoad = await load
const liveVacancies = await prisma.vacancy.count({ where: { status: 'live' } })
await app.stop()
await prisma.$disconnect()

const summary = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b)
	return {
		count: sorted.length,
		p50: Math.round(percentile(sorted, 50)),
		p95: Math.round(percentile(sorted, 95)),
		max: Math.round(sorted.at(-1) ?? 0),
	}
}
const result = {
	liveVacancies,
	edits: EDITS,
	vacanciesEdited: vacancyIds.length,
	searchConnections: CONNECTIONS,
	saveToVisibleMs: summary(visibleMs),
	clickToVisibleMs: summary(clickToVisibleMs),
	saveRequestMs: summary(saveMs),
	failedSaves,
	notVisibleWithin10s: timedOut.length,
	staleChecks,
	stalePagesServed: stale,
	searchLoad: {
		requests: searchLoad.requests,
		perSecond: Math.round(searchLoad.perSecond),
		p50: Math.round(searchLoad.p50),
		p95: Math.round(searchLoad.p95),
		errors: searchLoad.errors,
	},
}
console.log()
console.log(
	renderTable(
		['measure', 'count', 'p50 ms', 'p95 ms', 'max ms'],
		[
			[
				'save → visible in /jobs',
				result.saveToVisibleMs.count,
				result.saveToVisibleMs.p50,
				result.saveToVisibleMs.p95,
				result.saveToVisibleMs.max,
			],
			[
				'click → visible in /jobs',
				result.clickToVisibleMs.count,
				result.clickToVisibleMs.p50,
				result.clickToVisibleMs.p95,
				result.clickToVisibleMs.max,
			],
			[
				'save request',
				result.saveRequestMs.count,
				result.saveRequestMs.p50,
				result.saveRequestMs.p95,
				result.saveRequestMs.max,
			],
		],
	),
)
console.log(
	renderTable(
		['check', 'result', 'target'],
		[
			['save → visible p95', `${result.saveToVisibleMs.p95} ms`, '≤ 1,000 ms'],
			['stale pages served (old word still finds the vacancy)', `${stale} of ${staleChecks}`, '0'],
			['saves refused, or not visible within 10 s', `${failedSaves}, ${timedOut.length}`, '0, 0'],
			[
				`search load meanwhile (${CONNECTIONS} clients)`,
				`${result.searchLoad.perSecond}/s, p95 ${result.searchLoad.p95} ms, ${result.searchLoad.errors} errors`,
				'',
			],
		],
	),
)
const file = saveResult('freshness', result)
console.log(`Saved ${path.relative(process.cwd(), file)}`)
process.exit(failedSaves || timedOut.length || stale ? 1 : 0)
