import { describe, expect, test } from 'vitest'
import type { JobSearchForm } from './job-search-url.ts'
import { poundsAnHour, understandKeywords } from './search-words.server.ts'

const form = (q: string, changes: Partial<JobSearchForm> = {}): JobSearchForm => ({
	q,
	where: '',
	radius: 10,
	role: [],
	setting: [],
	hours: [],
	contract: [],
	apprenticeship: false,
	nodriving: false,
	sponsorship: false,
	minpay: '',
	page: 1,
	...changes,
})

describe('words that are really filters become them', () => {
	test.each([
		['part time carer', { q: 'carer', hours: ['part-time'] }],
		['care assistant full-time', { q: 'care assistant', hours: ['full-time'] }],
		['support worker with visa sponsorship', { q: 'support worker', sponsorship: true }],
		['nurse skilled worker visa', { q: 'nurse', sponsorship: true }],
		['carer no driving', { q: 'carer', nodriving: true }],
		['non driver care jobs', { q: 'care', nodriving: true }],
		['carer £13 an hour', { q: 'carer', minpay: '13' }],
		['senior carer £14.50ph', { q: 'senior carer', minpay: '14.50' }],
		['apprenticeships', { q: '', apprenticeship: true }],
		['care jobs in Cromer', { q: 'care', where: 'Cromer' }],
		['carer nr3', { q: 'carer', where: 'nr3' }],
		['support worker near Great Yarmouth', { q: 'support worker', where: 'Great Yarmouth' }],
	])('“%s”', (typed, expected) => {
		const understood = understandKeywords(form(typed))
		expect(understood?.form).toMatchObject(expected)
		expect(understood?.changes.length).toBeGreaterThan(0)
	})

	test('“jobs near me” drops the words and asks for a place', () => {
		const understood = understandKeywords(form('carer jobs near me'))
		expect(understood?.form.q).toBe('carer')
		expect(understood?.needsPlace).toBe(true)
	})

	test('ordinary words are left alone, and a place already given is not replaced', () => {
		expect(understandKeywords(form('senior carer'))).toBeNull()
		expect(understandKeywords(form('dementia care worker'))).toBeNull()
		expect(understandKeywords(form('nurse', { where: 'Norwich' }))).toBeNull()
		expect(understandKeywords(form('carer cromer', { where: 'Norwich' }))).toBeNull()
	})

	test('hourly pay as people write it', () => {
		expect(['13', '£13', '£13.50', '13.50 an hour', '£13 per hour', '13ph', '£12+'].map(poundsAnHour)).toEqual([
			'13',
			'13',
			'13.50',
			'13.50',
			'13',
			'13',
			'12',
		])
		expect(['thirteen', '13 a year', '£1,000', ''].map(poundsAnHour)).toEqual([null, null, null, null])
	})
})
