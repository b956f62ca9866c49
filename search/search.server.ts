import type { MultiSearchQuery } from 'meilisearch'
import { log } from '#app/utils/log.server.ts'
import { isSearchHealthy, isUnreachable, meili, searchConfig, setSearchHealthy } from './client.server.ts'
import type { VacancyDocument } from './document.ts'
import { searchDatabase } from './fallback.server.ts'
import {
	emptyFacets,
	meiliFilters,
	meiliSort,
	multiSelectFacets,
	withDistance,
	type Facets,
	type VacancyQuery,
	type VacancySearchResult,
} from './query.ts'
import { facetAttributes } from './settings.ts'

const countOf = (distribution: Record<string, Record<string, number>> | undefined, attribute: string) =>
	distribution?.[attribute]?.['true'] ?? 0

/**
 * The multi-search Meilisearch is sent for a query: the page of results with
 * its counts, and one count-only search per multi-select filter in use.
 */
export function meiliQueriesFor(query: VacancyQuery, indexUid = searchConfig().indexName): MultiSearchQuery[] {
	const main: MultiSearchQuery = {
		indexUid,
		q: query.text,
		filter: meiliFilters(query),
		sort: meiliSort(query),
		facets: [...facetAttributes],
		page: query.page,
		hitsPerPage: query.perPage,
		matchingStrategy: 'all',
	}
	// A selected facet's own counts ignore its selection, so people can see what
	// ticking another box in the same group would add.
	const disjunctive = multiSelectFacets.filter(([, key]) => query[key].length > 0)
	return [
		main,
		...disjunctive.map(([attribute]) => ({
			indexUid,
			q: query.text,
			filter: meiliFilters(query, attribute),
			facets: [attribute],
			limit: 0,
			matchingStrategy: 'all' as const,
		})),
	]
}

async function searchWithMeili(query: VacancyQuery): Promise<VacancySearchResult> {
	const queries = meiliQueriesFor(query)
	const disjunctive = multiSelectFacets.filter(([, key]) => query[key].length > 0)
	const { results } = await meili().multiSearch<{ queries: MultiSearchQuery[] }, VacancyDocument>({ queries })
	const [first, ...rest] = results
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
		hits: first.hits.map((hit) => withDistance(hit, query.centre)),
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
