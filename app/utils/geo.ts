const EARTH_RADIUS_MILES = 3958.7613
export const METRES_PER_MILE = 1609.344

export type LatLng = { lat: number; lng: number }

const toRad = (deg: number) => (deg * Math.PI) / 180

/** Great-circle distance in miles. */
export function distanceMiles(a: LatLng, b: LatLng) {
	const dLat = toRad(b.lat - a.lat)
	const dLng = toRad(b.lng - a.lng)
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2
	return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** A box that contains every point within `miles` of the centre (for an indexed pre-filter). */
export function boundingBox(centre: LatLng, miles: number) {
	const dLat = miles / 69.0
	const dLng = miles / (69.0 * Math.cos((centre.lat * Math.PI) / 180))
	return { minLat: centre.lat - dLat, maxLat: centre.lat + dLat, minLng: centre.lng - dLng, maxLng: centre.lng + dLng }
}

export function formatMiles(miles: number) {
	if (miles < 0.95) return 'less than 1 mile'
	const rounded = miles < 10 ? Math.round(miles * 10) / 10 : Math.round(miles)
	return `${rounded} ${rounded === 1 ? 'mile' : 'miles'}`
}
