import { describe, expect, test } from 'vitest'
import { drivingCue, drivingNeededClause, noDrivingNeeded } from './vacancy-rules.server.ts'

describe('what an advert says about driving', () => {
	test.each([
		['Care or support experience is often preferred\nEnhanced DBS check; driving licence usually needed', 'needed'],
		['Care Certificate induction; driving licence often useful', 'useful'],
		['What we offer:\n• Mileage paid at 45p a mile and paid travel time', 'mileage'],
		['No driving needed: the service is on a bus route.', null],
		['Non-drivers welcome', null],
		['Full training given, including the Care Certificate.', null],
	])('%s', (text, expected) => {
		expect(drivingCue(text)).toBe(expected)
	})
})

describe('“no driving licence needed” is said only when the advert agrees', () => {
	const advert = {
		drivingLicenceRequired: false,
		drivingConfirmedAt: null,
		requirements: 'A driving licence is usually needed, with use of a car.',
		description: 'Visit people at home across north Norfolk.',
	}
	test('an answer of no is not repeated to the public while the words say a licence is needed', () => {
		expect(noDrivingNeeded(advert)).toBe(false)
		expect(drivingNeededClause(`${advert.requirements}\n${advert.description}`)).toBe(
			'A driving licence is usually needed, with use of a car',
		)
	})
	test('until the provider, shown those words, confirms the job does not need one', () => {
		expect(noDrivingNeeded({ ...advert, drivingConfirmedAt: new Date() })).toBe(true)
	})
	test('and an advert whose words say nothing of driving is taken at its answer', () => {
		expect(noDrivingNeeded({ ...advert, requirements: 'Kindness.' })).toBe(true)
		expect(noDrivingNeeded({ ...advert, requirements: 'Kindness.', drivingLicenceRequired: true })).toBe(false)
	})
})
