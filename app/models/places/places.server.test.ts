import { describe, expect, test } from 'vitest'
import { locateWorkplace, normalisePlaceName, parsePostcode, resolvePlace } from './places.server.ts'

describe('postcodes, full or outward only, any case and spacing', () => {
	test.each([
		['NR3', { outcode: 'NR3' }],
		['nr3', { outcode: 'NR3' }],
		['nr31ab', { outcode: 'NR3', postcode: 'NR3 1AB' }],
		['NR3 1AB', { outcode: 'NR3', postcode: 'NR3 1AB' }],
		['  nr3   1ab ', { outcode: 'NR3', postcode: 'NR3 1AB' }],
		['PE30 1AA', { outcode: 'PE30', postcode: 'PE30 1AA' }],
		['sw1a1aa', { outcode: 'SW1A', postcode: 'SW1A 1AA' }],
		['NR3 1', { outcode: 'NR3' }],
		['NR31', { outcode: 'NR31' }],
	])('%s', (input, expected) => {
		expect(parsePostcode(input)).toEqual(expected)
	})

	test.each(['Norwich', 'NR', '12345', 'NR3 1A1', ''])('%s is not a postcode', (input) => {
		expect(parsePostcode(input)).toBeNull()
	})

	test('a full postcode resolves to its district centre', () => {
		const lookup = resolvePlace('nr31ab')
		expect(lookup.ok && lookup.place).toMatchObject({ kind: 'postcode', label: 'NR3 1AB', outcode: 'NR3' })
	})

	test('a sub-district the data holds as a whole (SW1A → SW1) still resolves', () => {
		const lookup = resolvePlace('SW1A 1AA')
		expect(lookup.ok).toBe(true)
	})

	test('a well-formed postcode in no district gets a clear message', () => {
		const lookup = resolvePlace('ZZ99 9ZZ')
		expect(lookup).toMatchObject({ ok: false })
		expect(!lookup.ok && lookup.message).toMatch(/could not find the postcode ZZ99 9ZZ/)
	})
})

describe('towns and villages, with their other names', () => {
	test.each([
		['Dereham', 'Dereham'],
		['East Dereham', 'Dereham'],
		['Yarmouth', 'Great Yarmouth'],
		['great yarmouth', 'Great Yarmouth'],
		['Kings Lynn', "King's Lynn"],
		["king's lynn", "King's Lynn"],
		['Lynn', "King's Lynn"],
		['Wymondham', 'Wymondham'],
		['Caister', 'Caister-on-Sea'],
		['caister on sea', 'Caister-on-Sea'],
		['Lowestoft', 'Lowestoft'],
		['Wisbech', 'Wisbech'],
	])('%s → %s', (input, name) => {
		const lookup = resolvePlace(input)
		expect(lookup.ok && lookup.place.query).toBe(name)
	})

	test('Saint and St are the same', () => {
		expect(normalisePlaceName('Saint Olaves')).toBe(normalisePlaceName('St Olaves'))
	})

	test('a place in Norfolk and Waveney wins over a namesake elsewhere', () => {
		const lookup = resolvePlace('Norwich')
		expect(lookup.ok && lookup.place.label).toBe('Norwich, Norfolk')
	})

	test('an unknown place gets suggestions, never nothing', () => {
		const lookup = resolvePlace('Wymondam')
		expect(lookup.ok).toBe(false)
		if (!lookup.ok) {
			expect(lookup.suggestions[0]).toBe('Wymondham')
			expect(lookup.message).toBe('We could not find “Wymondam”. Did you mean Wymondham?')
		}
	})

	test('gibberish gets an example of what works', () => {
		const lookup = resolvePlace('qqqqxx')
		expect(lookup.ok).toBe(false)
		if (!lookup.ok) expect(lookup.message).toMatch(/Try a town, village or postcode/)
	})
})

describe('where a vacancy is placed', () => {
	test('a town inside the postcode district uses the town’s own position', () => {
		expect(locateWorkplace('NR18 0AA', 'Wymondham')).toMatchObject({ outcode: 'NR18', lat: 52.5702, lng: 1.11289 })
	})

	test('otherwise the district centre (as for individual employers)', () => {
		const located = locateWorkplace('NR18 0AA', '')
		expect(located?.outcode).toBe('NR18')
		expect(located?.lat).not.toBe(52.5702)
	})

	test('an outward code alone is not a workplace postcode', () => {
		expect(locateWorkplace('NR18', 'Wymondham')).toBeNull()
	})
})
