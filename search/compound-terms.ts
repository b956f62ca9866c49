// Sector words written as two words, often hyphenated or joined by a word the
// search ignores ("sleep-in", "live-in", "waking nights"). Each is one term in
// the index, found in the advert's text, and the same phrase typed in a search
// is read as that term, by Meilisearch and reduced mode alike.
//
// The terms start with "qq" so that no split of one is two indexed words:
// Meilisearch reads a query word as two when both halves are in the index
// ("homecare" → "home care", in any order within a field), which would find
// every care home again.

const compounds: Array<{ term: string; pattern: RegExp }> = [
	{ term: 'qqsleepin', pattern: /\bsleep(?:ing)?[\s-]*(?:ins?|overs?|nights?)\b|\bsleepovers?\b|\bsleepins?\b/gi },
	{ term: 'qqlivein', pattern: /\blive[\s-]+ins?\b|\bliveins?\b/gi },
	{ term: 'qqwakingnight', pattern: /\bwaking[\s-]*nights?\b/gi },
	// Settings: the words people use for them, and the setting's own name.
	{ term: 'qqhomecare', pattern: /\bhome[\s-]*care\b|\bcare (?:at|in) (?:the )?home\b/gi },
	{ term: 'qqcarehome', pattern: /\bcare[\s-]*homes?\b|\bresidential homes?\b/gi },
	{ term: 'qqnursinghome', pattern: /\bnursing[\s-]*homes?\b/gi },
	{ term: 'qqsupportedliving', pattern: /\bsupported[\s-]*living\b/gi },
	{ term: 'qqdayservice', pattern: /\bday (?:centres?|centers?|services?|opportunit(?:y|ies))\b/gi },
	{ term: 'qqpersonalassistant', pattern: /\bpersonal assistants?\b|\bpas?\b/gi },
]

/** Every compound term: whole words, never read as the start of a longer one. */
export const compoundTerms = new Set(compounds.map((c) => c.term))

/** The compound terms an advert's texts contain. */
export function compoundTermsIn(...texts: string[]) {
	const text = texts.join('\n')
	return compounds.filter((c) => new RegExp(c.pattern.source, 'i').test(text)).map((c) => c.term)
}

/** A query with each compound phrase replaced by its term ("sleep in shifts" → "sleepin shifts"). */
export function rewriteCompounds(query: string) {
	return compounds.reduce((text, c) => text.replace(c.pattern, c.term), query)
}
