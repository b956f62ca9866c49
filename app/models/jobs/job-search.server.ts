import { z } from 'zod'
import { resolvePlace, type ResolvedPlace } from '#app/models/places/places.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { formatMiles } from '#app/utils/geo.ts'
import { ids, labelOf } from '#app/utils/options.ts'
import { defaultQuery, effectiveSort, type VacancyQuery, type VacancySearchResult } from '#search/query.ts'
import { searchVacancies } from '#search/search.server.ts'
import { apprenticeshipStandards, careRoles, roleName } from './care-roles.server.ts'
import { searchUrl, type JobSearchForm } from './job-search-url.ts'
import { formatHourlyEquivalent, formatPay } from './pay.ts'
import { poundsAnHour, understandKeywords } from './search-words.server.ts'
import {
	contracts,
	defaultRadius,
	hoursOptions,
	radiusChoices,
	settings,
	sortOptions,
	type SortId,
} from './vocabulary.ts'

export const PER_PAGE = 20

const list = <T extends [string, ...string[]]>(values: T) =>
	z
		.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))
		.transform((items) => items.filter((item): item is T[number] => (values as string[]).includes(item)))

const flag = z.preprocess((v) => v === '1' || v === 'true' || v === 'on', z.boolean())

/** Everything a search can say, as it appears in the URL. Unknown values are dropped, not errors. */
const JobSearchParamsSchema = z.object({
	q: z
		.string()
		.trim()
		.transform((q) => q.slice(0, 100))
		.catch('')
		.default(''),
	where: z
		.string()
		.trim()
		.transform((w) => w.slice(0, 60))
		.catch('')
		.default(''),
	radius: z.coerce
		.number()
		.refine((r) => (radiusChoices as readonly number[]).includes(r))
		.catch(defaultRadius)
		.default(defaultRadius),
	role: list(ids(careRoles.map((r) => ({ id: r.id })))),
	setting: list(ids(settings)),
	hours: list(ids(hoursOptions)),
	contract: list(ids(contracts)),
	apprenticeship: flag,
	standard: list(ids(apprenticeshipStandards.map((s) => ({ id: s.reference })))),
	nodriving: flag,
	sponsorship: flag,
	minpay: z
		.string()
		.trim()
		.transform((m) => m.slice(0, 40))
		.catch('')
		.default(''),
	sort: z.enum(ids(sortOptions)).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(5000).catch(1).default(1),
	from: z
		.string()
		.trim()
		.transform((f) => f.slice(0, 100) || undefined)
		.optional()
		.catch(undefined),
	words: flag,
})

export type { JobSearchForm }

function searchParamsToObject(params: URLSearchParams) {
	const out: Record<string, string | string[]> = {}
	for (const key of new Set(params.keys())) {
		const values = params.getAll(key)
		out[key] = values.length > 1 ? values : (values[0] ?? '')
	}
	return out
}

export function parseMinPay(text: string) {
	if (!text) return { pence: null }
	const pounds = poundsAnHour(text)
	if (!pounds || Number(pounds) > 100) {
		return { pence: null, error: 'Enter minimum hourly pay in pounds, like 12.50' }
	}
	return { pence: Math.round(Number(pounds) * 100) }
}

/**
 * Where a search should be sent before it is run: a new search (the Search
 * button) starts at "most relevant" whatever the sort was; words that are
 * really filters or a place become them. Null when the search is as it should be.
 */
export function canonicalSearchUrl(params: URLSearchParams) {
	const form: JobSearchForm = JobSearchParamsSchema.parse(searchParamsToObject(params))
	const isNew = params.get('search') === 'new'
	if (isNew) {
		form.sort = undefined
		form.page = 1
		form.from = undefined
	}
	const understood = form.q && !form.words && !form.from ? understandKeywords(form) : null
	if (understood) return searchUrl({ ...understood.form, from: form.q })
	return isNew ? searchUrl(form) : null
}

/**
 * Reads a search from the URL. A place that cannot be found or a malformed
 * minimum pay comes back as an error for that field (the page answers 400 and
 * still shows jobs for the rest of the search).
 */
export function parseJobSearch(params: URLSearchParams, now = new Date()) {
	const form: JobSearchForm = JobSearchParamsSchema.parse(searchParamsToObject(params))
	const errors: { where?: string; minpay?: string } = {}
	let place: ResolvedPlace | null = null
	let suggestions: string[] = []
	if (form.where) {
		const lookup = resolvePlace(form.where)
		if (lookup.ok) place = lookup.place
		else {
			errors.where = lookup.message
			suggestions = lookup.suggestions
		}
	}
	const minPay = parseMinPay(form.minpay)
	if (minPay.error) errors.minpay = minPay.error
	const query: VacancyQuery = defaultQuery({
		text: form.q,
		centre: place ? { lat: place.lat, lng: place.lng } : null,
		radiusMiles: form.radius,
		roles: form.role,
		settings: form.setting,
		hours: form.hours,
		contracts: form.contract,
		apprenticeship: form.apprenticeship,
		standards: form.standard,
		noDriving: form.nodriving,
		sponsorship: form.sponsorship,
		minHourlyPence: minPay.pence,
		sort: (form.sort ?? 'relevance') as SortId,
		page: form.page,
		perPage: PER_PAGE,
		now,
	})
	// What became of the words typed, said above the results with a way back.
	const understood = form.from ? understandKeywords({ ...form, q: form.from, where: '' }) : null
	return {
		form,
		query,
		place,
		errors,
		suggestions,
		sort: effectiveSort(query) as SortId,
		understood: understood && {
			changes: understood.changes,
			typedHref: searchUrl({ ...form, q: form.from!, from: undefined, words: true, page: 1 }),
		},
	}
}

/** Each filter in use, with the address of the same search without it. */
export function activeFilters(form: JobSearchForm, place: ResolvedPlace | null) {
	const without = (changes: Partial<JobSearchForm>) => searchUrl({ ...form, ...changes, from: undefined, page: 1 })
	const labelled = (options: readonly { id: string; label: string }[], key: 'setting' | 'hours' | 'contract') =>
		form[key].map((id) => ({
			label: labelOf(options, id),
			href: without({ [key]: form[key].filter((v) => v !== id) }),
		}))
	return [
		...(form.q ? [{ label: `“${form.q}”`, href: without({ q: '' }) }] : []),
		...(place
			? [
					{
						label: `Within ${form.radius} ${form.radius === 1 ? 'mile' : 'miles'} of ${place.label}`,
						href: without({ where: '' }),
					},
				]
			: []),
		...form.role.map((id) => ({ label: roleName(id), href: without({ role: form.role.filter((r) => r !== id) }) })),
		...labelled(settings, 'setting'),
		...labelled(hoursOptions, 'hours'),
		...labelled(contracts, 'contract'),
		...(form.apprenticeship
			? [{ label: 'Apprenticeships only', href: without({ apprenticeship: false, standard: [] }) }]
			: []),
		...(form.nodriving ? [{ label: 'No driving licence needed', href: without({ nodriving: false }) }] : []),
		...(form.sponsorship ? [{ label: 'Visa sponsorship offered', href: without({ sponsorship: false }) }] : []),
		...(form.minpay && parseMinPay(form.minpay).pence
			? [
					{
						label: `At least £${(parseMinPay(form.minpay).pence! / 100).toFixed(2)} an hour`,
						href: without({ minpay: '' }),
					},
				]
			: []),
	]
}

export type JobResultCard = ReturnType<typeof toResultCard>

const NEW_FOR_MS = 2 * 86_400_000
const CLOSING_SOON_MS = 7 * 86_400_000

export function toResultCard(hit: VacancySearchResult['hits'][number], now = Date.now()) {
	return {
		isNew: now - hit.publishedAt * 1000 < NEW_FOR_MS,
		closingSoon: hit.closingAt * 1000 - now < CLOSING_SOON_MS,
		id: hit.id,
		title: hit.title,
		providerName: hit.providerName,
		town: hit.town,
		distance: hit.distanceMiles === null ? null : formatMiles(hit.distanceMiles),
		pay: formatPay(hit),
		payHourly: formatHourlyEquivalent(hit),
		hours: hit.hoursLabels.join(', '),
		contract: labelOf(contracts, hit.contract),
		setting: hit.settingLabel,
		closing: formatDate(hit.closingAt * 1000),
		summary: hit.summary,
		apprenticeship: hit.apprenticeship,
		noDrivingNeeded: hit.noDrivingNeeded,
		visaSponsorship: hit.visaSponsorship,
	}
}

export async function runJobSearch(params: URLSearchParams) {
	const parsed = parseJobSearch(params)
	const result = await searchVacancies(parsed.query)
	const facetList = <T extends { id: string; label: string }>(options: readonly T[], counts: Record<string, number>) =>
		options.map((o) => ({ id: o.id, label: o.label, count: counts[o.id] ?? 0 }))
	return {
		...parsed,
		filters: activeFilters(parsed.form, parsed.place),
		mode: result.mode,
		total: result.total,
		page: result.page,
		totalPages: result.totalPages,
		results: result.hits.map((hit) => toResultCard(hit)),
		facets: {
			role: facetList(
				careRoles.map((r) => ({ id: r.id, label: r.name })),
				result.facets.roleId,
			).filter((r) => r.count > 0 || parsed.form.role.includes(r.id)),
			setting: facetList(settings, result.facets.setting),
			hours: facetList(hoursOptions, result.facets.hours),
			contract: facetList(contracts, result.facets.contract),
			apprenticeship: result.facets.apprenticeship,
			noDriving: result.facets.noDrivingNeeded,
			sponsorship: result.facets.visaSponsorship,
		},
	}
}

/** "Personal assistant (PA)" → "personal assistant (PA)": only the first letter, so abbreviations keep their capitals. */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1)

/** "Care worker jobs near Wymondham": the h1 and title say how many were found. */
export function describeSearch(total: number, form: JobSearchForm, place: ResolvedPlace | null) {
	const what = form.apprenticeship ? (total === 1 ? 'apprenticeship' : 'apprenticeships') : total === 1 ? 'job' : 'jobs'
	const role = form.role.length === 1 ? `${lowerFirst(roleName(form.role[0]))} ` : ''
	const keyword = form.q ? ` matching “${form.q}”` : ''
	const near = place ? ` within ${form.radius} ${form.radius === 1 ? 'mile' : 'miles'} of ${place.label}` : ''
	return `${total.toLocaleString('en-GB')} ${role}${what} found${keyword}${near}`
}

const orList = (items: string[]) =>
	items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`

/**
 * A saved search in words, for job alerts: "Care worker jobs matching “nights”
 * within 10 miles of Cromer, Norfolk: part-time, no driving licence needed".
 */
export function describeSavedSearch(form: JobSearchForm, place: ResolvedPlace | null) {
	const roles = orList(form.role.map((id) => lowerFirst(roleName(id))))
	const noun = form.apprenticeship ? 'apprenticeships' : 'jobs'
	const keyword = form.q ? ` matching “${form.q}”` : ''
	const near = place ? ` within ${form.radius} ${form.radius === 1 ? 'mile' : 'miles'} of ${place.label}` : ''
	const what = roles ? `${roles} ${noun}` : keyword || near ? noun : `all ${noun}`
	const lower = (options: readonly { id: string; label: string }[], values: string[]) =>
		values.map((id) => lowerFirst(labelOf(options, id)))
	const minPay = parseMinPay(form.minpay).pence
	const conditions = [
		...(form.setting.length ? [`in ${orList(lower(settings, form.setting))}`] : []),
		...(form.hours.length ? [orList(lower(hoursOptions, form.hours))] : []),
		...(form.contract.length ? [`${orList(lower(contracts, form.contract))} contracts`] : []),
		...(form.standard?.length
			? [
					`standard ${orList(form.standard.map((ref) => apprenticeshipStandards.find((s) => s.reference === ref)?.title ?? ref))}`,
				]
			: []),
		...(form.nodriving ? ['no driving licence needed'] : []),
		...(form.sponsorship ? ['visa sponsorship offered'] : []),
		...(minPay ? [`at least £${(minPay / 100).toFixed(2)} an hour`] : []),
	]
	const text = `${what}${keyword}${near}${conditions.length ? `: ${conditions.join(', ')}` : ''}`
	return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The search a job alert keeps, as the /jobs address holds it, without the page, the order or how it was typed. */
export function savedSearchQuery(form: JobSearchForm) {
	const url = searchUrl({ ...form, page: 1, sort: undefined, from: undefined })
	return url.includes('?') ? url.slice(url.indexOf('?') + 1) : ''
}
