import { defaultQuery, type VacancyHit } from '#search/query.ts'
import { searchVacancies } from '#search/search.server.ts'
import { formatMiles } from '#app/utils/geo.ts'
import { careRoles } from './care-roles.server.ts'
import { findDistrict } from './places.server.ts'

/**
 * Roles next to each other in the care pathways count as related: roles that
 * share a step of the DHSC care workforce pathway (care worker, support worker),
 * plus the bridge into health that the brief names (care worker, support worker
 * and healthcare assistant, which the data calls nursing assistant).
 */
const bridges: string[][] = [['care-worker', 'support-worker', 'nursing-assistant']]

export function relatedRoles(roleId: string) {
	const role = careRoles.find((r) => r.id === roleId)
	const steps = new Set(role?.care_workforce_pathway ?? [])
	const related = new Set<string>()
	for (const other of careRoles) {
		if (other.id !== roleId && (other.care_workforce_pathway ?? []).some((step) => steps.has(step))) related.add(other.id)
	}
	for (const group of bridges) {
		if (group.includes(roleId)) group.filter((r) => r !== roleId).forEach((r) => related.add(r))
	}
	return [...related]
}

export type MatchCandidate = {
	outcode: string
	travelMiles: number
	roles: string[]
	hoursWanted: string
	availableNights: boolean
	availableWeekends: boolean
	drivingLicence: boolean
	hasCar: boolean
	rightToWork: string
	qualifications: string[]
}

// What a vacancy's requirements must say for "asks for X, which you have".
const qualificationAsks: Array<{ id: string; label: string; pattern: RegExp }> = [
	{ id: 'care-certificate', label: 'the Care Certificate', pattern: /care certificate/i },
	{ id: 'level-2-diploma-in-care', label: 'a Level 2 Diploma in Care', pattern: /level 2 (diploma|qualification)/i },
	{ id: 'level-3-diploma-in-adult-care', label: 'a Level 3 Diploma in Adult Care', pattern: /level 3 (diploma|qualification)/i },
	{ id: 'level-4-diploma-in-adult-care', label: 'a Level 4 Diploma', pattern: /level 4/i },
	{ id: 'level-5-diploma-leadership-management-adult-care', label: 'a Level 5 Diploma', pattern: /level 5/i },
	{ id: 'nursing-registration', label: 'nursing registration', pattern: /\bNMC\b|\bRGN\b|registered nurse|nursing registration/i },
]

export type Match = { vacancyId: number; title: string; providerName: string; town: string; score: number; distanceMiles: number; reasons: string[] }

/**
 * Ranking, in order of weight (documented in the README):
 *   1. role: one the provider suggested +3, one the candidate chose +2, a related role +1
 *   2. hours: the hours they want +1; nights they can do +1, weekends +0.5
 *   3. qualifications the job asks for that they have: +0.5 each, at most +1
 *   4. nearness: up to +1, falling to 0 at the edge of their travel distance
 * Ties go to the nearer job, then the newer.
 * Hard rules, applied in the search itself: within their travel distance, a
 * related role, no driving needed unless they have a licence and a car, visa
 * sponsorship if they need it, not the provider that turned them down nor any
 * they blocked, not a job they already applied for, and no night work if they
 * cannot do nights.
 */
export function scoreMatch(candidate: MatchCandidate, suggested: string[], hit: VacancyHit, requirements: string) {
	const reasons: string[] = []
	let score = 0
	const distance = hit.distanceMiles ?? 0
	reasons.push(`${formatMiles(distance)} away`)
	if (suggested.includes(hit.roleId)) score += 3
	else if (candidate.roles.includes(hit.roleId)) score += 2
	else score += 1

	const fullTime = hit.hours.includes('full-time')
	const partTime = hit.hours.includes('part-time')
	const flexible = hit.hours.includes('flexible')
	if (candidate.hoursWanted === 'full-time' && fullTime) {
		score += 1
		reasons.push('full-time')
	} else if (candidate.hoursWanted === 'part-time' && (partTime || flexible)) {
		score += 1
		reasons.push(partTime ? 'part-time' : 'flexible hours')
	}
	if (hit.hours.includes('nights') && candidate.availableNights) {
		score += 1
		reasons.push('nights')
	}
	if (hit.hours.includes('weekends') && candidate.availableWeekends) {
		score += 0.5
		reasons.push('weekends')
	}
	if (hit.noDrivingNeeded && !(candidate.drivingLicence && candidate.hasCar)) reasons.push('no driving needed')
	if (hit.visaSponsorship && candidate.rightToWork === 'needs-sponsorship') reasons.push('offers visa sponsorship')
	let qualificationScore = 0
	for (const ask of qualificationAsks) {
		if (candidate.qualifications.includes(ask.id) && ask.pattern.test(requirements)) {
			qualificationScore += 0.5
			reasons.push(`asks for ${ask.label}, which you have`)
		}
	}
	score += Math.min(1, qualificationScore)
	score += Math.max(0, 1 - distance / Math.max(1, candidate.travelMiles))
	return { score: Math.round(score * 100) / 100, reasons }
}

/** The best vacancies for a candidate elsewhere in the system, each with its reasons. */
export async function findMatches(options: {
	candidate: MatchCandidate
	suggestedRoles: string[]
	excludeProviderIds: string[]
	excludeVacancyIds: number[]
	requirementsFor: (ids: number[]) => Promise<Map<number, string>>
	limit?: number
}) {
	const { candidate } = options
	const district = findDistrict(candidate.outcode)
	if (!district) return []
	const roles = new Set<string>()
	for (const role of [...options.suggestedRoles, ...candidate.roles]) {
		roles.add(role)
		relatedRoles(role).forEach((r) => roles.add(r))
	}
	const result = await searchVacancies(
		defaultQuery({
			centre: { lat: district.lat, lng: district.lng },
			radiusMiles: candidate.travelMiles,
			roles: [...roles],
			noDriving: !(candidate.drivingLicence && candidate.hasCar),
			sponsorship: candidate.rightToWork === 'needs-sponsorship',
			excludeProviderIds: options.excludeProviderIds,
			excludeIds: options.excludeVacancyIds,
			sort: 'distance',
			perPage: 100,
		}),
	)
	const hits = result.hits.filter((hit) => candidate.availableNights || !hit.hours.includes('nights'))
	const requirements = await options.requirementsFor(hits.map((h) => h.id))
	const matches: Match[] = hits.map((hit) => {
		const { score, reasons } = scoreMatch(candidate, options.suggestedRoles, hit, requirements.get(hit.id) ?? '')
		return { vacancyId: hit.id, title: hit.title, providerName: hit.providerName, town: hit.town, score, distanceMiles: hit.distanceMiles ?? 0, reasons }
	})
	const published = new Map(hits.map((h) => [h.id, h.publishedAt]))
	matches.sort(
		(a, b) => b.score - a.score || a.distanceMiles - b.distanceMiles || (published.get(b.vacancyId) ?? 0) - (published.get(a.vacancyId) ?? 0) || a.vacancyId - b.vacancyId,
	)
	return matches.slice(0, options.limit ?? 10)
}
