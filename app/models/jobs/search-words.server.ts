import { resolvePlace } from '#app/models/places/places.server.ts'
import { careRoles } from './care-roles.server.ts'
import type { JobSearchForm } from './job-search-url.ts'
import { settings } from './vocabulary.ts'

// Words people type into the keyword box that are really filters ("part time",
// "visa sponsorship", "no driving", "£13 an hour") or a place ("carer in
// Cromer", "jobs near me"). A new search applies them as the filters they stand
// for, says so, and offers to search for the words as typed instead.

export type KeywordChange = { words: string; became: string }

type Rule = {
	pattern: RegExp
	apply: (form: JobSearchForm, match: RegExpMatchArray) => string | null
}

const addHours = (form: JobSearchForm, id: string, label: string) => {
	if (!form.hours.includes(id)) form.hours = [...form.hours, id]
	return `the ${label} filter`
}

/** "£13", "13.50 an hour", "£13ph", "13 per hour": the pay in pounds, or null. */
export function poundsAnHour(text: string) {
	const match = text
		.trim()
		.toLowerCase()
		.match(/^£?\s*(\d{1,3}(?:\.\d{1,2})?)\s*(?:\+|(?:an|per|a|\/)\s*(?:hour|hr)|p\/?h|ph|\/hr|hourly)?$/)
	if (!match) return null
	const pounds = Number(match[1])
	return pounds > 0 ? match[1] : null
}

const rules: Rule[] = [
	{ pattern: /\bpart[\s-]?time\b/i, apply: (form) => addHours(form, 'part-time', 'Part-time') },
	{ pattern: /\bfull[\s-]?time\b/i, apply: (form) => addHours(form, 'full-time', 'Full-time') },
	{
		pattern:
			/\b(?:(?:with |offering )?(?:a )?visa sponsorship|sponsorship|sponsored|visa sponsor(?:ed)?|sponsor(?:s|ing)? (?:a )?visas?|skilled worker visa|tier 2(?: visa)?)\b/i,
		apply: (form) => {
			form.sponsorship = true
			return 'the Visa sponsorship offered filter'
		},
	},
	{
		pattern:
			/\b(?:no (?:driving(?: licen[cs]e)?(?: (?:needed|required))?|licen[cs]e|car)(?: needed| required)?|non[\s-]?drivers?|without (?:a )?(?:car|driving licen[cs]e)|(?:do not|don'?t|cannot|can'?t) drive)\b/i,
		apply: (form) => {
			form.nodriving = true
			return 'the No driving licence needed filter'
		},
	},
	{
		pattern: /\bapprenticeships?\b|\bapprentices?\b/i,
		apply: (form) => {
			form.apprenticeship = true
			return 'the Apprenticeships only filter'
		},
	},
	{
		pattern:
			/(?:^|\s)(?:(?:at least|min(?:imum)?|over|from|paying)\s+)?£\s*\d{1,3}(?:\.\d{1,2})?\s*(?:\+|(?:an|per|a|\/)\s*(?:hour|hr)|p\/?h\b|ph\b|\/hr|hourly)?|(?:^|\s)\d{1,3}(?:\.\d{1,2})?\s*(?:(?:an|per|a)\s+hour|p\/?h\b|ph\b|\/hr)/i,
		apply: (form, match) => {
			const pounds = poundsAnHour(match[0].replace(/at least|min(?:imum)?|over|from|paying/i, ''))
			if (!pounds) return null
			form.minpay = pounds
			return `a minimum pay of £${Number(pounds).toFixed(2)} an hour`
		},
	},
]

// Words that name no place even when the gazetteer has a village of that name.
const notPlaces = new Set(
	[
		...careRoles.flatMap((r) => [r.name, ...(r.also_known_as ?? [])]),
		...settings.map((s) => s.label),
		'care',
		'carer',
		'carers',
		'nurse',
		'nursing',
		'support',
		'senior',
		'night',
		'nights',
		'home',
		'jobs',
		'job',
		'work',
	].flatMap((text) => text.toLowerCase().split(/[^a-z]+/)),
)

const nearMe =
	/\b(?:near|close to|around)\s+(?:me|here|my (?:home|area|house))\b|\bnearby\b|\blocal(?:ly)?\b|\bin my area\b/i

/** A place at the end of the words: after "in", "near" or "around", or a postcode or place name on its own. */
function trailingPlace(words: string): { place: string; rest: string } | null {
	const introduced = words.match(
		/^(.*?)\s*\b(?:in|near|around|close to|at)\s+([a-z][a-z' .-]{1,40}|[a-z]{1,2}\d[a-z\d]?(?:\s*\d[a-z]{2})?)$/i,
	)
	if (introduced && resolvePlace(introduced[2]).ok) return { place: introduced[2].trim(), rest: introduced[1] }
	const tokens = words.trim().split(/\s+/)
	for (const n of [3, 2, 1]) {
		if (tokens.length <= n) continue
		const candidate = tokens.slice(-n).join(' ')
		if (candidate.split(/\s+/).every((t) => notPlaces.has(t.toLowerCase()))) continue
		const isPostcode = /^[a-z]{1,2}\d[a-z\d]?(?:\s*\d[a-z]{2})?$/i.test(candidate)
		if ((isPostcode || candidate.length >= 4) && resolvePlace(candidate).ok) {
			return { place: candidate, rest: tokens.slice(0, -n).join(' ') }
		}
	}
	return null
}

/** The words left over, without the little words the filters were joined by. */
function tidy(text: string) {
	let words = text.replace(/\s+/g, ' ').trim()
	for (let before = ''; before !== words;) {
		before = words
		words = words
			.replace(/^(?:and|with|in|for|jobs?|vacanc(?:y|ies))\b\s*|\s*\b(?:and|with|in|for|jobs?|vacanc(?:y|ies))$/gi, '')
			.trim()
	}
	return words
}

/**
 * Reads the filters and place out of the keywords of a new search. Returns
 * the changed form and what changed, or null when the words are only words.
 */
export function understandKeywords(
	form: JobSearchForm,
): { form: JobSearchForm; changes: KeywordChange[]; needsPlace: boolean } | null {
	let words = form.q
	if (!words) return null
	const next: JobSearchForm = { ...form, hours: [...form.hours] }
	const changes: KeywordChange[] = []
	for (const rule of rules) {
		const match = words.match(rule.pattern)
		if (!match) continue
		const became = rule.apply(next, match)
		if (!became) continue
		changes.push({ words: match[0].trim(), became })
		words = words.replace(match[0], ' ')
	}
	let needsPlace = false
	const near = words.match(nearMe)
	if (near) {
		words = words.replace(near[0], ' ')
		if (!next.where) needsPlace = true
		changes.push({
			words: near[0].trim(),
			became: next.where ? `your place, ${next.where}` : 'a place (enter it below)',
		})
	}
	if (!next.where) {
		const found = trailingPlace(tidy(words))
		if (found) {
			next.where = found.place
			words = found.rest
			changes.push({ words: found.place, became: 'the place to search near' })
		}
	}
	if (!changes.length) return null
	next.q = tidy(words)
	next.page = 1
	return { form: next, changes, needsPlace }
}
