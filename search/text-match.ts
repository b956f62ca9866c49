import { compoundTerms, rewriteCompounds } from './compound-terms.ts'
import { exactWords, stopWords, synonyms } from './synonyms.ts'

// Reduced mode's stand-in for Meilisearch's matching, written down as rules that
// the SQL in fallback.server.ts follows and the tests check against the engine:
// - every word typed must match a word of the document, in any field: exactly,
//   within the same typo budget Meilisearch uses, or by prefix for the last word
//   (unless the query ends with a space, or the word is too short to be a
//   prefix, see `lastWordIsPrefix`);
// - words typed apart may be one word in the document ("health care" finds
//   "healthcare"), and a typed word may be two ("healthcare" finds "health care",
//   both in one field: done against the index's vocabulary in fallback.server.ts);
// - a synonym replaces the words it stands for, and is matched the way
//   Meilisearch matches one: its words exactly (no typos, no prefix) and, for a
//   synonym of several words, all in the same field (the index counts word
//   closeness by field: `proximityPrecision: 'byAttribute'`).

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

/** A word the person typed, or one of the sector's synonyms standing in for some of them. */
export type QueryTerm = { kind: 'typed'; word: string; prefix: boolean } | { kind: 'synonym'; words: string[] }

/** One way the query can match: every term must. */
export type Alternative = QueryTerm[]

const synonymEntries = Object.entries(synonyms).map(([key, values]) => ({
	key: tokenize(key),
	values: values.map(tokenize).filter((v) => v.length),
}))

/**
 * Meilisearch reads the last word as the start of a longer one while it is
 * being typed. Very short words ("pa", "ot") and the sector's exact words are
 * complete words, and so is any last word followed by a space.
 */
export function lastWordIsPrefix(text: string) {
	const words = tokenize(rewriteCompounds(text))
	const last = words.at(-1)
	if (!last || /\s$/.test(text)) return false
	return last.length > 2 && !exact.has(last) && !compoundTerms.has(last)
}

/** The words both engines search for: compound phrases as their terms, no stop words or punctuation. */
export function searchWords(text: string) {
	return tokenize(rewriteCompounds(text))
}

/**
 * The query as a lattice: from each word position, the terms that can stand
 * there (the word as typed, words typed apart read as one, a synonym for one or
 * more words) and where each leads. Every path from the first word to the end
 * is one way the query can match; Meilisearch builds the same graph.
 */
export function queryLattice(text: string) {
	const words = tokenize(rewriteCompounds(text))
	const prefixLast = lastWordIsPrefix(text)
	const edges: Array<Array<{ term: QueryTerm; to: number }>> = words.map((_, i) => {
		const out: Array<{ term: QueryTerm; to: number }> = [
			{ term: { kind: 'typed', word: words[i], prefix: prefixLast && i === words.length - 1 }, to: i + 1 },
		]
		// Words typed apart may be one word in the advert ("health care" → "healthcare").
		for (const n of [2, 3]) {
			if (i + n > words.length) continue
			out.push({
				term: { kind: 'typed', word: words.slice(i, i + n).join(''), prefix: prefixLast && i + n === words.length },
				to: i + n,
			})
		}
		for (const { key, values } of synonymEntries) {
			if (key.length && key.every((k, j) => words[i + j] === k)) {
				for (const value of values) out.push({ term: { kind: 'synonym', words: value }, to: i + key.length })
			}
		}
		return out
	})
	return { words, edges }
}

/** The paths through the lattice, each a list of terms that must all match (for tests and small queries). */
export function queryAlternatives(text: string, limit = 64) {
	const { words, edges } = queryLattice(text)
	const results: Alternative[] = []
	const walk = (i: number, acc: Alternative) => {
		if (results.length >= limit) return
		if (i >= words.length) {
			results.push(acc)
			return
		}
		for (const edge of edges[i]) walk(edge.to, [...acc, edge.term])
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

/** Whether one document word matches a typed word: exactly, by prefix, or within the typo budget. */
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

/** A document's searchable fields, each a list of texts. */
export type MatchFields = Record<string, string[]>

/**
 * Whether a document matches, by the rules above: 0 when it does not;
 * otherwise a score where matches in the first field (the title) weigh most.
 * The executable statement of the rules; fallback.server.ts does the same in SQL.
 */
export function matchScore(query: ReturnType<typeof queryAlternatives>, fields: MatchFields) {
	if (!query.alternatives.length) return 1
	const byField = Object.values(fields).map((texts) => new Set(texts.flatMap(tokenize)))
	const all = new Set(byField.flatMap((set) => [...set]))
	const first = byField[0] ?? new Set<string>()
	const typedMatches = (term: { word: string; prefix: boolean }, words: Set<string>) =>
		words.has(term.word) || [...words].some((w) => termMatches(term.word, w, term.prefix))
	let best = 0
	for (const alternative of query.alternatives) {
		let score = 1
		for (const term of alternative) {
			const inField =
				term.kind === 'typed'
					? typedMatches(term, all) && (typedMatches(term, first) ? 3 : 1)
					: byField.some((set) => term.words.every((w) => set.has(w))) &&
						(term.words.every((w) => first.has(w)) ? 3 : 1)
			if (!inField) {
				score = 0
				break
			}
			score += inField
		}
		best = Math.max(best, score)
	}
	return best
}
