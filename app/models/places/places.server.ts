import fs from 'node:fs'
import path from 'node:path'
import { remember } from '@epic-web/remember'
import { parse as parseCsv } from 'csv-parse/sync'
import { distance as levenshtein } from 'fastest-levenshtein'
import * as postcodes from 'postcode'
import { z } from 'zod'
import { EnvError, getEnv } from '#app/utils/env.server.ts'
import { distanceMiles } from '#app/utils/geo.ts'
import { fromRoot } from '#app/utils/project-root.server.ts'

export type Place = {
	name: string
	county: string
	district: string
	outcode: string
	type: string
	lat: number
	lng: number
	inRegion: boolean
}

export type ResolvedPlace = {
	kind: 'place' | 'postcode' | 'outcode'
	/** what to show: "Wymondham, Norfolk", "NR3 1AB", "NR3" */
	label: string
	/** the canonical text to put back into the search box */
	query: string
	lat: number
	lng: number
	outcode?: string
}

export type PlaceLookup = { ok: true; place: ResolvedPlace } | { ok: false; message: string; suggestions: string[] }

type District = {
	outcode: string
	lat: number
	lng: number
	places: string[]
	county: string
	status: string
	localAuthority: string
	postcodeUnits: number
}

const dataDir = fromRoot('app', 'data')

const PlaceRowSchema = z.object({
	name: z.string(),
	alt_names: z.string(),
	type: z.string(),
	lat: z.coerce.number(),
	lng: z.coerce.number(),
	county: z.string(),
	district: z.string(),
	outcode: z.string(),
})

const DistrictRowSchema = z.object({
	outcode: z.string(),
	lat: z.coerce.number(),
	lng: z.coerce.number(),
	places: z.string(),
	county: z.string(),
	status: z.string(),
	district_2014: z.string(),
	postcode_units_2014: z.coerce.number(),
})

const typeRank: Record<string, number> = {
	City: 0,
	Town: 1,
	'Suburban Area': 2,
	Village: 3,
	'Other Settlement': 4,
	Hamlet: 5,
	District: 6,
}

/** Case, apostrophes, hyphens and "St"/"Saint" do not matter when matching names. */
export function normalisePlaceName(text: string) {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/['’`.]/g, '')
		.replace(/[-,/&()]+/g, ' ')
		.replace(/\bsaint\b/g, 'st')
		.replace(/\s+/g, ' ')
		.trim()
}

function readCsv(file: string) {
	return parseCsv(fs.readFileSync(path.join(dataDir, file), 'utf8'), {
		columns: true,
		skip_empty_lines: true,
	}) as unknown[]
}

const gazetteer = remember('gazetteer', () => {
	const districts = new Map<string, District>()
	for (const raw of readCsv('uk-postcode-districts.csv')) {
		const row = DistrictRowSchema.parse(raw)
		districts.set(row.outcode, {
			outcode: row.outcode,
			lat: row.lat,
			lng: row.lng,
			county: row.county,
			status: row.status,
			localAuthority: row.district_2014,
			postcodeUnits: row.postcode_units_2014,
			places: row.places
				? row.places
						.split(';')
						.map((p) => p.trim())
						.filter(Boolean)
				: [],
		})
	}

	const authorities = regionAuthorities(districts)
	const byName = new Map<string, Place[]>()
	const add = (key: string, place: Place) => {
		const list = byName.get(key) ?? []
		if (!list.includes(place)) list.push(place)
		byName.set(key, list)
	}
	const places: Place[] = []
	// the areas the richer places file covers, village by village
	const detailed = new Set<string>()
	for (const raw of readCsv('norfolk-suffolk-places.csv')) {
		const row = PlaceRowSchema.parse(raw)
		detailed.add(row.district)
		const place: Place = {
			name: row.name,
			county: row.county,
			district: row.district,
			outcode: row.outcode,
			type: row.type,
			lat: row.lat,
			lng: row.lng,
			inRegion: authorities.has(row.district),
		}
		places.push(place)
		add(normalisePlaceName(row.name), place)
		for (const alt of row.alt_names
			.split(';')
			.map((a) => a.trim())
			.filter(Boolean)) {
			add(normalisePlaceName(alt), place)
		}
	}
	// Elsewhere, places come from the postcode districts' place lists, at the
	// district centre: every place listed in the region's own districts where the
	// richer file does not cover them (Staffordshire), and each district's main
	// town beyond the region (Wisbech, Thetford's neighbours).
	for (const district of districts.values()) {
		if (district.status !== 'live') continue
		const inRegion = authorities.has(district.localAuthority)
		const everyPlace = inRegion && !detailed.has(district.localAuthority)
		for (const name of everyPlace ? district.places : district.places.slice(0, 1)) {
			if (byName.get(normalisePlaceName(name))?.some((p) => p.inRegion || !inRegion)) continue
			const place: Place = {
				name,
				county: district.county,
				district: district.localAuthority,
				outcode: district.outcode,
				type: 'District',
				lat: district.lat,
				lng: district.lng,
				inRegion,
			}
			if (inRegion) places.push(place)
			add(normalisePlaceName(name), place)
		}
	}
	for (const list of byName.values()) list.sort(comparePlaces)
	return { districts, byName, places, authorities }
})

/** The configured local authority areas, each checked against the postcode districts' names. */
function regionAuthorities(districts: Map<string, District>) {
	const known = new Set([...districts.values()].map((d) => d.localAuthority))
	const wanted = getEnv().REGION_LOCAL_AUTHORITIES
	const unknown = wanted.filter((name) => !known.has(name))
	if (unknown.length)
		throw new EnvError(
			`Invalid environment variables:\n  REGION_LOCAL_AUTHORITIES: no local authority area is called ${unknown.map((n) => `“${n}”`).join(', ')} (use the names in app/data/uk-postcode-districts.csv, column district_2014, separated by ;)`,
		)
	return new Set(wanted)
}

/** The region served, with the place its examples name. */
export const serviceRegion = remember('service-region', () => {
	const env = getEnv()
	const { authorities } = gazetteer
	// its postcode districts, biggest first (by postcode count)
	const districts = [...gazetteer.districts.values()]
		.filter((d) => d.status === 'live' && d.places.length && authorities.has(d.localAuthority))
		.sort((a, b) => b.postcodeUnits - a.postcodeUnits || a.outcode.localeCompare(b.outcode))
	const biggest = districts[0]
	const centre = env.REGION_CENTRE ?? {
		place: biggest.places[0],
		outcode: biggest.outcode,
		postcode: `${biggest.outcode} 1AA`,
	}
	return { name: env.REGION_NAME, authorities, centre, districts }
})

function comparePlaces(a: Place, b: Place) {
	if (a.inRegion !== b.inRegion) return a.inRegion ? -1 : 1
	return (typeRank[a.type] ?? 9) - (typeRank[b.type] ?? 9)
}

export function placeLabel(place: Place) {
	return `${place.name}, ${place.county}`
}

function compact(text: string) {
	return text.toUpperCase().replace(/\s+/g, '')
}

/** Full postcode or outward code, any case and spacing: "NR3", "nr31ab", "NR3 1AB". */
export function parsePostcode(text: string): { outcode: string; postcode?: string } | null {
	const value = compact(text)
	if (postcodes.isValid(value)) {
		const parsed = postcodes.parse(value)
		if (parsed.valid) return { outcode: parsed.outcode, postcode: parsed.postcode }
	}
	// "NR3 1" is a partial postcode in NR3, not the district NR31.
	const [outward, inward, ...rest] = text.trim().toUpperCase().split(/\s+/)
	if (inward !== undefined && !rest.length && /^\d[A-Z]{0,2}$/.test(inward) && postcodes.validOutcode(outward)) {
		return { outcode: outward }
	}
	if (postcodes.validOutcode(value)) return { outcode: value }
	return null
}

export function findDistrict(outcode: string) {
	const { districts } = gazetteer
	const direct = districts.get(outcode)
	if (direct) return direct
	// "SW1A" is a sub-district of "SW1", which the data holds as a whole.
	const district = postcodes.toDistrict(`${outcode} 1AA`)
	return district ? (districts.get(district) ?? null) : null
}

export function suggestPlaces(text: string, limit = 3) {
	const query = normalisePlaceName(text)
	if (query.length < 3) return []
	const maxDistance = Math.max(1, Math.min(3, Math.floor(query.length / 3)))
	const scored: Array<{ place: Place; score: number }> = []
	for (const [name, list] of gazetteer.byName) {
		const place = list[0]
		if (!place) continue
		let score = levenshtein(query, name)
		if (score > maxDistance) {
			if (name.startsWith(query) && query.length >= 4) score = maxDistance
			else continue
		}
		scored.push({ place, score: score + (typeRank[place.type] ?? 9) * 0.1 + (place.inRegion ? 0 : 0.5) })
	}
	// A name nothing like any place (a made-up town): the region's names closest in spelling.
	if (!scored.length) {
		for (const [name, list] of gazetteer.byName) {
			const place = list[0]
			if (!place?.inRegion) continue
			const distance = levenshtein(query, name)
			if (distance <= Math.ceil(Math.max(query.length, name.length) * 0.6)) {
				scored.push({ place, score: distance + (typeRank[place.type] ?? 9) * 0.5 })
			}
		}
	}
	scored.sort((a, b) => a.score - b.score)
	// A near miss in the region beats a namesake far away (Norwhich → Norwich, not Northwich).
	const local = scored.filter(({ place }) => place.inRegion)
	const names: string[] = []
	for (const { place } of local.length ? local : scored) {
		if (!names.includes(place.name)) names.push(place.name)
		if (names.length >= limit) break
	}
	return names
}

/** Turns what someone typed in "Where" into coordinates, or says why it can't. */
export function resolvePlace(text: string): PlaceLookup {
	const trimmed = text.trim().replace(/\s+/g, ' ')
	const code = parsePostcode(trimmed)
	if (code) {
		const district = findDistrict(code.outcode)
		if (!district) {
			return {
				ok: false,
				message: `We could not find the postcode ${code.postcode ?? code.outcode}. Check it, or try a town or village.`,
				suggestions: [],
			}
		}
		return {
			ok: true,
			place: {
				kind: code.postcode ? 'postcode' : 'outcode',
				label: code.postcode ?? code.outcode,
				query: code.postcode ?? code.outcode,
				lat: district.lat,
				lng: district.lng,
				outcode: district.outcode,
			},
		}
	}
	const matches = gazetteer.byName.get(normalisePlaceName(trimmed))
	const place = matches?.[0]
	if (place) {
		return {
			ok: true,
			place: {
				kind: 'place',
				label: placeLabel(place),
				query: place.name,
				lat: place.lat,
				lng: place.lng,
				outcode: place.outcode,
			},
		}
	}
	const suggestions = suggestPlaces(trimmed)
	return {
		ok: false,
		message: suggestions.length
			? `We could not find “${trimmed}”. Did you mean ${suggestions[0]}?`
			: `We could not find “${trimmed}”. Try a town, village or postcode, such as ${serviceRegion.centre.place} or ${serviceRegion.centre.outcode}.`,
		suggestions,
	}
}

/**
 * Where a vacancy is for search: the named place if it lies in the postcode's
 * district (more precise than a district centre), otherwise the district centre.
 */
export function locateWorkplace(postcode: string, town: string) {
	const code = parsePostcode(postcode)
	if (!code?.postcode) return null
	const district = findDistrict(code.outcode)
	if (!district) return null
	const place = gazetteer.byName.get(normalisePlaceName(town))?.find((p) => p.outcode === code.outcode)
	return {
		postcode: code.postcode,
		outcode: code.outcode,
		lat: place?.lat ?? district.lat,
		lng: place?.lng ?? district.lng,
	}
}

const SERVICE_AREA_MILES = 15

// Postcode districts whose centre is within 15 miles of a town or village in the
// region: vacancies there serve the region's candidates (Wisbech, Bury St Edmunds).
const serviceArea = remember('service-area', () => {
	const regionPlaces = gazetteer.places.filter((p) => p.inRegion)
	const inArea = new Set<string>()
	for (const district of gazetteer.districts.values()) {
		if (regionPlaces.some((p) => distanceMiles(p, district) <= SERVICE_AREA_MILES)) inArea.add(district.outcode)
	}
	return inArea
})

export function isInServiceArea(outcode: string) {
	const district = findDistrict(outcode)
	return district ? serviceArea.has(district.outcode) : false
}

/** The local authority area a postcode district mostly lies in (pre-2019 names: Waveney stays Waveney). */
export function localAuthorityOf(outcode: string) {
	return findDistrict(outcode)?.localAuthority || 'Unknown'
}

/** The region's own postcode districts, biggest first (by postcode count). */
export function regionDistricts() {
	return serviceRegion.districts
}
