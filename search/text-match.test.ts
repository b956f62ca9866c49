import { describe, expect, test } from 'vitest'
import { lastWordIsPrefix, matchScore, queryAlternatives, typoDistance } from './text-match.ts'

describe('reduced-mode matching follows Meilisearch’s typo rules', () => {
	test.each([
		['suppotr', 'support', 1],
		['assistent', 'assistant', 1],
		['xupport', 'support', 2],
		['dementai', 'dementia', 1],
	])('%s → %s costs %i', (query, word, typos) => {
		expect(typoDistance(query, word, 2)).toBe(typos)
	})

	const fields = { title: ['Senior support worker'], setting: ['Supported living'], description: ['Dementia care'] }
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
		const words = queryAlternatives('HCA nights').alternatives.map((a) =>
			a.flatMap((t) => (t.kind === 'typed' ? [t.word] : t.words)),
		)
		expect(words).toContainEqual(['healthcare', 'assistant', 'night'])
	})

	test('a synonym of several words matches only within one field, as Meilisearch’s does', () => {
		const rewritten = queryAlternatives('carer')
		expect(matchScore(rewritten, { title: ['Care team leader'], description: ['Lead every worker on shift'] })).toBe(0)
		expect(
			matchScore(rewritten, { title: ['Team leader'], description: ['You will support each care worker'] }) > 0,
		).toBe(true)
	})

	test('a synonym is matched exactly, without typos: “apprentice” does not find a “trainer” through “trainee”', () => {
		expect(matchScore(queryAlternatives('apprentice'), { title: ['Care trainer'] })).toBe(0)
		expect(matchScore(queryAlternatives('apprentice'), { title: ['Trainee nursing associate'] }) > 0).toBe(true)
	})

	test('a very short last word, or one followed by a space, is a whole word rather than a prefix', () => {
		expect(lastWordIsPrefix('pa')).toBe(false)
		expect(lastWordIsPrefix('care assis')).toBe(true)
		expect(lastWordIsPrefix('care assis ')).toBe(false)
		expect(matchScore(queryAlternatives('pa'), { title: ['Part-time carer'] })).toBe(0)
	})
})
