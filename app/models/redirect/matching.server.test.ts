import { describe, expect, test } from 'vitest'
import { qualificationsAskedFor, scoreMatch, type MatchCandidate, type MatchVacancy } from './matching.server.ts'

// The seed's requirement texts are the sector's own words (from care-roles.json).
const ENTRY = [
	'No formal qualifications usually required; values, reliability and communication skills matter most',
	'Enhanced DBS check and right to work in the UK',
	'Induction to the Care Certificate standards (typically within the first 12 weeks); the Level 2 Adult Social Care Certificate qualification is the accredited version',
].join('\n')

describe('what a vacancy asks for', () => {
	test.each([
		[ENTRY, []],
		[
			'No formal qualifications usually required\nEnhanced DBS check\nCare Certificate induction; driving licence often useful',
			[],
		],
		['Care Certificate-based induction recommended', []],
		[
			'Care experience; Care Certificate\nLevel 2/3 healthcare support qualifications or apprenticeships are common',
			[['care-certificate', 'required']],
		],
		[
			'Experience as a care or support worker\nLevel 2 qualification in care; Level 3 Diploma in Adult Care often expected or worked towards\nMedication administration training',
			[['level-2-diploma-in-care', 'required']],
		],
		[
			'Senior care/support experience\nLevel 3 Diploma in Adult Care (or equivalent)',
			[['level-3-diploma-in-adult-care', 'required']],
		],
		['Senior care experience\nLevel 3 Diploma in Adult Care (or working towards)', []],
		[
			'Care experience and strong organisational/IT skills\nLevel 3 qualification in care often preferred',
			[['level-3-diploma-in-adult-care', 'preferred']],
		],
		[
			'Level 5 Diploma in Leadership and Management for Adult Care is the recommended qualification (or working towards it)',
			[],
		],
		[
			'NMC registration as a nursing associate\nLevel 5 Foundation degree (FdSc) in nursing associate practice\nLevel 2 English and maths (GCSE or equivalent) typically required by universities',
			[],
		],
		[
			"NMC registration (adult, mental health, learning disability or children's field)\nNursing degree (about 3 years full time) or the Registered nurse degree (NMC 2018) apprenticeship",
			[['nursing-registration', 'required']],
		],
		['The Care Certificate, or willingness to complete it.', []],
	])('%s', (requirements, expected) => {
		expect(qualificationsAskedFor(requirements).map((a) => [a.id, a.strength])).toEqual(expected)
	})
})

describe('reasons say only what is true', () => {
	const partTimer: MatchCandidate = {
		outcode: 'NR1',
		travelMiles: 10,
		roles: ['care-worker'],
		hoursWanted: 'part-time',
		availableNights: false,
		availableWeekends: true,
		drivingLicence: false,
		hasCar: false,
		rightToWork: 'yes',
		qualifications: ['care-certificate'],
	}
	const job = (overrides: Partial<MatchVacancy>): MatchVacancy => ({
		roleId: 'care-worker',
		hours: [],
		hoursPerWeek: null,
		drivingLicenceRequired: false,
		visaSponsorship: false,
		requirements: '',
		description: '',
		distanceMiles: 1.1,
		...overrides,
	})

	test('a 37.5-hour job is not "flexible hours" for someone who wants part-time, and ranks below a part-time one', () => {
		const fullTime = scoreMatch(partTimer, [], job({ hours: ['full-time', 'flexible'], hoursPerWeek: 37.5 }))
		expect(fullTime.reasons).not.toContain('flexible hours')
		expect(fullTime.cautions).toEqual([
			'full-time, 37.5 hours a week: more hours than the part-time work you asked for (the advert says hours are flexible, so ask)',
		])
		const partTime = scoreMatch(partTimer, [], job({ hours: ['part-time'], hoursPerWeek: 24 }))
		expect(partTime.reasons).toContain('part-time')
		expect(partTime.score).toBeGreaterThan(fullTime.score)
	})

	test('an induction to the Care Certificate is not "asks for the Care Certificate"', () => {
		const result = scoreMatch(
			partTimer,
			[],
			job({ requirements: ENTRY, description: 'What we offer:\n• Paid training, including the Care Certificate' }),
		)
		expect(result.reasons.join(' ')).not.toMatch(/Care Certificate/)
	})

	test('"no driving licence needed" only when nothing in the advert says otherwise; a licence "usually needed" is flagged and ranked down', () => {
		const clear = scoreMatch(partTimer, [], job({}))
		expect(clear.reasons).toContain('no driving licence needed')
		const usually = scoreMatch(
			partTimer,
			[],
			job({ requirements: 'Enhanced DBS check; driving licence usually needed' }),
		)
		expect(usually.reasons).not.toContain('no driving licence needed')
		expect(usually.cautions).toContain('the advert says a driving licence is usually needed')
		expect(usually.score).toBeLessThan(clear.score)
		// Someone with a licence and a car is told nothing either way.
		const driver = scoreMatch(
			{ ...partTimer, drivingLicence: true, hasCar: true },
			[],
			job({ requirements: 'driving licence usually needed' }),
		)
		expect([...driver.reasons, ...driver.cautions].join(' ')).not.toMatch(/driv/)
	})

	test('a qualification the job requires and they lack is said plainly', () => {
		const result = scoreMatch(partTimer, [], job({ requirements: 'Level 3 Diploma in Adult Care (or equivalent)' }))
		expect(result.cautions).toContain('asks for a Level 3 qualification in care, which is not in your details')
	})
})
