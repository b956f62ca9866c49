import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { canonicalSearchUrl, runJobSearch } from '#app/models/jobs/job-search.server.ts'
import { configureSearch, isSearchHealthy } from '#search/client.server.ts'
import { reconcileIndex } from '#search/indexing.server.ts'
import { startMeilisearch, type MeiliProcess } from '#search/meili-process.server.ts'
import { judgements, type Judgement } from '#tests/fixtures/relevance-judgements.ts'
import { insertRelevanceFixture } from '#tests/fixtures/relevance.ts'

// The judged set: real phrasings, each with the adverts it should and should
// not find, run through the whole search (keywords read as filters and places,
// then Meilisearch or reduced mode). Page one must hold what was asked for.
// Precision on page one is printed for both engines.

const dir = path.join(process.env.DATA_DIR!, 'meili-relevance')
const masterKey = 'relevance-test-master-key'
let meili: MeiliProcess
let ids: Map<string, number>
let labels: Map<number, string>

beforeAll(async () => {
	meili = await startMeilisearch({ dir, masterKey })
	configureSearch({ url: meili.url, apiKey: masterKey, indexName: 'judged' })
	ids = await insertRelevanceFixture()
	labels = new Map([...ids].map(([label, id]) => [id, label]))
	await reconcileIndex()
})

afterAll(async () => {
	await meili?.stop()
})

/** The search a person gets for these words: understood first, as the page does. */
async function pageOne(j: Judgement) {
	const typed = new URLSearchParams({ q: j.q, ...(j.where ? { where: j.where } : {}) })
	const canonical = canonicalSearchUrl(typed)
	const params = canonical ? new URL(canonical, 'http://localhost').searchParams : typed
	const result = await runJobSearch(params)
	return {
		mode: result.mode,
		found: result.results.map((r) => labels.get(r.id) ?? `other:${r.id}`),
		total: result.total,
		facets: result.facets,
		exactOrder: result.sort !== 'relevance' || result.place !== null,
	}
}

/**
 * Precision in the first R results of page one, R being how many adverts are
 * relevant (adverts that are `alsoOk` are passed over, not counted), and recall
 * on the whole of page one. The fixture is small enough for most matches to fit
 * on page one, so order, not only matching, is what precision measures.
 */
function score(j: Judgement, found: string[]) {
	const ok = new Set(j.alsoOk ?? [])
	const top = found.filter((l) => !ok.has(l)).slice(0, j.relevant.length)
	const hits = top.filter((l) => j.relevant.includes(l))
	return {
		precision: top.length ? hits.length / top.length : j.relevant.length ? 0 : 1,
		recall: j.relevant.length ? j.relevant.filter((l) => found.includes(l)).length / j.relevant.length : 1,
		wrong: top.filter((l) => !j.relevant.includes(l)),
		missing: j.relevant.filter((l) => !found.includes(l)),
	}
}

const report: Record<string, { precision: number[]; recall: number[] }> = {
	search: { precision: [], recall: [] },
	reduced: { precision: [], recall: [] },
}

// Meilisearch's answers, which reduced mode must give too: the same total and
// counts, and the same order wherever the order is exact (every sort but "most
// relevant" without a place, where only the set is compared).
const meiliAnswers = new Map<Judgement, Awaited<ReturnType<typeof pageOne>>>()

function judge(mode: 'search' | 'reduced') {
	test.each(judgements.map((j) => [j.where ? `${j.q} (near ${j.where})` : j.q, j] as const))('%s', async (_, j) => {
		if (mode === 'reduced' && isSearchHealthy()) await meili.stop()
		const answer = await pageOne(j)
		const { mode: answered, found } = answer
		expect(answered).toBe(mode)
		if (mode === 'search') meiliAnswers.set(j, answer)
		else {
			const meiliAnswer = meiliAnswers.get(j)!
			expect({ total: answer.total, facets: answer.facets }).toEqual({
				total: meiliAnswer.total,
				facets: meiliAnswer.facets,
			})
			if (answer.exactOrder) expect(found).toEqual(meiliAnswer.found)
			// Page one of a longer list is cut where the two rankings may differ.
			else if (answer.total <= found.length) expect([...found].sort()).toEqual([...meiliAnswer.found].sort())
		}
		const s = score(j, found)
		report[mode].precision.push(s.precision)
		report[mode].recall.push(s.recall)
		if (process.env.RELEVANCE_DUMP && (s.wrong.length || s.missing.length))
			console.log(`${mode}: ${j.q}: wrong ${s.wrong.join(', ')}; missing ${s.missing.join(', ')}`)
		expect({ wrong: s.wrong, missing: s.missing }).toEqual({ wrong: [], missing: [] })
	})
}

describe('judged phrasings, with Meilisearch', () => judge('search'))
describe('the same phrasings in reduced mode', () => judge('reduced'))

test('precision and recall on page one', () => {
	const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)
	for (const [mode, r] of Object.entries(report)) {
		console.log(
			`relevance (${mode}): ${r.precision.length} phrasings, page-one precision ${(mean(r.precision) * 100).toFixed(1)} %, recall ${(mean(r.recall) * 100).toFixed(1)} %`,
		)
	}
	expect(judgements.length).toBeGreaterThanOrEqual(60)
	expect(report.search.precision).toHaveLength(judgements.length)
})
