import { describe, expect, test } from 'vitest'
import { isLiveVacancy } from '#app/models/jobs/vacancy-rules.server.ts'
import { toSearchDocument, type VacancyForDocument } from './document.ts'

const base: VacancyForDocument = {
	id: 42,
	status: 'live',
	title: 'Night care assistant',
	roleId: 'care-worker',
	setting: 'care-home',
	description: 'Looking after people at night.\n\nFull training given.',
	town: 'Wymondham',
	outcode: 'NR18',
	lat: 52.5702,
	lng: 1.11289,
	payPeriod: 'year',
	payMin: 25_000_00,
	payMax: 26_000_00,
	hoursPerWeek: 37.5,
	fullTime: true,
	partTime: false,
	nights: true,
	weekends: false,
	flexible: true,
	contract: 'permanent',
	apprenticeship: true,
	standardRef: 'ST0005',
	apprenticeshipLevel: 2,
	drivingLicenceRequired: false,
	drivingConfirmedAt: null,
	requirements: '',
	visaSponsorship: true,
	closingDate: new Date('2026-12-31T23:59:59Z'),
	positions: 2,
	publishedAt: new Date('2026-11-20T09:00:00Z'),
	updatedAt: new Date('2026-11-21T10:00:00Z'),
	provider: { id: 'p1', name: 'Alpha Homes', type: 'care-home', updatedAt: new Date('2026-11-22T10:00:00Z') },
}

describe('vacancy → search document', () => {
	test('maps every field search needs, with readable labels and hourly equivalents', () => {
		const doc = toSearchDocument(base)
		expect(doc).toMatchObject({
			id: 42,
			title: 'Night care assistant',
			roleId: 'care-worker',
			roleName: 'Care worker',
			setting: 'care-home',
			settingLabel: 'Care home',
			providerId: 'p1',
			providerName: 'Alpha Homes',
			town: 'Wymondham',
			outcode: 'NR18',
			_geo: { lat: 52.5702, lng: 1.11289 },
			hourlyMin: 1282,
			hourlyMax: 1333,
			hours: ['full-time', 'nights', 'flexible'],
			hoursLabels: ['Full-time', 'Nights', 'Flexible'],
			contract: 'permanent',
			apprenticeship: true,
			standardRef: 'ST0005',
			noDrivingNeeded: true,
			visaSponsorship: true,
			closingAt: Date.parse('2026-12-31T23:59:59Z') / 1000,
			publishedAt: Date.parse('2026-11-20T09:00:00Z') / 1000,
			summary: 'Looking after people at night. Full training given.',
		})
		expect(doc.roleAliases).toContain('Carer')
	})

	test('the version follows the later of the vacancy and its provider, so a provider rename reindexes', () => {
		expect(toSearchDocument(base).version).toBe(Date.parse('2026-11-22T10:00:00Z'))
	})

	test('carries no address or contact details', () => {
		const keys = Object.keys(toSearchDocument(base))
		for (const key of ['postcode', 'addressLine1', 'howToApply', 'email']) expect(keys).not.toContain(key)
	})

	test('a long description is cut at a word with an ellipsis in the summary', () => {
		const doc = toSearchDocument({ ...base, description: 'word '.repeat(100) })
		expect(doc.summary.length).toBeLessThanOrEqual(221)
		expect(doc.summary.endsWith('word…')).toBe(true)
	})

	test('only live vacancies before their closing date are searchable', () => {
		const now = new Date('2026-12-01T00:00:00Z')
		expect(isLiveVacancy(base, now)).toBe(true)
		expect(isLiveVacancy({ ...base, status: 'draft' }, now)).toBe(false)
		expect(isLiveVacancy({ ...base, status: 'closed' }, now)).toBe(false)
		expect(isLiveVacancy(base, new Date('2027-01-01T00:00:00Z'))).toBe(false)
	})
})
