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

export function typoBudget(word: string) {
	if (exact.has(word)) return 0
	if (word.length >= 9) return 2
	if (word.length >= 5) return 1
	return 0
}

/**
 * Typos between a query word and a document word the way Meilisearch counts
 * them: Damerau-Levenshtein (a swapped pair of letters is one typo), and a typo
 * on the first letter counts as two. Stops early once past `budget`.
 */
export function typoDistance(query: string, word: string, budget: number) {
	if (Math.abs(query.length - word.length) > budget) return budget + 1
	const rows = query.length + 1
	const cols = word.length + 1
	const d: number[][] = Array.from({ length: rows }, (_, i) => [i, ...Array(cols - 1).fill(0)])
	for (let j = 0; j < cols; j++) d[0][j] = j
	for (let i = 1; i < rows; i++) {
		let rowMin = Infinity
		for (let j = 1; j < cols; j++) {
			const cost = query[i - 1] === word[j - 1] ? 0 : 1
			let value = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
			if (i > 1 && j > 1 && query[i - 1] === word[j - 2] && query[i - 2] === word[j - 1]) {
				value = Math.min(value, d[i - 2][j - 2] + 1)
			}
			d[i][j] = value
			rowMin = Math.min(rowMin, value)
		}
		if (rowMin > budget) return budget + 1
	}
	return d[query.length][word.length] + (query[0] !== word[0] ? 1 : 0)
}

/** Whether one document word matches a query word: exactly, by prefix, or within the typo budget. */
export function termMatches(queryWord: string, docWord: string, isPrefix: boolean, budget = typoBudget(queryWord)) {
	if (docWord === queryWord) return true
	if (isPrefix && docWord.startsWith(queryWord)) return true
	if (budget && typoDistance(queryWord, docWord, budget) <= budget) return true
	// The last word is a prefix, and a prefix may carry typos too.
	if (isPrefix && budget && docWord.length > queryWord.length) {
		for (let cut = queryWord.length - budget; cut <= queryWord.length + budget; cut++) {
			if (cut > 0 && cut < docWord.length && typoDistance(queryWord, docWord.slice(0, cut), budget) <= budget)
				return true
		}
	}
	return false
}

function wordMatches(queryWord: string, docWords: Set<string>, isPrefix: boolean) {
	if (docWords.has(queryWord)) return 2
	const budget = typoBudget(queryWord)
	for (const docWord of docWords) {
		if (termMatches(queryWord, docWord, isPrefix, budget)) return 1
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
