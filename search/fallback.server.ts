import { remember } from '@epic-web/remember'
import { hoursOptions } from '#app/models/jobs/vocabulary.ts'
import { onPostgres, prisma, readWithFallback, sql } from '#app/utils/db.server.ts'
import { boundingBox } from '#app/utils/geo.ts'
import { toSearchDocument, vacancyDocumentSelect } from './document.ts'
import { searchGeneration } from './generation.server.ts'
import { ensureLocalIndex, inField, lexeme, localIndexVersion, textColumns } from './local-index.server.ts'
import {
	effectiveSort,
	emptyFacets,
	ranksNearestAbout,
	multiSelectFacets,
	withDistance,
	type Facets,
	type VacancyQuery,
	type VacancySearchResult,
} from './query.ts'
import { queryLattice, termMatches, typoBudget } from './text-match.ts'

// Reduced mode: the search answered from the database when Meilisearch is
// unreachable, with the same filters, facet counts, distances and sorts. Words
// are matched through the local index (each query word expanded, from the
// index's own vocabulary, to the words it matches by prefix or typo, by the same
// rules as Meilisearch's): an FTS5 MATCH on SQLite, a tsquery on PostgreSQL, both
// written from one expression (Match). Places go through the R*Tree (SQLite) or
// GiST index (PostgreSQL) then the exact distance, and the counts are one GROUP
// BY over the matching rows.

const EARTH_RADIUS_MILES = 3958.7613 // as in #app/utils/geo.ts

const vocabulary = remember('local-index-vocabulary', () => ({
	version: '',
	terms: [] as string[],
	/** how many vacancies hold each word */
	frequency: new Map<string, number>(),
	expansions: new Map<string, string[]>(),
}))

async function terms() {
	// This instance's writes, and (through the shared search generation) another's.
	const version = `${localIndexVersion()}:${searchGeneration()}`
	if (vocabulary.version !== version) {
		// From the primary: the vocabulary is kept until the next change, so it must not be a replica's older one.
		const rows = await prisma.$queryRawUnsafe<Array<{ term: string; doc: number | bigint }>>(
			onPostgres() ? 'SELECT term, doc FROM VacancyTextVocab WHERE doc > 0' : 'SELECT term, doc FROM VacancyTextVocab',
		)
		vocabulary.terms = rows.map((r) => r.term)
		vocabulary.frequency = new Map(rows.map((r) => [r.term, Number(r.doc)]))
		vocabulary.expansions.clear()
		vocabulary.version = version
	}
	return vocabulary
}

/**
 * A typed word read as two ("healthcare" → "health care"), as Meilisearch
 * splits one: at the point where both halves are indexed words and the rarer
 * half is most common. Null when no split makes two indexed words.
 */
async function bestSplit(word: string) {
	const { frequency } = await terms()
	let best: [string, string] | null = null
	let bestScore = 0
	for (let i = 1; i < word.length; i++) {
		const score = Math.min(frequency.get(word.slice(0, i)) ?? 0, frequency.get(word.slice(i)) ?? 0)
		if (score > bestScore) {
			bestScore = score
			best = [word.slice(0, i), word.slice(i)]
		}
	}
	return best
}

/** What the words must match: indexed words (or prefixes), all or any of some, within some fields. */
type Match =
	| { kind: 'word'; word: string; prefix: boolean }
	| { kind: 'all' | 'any'; parts: Match[] }
	| { kind: 'fields'; columns: number[]; match: Match }

const all = (parts: Match[]): Match => (parts.length === 1 ? parts[0] : { kind: 'all', parts })
const any = (parts: Match[]): Match => (parts.length === 1 ? parts[0] : { kind: 'any', parts })

/** One typed word: the indexed words it matches, in any field, or null if none. */
async function typedMatch(word: string, isPrefix: boolean): Promise<Match | null> {
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
	const parts: Match[] = expanded.map((t) => ({ kind: 'word', word: t, prefix: false }))
	// A prefix covers every word starting with it, straight from the index's prefixes.
	if (isPrefix && vocab.terms.some((t) => t.startsWith(word))) parts.push({ kind: 'word', word, prefix: true })
	const split = await bestSplit(word)
	if (split) parts.push(inOneField(split))
	return parts.length ? any(parts) : null
}

/** These exact words, all within one field. */
function inOneField(words: string[]): Match {
	const each = all(words.map((w) => ({ kind: 'word', word: w, prefix: false })))
	return words.length === 1
		? each
		: any(textColumns.map((_, column) => ({ kind: 'fields', columns: [column], match: each })))
}

/** A synonym: its words exactly, all within one field; null when the index has not got them all. */
async function synonymMatch(words: string[]) {
	const { frequency } = await terms()
	return words.every((w) => frequency.has(w)) ? inOneField(words) : null
}

/**
 * What the query must match: every path through its lattice of typed words and
 * synonyms, shared where paths meet. 'everything' for no words, null when
 * nothing can match.
 */
async function queryMatch(text: string): Promise<Match | 'everything' | null> {
	const { words, edges } = queryLattice(text)
	if (!words.length) return 'everything'
	const memo = new Map<number, Promise<Match | 'end' | null>>()
	const from = (i: number): Promise<Match | 'end' | null> => {
		if (i >= words.length) return Promise.resolve('end')
		if (!memo.has(i)) {
			memo.set(
				i,
				(async () => {
					const parts: Match[] = []
					for (const edge of edges[i]) {
						const term =
							edge.term.kind === 'typed'
								? await typedMatch(edge.term.word, edge.term.prefix)
								: await synonymMatch(edge.term.words)
						if (!term) continue
						const rest = await from(edge.to)
						if (rest === null) continue
						parts.push(rest === 'end' ? term : all([term, rest]))
					}
					return parts.length ? any(parts) : null
				})(),
			)
		}
		return memo.get(i)!
	}
	const match = await from(0)
	return match === 'end' ? 'everything' : match
}

/** The match as an FTS5 MATCH expression. */
function fts5(match: Match): string {
	switch (match.kind) {
		case 'word':
			return `"${match.word}"${match.prefix ? '*' : ''}`
		case 'all':
		case 'any':
			return `(${match.parts.map(fts5).join(match.kind === 'all' ? ' AND ' : ' OR ')})`
		case 'fields': {
			const names = match.columns.map((c) => textColumns[c])
			return `${names.length === 1 ? names[0] : `{${names.join(' ')}}`} : (${fts5(match.match)})`
		}
	}
}

/**
 * The match as a PostgreSQL tsquery over the local index's words, within some
 * fields (each a word tagged with its field) or, with no fields given, any.
 * Fields within fields are those in both, as FTS5 has them.
 */
function tsquery(match: Match, columns: number[] | null = null): string {
	return tsqueryPart(match, columns) ?? lexeme('~')
}

/** null: nothing can match (fields within fields that have none in common). */
function tsqueryPart(match: Match, columns: number[] | null): string | null {
	switch (match.kind) {
		case 'word': {
			const suffix = match.prefix ? ':*' : ''
			if (!columns) return `${lexeme(match.word)}${suffix}`
			if (!columns.length) return null
			const each = columns.map((c) => `${lexeme(inField(c, match.word))}${suffix}`)
			return each.length === 1 ? each[0] : `(${each.join(' | ')})`
		}
		case 'all': {
			const parts = match.parts.map((p) => tsqueryPart(p, columns))
			return parts.includes(null) ? null : `(${parts.join(' & ')})`
		}
		case 'any': {
			const parts = [...new Set(match.parts.map((p) => tsqueryPart(p, columns)).filter((p) => p !== null))]
			return parts.length ? (parts.length === 1 ? parts[0] : `(${parts.join(' | ')})`) : null
		}
		case 'fields':
			return tsqueryPart(match.match, columns ? columns.filter((c) => match.columns.includes(c)) : match.columns)
	}
}

/** Every word or prefix the match names. */
function words(match: Match): Match[] {
	if (match.kind === 'word') return [match]
	if (match.kind === 'fields') return words(match.match)
	return match.parts.flatMap(words)
}

const hourColumns: Record<string, string> = {
	'full-time': 'fullTime',
	'part-time': 'partTime',
	nights: 'nights',
	weekends: 'weekends',
	flexible: 'flexible',
}
const facetColumn: Record<string, string> = { roleId: 'roleId', setting: 'setting', contract: 'contract' }

// The fields a vacancy is about (query.ts aboutAttributes).
const aboutColumns = (['title', 'role', 'aliases', 'terms'] as const).map((c) => textColumns.indexOf(c))

// The weight of a match in each text column, heaviest first as in Meilisearch's attribute order.
const textWeights = [8.0, 6.0, 4.0, 2.0, 2.0, 1.5, 1.5, 1.0, 1.0]

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

	const found = await queryMatch(query.text)
	if (found === null) return empty
	const match = found === 'everything' ? null : found
	const postgres = onPostgres()

	// Which table drives the join matters at 100,000 vacancies: the place's box
	// when there is one (an R*Tree or GiST search), else the matching words. Either
	// way the words are matched once (MATERIALIZED): asked row by row, FTS5 would
	// merge a prefix's doclists again for every row. CROSS JOIN fixes SQLite's join order.
	// Most relevant near a place: vacancies about the words (all found in the
	// fields in aboutColumns) first, each group nearest first, as search.server.ts.
	const nearestAbout = Boolean(match) && ranksNearestAbout(query)
	const ranked = sort === 'relevance' && Boolean(match) && !nearestAbout
	const ctes: string[] = []
	const textParams: unknown[] = []
	// Most relevant with words: vacancies about them first, as Meilisearch's
	// attribute rule puts title and role matches first (its `attribute` ranking).
	const aboutFirst = ranked || nearestAbout
	const about: Match | null = aboutFirst && match ? { kind: 'fields', columns: aboutColumns, match } : null
	if (match && postgres) {
		// bm25 is SQLite's; here ts_rank over the query's words in every field, each
		// field's words weighted as bm25's (title 8, role 6, aliases 4, the rest about 1.5).
		// Whether it is about them is asked of the same rows, in the same scan.
		const rank = ranked ? ", -ts_rank('{0.1875, 0.5, 0.75, 1.0}', words, ?::tsquery, 0) AS rank" : ''
		if (ranked)
			textParams.push(
				tsquery(
					any(words(match)),
					textColumns.map((_, column) => column),
				),
			)
		const aboutColumn = about ? ', CASE WHEN words @@ ?::tsquery THEN 0 ELSE 1 END AS about' : ''
		if (about) textParams.push(tsquery(about))
		ctes.push(`t AS MATERIALIZED (SELECT id${rank}${aboutColumn} FROM VacancyText WHERE words @@ ?::tsquery)`)
		textParams.push(tsquery(match))
	} else if (match) {
		ctes.push(
			`t AS MATERIALIZED (SELECT rowid AS id${ranked ? `, bm25(VacancyText, ${textWeights.join(', ')}) AS rank` : ''} FROM VacancyText WHERE VacancyText MATCH ?)`,
		)
		textParams.push(fts5(match))
		if (about) {
			ctes.push('a AS MATERIALIZED (SELECT rowid AS id FROM VacancyText WHERE VacancyText MATCH ?)')
			textParams.push(fts5(about))
		}
	}
	// Placeholders in the order the SQL text has them: the match, the `ok…` columns, then the WHERE clause.
	const params: unknown[] = []
	let from = 'VacancyFacet v'
	let distance = 'NULL'
	const join = postgres ? 'JOIN' : 'CROSS JOIN'
	if (query.centre) {
		const { lat, lng } = query.centre
		distance = `(2 * ${EARTH_RADIUS_MILES} * asin(${postgres ? 'least' : 'min'}(1, sqrt(power(sin(radians(v.lat - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(v.lat)) * power(sin(radians(v.lng - ${lng}) / 2), 2)))))`
		const box = boundingBox(query.centre, query.radiusMiles)
		from = postgres
			? `VacancyFacet v${match ? ' JOIN t ON t.id = v.id' : ''}`
			: `VacancyGeo g CROSS JOIN VacancyFacet v ON v.id = g.id${match ? ' JOIN t ON t.id = v.id' : ''}`
		params.push(
			...(postgres
				? [box.minLng, box.minLat, box.maxLng, box.maxLat]
				: [box.minLat, box.maxLat, box.minLng, box.maxLng]),
		)
	} else if (match) {
		from = `t ${join} VacancyFacet v ON v.id = t.id`
	}
	const where = !query.centre
		? []
		: postgres
			? ['point(v.lng, v.lat) <@ box(point(?, ?), point(?, ?))']
			: ['g.maxLat >= ? AND g.minLat <= ? AND g.maxLng >= ? AND g.minLng <= ?']
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
	if (query.publishedSince) {
		where.push('v.published >= ?')
		params.push(Math.floor(query.publishedSince.getTime() / 1000))
	}
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
		return `(CASE WHEN v.${column} IN (${placeholders(query[key])}) THEN 1 ELSE 0 END)`
	}
	const okRole = ok('roles', 'roleId')
	const okSetting = ok('settings', 'setting')
	const okContract = ok('contracts', 'contract')
	const okHours = query.hours.length
		? `(CASE WHEN ${query.hours.map((h) => `v.${hourColumns[h] ?? '0'} = 1`).join(' OR ')} THEN 1 ELSE 0 END)`
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
	const groupColumns = [...facetColumns, 'okRole', 'okSetting', 'okHours', 'okContract']
	// Quoted, so PostgreSQL gives the names back as written (it folds unquoted ones to lower case).
	const named = (column: string) => `${column} AS "${column}"`
	const order =
		sort === 'distance'
			? 'distance ASC, published DESC, id DESC'
			: sort === 'pay'
				? 'hourlyMax DESC, published DESC, id DESC'
				: ranked
					? 'about ASC, rank ASC, published DESC, id DESC'
					: nearestAbout
						? 'about ASC, distance ASC, published DESC, id DESC'
						: 'published DESC, id DESC'
	// One statement, so the matching rows are found once for both the counts and the page.
	ctes.push(`m AS MATERIALIZED (
		SELECT v.id, ${facetColumns.map((c) => `v.${c}`).join(', ')},
			${okRole} AS okRole, ${okSetting} AS okSetting, ${okHours} AS okHours, ${okContract} AS okContract,
			${distance} AS distance, ${ranked ? 't.rank' : '0'} AS rank,
			${!about ? '0' : postgres ? 't.about' : '(CASE WHEN v.id IN (SELECT id FROM a) THEN 0 ELSE 1 END)'} AS about, v.hourlyMax, v.published
		FROM ${from}
		WHERE ${where.join(' AND ')})`)
	const start = (query.page - 1) * query.perPage
	const rows = await readWithFallback((db) =>
		db.$queryRawUnsafe<Array<Group & { hitId: number | bigint | null }>>(
			sql(`WITH ${ctes.join(',\n')}
		SELECT NULL AS "hitId", ${groupColumns.map(named).join(', ')}, COUNT(*) AS n FROM m GROUP BY ${groupColumns.join(', ')}
		UNION ALL
		SELECT * FROM (
			SELECT id AS "hitId", ${groupColumns.join(', ')}, ROW_NUMBER() OVER (ORDER BY ${order}) AS n
			FROM m WHERE okRole = 1 AND okSetting = 1 AND okHours = 1 AND okContract = 1 ORDER BY ${order} LIMIT ? OFFSET ?
		) AS page`),
			...textParams,
			...okParams,
			...params,
			query.perPage,
			start,
		),
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
		? await readWithFallback((db) => db.vacancy.findMany({ where: { id: { in: ids } }, select: vacancyDocumentSelect }))
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
