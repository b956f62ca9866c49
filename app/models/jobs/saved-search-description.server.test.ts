import { describe, expect, test } from 'vitest'
import { describeSavedSearch, parseJobSearch } from './job-search.server.ts'

const describe_ = (query: string) => {
	const parsed = parseJobSearch(new URLSearchParams(query))
	return describeSavedSearch(parsed.form, parsed.place)
}

describe('a saved search in words', () => {
	test('no words, role or place is every job', () => {
		expect(describe_('')).toBe('All jobs')
		expect(describe_('hours=part-time')).toBe('All jobs: part-time')
	})
	test('words and a place', () => {
		expect(describe_('q=night&where=Cromer&radius=10')).toBe('Jobs matching “night” within 10 miles of Cromer, Norfolk')
	})
})
