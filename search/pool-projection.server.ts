import crypto from 'node:crypto'
import { findDistrict } from '#app/models/places/places.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { poolIndexName } from './client.server.ts'
import type { Projection } from './projection.ts'

// Bump when the pool document shape changes: the pool index is then rebuilt.
// 2: random pool ids, no timestamps (a version that was a time, an exact updatedAt).
export const POOL_DOCUMENT_VERSION = 2

export const poolSettings = {
	// Nothing is searched as text: the pool is filtered, never keyword-searched,
	// so no free text about a person is indexed at all.
	searchableAttributes: ['roles'],
	displayedAttributes: ['*'],
	filterableAttributes: [
		'_geo',
		'roles',
		'availability',
		'hoursWanted',
		'drivingLicence',
		'hasCar',
		'qualifications',
		'rightToWork',
		'blockedProviderIds',
	],
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
	user: { select: { employerBlocks: { select: { providerId: true } } } },
} as const

const inPool = { user: { consents: { some: { kind: 'talent-pool', withdrawnAt: null } } } }

type PoolRow = Awaited<ReturnType<typeof loadRows>>[number]

function loadRows(where: object) {
	return prisma.candidateProfile.findMany({ where: { ...inPool, ...where }, select: poolSelect })
}

const DAY_SECONDS = 86_400

/**
 * A pool document: no name, no contact details, no full postcode, no free text,
 * and nothing that could link it to an application or an account: the id is the
 * profile's random pool id, "recently active" is kept to the day, and the
 * version is a hash of the content rather than a time.
 */
export function toPoolDocument(row: PoolRow) {
	const district = findDistrict(row.outcode)
	const content = {
		id: row.poolId,
		outcode: row.outcode,
		...(district ? { _geo: { lat: district.lat, lng: district.lng } } : {}),
		roles: (row.roles as string[]) ?? [],
		availability: [
			row.availableDays && 'days',
			row.availableNights && 'nights',
			row.availableWeekends && 'weekends',
		].filter(Boolean) as string[],
		hoursWanted: row.hoursWanted,
		drivingLicence: row.drivingLicence,
		hasCar: row.hasCar,
		rightToWork: row.rightToWork,
		experienceYears: row.experienceYears,
		experienceRank: experienceRank[row.experienceYears] ?? 0,
		experienceSettings: (row.experienceSettings as string[]) ?? [],
		qualifications: (row.qualifications as string[]) ?? [],
		travelMiles: row.travelMiles,
		blockedProviderIds: row.user.employerBlocks.map((b) => b.providerId).sort(),
		// whole days since 1970, for "most recently active first"
		updatedAt: Math.floor(row.updatedAt.getTime() / 1000 / DAY_SECONDS) * DAY_SECONDS,
	}
	return { ...content, version: contentVersion(content) }
}

/** Changes whenever the document's content does (reconciliation compares it). */
function contentVersion(content: object) {
	return parseInt(crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 12), 16)
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
		return new Map((await loadRows({})).map((row) => [row.poolId, toPoolDocument(row).version]))
	},
}

/** The pool straight from the database, for reduced mode. */
export async function poolFromDatabase() {
	return (await loadRows({})).map(toPoolDocument)
}
