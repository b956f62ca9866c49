import { prisma } from '#app/utils/db.server.ts'
import { boundingBox } from '#app/utils/geo.ts'
import { liveVacancyWhere, toSearchDocument, vacancyDocumentSelect } from './document.ts'
import {
	effectiveSort,
	emptyFacets,
	matchesFilters,
	multiSelectFacets,
	withDistance,
	type Facets,
	type VacancyHit,
	type VacancyQuery,
	type VacancySearchResult,
} from './query.ts'
import { matchScore, queryAlternatives } from './text-match.ts'

function increment(counts: Record<string, number>, key: string) {
	counts[key] = (counts[key] ?? 0) + 1
}

/**
 * Reduced mode: the search answered from the database when Meilisearch is
 * unreachable, with the same filters, facet counts, distances and sorts.
 */
export async function searchDatabase(query: VacancyQuery): Promise<VacancySearchResult> {
	const now = query.now ?? new Date()
	const box = query.centre ? boundingBox(query.centre, query.radiusMiles) : null
	const rows = await prisma.vacancy.findMany({
		where: {
			...liveVacancyWhere(now),
			...(box ? { lat: { gte: box.minLat, lte: box.maxLat }, lng: { gte: box.minLng, lte: box.maxLng } } : {}),
		},
		select: vacancyDocumentSelect,
	})
	const text = queryAlternatives(query.text)
	const scored: Array<{ hit: VacancyHit; score: number }> = []
	for (const row of rows) {
		const hit = withDistance(toSearchDocument(row), query.centre)
		const score = matchScore(text, {
			title: [hit.title],
			other: [hit.roleName, ...hit.roleAliases, ...hit.hoursLabels, hit.settingLabel, hit.providerName, hit.town, hit.description],
		})
		if (score > 0) scored.push({ hit, score })
	}

	const matching = scored.filter(({ hit }) => matchesFilters(hit, { ...query, now }, undefined, hit.distanceMiles))
	const facets: Facets = emptyFacets()
	for (const { hit } of matching) {
		if (hit.apprenticeship) facets.apprenticeship++
		if (hit.noDrivingNeeded) facets.noDrivingNeeded++
		if (hit.visaSponsorship) facets.visaSponsorship++
	}
	for (const [attribute, key] of multiSelectFacets) {
		const pool = query[key].length
			? scored.filter(({ hit }) => matchesFilters(hit, { ...query, now }, attribute, hit.distanceMiles))
			: matching
		for (const { hit } of pool) {
			if (attribute === 'hours') hit.hours.forEach((h) => increment(facets.hours, h))
			else increment(facets[attribute], hit[attribute])
		}
	}

	const sort = effectiveSort(query)
	const byNewest = (a: VacancyHit, b: VacancyHit) => b.publishedAt - a.publishedAt || b.id - a.id
	matching.sort((a, b) => {
		if (sort === 'distance') return (a.hit.distanceMiles ?? 0) - (b.hit.distanceMiles ?? 0) || byNewest(a.hit, b.hit)
		if (sort === 'pay') return b.hit.hourlyMax - a.hit.hourlyMax || byNewest(a.hit, b.hit)
		if (sort === 'relevance') return b.score - a.score || byNewest(a.hit, b.hit)
		return byNewest(a.hit, b.hit)
	})
	const start = (query.page - 1) * query.perPage
	return {
		mode: 'reduced',
		hits: matching.slice(start, start + query.perPage).map(({ hit }) => hit),
		total: matching.length,
		page: query.page,
		totalPages: Math.max(1, Math.ceil(matching.length / query.perPage)),
		facets,
	}
}
