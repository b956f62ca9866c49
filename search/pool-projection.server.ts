import { findDistrict } from '#app/models/places.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { poolIndexName } from './client.server.ts'
import type { Projection } from './projection.ts'

// Bump when the pool document shape changes: the pool index is then rebuilt.
export const POOL_DOCUMENT_VERSION = 1

export const poolSettings = {
	// Nothing is searched as text: the pool is filtered, never keyword-searched,
	// so no free text about a person is indexed at all.
	searchableAttributes: ['roles'],
	displayedAttributes: ['*'],
	filterableAttributes: ['_geo', 'roles', 'availability', 'hoursWanted', 'drivingLicence', 'hasCar', 'qualifications', 'rightToWork', 'blockedProviderIds'],
	sortableAttributes: ['_geo', 'updatedAt'],
	rankingRules: ['sort', 'words', 'exactness'],
	pagination: { maxTotalHits: 10_000 },
}

const experienceRank: Record<string, number> = { none: 0, 'under-1': 1, '1-2': 2, '3-5': 3, 'over-5': 4 }

/** Candidates who have an active talent-pool consent, and only what may be shown before they accept. */
const poolSelect = {
	poolId: true,
	outcode: true,
	roles: true,
	availableDays: true,
	availableNights: true,
	availableWeekends: true,
	hoursWanted: true,
	drivingLicence: true,
	hasCar: true,
	rightToWork: true,
	experienceYears: true,
	experienceSettings: true,
	qualifications: true,
	travelMiles: true,
	updatedAt: true,
	user: {
		select: {
			consents: { where: { kind: 'talent-pool', withdrawnAt: null }, select: { grantedAt: true } },
			employerBlocks: { select: { providerId: true, createdAt: true } },
		},
	},
} as const

const inPool = { user: { consents: { some: { kind: 'talent-pool', withdrawnAt: null } } } }

type PoolRow = Awaited<ReturnType<typeof loadRows>>[number]

function loadRows(where: object) {
	return prisma.candidateProfile.findMany({ where: { ...inPool, ...where }, select: poolSelect })
}

function version(row: PoolRow) {
	return Math.max(
		row.updatedAt.getTime(),
		...row.user.consents.map((c) => c.grantedAt.getTime()),
		...row.user.employerBlocks.map((b) => b.createdAt.getTime()),
	) + row.user.employerBlocks.length
}

/**
 * A pool document: no name, no contact details, no full postcode, no free text.
 * The id is the profile's pool id, not the account id.
 */
export function toPoolDocument(row: PoolRow) {
	const district = findDistrict(row.outcode)
	return {
		id: row.poolId,
		outcode: row.outcode,
		...(district ? { _geo: { lat: district.lat, lng: district.lng } } : {}),
		roles: (row.roles as string[]) ?? [],
		availability: [row.availableDays && 'days', row.availableNights && 'nights', row.availableWeekends && 'weekends'].filter(Boolean) as string[],
		hoursWanted: row.hoursWanted,
		drivingLicence: row.drivingLicence,
		hasCar: row.hasCar,
		rightToWork: row.rightToWork,
		experienceYears: row.experienceYears,
		experienceRank: experienceRank[row.experienceYears] ?? 0,
		experienceSettings: (row.experienceSettings as string[]) ?? [],
		qualifications: (row.qualifications as string[]) ?? [],
		travelMiles: row.travelMiles,
		blockedProviderIds: row.user.employerBlocks.map((b) => b.providerId),
		updatedAt: Math.floor(row.updatedAt.getTime() / 1000),
		version: version(row),
	}
}

export type PoolDocument = ReturnType<typeof toPoolDocument>

export const poolProjection: Projection = {
	entity: 'candidate',
	indexUid: poolIndexName,
	settings: poolSettings,
	documentVersion: POOL_DOCUMENT_VERSION,
	async load(ids) {
		return (await loadRows({ poolId: { in: ids } })).map(toPoolDocument)
	},
	async expected() {
		return new Map((await loadRows({})).map((row) => [row.poolId, version(row)]))
	},
}

/** The pool straight from the database, for reduced mode. */
export async function poolFromDatabase() {
	return (await loadRows({})).map(toPoolDocument)
}
