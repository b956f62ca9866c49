import { describe, expect, test } from 'vitest'
import { matchScore, queryAlternatives, typoDistance } from './text-match.ts'

describe('reduced-mode matching follows Meilisearch’s typo rules', () => {
	test.each([
		['suppotr', 'support', 1],
		['assistent', 'assistant', 1],
		['xupport', 'support', 2],
		['dementai', 'dementia', 1],
	])('%s → %s costs %i', (query, word, typos) => {
		expect(typoDistance(query, word, 2)).toBe(typos)
	})

	const fields = { title: ['Senior support worker'], other: ['Supported living', 'Dementia care'] }
	test.each([
		['suppotr worker', true],
		['xupport worker', false],
		['senior supp', true],
		['dementai', true],
		['dmentai', false],
		['nurse', false],
	])('“%s” matches: %s', (text, matches) => {
		expect(matchScore(queryAlternatives(text), fields) > 0).toBe(matches)
	})

	test('synonyms rewrite the query', () => {
		expect(queryAlternatives('HCA nights').alternatives).toContainEqual(['healthcare', 'assistant', 'night'])
	})
})
