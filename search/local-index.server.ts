import { remember } from '@epic-web/remember'
import { prisma, type Tx } from '#app/utils/db.server.ts'
import { bumpSearchGeneration } from './generation.server.ts'
import { documentVersion, toSearchDocument, vacancyDocumentSelect, type VacancyForDocument } from './document.ts'
import { tokenize } from './text-match.ts'

// The database's own search index, for reduced mode: an FTS5 table of each live
// vacancy's words (already split the way reduced-mode matching splits them) and
// an R*Tree of its location, which also holds the document version so drift can
// be found. Both are written in the same transaction as the vacancy, so they are
// never behind the database. They are SQLite virtual tables, created here rather
// than in Prisma migrations, which cannot describe them.

type Db = Tx | typeof prisma

const state = remember('local-search-index', () => ({ ready: null as Promise<void> | null, version: 0 }))

/** Bumped on every change, so caches built from the index (its vocabulary) know to refresh. */
export function localIndexVersion() {
	return state.version
}

export function ensureLocalIndex() {
	state.ready ??= (async () => {
		await prisma.$executeRawUnsafe(
			`CREATE VIRTUAL TABLE IF NOT EXISTS VacancyText USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61', prefix='2 3')`,
		)
		await prisma.$executeRawUnsafe(`CREATE VIRTUAL TABLE IF NOT EXISTS VacancyTextVocab USING fts5vocab(VacancyText, 'row')`)
		await prisma.$executeRawUnsafe(`CREATE VIRTUAL TABLE IF NOT EXISTS VacancyGeo USING rtree(id, minLat, maxLat, minLng, maxLng, +version)`)
	})().catch((error) => {
		state.ready = null
		throw error
	})
	return state.ready
}

/** The words reduced mode matches: the title, and everything else a search document is found by. */
function documentText(v: VacancyForDocument) {
	const doc = toSearchDocument(v)
	return {
		title: tokenize(doc.title).join(' '),
		body: tokenize([doc.roleName, ...doc.roleAliases, ...doc.hoursLabels, doc.settingLabel, doc.providerName, doc.town, doc.description].join(' ')).join(' '),
	}
}

const CHUNK = 400

async function writeRows(db: Db, ids: number[]) {
	for (let i = 0; i < ids.length; i += CHUNK) {
		const chunk = ids.slice(i, i + CHUNK)
		const list = chunk.join(',')
		await db.$executeRawUnsafe(`DELETE FROM VacancyText WHERE rowid IN (${list})`)
		await db.$executeRawUnsafe(`DELETE FROM VacancyGeo WHERE id IN (${list})`)
		const rows = await db.vacancy.findMany({ where: { id: { in: chunk }, status: 'live' }, select: vacancyDocumentSelect })
		if (!rows.length) continue
		const texts = rows.flatMap((row) => {
			const text = documentText(row)
			return [row.id, text.title, text.body]
		})
		await db.$executeRawUnsafe(`INSERT INTO VacancyText (rowid, title, body) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`, ...texts)
		const places = rows.flatMap((row) => [row.id, row.lat, row.lat, row.lng, row.lng, documentVersion(row)])
		await db.$executeRawUnsafe(`INSERT INTO VacancyGeo (id, minLat, maxLat, minLng, maxLng, version) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`, ...places)
	}
	state.version++
	bumpSearchGeneration()
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
		prisma.vacancy.findMany({ where: { status: 'live' }, select: { id: true, updatedAt: true, provider: { select: { updatedAt: true } } } }),
		prisma.$queryRawUnsafe<Array<{ id: number | bigint; version: number | bigint }>>('SELECT id, version FROM VacancyGeo'),
	])
	const have = new Map(indexed.map((r) => [Number(r.id), Number(r.version)]))
	const stale = expected.filter((v) => have.get(v.id) !== documentVersion(v)).map((v) => v.id)
	const live = new Set(expected.map((v) => v.id))
	const gone = [...have.keys()].filter((id) => !live.has(id))
	const ids = [...stale, ...gone]
	for (let i = 0; i < ids.length; i += 5_000) {
		await prisma.$transaction((tx) => writeRows(tx, ids.slice(i, i + 5_000)), { timeout: 120_000 })
	}
	return { rewritten: stale.length, removed: gone.length }
}
