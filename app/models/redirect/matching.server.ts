import { careRoles } from '#app/models/jobs/care-roles.server.ts'
import { drivingCue } from '#app/models/jobs/vacancy-rules.server.ts'
import { findDistrict } from '#app/models/places/places.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { formatMiles } from '#app/utils/geo.ts'
import { defaultQuery } from '#search/query.ts'
import { searchVacancies } from '#search/search.server.ts'

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
		if (other.id !== roleId && (other.care_workforce_pathway ?? []).some((step) => steps.has(step)))
			related.add(other.id)
	}
	for (const group of bridges) {
		if (group.includes(roleId)) group.filter((r) => r !== roleId).forEach((r) => related.add(r))
	}
	return [...related]
}

export function toMatchCandidate(profile: {
	outcode: string
	travelMiles: number
	roles: unknown
	hoursWanted: string
	availableNights: boolean
	availableWeekends: boolean
	drivingLicence: boolean
	hasCar: boolean
	rightToWork: string
	qualifications: unknown
}): MatchCandidate {
	return {
		outcode: profile.outcode,
		travelMiles: profile.travelMiles,
		roles: (profile.roles as string[]) ?? [],
		hoursWanted: profile.hoursWanted,
		availableNights: profile.availableNights,
		availableWeekends: profile.availableWeekends,
		drivingLicence: profile.drivingLicence,
		hasCar: profile.hasCar,
		rightToWork: profile.rightToWork,
		qualifications: (profile.qualifications as string[]) ?? [],
	}
}

/** The advert's own words, which matching reads for qualifications and driving. */
export async function textFor(ids: number[]) {
	const rows = await prisma.vacancy.findMany({
		where: { id: { in: ids } },
		select: { id: true, requirements: true, description: true },
	})
	return new Map(rows.map((r) => [r.id, { requirements: r.requirements, description: r.description }]))
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

/** What matching needs to know about a vacancy: from the search document, or the database row. */
export type MatchVacancy = {
	roleId: string
	/** hours ids: full-time, part-time, nights, weekends, flexible */
	hours: string[]
	hoursPerWeek: number | null
	drivingLicenceRequired: boolean
	visaSponsorship: boolean
	/** what the employer wrote under "What the candidate will need" */
	requirements: string
	description: string
	distanceMiles: number
}

// Vacancies have no structured list of required qualifications, only the
// employer's words. So a qualification counts as asked for only when it is
// named in "What the candidate will need", in a part of it that does not say it
// is offered (training, induction, "or working towards it") or merely common.
const qualificationAsks: Array<{ id: string; label: string; pattern: RegExp }> = [
	// not "Adult Social Care Certificate", a different (Level 2) qualification
	{ id: 'care-certificate', label: 'the Care Certificate', pattern: /(?<!social )\bcare certificate\b/i },
	{
		id: 'level-2-diploma-in-care',
		label: 'a Level 2 qualification in care',
		pattern: /\blevel 2 (diploma|qualification)s?\b/i,
	},
	{
		id: 'level-3-diploma-in-adult-care',
		label: 'a Level 3 qualification in care',
		pattern: /\blevel 3 (diploma|qualification)s?\b/i,
	},
	{
		id: 'level-4-diploma-in-adult-care',
		label: 'a Level 4 qualification in care',
		pattern: /\blevel 4 (diploma|qualification)s?\b/i,
	},
	{
		id: 'level-5-diploma-leadership-management-adult-care',
		label: 'the Level 5 Diploma in Leadership and Management',
		pattern: /\blevel 5 diploma in leadership\b/i,
	},
	{
		id: 'nursing-registration',
		label: 'NMC registration as a nurse',
		pattern:
			/\bNMC registration\b(?! as a nursing associate)|\bRGN\b|\bnursing registration\b|\bregistered (general |adult )?nurse\b(?! degree)/i,
	},
]

const offeredOrCommon =
	/\b(induction|training|train|trained|funded|fund|paid for|provided|we will|we['’]ll|support you|towards|willing|willingness|common)\b/i
const preferred =
	/\b(preferred|desirable|an advantage|advantageous|ideally|recommended|welcome|would be (good|useful|helpful))\b/i
const notNeeded = /\b(no|not)\b[^.]*\b(required|needed|necessary)\b/i

type Ask = { id: string; label: string; strength: 'required' | 'preferred' }

/** The qualifications a vacancy's requirements ask for, and how firmly. */
export function qualificationsAskedFor(requirements: string): Ask[] {
	const asks = new Map<string, Ask>()
	for (const clause of requirements.split(/[\n;•]+/)) {
		if (offeredOrCommon.test(clause) || notNeeded.test(clause)) continue
		const strength = preferred.test(clause) ? 'preferred' : 'required'
		for (const ask of qualificationAsks) {
			if (!ask.pattern.test(clause)) continue
			const current = asks.get(ask.id)
			if (!current || (current.strength === 'preferred' && strength === 'required'))
				asks.set(ask.id, { id: ask.id, label: ask.label, strength })
		}
	}
	return [...asks.values()]
}

export const FULL_TIME_HOURS = 30

export function formatHours(hoursPerWeek: number) {
	return `${Number.isInteger(hoursPerWeek) ? hoursPerWeek : hoursPerWeek.toFixed(1).replace(/\.0$/, '')} hours a week`
}

export type Match = {
	vacancyId: number
	title: string
	providerName: string
	town: string
	hoursPerWeek: number | null
	score: number
	distanceMiles: number
	reasons: string[]
	cautions: string[]
}

/**
 * Ranking, in order of weight (documented in the README):
 *   1. role: one the provider suggested +3, one the candidate chose +2, a related role +1
 *   2. hours: the hours they want +1, hours that don't fit −1 (−0.5 if the advert
 *      says hours are flexible); nights they can do +1, weekends +0.5
 *   3. qualifications the job asks for that they have: +0.5 each (+0.25 if only
 *      preferred), at most +1; one it requires that they don't have −1
 *   4. driving, for someone without a licence and a car: the advert says a
 *      licence is usually needed −2, useful or mentioned −1, mileage paid −0.5
 *   5. nearness: up to +1, falling to 0 at the edge of their travel distance
 * Ties go to the nearer job, then the newer.
 * Hard rules, applied in the search itself: within their travel distance, a
 * related role, no driving licence required unless they have a licence and a
 * car, visa sponsorship if they need it, not the provider that turned them down
 * nor any they blocked, not a job they already applied for, and no night work
 * if they cannot do nights.
 *
 * Reasons only say what the vacancy's data supports; cautions say plainly where
 * it may not fit them.
 */
export function scoreMatch(candidate: MatchCandidate, suggested: string[], v: MatchVacancy) {
	const reasons: string[] = []
	const cautions: string[] = []
	let score = 0
	const distance = v.distanceMiles
	reasons.push(`${formatMiles(distance)} away`)
	if (suggested.includes(v.roleId)) score += 3
	else if (candidate.roles.includes(v.roleId)) score += 2
	else score += 1

	// The hours a week decide full- or part-time when the advert gives them; otherwise its boxes do.
	const weekly = v.hoursPerWeek
	const fullTime = weekly != null ? weekly >= FULL_TIME_HOURS : v.hours.includes('full-time')
	const partTime = weekly != null ? weekly < FULL_TIME_HOURS : v.hours.includes('part-time')
	const flexible = v.hours.includes('flexible')
	const hoursText = weekly != null ? formatHours(weekly) : null
	if (candidate.hoursWanted === 'full-time') {
		if (fullTime) {
			score += 1
			reasons.push('full-time')
		} else if (partTime) {
			score -= flexible ? 0.5 : 1
			cautions.push(
				`${hoursText ? `part-time, ${hoursText}` : 'part-time'}: fewer hours than the full-time work you asked for`,
			)
		}
	} else if (candidate.hoursWanted === 'part-time') {
		if (partTime) {
			score += 1
			reasons.push('part-time')
		} else if (fullTime) {
			score -= flexible ? 0.5 : 1
			cautions.push(
				`${hoursText ? `full-time, ${hoursText}` : 'full-time'}: more hours than the part-time work you asked for${flexible ? ' (the advert says hours are flexible, so ask)' : ''}`,
			)
		}
	}
	if (v.hours.includes('nights') && candidate.availableNights) {
		score += 1
		reasons.push('nights')
	}
	if (v.hours.includes('weekends') && candidate.availableWeekends) {
		score += 0.5
		reasons.push('weekends')
	}

	if (!(candidate.drivingLicence && candidate.hasCar)) {
		const cue = v.drivingLicenceRequired ? 'needed' : drivingCue(`${v.requirements}\n${v.description}`)
		if (v.drivingLicenceRequired) {
			score -= 3
			cautions.push('needs a driving licence')
		} else if (cue === 'needed') {
			score -= 2
			cautions.push('the advert says a driving licence is usually needed')
		} else if (cue === 'useful' || cue === 'mentioned') {
			score -= 1
			cautions.push('the advert mentions driving: ask whether you would need to drive')
		} else if (cue === 'mileage') {
			score -= 0.5
			cautions.push('the advert pays mileage, so the job may involve driving')
		} else reasons.push('no driving licence needed')
	}
	if (v.visaSponsorship && candidate.rightToWork === 'needs-sponsorship') reasons.push('offers visa sponsorship')

	let qualificationScore = 0
	for (const ask of qualificationsAskedFor(v.requirements)) {
		if (candidate.qualifications.includes(ask.id)) {
			qualificationScore += ask.strength === 'required' ? 0.5 : 0.25
			reasons.push(
				ask.strength === 'required'
					? `asks for ${ask.label}, which you have`
					: `would like ${ask.label}, which you have`,
			)
		} else if (ask.strength === 'required') {
			score -= 1
			cautions.push(`asks for ${ask.label}, which is not in your details`)
		}
	}
	score += Math.min(1, qualificationScore)
	score += Math.max(0, 1 - distance / Math.max(1, candidate.travelMiles))
	return { score: Math.round(score * 100) / 100, reasons, cautions }
}

/** The best vacancies for a candidate elsewhere in the system, each with its reasons. */
export async function findMatches(options: {
	candidate: MatchCandidate
	suggestedRoles: string[]
	excludeProviderIds: string[]
	excludeVacancyIds: number[]
	textFor: (ids: number[]) => Promise<Map<number, { requirements: string; description: string }>>
	limit?: number
	/** only jobs published since then (the weekly look for new ones) */
	publishedSince?: Date
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
			publishedSince: options.publishedSince,
		}),
	)
	const hits = result.hits.filter((hit) => candidate.availableNights || !hit.hours.includes('nights'))
	const text = await options.textFor(hits.map((h) => h.id))
	const matches: Match[] = hits.map((hit) => {
		const { score, reasons, cautions } = scoreMatch(candidate, options.suggestedRoles, {
			roleId: hit.roleId,
			hours: hit.hours,
			hoursPerWeek: hit.hoursPerWeek,
			drivingLicenceRequired: !hit.noDrivingNeeded,
			visaSponsorship: hit.visaSponsorship,
			requirements: text.get(hit.id)?.requirements ?? '',
			description: text.get(hit.id)?.description ?? '',
			distanceMiles: hit.distanceMiles ?? 0,
		})
		return {
			vacancyId: hit.id,
			title: hit.title,
			providerName: hit.providerName,
			town: hit.town,
			hoursPerWeek: hit.hoursPerWeek,
			score,
			distanceMiles: hit.distanceMiles ?? 0,
			reasons,
			cautions,
		}
	})
	const published = new Map(hits.map((h) => [h.id, h.publishedAt]))
	matches.sort(
		(a, b) =>
			b.score - a.score ||
			a.distanceMiles - b.distanceMiles ||
			(published.get(b.vacancyId) ?? 0) - (published.get(a.vacancyId) ?? 0) ||
			a.vacancyId - b.vacancyId,
	)
	return matches.slice(0, options.limit ?? 10)
}
