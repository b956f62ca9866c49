import { isIndividualEmployer } from '#app/models/organisations/vocabulary.ts'
import { findDistrict, isInServiceArea, locateWorkplace, serviceRegion } from '#app/models/places/places.server.ts'
import { addDays, londonDateString } from '#app/utils/dates.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { parsePostcodeText } from '#app/utils/postcode.ts'
import { getStandard } from './care-roles.server.ts'
import { checkMinimumPay } from './pay.ts'
import { hoursOptions, type HoursId } from './vocabulary.ts'

// The rules of a vacancy, in one place: when it is live, where the public may
// see it is, which hours it offers, and the checks across its fields. The form,
// the search documents, matching and every page use these.

export const MAX_CLOSING_DAYS = 366
export const MAX_QUESTIONS = 5

type Liveness = { status: string; closingDate: Date }

/**
 * A vacancy is live while it is published and its closing date has not passed:
 * only then does it appear in search, take applications and invitations. The
 * timer that closes expired vacancies runs every minute; until it has, the date
 * decides.
 */
export function liveVacancyWhere(now = new Date()) {
	return { status: 'live', closingDate: { gte: now } }
}

export function isLiveVacancy(v: Liveness, now = new Date()) {
	return v.status === 'live' && v.closingDate.getTime() >= now.getTime()
}

/** Published vacancies whose closing date has passed, which the timer closes. */
export function expiredVacancyWhere(now = new Date()) {
	return { status: 'live', closingDate: { lt: now } }
}

/** The status to show: a live vacancy past its closing date is closed, whether or not the timer has run. */
export function shownStatus(v: Liveness & { closedReason: string | null }, now = new Date()) {
	if (v.status === 'live' && !isLiveVacancy(v, now)) return { status: 'closed', closedReason: 'expired' }
	return { status: v.status, closedReason: v.closedReason }
}

type HoursFlags = { fullTime: boolean; partTime: boolean; nights: boolean; weekends: boolean; flexible: boolean }

/** The patterns of hours a vacancy offers, in the order the filters list them. */
export function vacancyHours(v: HoursFlags): HoursId[] {
	const flags: Record<HoursId, boolean> = {
		'full-time': v.fullTime,
		'part-time': v.partTime,
		nights: v.nights,
		weekends: v.weekends,
		flexible: v.flexible,
	}
	return hoursOptions.map((h) => h.id).filter((id) => flags[id])
}

export function hoursFlags(hours: readonly string[]): HoursFlags {
	return {
		fullTime: hours.includes('full-time'),
		partTime: hours.includes('part-time'),
		nights: hours.includes('nights'),
		weekends: hours.includes('weekends'),
		flexible: hours.includes('flexible'),
	}
}

/**
 * Where a vacancy sits on the map. An individual employer's vacancy sits at its
 * postcode district's centre, never nearer their home.
 */
export function vacancyCoordinates(input: { postcode: string; town: string }, providerType: string) {
	const located = locateWorkplace(input.postcode, isIndividualEmployer(providerType) ? '' : input.town)
	if (!located) throw new Error('postcode was validated but cannot be located')
	return { outcode: located.outcode, lat: located.lat, lng: located.lng }
}

/** Where the public is told the work is: an individual employer's shows the area only. */
export function publicLocation(v: { town: string; postcode: string; outcode: string }, providerType: string) {
	return isIndividualEmployer(providerType) ? `${v.town} area (${v.outcode})` : `${v.town}, ${v.postcode}`
}

const drivingWords =
	/\bdriv(e|er|ers|ing)\b|\bown (car|transport|vehicle)\b|\buse of a (car|vehicle)\b|\bcar drivers?\b/i
const drivingNotNeeded = /\bnon-?drivers?\b|\b(no|not|don['’]?t|doesn['’]?t|without)\b/i
const drivingNeeded = /\b(needed|need|needs|required|require|requires|essential|must|necessary)\b/i
const drivingUseful = /\b(useful|helpful|desirable|advantage|preferred|ideally|welcome|bonus)\b/i
const travelPaid = /\bmileage\b/i

export type DrivingCue = 'needed' | 'useful' | 'mentioned' | 'mileage' | null

/**
 * What the advert's words say about driving, for a vacancy whose "needs a
 * driving licence" answer was no: the words can still say it usually is.
 */
export function drivingCue(text: string): DrivingCue {
	let cue: DrivingCue = null
	const rank = { needed: 4, useful: 3, mentioned: 2, mileage: 1 } as const
	const raise = (next: Exclude<DrivingCue, null>) => {
		if (!cue || rank[next] > rank[cue]) cue = next
	}
	for (const clause of text.split(/[\n;•.]+/)) {
		if (drivingWords.test(clause)) {
			if (drivingNotNeeded.test(clause)) continue
			raise(drivingNeeded.test(clause) ? 'needed' : drivingUseful.test(clause) ? 'useful' : 'mentioned')
		} else if (travelPaid.test(clause)) raise('mileage')
	}
	return cue
}

/**
 * Whether the public may be told "no driving licence needed": the answer is no,
 * and the advert's own words do not say a licence is needed, unless the
 * provider confirmed the answer after being shown them.
 */
export function noDrivingNeeded(v: {
	drivingLicenceRequired: boolean
	drivingConfirmedAt: Date | null
	description: string
	requirements: string
}) {
	if (v.drivingLicenceRequired) return false
	return v.drivingConfirmedAt !== null || drivingCue(`${v.requirements}\n${v.description}`) !== 'needed'
}

/** The sentence of the advert that says driving is needed, to show the provider. */
export function drivingNeededClause(text: string) {
	return (
		text
			.split(/[\n;•.]+/)
			.find((clause) => drivingCue(clause) === 'needed')
			?.trim() ?? null
	)
}

/** The fields the cross-field checks read, as far as they could be understood. */
export type VacancyFacts = {
	postcode?: string
	contract?: string
	apprenticeship?: boolean
	standardRef?: string
	hoursPerWeek?: number
	visaSponsorship?: boolean
	payPeriod?: string
	payMin?: number
	payMax?: number
	/** null when the date was given but is not a real date */
	closingDate?: Date | null
	drivingLicenceRequired?: boolean
	/** the provider confirmed "no licence needed" after seeing the advert's words */
	drivingConfirmed?: boolean
	/** what the candidate needs and the description, for what they say about driving */
	text?: string
}

export type VacancyProblem = { field: string; message: string }

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/**
 * Checks that need more than one field, or today's date. They run even when
 * other fields have errors, so people see every problem in one round trip
 * (GOV.UK: validate the whole form). Facts that could not be read are skipped:
 * their own field already has a message.
 */
export function vacancyProblems(v: VacancyFacts, now = new Date()): VacancyProblem[] {
	const problems: VacancyProblem[] = []
	const fail = (field: string, message: string) => problems.push({ field, message })
	const today = londonDateString(now)
	if (v.postcode) {
		const place = parsePostcodeText(v.postcode)
		if (!place) fail('postcode', 'Enter a full UK postcode, like NR1 3QU')
		else if (!findDistrict(place.outcode)) fail('postcode', `We could not find the postcode ${place.postcode}`)
		else if (!isInServiceArea(place.outcode)) {
			fail(
				'postcode',
				`This site is for jobs in and around ${getEnv().REGION_NAME}. Enter a workplace postcode in the area, like ${serviceRegion.centre.postcode}`,
			)
		}
	}
	const guaranteedHours = v.contract === 'permanent' || v.contract === 'fixed-term'
	if (v.apprenticeship) {
		if (v.contract && !guaranteedHours) {
			fail('contract', 'An apprenticeship must be on a permanent or fixed-term contract, not bank or zero-hours')
		}
		if (isNumber(v.hoursPerWeek) && v.hoursPerWeek < 16)
			fail('hoursPerWeek', 'An apprenticeship must be at least 16 hours a week')
		else if (v.hoursPerWeek === undefined)
			fail('hoursPerWeek', 'Enter the hours per week for the apprenticeship (at least 16)')
	}
	if (v.visaSponsorship && v.contract && !guaranteedHours) {
		fail('visaSponsorship', 'Visa sponsorship needs a permanent or fixed-term contract with guaranteed hours')
	}
	const period = v.payPeriod === 'hour' || v.payPeriod === 'year' ? v.payPeriod : null
	if (isNumber(v.payMin) && isNumber(v.payMax) && v.payMax < v.payMin) {
		fail('payMax', 'The highest pay must be the same as or more than the lowest pay')
	}
	if (period === 'year' && v.hoursPerWeek === undefined) {
		fail('hoursPerWeek', 'Enter the hours per week, so candidates can compare the salary with hourly pay')
	}
	if (period && isNumber(v.payMin)) {
		if (period === 'hour' && v.payMin > 100_00)
			fail('payMin', 'Hourly pay must be £100 or less: is this a yearly salary?')
		else if (period === 'year' && v.payMin < 1000_00)
			fail('payMin', 'A yearly salary must be at least £1,000: is this hourly pay?')
		else if (period === 'hour' || isNumber(v.hoursPerWeek)) {
			const minimum = checkMinimumPay({
				period,
				minPence: v.payMin,
				hoursPerWeek: v.hoursPerWeek,
				apprenticeship: v.apprenticeship === true,
				londonDates: v.closingDate ? [today, londonDateString(v.closingDate)] : [today],
			})
			if (minimum) fail('payMin', minimum)
		}
	}
	if (v.apprenticeship && !(v.standardRef && getStandard(v.standardRef))) {
		fail('standardRef', 'Choose the apprenticeship standard')
	}
	if (v.drivingLicenceRequired === false && !v.drivingConfirmed && v.text) {
		const clause = drivingNeededClause(v.text)
		if (clause) {
			fail(
				'drivingLicenceRequired',
				`Your advert says “${clause.length > 120 ? `${clause.slice(0, 117)}…` : clause}”. Choose Yes if the job needs a driving licence, or confirm that it does not`,
			)
		}
	}
	if (v.closingDate === null) fail('closingDay', 'Closing date must be a real date')
	else if (v.closingDate) {
		if (londonDateString(v.closingDate) < today) fail('closingDay', 'Closing date must be today or in the future')
		else if (v.closingDate.getTime() > addDays(now, MAX_CLOSING_DAYS).getTime()) {
			fail('closingDay', 'Closing date must be within a year of today')
		}
	}
	return problems
}
