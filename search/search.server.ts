import type { MultiSearchQuery } from 'meilisearch'
import { distanceMiles, type LatLng } from '#app/utils/geo.ts'
import { log } from '#app/utils/log.server.ts'
import { isSearchHealthy, isUnreachable, meili, searchConfig, setSearchHealthy } from './client.server.ts'
import type { VacancyDocument } from './document.ts'
import { searchDatabase } from './fallback.server.ts'
import {
	aboutAttributes,
	emptyFacets,
	meiliFilters,
	meiliSort,
	multiSelectFacets,
	nearestSort,
	ranksNearestAbout,
	withDistance,
	type Facets,
	type VacancyHit,
	type VacancyQuery,
	type VacancySearchResult,
} from './query.ts'
import { facetAttributes } from './settings.ts'
import { lastWordIsPrefix, searchWords } from './text-match.ts'

const countOf = (distribution: Record<string, Record<string, number>> | undefined, attribute: string) =>
	distribution?.[attribute]?.['true'] ?? 0

/**
 * The words as Meilisearch should read them: the same words reduced mode
 * searches for (text-match.ts), and a space after the last one when it is a
 * whole word (Meilisearch reads a last word as the start of a longer one unless
 * a space follows).
 */
function meiliText(text: string) {
	const words = searchWords(text).join(' ')
	return words && !lastWordIsPrefix(text) ? `${words} ` : words
}

/**
 * The multi-search Meilisearch is sent for a query: the page of results with
 * its counts, and one count-only search per multi-select filter in use.
 */
export function meiliQueriesFor(query: VacancyQuery, indexUid = searchConfig().indexName): MultiSearchQuery[] {
	const q = meiliText(query.text)
	const nearestAbout = ranksNearestAbout(query)
	const main: MultiSearchQuery = {
		indexUid,
		q,
		filter: meiliFilters(query),
		sort: meiliSort(query),
		facets: [...facetAttributes],
		page: query.page,
		// Ranked nearest-about, the page comes from the next query; this one counts.
		hitsPerPage: nearestAbout ? 0 : query.perPage,
		matchingStrategy: 'all',
	}
	const about: MultiSearchQuery[] =
		nearestAbout && query.centre
			? [{ ...aboutQuery(query, indexUid, q, query.centre), page: query.page, hitsPerPage: query.perPage }]
			: []
	// A selected facet's own counts ignore its selection, so people can see what
	// ticking another box in the same group would add.
	const disjunctive = multiSelectFacets.filter(([, key]) => query[key].length > 0)
	return [
		main,
		...about,
		...disjunctive.map(([attribute]) => ({
			indexUid,
			q,
			filter: meiliFilters(query, attribute),
			facets: [attribute],
			limit: 0,
			matchingStrategy: 'all' as const,
		})),
	]
}

/** The vacancies whose words are all in the fields they are about, nearest first. */
function aboutQuery(query: VacancyQuery, indexUid: string, q: string, centre: LatLng): MultiSearchQuery {
	return {
		indexUid,
		q,
		filter: meiliFilters(query),
		sort: nearestSort(centre),
		attributesToSearchOn: aboutAttributes,
		matchingStrategy: 'all',
	}
}

// Beyond this many vacancies about the words, later pages of the rest are in
// distance order without leaving those out (a filter of ids must stay short).
const MAX_ABOUT_IDS = 1000

/**
 * A page ranked nearest-about: the vacancies about the words first, then the
 * ones that only mention them (all the matches, less the first group), each
 * nearest first. Only a page past the end of the first group needs more.
 */
async function nearestAboutPage(query: VacancyQuery, about: { hits: VacancyDocument[]; totalHits?: number }) {
	const centre = query.centre!
	const aboutTotal = about.totalHits ?? 0
	const offset = (query.page - 1) * query.perPage
	if (offset + query.perPage <= aboutTotal) return about.hits
	const index = meili().index(searchConfig().indexName)
	const q = meiliText(query.text)
	const filter = meiliFilters(query)
	if (aboutTotal && aboutTotal <= MAX_ABOUT_IDS) {
		const ids = await index.search<{ id: number }>(q, {
			filter,
			attributesToSearchOn: aboutAttributes,
			matchingStrategy: 'all',
			limit: aboutTotal,
			attributesToRetrieve: ['id'],
		})
		filter.push(`id NOT IN [${ids.hits.map((h) => h.id).join(', ')}]`)
	}
	const rest = await index.search<VacancyDocument>(q, {
		filter,
		sort: nearestSort(centre),
		offset: Math.max(0, offset - aboutTotal),
		limit: query.perPage - about.hits.length,
		matchingStrategy: 'all',
	})
	return [...about.hits, ...rest.hits]
}

async function searchWithMeili(query: VacancyQuery): Promise<VacancySearchResult> {
	const queries = meiliQueriesFor(query)
	const disjunctive = multiSelectFacets.filter(([, key]) => query[key].length > 0)
	const { results } = await meili().multiSearch<{ queries: MultiSearchQuery[] }, VacancyDocument>({ queries })
	const nearestAbout = ranksNearestAbout(query)
	const [first, ...others] = results
	const about = nearestAbout ? others.shift() : undefined
	const rest = others
	const distribution = first.facetDistribution ?? {}
	const facets: Facets = {
		...emptyFacets(),
		roleId: distribution.roleId ?? {},
		setting: distribution.setting ?? {},
		hours: distribution.hours ?? {},
		contract: distribution.contract ?? {},
		apprenticeship: countOf(distribution, 'apprenticeship'),
		noDrivingNeeded: countOf(distribution, 'noDrivingNeeded'),
		visaSponsorship: countOf(distribution, 'visaSponsorship'),
	}
	disjunctive.forEach(([attribute], i) => {
		facets[attribute] = rest[i]?.facetDistribution?.[attribute] ?? {}
	})
	const total = first.totalHits ?? first.estimatedTotalHits ?? 0
	return {
		mode: 'search',
		hits: (about ? await nearestAboutPage(query, about) : first.hits).map((hit) => withDistance(hit, query.centre)),
		total,
		page: query.page,
		totalPages: Math.max(1, Math.ceil(total / query.perPage)),
		facets,
	}
}

/**
 * Searches live vacancies with Meilisearch, or, when it cannot be reached, from
 * the database with the same filters and distances ("reduced mode").
 */
export async function searchVacancies(query: VacancyQuery): Promise<VacancySearchResult> {
	if (isSearchHealthy()) {
		try {
			return await searchWithMeili(query)
		} catch (error) {
			if (isUnreachable(error)) setSearchHealthy(false)
			else
				log.error(
					'search',
					`Meilisearch query failed, answering from the database: ${error instanceof Error ? error.message : String(error)}`,
				)
		}
	}
	return searchDatabase(query)
}

// What a batch search returns of each vacancy: enough to list it in an email.
const batchAttributes = [
	'id',
	'title',
	'providerName',
	'town',
	'_geo',
	'payPeriod',
	'payMin',
	'payMax',
	'hoursPerWeek',
	'closingAt',
	'publishedAt',
] as const satisfies ReadonlyArray<keyof VacancyDocument>

export type BatchHit = Pick<VacancyHit, (typeof batchAttributes)[number] | 'distanceMiles'>

/** What a batch search returns for each query: its first page of hits and how many there are in all. */
export type BatchResult = { hits: BatchHit[]; total: number }

// Queries per multi-search request: large enough to spread the cost of each
// request, small enough that one slow query does not hold up thousands.
const BATCH_SIZE = 100

/**
 * Many searches at once (job alerts: one per alert), with no counts per filter:
 * each query's first page and total. With Meilisearch, in multi-search requests
 * of BATCH_SIZE; otherwise each from the database. The queries' sort must not
 * be nearest-about (distance or newest, say).
 */
export async function searchVacancyBatch(
	queries: VacancyQuery[],
	options: { indexUid?: string } = {},
): Promise<BatchResult[]> {
	if (isSearchHealthy()) {
		try {
			return await batchWithMeili(queries, options.indexUid ?? searchConfig().indexName)
		} catch (error) {
			if (isUnreachable(error)) setSearchHealthy(false)
			else log.error('search', `Meilisearch batch failed, answering from the database: ${describe(error)}`)
		}
	}
	const results: BatchResult[] = []
	for (const query of queries) {
		const found = await searchDatabase(query)
		results.push({ hits: found.hits, total: found.total })
	}
	return results
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))

// Two requests at a time: Meilisearch answers each on its own thread, so both cores work.
const BATCHES_IN_FLIGHT = 2

async function batchWithMeili(queries: VacancyQuery[], indexUid: string) {
	const batches: VacancyQuery[][] = []
	for (let i = 0; i < queries.length; i += BATCH_SIZE) batches.push(queries.slice(i, i + BATCH_SIZE))
	const answers: BatchResult[][] = new Array(batches.length)
	let next = 0
	const worker = async () => {
		while (next < batches.length) {
			const at = next++
			answers[at] = await searchBatch(batches[at], indexUid)
		}
	}
	await Promise.all(Array.from({ length: BATCHES_IN_FLIGHT }, worker))
	return answers.flat()
}

async function searchBatch(batch: VacancyQuery[], indexUid: string): Promise<BatchResult[]> {
	const { results } = await meili().multiSearch<{ queries: MultiSearchQuery[] }, VacancyDocument>({
		queries: batch.map((query) => {
			if (ranksNearestAbout(query)) throw new Error('searchVacancyBatch: nearest-about ranking is not batched')
			return {
				indexUid,
				q: meiliText(query.text),
				filter: meiliFilters(query),
				sort: meiliSort(query),
				page: query.page,
				hitsPerPage: query.perPage,
				matchingStrategy: 'all',
				attributesToRetrieve: [...batchAttributes],
			}
		}),
	})
	return results.map((result, j) => {
		const centre = batch[j].centre
		return {
			hits: result.hits.map((hit) => ({ ...hit, distanceMiles: centre ? distanceMiles(centre, hit._geo) : null })),
			total: result.totalHits ?? result.estimatedTotalHits ?? 0,
		}
	})
}
