import { distance as levenshtein } from 'fastest-levenshtein'
import { exactWords, stopWords, synonyms } from './synonyms.ts'

// Reduced mode's stand-in for Meilisearch's matching: every query word must
// match a document word exactly, by prefix (last word only), or within the
// same typo budget Meilisearch uses; the sector's synonyms apply the same way.

const stop = new Set(stopWords)
const exact = new Set(exactWords)

export function tokenize(text: string) {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.split(/[^a-z0-9]+/)
		.filter((w) => w && !stop.has(w))
}

const synonymEntries = Object.entries(synonyms).map(([key, values]) => ({
	key: tokenize(key),
	values: values.map(tokenize).filter((v) => v.length),
}))

/** The query and its synonym rewrites, each a list of words that must all match. */
export function queryAlternatives(text: string, limit = 32) {
	const words = tokenize(text)
	const results: string[][] = []
	const walk = (i: number, acc: string[]) => {
		if (results.length >= limit) return
		if (i >= words.length) {
			results.push(acc)
			return
		}
		walk(i + 1, [...acc, words[i]])
		for (const { key, values } of synonymEntries) {
			if (key.length && key.every((k, j) => words[i + j] === k)) {
				for (const value of values) walk(i + key.length, [...acc, ...value])
			}
		}
	}
	walk(0, [])
	return { words, alternatives: results.filter((alt) => alt.length) }
}

function typoBudget(word: string) {
	if (exact.has(word)) return 0
	if (word.length >= 9) return 2
	if (word.length >= 5) return 1
	return 0
}

function wordMatches(queryWord: string, docWords: Set<string>, isPrefix: boolean) {
	if (docWords.has(queryWord)) return 2
	const budget = typoBudget(queryWord)
	for (const docWord of docWords) {
		if (isPrefix && docWord.startsWith(queryWord)) return 1
		if (budget && Math.abs(docWord.length - queryWord.length) <= budget && levenshtein(queryWord, docWord) <= budget) return 1
	}
	return 0
}

export type MatchFields = { title: string[]; other: string[] }

/** 0 when the document does not match; otherwise a score where title matches weigh most. */
export function matchScore(query: ReturnType<typeof queryAlternatives>, fields: MatchFields) {
	if (!query.alternatives.length) return 1
	const titleWords = new Set(fields.title.flatMap(tokenize))
	const allWords = new Set([...titleWords, ...fields.other.flatMap(tokenize)])
	let best = 0
	for (const alternative of query.alternatives) {
		let score = 0
		let matched = true
		for (let i = 0; i < alternative.length; i++) {
			const isPrefix = i === alternative.length - 1 && alternative === query.alternatives[0]
			const inAll = wordMatches(alternative[i], allWords, isPrefix)
			if (!inAll) {
				matched = false
				break
			}
			score += inAll + wordMatches(alternative[i], titleWords, isPrefix) * 2
		}
		if (matched) best = Math.max(best, score + 1)
	}
	return best
}
