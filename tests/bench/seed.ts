/**
 * Benchmark data: a separate data directory (BENCH_DATA_DIR, default data/bench)
 * with its own migrated database holding N live vacancies across the UK, the
 * database's own reduced-mode search index (the app's reconcileLocalIndex), and
 * its own Meilisearch index built with the app's real full rebuild (rebuildIndex).
 *
 *   npm run bench:seed -- --vacancies 100000 [--seed 20261123] [--no-index]
 *
 * The directory is deleted and recreated on every run. `--no-index` writes the
 * rows only (the app builds both search indexes at its next start). Prints the
 * times and sizes and saves tests/bench/results/seed-<time>.json. Start the app
 * on the data with `DATA_DIR=data/bench npm start`: it finds both indexes current.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import {
	benchDataDir,
	resetBenchDataDir,
	startBenchSearch,
	useBenchDataDir,
	type BenchSearch,
} from './lib/bench-env.ts'
import { diskUsage, formatBytes, formatMs, sqliteBytes } from './lib/format.ts'
import { createProgress } from './lib/progress.ts'
import { saveResult } from './lib/results.ts'
import { renderTable } from './lib/table.ts'

const { values: args } = parseArgs({
	options: {
		vacancies: { type: 'string', default: '100000' },
		seed: { type: 'string' },
		'no-index': { type: 'boolean', default: false },
	},
})
const count = Number(args.vacancies)
if (!Number.isInteger(count) || count < 1)
	throw new Error(`--vacancies must be a whole number above 0, not ${args.vacancies}`)
const buildIndexes = !args['no-index']

// Before any app module loads: the app reads DATA_DIR once per process.
const dir = useBenchDataDir(benchDataDir())
resetBenchDataDir(dir)

const { applyMigrations } = await import('#prisma/migrate.ts')
const { databaseUrl } = await import('#app/utils/data-dir.server.ts')
const { configureDatabase, prisma } = await import('#app/utils/db.server.ts')
const { createBenchData, DEFAULT_SEED } = await import('./lib/bench-data.ts')

const seed = args.seed ? Number(args.seed) : DEFAULT_SEED
const dbUrl = databaseUrl()
const dbFile = dbUrl.replace(/^file:/, '')
console.log(`Benchmark data directory: ${path.relative(process.cwd(), dir) || dir}`)
console.log(`Seeding ${count.toLocaleString('en-GB')} vacancies (seed ${seed})…`)

// 1. The schema, exactly as the app migrates at start.
let t = performance.now()
const migrations = await applyMigrations(dbUrl)
const migrateMs = performance.now() - t

// 2. Providers and vacancies: one transaction, prepared statements.
t = performance.now()
const data = createBenchData({ vacancies: count, seed })

const sqlValue = (value: unknown) =>
	value instanceof Date
		? value.toISOString().replace('Z', '+00:00')
		: typeof value === 'boolean'
			? value
				? 1
				: 0
			: value

/** An INSERT for these columns, taking a row object; stored the way Prisma stores them. */
function insertStatement(db: Database.Database, table: string, columns: string[]) {
	const statement = db.prepare(
		`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
	)
	return (row: Record<string, unknown>) => statement.run(columns.map((c) => sqlValue(row[c])))
}

const db = new Database(dbFile)
// A bulk load into a new file: no rollback journal and a page cache big enough
// for it; the app's own settings (WAL, configureDatabase) are set afterwards.
db.pragma('journal_mode = OFF')
db.pragma('synchronous = OFF')
db.pragma('foreign_keys = ON')
db.pragma('cache_size = -262144')
const mix = {
	apprenticeships: 0,
	visaSponsorship: 0,
	drivingLicenceRequired: 0,
	hourlyPay: 0,
	nights: 0,
	partTime: 0,
	roles: {} as Record<string, number>,
	settings: {} as Record<string, number>,
}
const outcodes = new Set<string>()
let descriptionChars = 0
let writeMs = 0
const progress = createProgress('Inserting vacancies', count)
db.transaction(() => {
	const insertProvider = insertStatement(db, 'Provider', Object.keys(data.providers[0]))
	for (const provider of data.providers) insertProvider(provider)
	let insertVacancy: ReturnType<typeof insertStatement> | null = null
	let done = 0
	for (const vacancy of data.vacancies()) {
		insertVacancy ??= insertStatement(db, 'Vacancy', Object.keys(vacancy))
		const w = performance.now()
		insertVacancy(vacancy)
		writeMs += performance.now() - w
		descriptionChars += vacancy.description.length
		outcodes.add(vacancy.outcode)
		if (vacancy.apprenticeship) mix.apprenticeships++
		if (vacancy.visaSponsorship) mix.visaSponsorship++
		if (vacancy.drivingLicenceRequired) mix.drivingLicenceRequired++
		if (vacancy.payPeriod === 'hour') mix.hourlyPay++
		if (vacancy.nights) mix.nights++
		if (vacancy.partTime) mix.partTime++
		mix.roles[vacancy.roleId] = (mix.roles[vacancy.roleId] ?? 0) + 1
		mix.settings[vacancy.setting] = (mix.settings[vacancy.setting] ?? 0) + 1
		if (++done % 1000 === 0) progress.update(done)
	}
	progress.update(done)
})()
db.pragma('journal_mode = WAL')
db.close()
const insertMs = performance.now() - t
progress.stop()
const dbBytes = sqliteBytes(dbFile)
console.log(
	`Inserted ${data.providers.length.toLocaleString('en-GB')} providers and ${count.toLocaleString('en-GB')} vacancies in ${formatMs(insertMs)} (SQLite writes ${formatMs(writeMs)}).`,
)

let local: { ms: number; rows: number; databaseBytes: number } | null = null
let index: Record<string, number | null> | null = null
let search: BenchSearch | null = null
try {
	if (buildIndexes) {
		// 3. The database's own search index (reduced mode), as start-up builds it
		// for rows that were loaded by hand.
		await configureDatabase()
		const { reconcileLocalIndex } = await import('#search/local-index.server.ts')
		console.log('Building the database search index for reduced mode (reconcileLocalIndex)…')
		t = performance.now()
		const written = await reconcileLocalIndex()
		const localMs = performance.now() - t
		await prisma.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)')
		local = { ms: localMs, rows: written.rewritten, databaseBytes: sqliteBytes(dbFile) }
		console.log(`Wrote ${written.rewritten.toLocaleString('en-GB')} vacancies to it in ${formatMs(localMs)}.`)

		// 4. The app's real full reindex, into the bench directory's own Meilisearch.
		search = await startBenchSearch()
		const { rebuildIndex, reconcileIndex, projections } = await import('#search/indexing.server.ts')
		const { vacancyProjection } = await import('#search/vacancy-projection.server.ts')
		const indexProgress = createProgress('Indexing vacancies', count)
		t = performance.now()
		const rebuilt = await rebuildIndex(vacancyProjection, (done, total) => indexProgress.update(done, total))
		const indexMs = performance.now() - t
		indexProgress.stop()
		console.log(`Indexed ${rebuilt.documents.toLocaleString('en-GB')} documents in ${formatMs(indexMs)}.`)
		// The other indexes (the talent pool, empty here), and the document versions
		// start-up compares, stored as its reconcile stores them after a rebuild.
		for (const projection of projections) {
			if (projection !== vacancyProjection) await rebuildIndex(projection)
			const key = `search:${projection.indexUid()}:document-version`
			const value = String(projection.documentVersion)
			await prisma.appState.upsert({ where: { key }, create: { key, value }, update: { value } })
		}
		// What start-up does next: it must find nothing to rebuild or write.
		t = performance.now()
		const reconcile = await reconcileIndex()
		const reconcileMs = performance.now() - t
		if (reconcile.rebuilt || reconcile.upserted || reconcile.deleted) {
			throw new Error(`start-up would still change the index: ${JSON.stringify(reconcile)}`)
		}
		const sample = await vacancyProjection.load(Array.from({ length: Math.min(1000, count) }, (_, i) => String(i + 1)))
		const meiliPeakRss = peakRss(search.pid)
		await search.stop()
		search = null
		const meiliBytes = diskUsage(path.join(dir, 'meili'))
		index = {
			documents: rebuilt.documents,
			indexMs: Math.round(indexMs),
			documentsPerSecond: Math.round(rebuilt.documents / (indexMs / 1000)),
			meiliDiskBytes: meiliBytes.disk,
			meiliApparentBytes: meiliBytes.apparent,
			meiliPeakRssBytes: meiliPeakRss,
			averageDocumentBytes: Math.round(
				sample.reduce((sum, d) => sum + Buffer.byteLength(JSON.stringify(d)), 0) / Math.max(1, sample.length),
			),
			startupReconcileMs: Math.round(reconcileMs),
		}
	}
} finally {
	await search?.stop()
	await prisma.$disconnect()
}

/** Peak resident memory of a running process (VmHWM), or null where /proc has none. */
function peakRss(pid: number | undefined) {
	if (!pid) return null
	try {
		const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
		return match ? Number(match[1]) * 1024 : null
	} catch {
		return null
	}
}

const percent = (n: number) => `${((n / count) * 100).toFixed(1)}%`
const rows: Array<[string, string]> = [
	['vacancies', count.toLocaleString('en-GB')],
	[
		'providers',
		`${data.providers.length.toLocaleString('en-GB')} (${(count / data.providers.length).toFixed(1)} vacancies each)`,
	],
	[
		'postcode districts',
		`${outcodes.size.toLocaleString('en-GB')} of ${data.districts.toLocaleString('en-GB')} (weighted by postcode units)`,
	],
	[
		'apprenticeships / visa sponsorship / driving',
		`${percent(mix.apprenticeships)} / ${percent(mix.visaSponsorship)} / ${percent(mix.drivingLicenceRequired)}`,
	],
	['hourly pay / nights / part-time', `${percent(mix.hourlyPay)} / ${percent(mix.nights)} / ${percent(mix.partTime)}`],
	['migrate', formatMs(migrateMs)],
	[
		'insert (generate + write)',
		`${formatMs(insertMs)} (${Math.round(count / (insertMs / 1000)).toLocaleString('en-GB')} rows/s)`,
	],
	['  of which SQLite writes', formatMs(writeMs)],
	['database size', formatBytes(dbBytes)],
]
if (local) {
	rows.push(
		['reduced-mode index (reconcileLocalIndex)', formatMs(local.ms)],
		['database size with it', formatBytes(local.databaseBytes)],
	)
}
if (index) {
	rows.push(
		[
			'index build (rebuildIndex)',
			`${formatMs(index.indexMs!)} (${index.documentsPerSecond!.toLocaleString('en-GB')} docs/s)`,
		],
		['documents indexed', index.documents!.toLocaleString('en-GB')],
		['average document', formatBytes(index.averageDocumentBytes!)],
		[
			'index size on disk (meili/)',
			`${formatBytes(index.meiliDiskBytes!)} (apparent ${formatBytes(index.meiliApparentBytes!)})`,
		],
		['Meilisearch peak memory', index.meiliPeakRssBytes ? formatBytes(index.meiliPeakRssBytes) : 'unknown'],
		['start-up reconcile afterwards', `${formatMs(index.startupReconcileMs!)}, nothing to do`],
	)
}
console.log(renderTable(['seed', 'result'], rows))

const file = saveResult('seed', {
	parameters: { vacancies: count, seed, dataDir: path.relative(process.cwd(), dir) || dir, indexes: buildIndexes },
	figures: {
		providers: data.providers.length,
		districts: data.districts,
		districtsUsed: outcodes.size,
		migrationsApplied: migrations.length,
		migrateMs: Math.round(migrateMs),
		insertMs: Math.round(insertMs),
		sqliteWriteMs: Math.round(writeMs),
		insertRowsPerSecond: Math.round(count / (insertMs / 1000)),
		databaseBytes: dbBytes,
		averageDescriptionChars: Math.round(descriptionChars / count),
		...(local
			? {
					localIndexMs: Math.round(local.ms),
					localIndexRows: local.rows,
					databaseBytesWithLocalIndex: local.databaseBytes,
				}
			: {}),
		...(index ?? {}),
	},
	mix: { ...mix, roles: Object.fromEntries(Object.entries(mix.roles).sort((a, b) => b[1] - a[1])) },
})
console.log(`Saved ${path.relative(process.cwd(), file)}`)
