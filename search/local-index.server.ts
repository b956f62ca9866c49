import { remember } from '@epic-web/remember'
import { onPostgres, prisma, sql, type Tx } from '#app/utils/db.server.ts'
import {
	documentVersion,
	toSearchDocument,
	vacancyDocumentSelect,
	type VacancyDocument,
	type VacancyForDocument,
} from './document.ts'
import { bumpSearchGeneration } from './generation.server.ts'
import { tokenize } from './text-match.ts'

// The database's own search index, for reduced mode: each live vacancy's words
// (already split the way reduced-mode matching splits them), its place, the
// document version (so drift can be found), and a narrow table of what it is
// filtered, counted and sorted by (reading that instead of the wide Vacancy rows,
// descriptions and all, makes counting 100,000 of them ten times faster). All are
// written in the same transaction as the vacancy, so they are never behind the
// database. They are created here rather than in Prisma migrations, which cannot
// describe them, and they only ever hold what the Vacancy table already says.
//
// SQLite: an FTS5 table with a column per field, its fts5vocab view, and an
// R*Tree of places. PostgreSQL (decision 012): a tsvector of every word twice,
// as itself and tagged with its field (`~0~care` for a title's "care", so a
// field's words are matched by the same GIN index), a vocabulary table kept
// counted as rows change, and a GiST index of places.

type Db = Tx | typeof prisma

const state = remember('local-search-index', () => ({ ready: null as Promise<void> | null, version: 0 }))

/**
 * The searchable fields, one FTS5 column each, in Meilisearch's attribute order
 * (search/settings.ts): a synonym of several words must match within one field,
 * as it does there.
 */
export const textColumns = [
	'title',
	'role',
	'aliases',
	'hours',
	'setting',
	'provider',
	'town',
	'description',
	'terms',
] as const

// Change when the tables' shape changes: they are dropped, and every row is
// written again by reconcileLocalIndex (which then finds none indexed).
const LOCAL_INDEX_SHAPE = '5: a column per searchable field, compound terms, driving as the rules say'
const POSTGRES_INDEX_SHAPE = 'pg 3: plain words, tagged words weighted by field, counted vocabulary'
const SHAPE_KEY = 'search:local-index:shape'

/** Bumped on every change, so caches built from the index (its vocabulary) know to refresh. */
export function localIndexVersion() {
	return state.version
}

export function ensureLocalIndex() {
	state.ready ??= (onPostgres() ? createPostgresTables() : createSqliteTables()).catch((error) => {
		state.ready = null
		throw error
	})
	return state.ready
}

const currentShape = async (db: Db) => (await db.appState.findUnique({ where: { key: SHAPE_KEY } }))?.value

async function recordShape(db: Db, value: string) {
	await db.appState.upsert({ where: { key: SHAPE_KEY }, create: { key: SHAPE_KEY, value }, update: { value } })
}

const tables = ['VacancyTextVocab', 'VacancyText', 'VacancyGeo', 'VacancyFacet']

async function createSqliteTables() {
	if ((await currentShape(prisma)) !== LOCAL_INDEX_SHAPE)
		for (const table of tables) await prisma.$executeRawUnsafe(`DROP TABLE IF EXISTS ${table}`)
	await prisma.$executeRawUnsafe(
		`CREATE VIRTUAL TABLE IF NOT EXISTS VacancyText USING fts5(${textColumns.join(', ')}, content='', contentless_delete=1, tokenize='unicode61', prefix='2 3')`,
	)
	await prisma.$executeRawUnsafe(
		`CREATE VIRTUAL TABLE IF NOT EXISTS VacancyTextVocab USING fts5vocab(VacancyText, 'row')`,
	)
	await prisma.$executeRawUnsafe(
		`CREATE VIRTUAL TABLE IF NOT EXISTS VacancyGeo USING rtree(id, minLat, maxLat, minLng, maxLng, +version)`,
	)
	await prisma.$executeRawUnsafe(
		`CREATE TABLE IF NOT EXISTS VacancyFacet (${facetColumns.map((c) => `${c} ${facetColumnTypes[c]}`).join(', ')})`,
	)
	await recordShape(prisma, LOCAL_INDEX_SHAPE)
}

async function createPostgresTables() {
	// Nothing to do, and no lock taken, when the tables are there in this shape.
	const present = await prisma.$queryRawUnsafe<Array<{ present: boolean }>>(
		"SELECT to_regclass('vacancyfacet') IS NOT NULL AS present",
	)
	if (present[0]?.present && (await currentShape(prisma)) === POSTGRES_INDEX_SHAPE) return
	// Instances starting together would race to create the same tables: one at a time.
	await prisma.$transaction(async (tx) => {
		await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('search:local-index'))`)
		if ((await currentShape(tx)) !== POSTGRES_INDEX_SHAPE)
			for (const table of tables) await tx.$executeRawUnsafe(`DROP TABLE IF EXISTS ${table}`)
		await tx.$executeRawUnsafe(
			'CREATE TABLE IF NOT EXISTS VacancyText (id INTEGER PRIMARY KEY, version BIGINT NOT NULL, words TSVECTOR NOT NULL, terms TEXT[] NOT NULL)',
		)
		// Compressed in the row rather than moved out of it: every search reads every matching vector.
		await tx.$executeRawUnsafe('ALTER TABLE VacancyText ALTER COLUMN words SET STORAGE MAIN')
		await tx.$executeRawUnsafe('CREATE INDEX IF NOT EXISTS VacancyText_words ON VacancyText USING gin (words)')
		await tx.$executeRawUnsafe(
			'CREATE TABLE IF NOT EXISTS VacancyTextVocab (term TEXT PRIMARY KEY, doc INTEGER NOT NULL)',
		)
		const types = {
			...facetColumnTypes,
			published: 'BIGINT NOT NULL',
			closingMs: 'BIGINT NOT NULL',
			lat: 'DOUBLE PRECISION NOT NULL',
			lng: 'DOUBLE PRECISION NOT NULL',
		}
		await tx.$executeRawUnsafe(
			`CREATE TABLE IF NOT EXISTS VacancyFacet (${facetColumns.map((c) => `${c} ${types[c]}`).join(', ')})`,
		)
		await tx.$executeRawUnsafe(
			'CREATE INDEX IF NOT EXISTS VacancyFacet_place ON VacancyFacet USING gist (point(lng, lat))',
		)
		await tx.$executeRawUnsafe('CREATE INDEX IF NOT EXISTS VacancyFacet_published ON VacancyFacet (published)')
		await recordShape(tx, POSTGRES_INDEX_SHAPE)
	})
}

/** A word as the PostgreSQL index holds it for one field (textColumns' index). */
export const inField = (column: number, word: string) => `~${column}~${word}`

/** A tsvector or tsquery lexeme, quoted. */
export const lexeme = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`

/** The words reduced mode matches, field by field, split the way its matching splits them. */
function documentText(doc: VacancyDocument): string[] {
	const words = (...texts: string[]) => tokenize(texts.join(' ')).join(' ')
	return [
		words(doc.title),
		words(doc.roleName),
		words(...doc.roleAliases),
		words(...doc.hoursLabels),
		words(doc.settingLabel),
		words(doc.providerName),
		words(doc.town),
		words(doc.description),
		doc.terms.join(' '),
	]
}

const facetColumnTypes = {
	id: 'INTEGER PRIMARY KEY',
	providerId: 'TEXT NOT NULL',
	roleId: 'TEXT NOT NULL',
	setting: 'TEXT NOT NULL',
	contract: 'TEXT NOT NULL',
	fullTime: 'INTEGER NOT NULL',
	partTime: 'INTEGER NOT NULL',
	nights: 'INTEGER NOT NULL',
	weekends: 'INTEGER NOT NULL',
	flexible: 'INTEGER NOT NULL',
	apprenticeship: 'INTEGER NOT NULL',
	standardRef: 'TEXT',
	drivingLicenceRequired: 'INTEGER NOT NULL',
	visaSponsorship: 'INTEGER NOT NULL',
	/** pence an hour, as the search document has it */
	hourlyMax: 'INTEGER NOT NULL',
	/** seconds since 1970, as the search document's publishedAt */
	published: 'INTEGER NOT NULL',
	/** milliseconds since 1970 */
	closingMs: 'INTEGER NOT NULL',
	lat: 'REAL NOT NULL',
	lng: 'REAL NOT NULL',
} as const
const facetColumns = Object.keys(facetColumnTypes) as Array<keyof typeof facetColumnTypes>

function facetRow(v: VacancyForDocument, doc: VacancyDocument) {
	const row: Record<(typeof facetColumns)[number], string | number | null> = {
		id: v.id,
		providerId: doc.providerId,
		roleId: doc.roleId,
		setting: doc.setting,
		contract: doc.contract,
		fullTime: Number(v.fullTime),
		partTime: Number(v.partTime),
		nights: Number(v.nights),
		weekends: Number(v.weekends),
		flexible: Number(v.flexible),
		apprenticeship: Number(v.apprenticeship),
		standardRef: v.standardRef,
		// 1 unless the public may be told no licence is needed (vacancy-rules noDrivingNeeded)
		drivingLicenceRequired: Number(!doc.noDrivingNeeded),
		visaSponsorship: Number(v.visaSponsorship),
		hourlyMax: doc.hourlyMax,
		published: doc.publishedAt,
		closingMs: v.closingDate.getTime(),
		lat: v.lat,
		lng: v.lng,
	}
	return facetColumns.map((c) => row[c])
}

const CHUNK = 400

async function writeRows(db: Db, ids: number[]) {
	if (onPostgres()) await writePostgresRows(db, ids)
	else await writeSqliteRows(db, ids)
	state.version++
	bumpSearchGeneration()
}

async function writeSqliteRows(db: Db, ids: number[]) {
	for (let i = 0; i < ids.length; i += CHUNK) {
		const chunk = ids.slice(i, i + CHUNK)
		const list = chunk.join(',')
		await db.$executeRawUnsafe(`DELETE FROM VacancyText WHERE rowid IN (${list})`)
		await db.$executeRawUnsafe(`DELETE FROM VacancyGeo WHERE id IN (${list})`)
		await db.$executeRawUnsafe(`DELETE FROM VacancyFacet WHERE id IN (${list})`)
		const rows = await db.vacancy.findMany({
			where: { id: { in: chunk }, status: 'live' },
			select: vacancyDocumentSelect,
		})
		if (!rows.length) continue
		const docs = rows.map(toSearchDocument)
		const texts = rows.flatMap((row, i) => [row.id, ...documentText(docs[i])])
		const textRow = `(${['?', ...textColumns.map(() => '?')].join(', ')})`
		await db.$executeRawUnsafe(
			`INSERT INTO VacancyText (rowid, ${textColumns.join(', ')}) VALUES ${rows.map(() => textRow).join(', ')}`,
			...texts,
		)
		const places = rows.flatMap((row, i) => [row.id, row.lat, row.lat, row.lng, row.lng, docs[i].version])
		await db.$executeRawUnsafe(
			`INSERT INTO VacancyGeo (id, minLat, maxLat, minLng, maxLng, version) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
			...places,
		)
		await insertFacets(db, rows, docs)
	}
}

async function insertFacets(db: Db, rows: VacancyForDocument[], docs: VacancyDocument[]) {
	const facetValues = `(${facetColumns.map(() => '?').join(', ')})`
	await db.$executeRawUnsafe(
		sql(`INSERT INTO VacancyFacet (${facetColumns.join(', ')}) VALUES ${rows.map(() => facetValues).join(', ')}`),
		...rows.flatMap((row, i) => facetRow(row, docs[i])),
	)
}

/**
 * Each field's weight class for PostgreSQL's ts_rank (A heaviest), after the bm25
 * weights in fallback.server.ts: title, role and aliases their own, the rest one.
 */
const fieldWeights = ['A', 'B', 'C', 'D', 'D', 'D', 'D', 'D', 'D'] as const

/**
 * A vacancy's words for PostgreSQL: each plain (matching in any field), and
 * tagged with each field it is in, weighted by that field (matching within one, and ranking).
 */
function postgresWords(doc: VacancyDocument) {
	const plain = new Set<string>()
	const tagged = new Set<string>()
	documentText(doc).forEach((text, column) => {
		for (const word of text.split(' ')) {
			if (!word) continue
			plain.add(word)
			tagged.add(`${lexeme(inField(column, word))}:1${fieldWeights[column]}`)
		}
	})
	return { terms: [...plain], vector: [...[...plain].map(lexeme), ...tagged].join(' ') }
}

/**
 * On PostgreSQL the vocabulary (word → vacancies holding it) is a table kept
 * counted: each call changes it in one statement, in word order, so two
 * instances writing at once wait for each other rather than deadlock.
 */
async function writePostgresRows(db: Db, ids: number[]) {
	const change = new Map<string, number>()
	const count = (terms: string[], by: number) => {
		for (const term of terms) change.set(term, (change.get(term) ?? 0) + by)
	}
	for (let i = 0; i < ids.length; i += CHUNK) {
		const chunk = ids.slice(i, i + CHUNK)
		// One writer per vacancy at a time (an edit beside a reconciliation): lock the vacancies, in order.
		await db.$queryRawUnsafe(`SELECT id FROM "Vacancy" WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE`, chunk)
		const old = await db.$queryRawUnsafe<Array<{ terms: string[] }>>(
			'DELETE FROM VacancyText WHERE id = ANY($1::int[]) RETURNING terms',
			chunk,
		)
		for (const row of old) count(row.terms, -1)
		await db.$executeRawUnsafe('DELETE FROM VacancyFacet WHERE id = ANY($1::int[])', chunk)
		const rows = await db.vacancy.findMany({
			where: { id: { in: chunk }, status: 'live' },
			select: vacancyDocumentSelect,
		})
		if (!rows.length) continue
		const docs = rows.map(toSearchDocument)
		const words = docs.map(postgresWords)
		for (const w of words) count(w.terms, 1)
		await db.$executeRawUnsafe(
			`INSERT INTO VacancyText (id, version, words, terms)
			SELECT id, version, words, terms::text[] FROM unnest($1::int[], $2::bigint[], $3::tsvector[], $4::text[]) AS r(id, version, words, terms)`,
			rows.map((r) => r.id),
			docs.map((d) => d.version),
			words.map((w) => w.vector),
			// Quoted: an unquoted NULL (a vacancy mentioning "null") would be read as SQL's.
			words.map((w) => `{${w.terms.map((t) => `"${t}"`).join(',')}}`),
		)
		await insertFacets(db, rows, docs)
	}
	const terms = [...change.entries()].filter(([, by]) => by !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
	if (!terms.length) return
	await db.$executeRawUnsafe(
		`INSERT INTO VacancyTextVocab (term, doc)
		SELECT term, doc FROM unnest($1::text[], $2::int[]) AS c(term, doc) ORDER BY term
		ON CONFLICT (term) DO UPDATE SET doc = VacancyTextVocab.doc + EXCLUDED.doc`,
		terms.map(([term]) => term),
		terms.map(([, by]) => by),
	)
}

/** Inside the caller's transaction: these vacancies changed; the local index follows at once. */
export async function refreshLocalIndex(tx: Tx, ids: number[]) {
	if (!ids.length) return
	await ensureLocalIndex()
	await writeRows(tx, ids)
}

/**
 * Makes the local index match the database: rows for vacancies written without
 * going through `refreshLocalIndex` (data loaded by hand, an older database) are
 * added, changed ones rewritten, and ones no longer live removed.
 */
export async function reconcileLocalIndex() {
	await ensureLocalIndex()
	const [expected, indexed] = await Promise.all([
		prisma.vacancy.findMany({
			where: { status: 'live' },
			select: { id: true, updatedAt: true, provider: { select: { updatedAt: true } } },
		}),
		// A vacancy with no facet row (a database from before that table) counts as stale.
		prisma.$queryRawUnsafe<Array<{ id: number | bigint; version: number | bigint }>>(
			onPostgres()
				? 'SELECT t.id, CASE WHEN f.id IS NULL THEN -1 ELSE t.version END AS version FROM VacancyText t LEFT JOIN VacancyFacet f ON f.id = t.id'
				: 'SELECT g.id, CASE WHEN f.id IS NULL THEN -1 ELSE g.version END AS version FROM VacancyGeo g LEFT JOIN VacancyFacet f ON f.id = g.id',
		),
	])
	const have = new Map(indexed.map((r) => [Number(r.id), Number(r.version)]))
	const stale = expected.filter((v) => have.get(v.id) !== documentVersion(v)).map((v) => v.id)
	const live = new Set(expected.map((v) => v.id))
	const gone = [...have.keys()].filter((id) => !live.has(id))
	// In id order, as writePostgresRows locks them; on PostgreSQL in small
	// transactions, which hold the vocabulary's rows (and so other instances' edits) only briefly.
	const ids = [...stale, ...gone].sort((a, b) => a - b)
	const perTransaction = onPostgres() ? 500 : 5_000
	for (let i = 0; i < ids.length; i += perTransaction) {
		await prisma.$transaction((tx) => writeRows(tx, ids.slice(i, i + perTransaction)), { timeout: 120_000 })
	}
	return { rewritten: stale.length, removed: gone.length }
}
