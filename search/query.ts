import { distanceMiles, METRES_PER_MILE, type LatLng } from '#app/utils/geo.ts'
import type { VacancyDocument } from './document.ts'
import { searchWords } from './text-match.ts'

export type SortId = 'relevance' | 'distance' | 'newest' | 'pay'

export type VacancyQuery = {
	text: string
	centre: LatLng | null
	radiusMiles: number
	roles: string[]
	settings: string[]
	hours: string[]
	contracts: string[]
	apprenticeship: boolean
	/** apprenticeship standards (ST0005…) */
	standards?: string[]
	noDriving: boolean
	sponsorship: boolean
	minHourlyPence: number | null
	sort: SortId
	page: number
	perPage: number
	excludeIds?: number[]
	excludeProviderIds?: string[]
	/** only vacancies published at or after this moment (job alerts: what is new since they last looked) */
	publishedSince?: Date
	now?: Date
}

export type VacancyHit = VacancyDocument & { distanceMiles: number | null }

export type Facets = {
	roleId: Record<string, number>
	setting: Record<string, number>
	hours: Record<string, number>
	contract: Record<string, number>
	apprenticeship: number
	noDrivingNeeded: number
	visaSponsorship: number
}

export type VacancySearchResult = {
	mode: 'search' | 'reduced'
	hits: VacancyHit[]
	total: number
	page: number
	totalPages: number
	facets: Facets
}

export const multiSelectFacets = [
	['roleId', 'roles'],
	['setting', 'settings'],
	['hours', 'hours'],
	['contract', 'contracts'],
] as const

export function defaultQuery(overrides: Partial<VacancyQuery> = {}): VacancyQuery {
	return {
		text: '',
		centre: null,
		radiusMiles: 10,
		roles: [],
		settings: [],
		hours: [],
		contracts: [],
		apprenticeship: false,
		noDriving: false,
		sponsorship: false,
		minHourlyPence: null,
		sort: 'relevance',
		page: 1,
		perPage: 20,
		...overrides,
	}
}

/** The sort actually applied: distance needs a place; relevance needs words. */
export function effectiveSort(query: Pick<VacancyQuery, 'sort' | 'text' | 'centre'>): SortId {
	if (query.sort === 'distance' && !query.centre) return 'newest'
	if (query.sort === 'relevance' && !searchWords(query.text).length) return query.centre ? 'distance' : 'newest'
	return query.sort
}

/**
 * The fields a vacancy is about: its title, role, the role's other names and the
 * sector terms. "Most relevant" near a place lists the vacancies whose words are
 * all found there first, nearest first, then the ones that only mention them,
 * nearest first: a carer job half a mile away comes before one 8 miles away,
 * and both before a manager's job whose advert mentions carers.
 */
export const aboutAttributes = ['title', 'roleName', 'roleAliases', 'terms']

/** Whether the query is ranked that way (most relevant, with words and a place). */
export function ranksNearestAbout(query: Pick<VacancyQuery, 'sort' | 'text' | 'centre'>) {
	return effectiveSort(query) === 'relevance' && query.centre !== null
}

/** Nearest first, then newest (ties between vacancies at the same place). */
export function nearestSort(centre: LatLng) {
	return [`_geoPoint(${centre.lat}, ${centre.lng}):asc`, 'publishedAt:desc', 'id:desc']
}

/** A value inside a Meilisearch filter expression. */
export const quoteFilterValue = (value: string) => `"${value.replace(/["\\]/g, '')}"`

/** Meilisearch filter expressions; `skip` leaves one multi-select facet out (for its counts). */
export function meiliFilters(query: VacancyQuery, skip?: string) {
	const now = Math.floor((query.now ?? new Date()).getTime() / 1000)
	const filters = [`closingAt >= ${now}`]
	if (query.centre) {
		filters.push(
			`_geoRadius(${query.centre.lat}, ${query.centre.lng}, ${Math.round(query.radiusMiles * METRES_PER_MILE)})`,
		)
	}
	for (const [attribute, key] of multiSelectFacets) {
		if (attribute !== skip && query[key].length)
			filters.push(`${attribute} IN [${query[key].map(quoteFilterValue).join(', ')}]`)
	}
	if (query.apprenticeship) filters.push('apprenticeship = true')
	if (query.standards?.length) filters.push(`standardRef IN [${query.standards.map(quoteFilterValue).join(', ')}]`)
	if (query.noDriving) filters.push('noDrivingNeeded = true')
	if (query.sponsorship) filters.push('visaSponsorship = true')
	if (query.minHourlyPence !== null) filters.push(`hourlyMax >= ${query.minHourlyPence}`)
	if (query.excludeIds?.length) filters.push(`id NOT IN [${query.excludeIds.join(', ')}]`)
	if (query.publishedSince) filters.push(`publishedAt >= ${Math.floor(query.publishedSince.getTime() / 1000)}`)
	if (query.excludeProviderIds?.length)
		filters.push(`providerId NOT IN [${query.excludeProviderIds.map(quoteFilterValue).join(', ')}]`)
	return filters
}

export function meiliSort(query: VacancyQuery) {
	const sort = effectiveSort(query)
	if (sort === 'distance' && query.centre) return nearestSort(query.centre)
	if (sort === 'newest') return ['publishedAt:desc', 'id:desc']
	if (sort === 'pay') return ['hourlyMax:desc', 'publishedAt:desc', 'id:desc']
	return undefined
}

export function withDistance(doc: VacancyDocument, centre: LatLng | null): VacancyHit {
	return { ...doc, distanceMiles: centre ? distanceMiles(centre, doc._geo) : null }
}

export function emptyFacets(): Facets {
	return { roleId: {}, setting: {}, hours: {}, contract: {}, apprenticeship: 0, noDrivingNeeded: 0, visaSponsorship: 0 }
}
