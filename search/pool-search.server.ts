import { distanceMiles, METRES_PER_MILE, type LatLng } from '#app/utils/geo.ts'
import { log } from '#app/utils/log.server.ts'
import { isSearchHealthy, isUnreachable, meili, setSearchHealthy } from './client.server.ts'
import { poolFromDatabase, poolProjection, type PoolDocument } from './pool-projection.server.ts'
import { quoteFilterValue } from './query.ts'

/** A provider's search of the talent pool: every filter must hold. */
export type PoolQuery = {
	/** the provider searching: candidates who blocked it never appear */
	providerId: string
	centre: LatLng | null
	radiusMiles: number
	/** any of these roles */
	roles: string[]
	/** all of these */
	availability: string[]
	drivingWithCar: boolean
	/** all of these */
	qualifications: string[]
}

const LIMIT = 200

export function poolFilters(query: PoolQuery) {
	const filter = [`NOT blockedProviderIds = ${quoteFilterValue(query.providerId)}`]
	if (query.centre)
		filter.push(
			`_geoRadius(${query.centre.lat}, ${query.centre.lng}, ${Math.round(query.radiusMiles * METRES_PER_MILE)})`,
		)
	if (query.roles.length) filter.push(`roles IN [${query.roles.map(quoteFilterValue).join(', ')}]`)
	for (const a of query.availability) filter.push(`availability = ${quoteFilterValue(a)}`)
	if (query.drivingWithCar) filter.push('drivingLicence = true AND hasCar = true')
	for (const q of query.qualifications) filter.push(`qualifications = ${quoteFilterValue(q)}`)
	return filter
}

/** The same filters over documents built from the database (reduced mode). */
function matchesPoolQuery(doc: PoolDocument, query: PoolQuery) {
	if (doc.blockedProviderIds.includes(query.providerId)) return false
	if (query.centre && (!doc._geo || distanceMiles(query.centre, doc._geo) > query.radiusMiles)) return false
	if (query.roles.length && !doc.roles.some((r) => query.roles.includes(r))) return false
	if (query.availability.length && !query.availability.every((a) => doc.availability.includes(a))) return false
	if (query.drivingWithCar && !(doc.drivingLicence && doc.hasCar)) return false
	if (query.qualifications.length && !query.qualifications.every((q) => doc.qualifications.includes(q))) return false
	return true
}

/**
 * Candidates in the talent pool who match, nearest first (or most recently
 * active without a place). Meilisearch does the work; if it is unreachable the
 * same filters and order run over the database.
 */
export async function searchPoolDocuments(query: PoolQuery): Promise<PoolDocument[]> {
	const { centre } = query
	if (isSearchHealthy()) {
		try {
			const result = await meili()
				.index(poolProjection.indexUid())
				.search<PoolDocument>('', {
					filter: poolFilters(query),
					sort: centre ? [`_geoPoint(${centre.lat}, ${centre.lng}):asc`] : ['updatedAt:desc'],
					limit: LIMIT,
				})
			return result.hits
		} catch (error) {
			if (isUnreachable(error)) setSearchHealthy(false)
			else
				log.error(
					'pool',
					`pool search failed, answering from the database: ${error instanceof Error ? error.name : 'error'}`,
				)
		}
	}
	const docs = (await poolFromDatabase()).filter((doc) => matchesPoolQuery(doc, query))
	if (centre)
		docs.sort((a, b) => distanceMiles(centre, a._geo!) - distanceMiles(centre, b._geo!) || a.id.localeCompare(b.id))
	else docs.sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id))
	return docs.slice(0, LIMIT)
}
