import { remember } from '@epic-web/remember'
import { hoursOptions } from '#app/models/jobs/vocabulary.ts'
import { prisma } from '#app/utils/db.server.ts'
import { boundingBox } from '#app/utils/geo.ts'
import { toSearchDocument, vacancyDocumentSelect } from './document.ts'
import { ensureLocalIndex, localIndexVersion } from './local-index.server.ts'
import {
	effectiveSort,
	emptyFacets,
	multiSelectFacets,
	withDistance,
	type Facets,
	type VacancyQuery,
	type VacancySearchResult,
} from './query.ts'
import { queryAlternatives, termMatches, typoBudget } from './text-match.ts'

// Reduced mode: the search answered from SQLite when Meilisearch is unreachable,
// with the same filters, facet counts, distances and sorts. Words are matched
// through the FTS5 table (each query word expanded, from the index's own
// vocabulary, to the words it matches by prefix or typo, by the same rules as
// Meilisearch's), places through the R*Tree then the exact distance, and the
// counts are one GROUP BY over the matching rows.

const EARTH_RADIUS_MILES = 3958.7613 // as in #app/utils/geo.ts

const vocabulary = remember('local-index-vocabulary', () => ({
	version: -1,
	terms: [] as string[],
	expansions: new Map<string, string[]>(),
}))

async function terms() {
	const version = localIndexVersion()
	if (vocabulary.version !== version) {
		const rows = await prisma.$queryRawUnsafe<Array<{ term: string }>>('SELECT term FROM VacancyTextVocab')
		vocabulary.terms = rows.map((r) => r.term)
		vocabulary.expansions.clear()
		vocabulary.version = version
	}
	return vocabulary
}

/** An FTS5 expression for one query word: the indexed words it matches, or null if none. */
async function wordExpression(word: string, isPrefix: boolean) {
	const vocab = await terms()
	const key = `${isPrefix ? '*' : ''}${word}`
	let expanded = vocab.expansions.get(key)
	if (!expanded) {
		const budget = typoBudget(word)
		expanded = vocab.terms.filter((term) =>
			isPrefix && term.startsWith(word) ? false : termMatches(word, term, isPrefix, budget),
		)
		if (vocabulary.expansions.size > 5_000) vocabulary.expansions.clear()
		vocabulary.expansions.set(key, expanded)
	}
	const parts = expanded.map((t) => `"${t}"`)
	// A prefix covers every word starting with it, straight from FTS5's prefix index.
	if (isPrefix && vocab.terms.some((t) => t.startsWith(word))) parts.push(`"${word}"*`)
	return parts.length ? `(${parts.join(' OR ')})` : null
}

/** The FTS5 MATCH expression for the query's words and their synonym rewrites; '' for no words, null for no possible match. */
async function matchExpression(text: string) {
	const query = queryAlternatives(text)
	if (!query.alternatives.length) return ''
	const alternatives: string[] = []
	for (const alternative of query.alternatives) {
		const words: string[] = []
		for (let i = 0; i < alternative.length; i++) {
			const expression = await wordExpression(
				alternative[i],
				i === alternative.length - 1 && alternative === query.alternatives[0],
			)
			if (!expression) break
			words.push(expression)
		}
		if (words.length === alternative.length) alternatives.push(`(${words.join(' AND ')})`)
	}
	return alternatives.length ? alternatives.join(' OR ') : null
}

const hourColumns: Record<string, string> = {
	'full-time': 'fullTime',
	'part-time': 'partTime',
	nights: 'nights',
	weekends: 'weekends',
	flexible: 'flexible',
}
const facetColumn: Record<string, string> = { roleId: 'roleId', setting: 'setting', contract: 'contract' }

const placeholders = (values: unknown[]) => values.map(() => '?').join(', ')

type Group = {
	roleId: string
	setting: string
	contract: string
	fullTime: number
	partTime: number
	nights: number
	weekends: number
	flexible: number
	apprenticeship: number
	drivingLicenceRequired: number
	visaSponsorship: number
	okRole: number
	okSetting: number
	okHours: number
	okContract: number
	n: number | bigint
}

export async function searchDatabase(query: VacancyQuery): Promise<VacancySearchResult> {
	await ensureLocalIndex()
	const now = query.now ?? new Date()
	const sort = effectiveSort(query)
	const empty = { mode: 'reduced' as const, hits: [], total: 0, page: query.page, totalPages: 1, facets: emptyFacets() }

	const match = await matchExpression(query.text)
	if (match === null) return empty

	// Which table drives the join matters at 100,000 vacancies: the place's box
	// when there is one (an R*Tree search), else the matching words. Either way
	// the words are matched once (MATERIALIZED): asked row by row, FTS5 would merge
	// a prefix's doclists again for every row. CROSS JOIN fixes SQLite's join order.
	const ranked = sort === 'relevance' && Boolean(match)
	const ctes: string[] = []
	if (match)
		ctes.push(
			`t AS MATERIALIZED (SELECT rowid AS id${ranked ? ', bm25(VacancyText, 3.0, 1.0) AS rank' : ''} FROM VacancyText WHERE VacancyText MATCH ?)`,
		)
	// Placeholders in the order the SQL text has them: the match, the `ok…` columns, then the WHERE clause.
	const params: unknown[] = []
	let from = 'VacancyFacet v'
	let distance = 'NULL'
	if (query.centre) {
		const { lat, lng } = query.centre
		distance = `(2 * ${EARTH_RADIUS_MILES} * asin(min(1, sqrt(power(sin(radians(v.lat - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(v.lat)) * power(sin(radians(v.lng - ${lng}) / 2), 2)))))`
		const box = boundingBox(query.centre, query.radiusMiles)
		from = `VacancyGeo g CROSS JOIN VacancyFacet v ON v.id = g.id${match ? ' JOIN t ON t.id = v.id' : ''}`
		params.push(box.minLat, box.maxLat, box.minLng, box.maxLng)
	} else if (match) {
		from = 't CROSS JOIN VacancyFacet v ON v.id = t.id'
	}
	const where = query.centre ? ['g.maxLat >= ? AND g.minLat <= ? AND g.maxLng >= ? AND g.minLng <= ?'] : []
	where.push('v.closingMs >= ?')
	params.push(now.getTime())
	if (query.apprenticeship) where.push('v.apprenticeship = 1')
	if (query.standards?.length) {
		where.push(`v.standardRef IN (${placeholders(query.standards)})`)
		params.push(...query.standards)
	}
	if (query.noDriving) where.push('v.drivingLicenceRequired = 0')
	if (query.sponsorship) where.push('v.visaSponsorship = 1')
	if (query.minHourlyPence !== null) {
		where.push('v.hourlyMax >= ?')
		params.push(query.minHourlyPence)
	}
	if (query.excludeIds?.length) where.push(`v.id NOT IN (${query.excludeIds.map(Number).join(', ')})`)
	if (query.excludeProviderIds?.length) {
		where.push(`v.providerId NOT IN (${placeholders(query.excludeProviderIds)})`)
		params.push(...query.excludeProviderIds)
	}
	if (query.centre) {
		where.push(`${distance} <= ?`)
		params.push(query.radiusMiles)
	}

	// Whether a row passes each multi-select filter: counts for one group ignore that group's own selection.
	const okParams: unknown[] = []
	const ok = (key: 'roles' | 'settings' | 'contracts', column: string) => {
		if (!query[key].length) return '1'
		okParams.push(...query[key])
		return `(v.${column} IN (${placeholders(query[key])}))`
	}
	const okRole = ok('roles', 'roleId')
	const okSetting = ok('settings', 'setting')
	const okContract = ok('contracts', 'contract')
	const okHours = query.hours.length
		? `(${query.hours.map((h) => `v.${hourColumns[h] ?? '0'} = 1`).join(' OR ')})`
		: '1'

	const facetColumns = [
		'roleId',
		'setting',
		'contract',
		'fullTime',
		'partTime',
		'nights',
		'weekends',
		'flexible',
		'apprenticeship',
		'drivingLicenceRequired',
		'visaSponsorship',
	]
	const groupColumns = [...facetColumns, 'okRole', 'okSetting', 'okHours', 'okContract'].join(', ')
	const order =
		sort === 'distance'
			? 'distance ASC, published DESC, id DESC'
			: sort === 'pay'
				? 'hourlyMax DESC, published DESC, id DESC'
				: ranked
					? 'rank ASC, published DESC, id DESC'
					: 'published DESC, id DESC'
	// One statement, so the matching rows are found once for both the counts and the page.
	ctes.push(`m AS MATERIALIZED (
		SELECT v.id, ${facetColumns.map((c) => `v.${c}`).join(', ')},
			${okRole} AS okRole, ${okSetting} AS okSetting, ${okHours} AS okHours, ${okContract} AS okContract,
			${distance} AS distance, ${ranked ? 't.rank' : '0'} AS rank, v.hourlyMax, v.published
		FROM ${from}
		WHERE ${where.join(' AND ')})`)
	const start = (query.page - 1) * query.perPage
	const rows = await prisma.$queryRawUnsafe<Array<Group & { hitId: number | bigint | null }>>(
		`WITH ${ctes.join(',\n')}
		SELECT NULL AS hitId, ${groupColumns}, COUNT(*) AS n FROM m GROUP BY ${groupColumns}
		UNION ALL
		SELECT * FROM (
			SELECT id AS hitId, ${groupColumns
				.split(', ')
				.map(() => 'NULL')
				.join(', ')}, ROW_NUMBER() OVER (ORDER BY ${order}) AS n
			FROM m WHERE okRole AND okSetting AND okHours AND okContract ORDER BY ${order} LIMIT ? OFFSET ?
		)`,
		...(match ? [match] : []),
		...okParams,
		...params,
		query.perPage,
		start,
	)
	const groups = rows.filter((r) => r.hitId === null)
	const ids = rows
		.filter((r) => r.hitId !== null)
		.sort((a, b) => Number(a.n) - Number(b.n))
		.map((r) => Number(r.hitId))

	const facets: Facets = emptyFacets()
	let total = 0
	const add = (counts: Record<string, number>, key: string, n: number) => {
		counts[key] = (counts[key] ?? 0) + n
	}
	for (const g of groups) {
		const n = Number(g.n)
		const passes = { roleId: g.okRole, setting: g.okSetting, hours: g.okHours, contract: g.okContract }
		const all = Object.values(passes).every((v) => Number(v) === 1)
		if (all) {
			total += n
			if (Number(g.apprenticeship)) facets.apprenticeship += n
			if (!Number(g.drivingLicenceRequired)) facets.noDrivingNeeded += n
			if (Number(g.visaSponsorship)) facets.visaSponsorship += n
		}
		for (const [attribute] of multiSelectFacets) {
			const others = Object.entries(passes).every(([a, v]) => a === attribute || Number(v) === 1)
			if (!others) continue
			if (attribute === 'hours') {
				for (const h of hoursOptions) if (Number(g[hourColumns[h.id] as keyof Group])) add(facets.hours, h.id, n)
			} else add(facets[attribute], String(g[facetColumn[attribute] as keyof Group]), n)
		}
	}

	const vacancies = ids.length
		? await prisma.vacancy.findMany({ where: { id: { in: ids } }, select: vacancyDocumentSelect })
		: []
	const byId = new Map(vacancies.map((r) => [r.id, r]))
	return {
		mode: 'reduced',
		hits: ids
			.map((id) => byId.get(id))
			.filter((r): r is NonNullable<typeof r> => Boolean(r))
			.map((r) => withDistance(toSearchDocument(r), query.centre)),
		total,
		page: query.page,
		totalPages: Math.max(1, Math.ceil(total / query.perPage)),
		facets,
	}
}
