import crypto from 'node:crypto'
import { isInServiceArea, regionDistricts } from '#app/models/places/places.server.ts'

// The demo data is written for Norfolk and Waveney. For another region each of
// its postcode districts stands in for one of the region's own (the same one
// every time), with that district's main place as the town, so the demo
// follows the configured region; for Norfolk and Waveney nothing changes.

const NORFOLK_WORDS =
	/\b(?:(?:North|South|West) Norfolk|Norfolk|Waveney|Broadland|Wensum|Yare Valley|Yare|Norwich|Yarmouth)\b/g

const standIns = new Map<string, { outcode: string; town: string }>()

function standInFor(outcode: string) {
	const known = standIns.get(outcode)
	if (known) return known
	const districts = regionDistricts()
	const index = crypto.createHash('sha256').update(outcode).digest().readUInt32BE(0) % districts.length
	const district = districts[index]
	const standIn = { outcode: district.outcode, town: district.places[0] }
	standIns.set(outcode, standIn)
	return standIn
}

/** The outward code demo data uses for `outcode` here. */
export function demoOutcode(outcode: string) {
	return isInServiceArea(outcode) ? outcode : standInFor(outcode).outcode
}

/** "NR3 2AB" here: the same inward code in the stand-in district. */
export function demoPostcode(postcode: string) {
	const [outcode, inward] = postcode.split(' ')
	return `${demoOutcode(outcode)} ${inward}`
}

/** The town of a demo address in `outcode` (its stand-in's main place elsewhere). */
export function demoTown(town: string, outcode: string) {
	return isInServiceArea(outcode) ? town : standInFor(outcode).town
}

/** Names and text written with Norfolk's places, told with the stand-in town instead. */
export function demoText(text: string, outcode: string) {
	return isInServiceArea(outcode) ? text : text.replace(NORFOLK_WORDS, standInFor(outcode).town)
}
