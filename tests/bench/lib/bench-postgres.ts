/**
 * The bench data on PostgreSQL: a throwaway cluster (prisma/local-postgres.ts)
 * with the app's migrations, and every row of the bench's SQLite database
 * copied in, ids and times unchanged, so the bench's Meilisearch index matches
 * it as it matches the SQLite file.
 */
import Database from 'better-sqlite3'
import pg from 'pg'
import { adminQuery, startLocalPostgres, withDatabase } from '#prisma/local-postgres.ts'
import { applyMigrations } from '#prisma/migrate.ts'

const ROWS_PER_INSERT = 500

/** A SQLite cell as the PostgreSQL column of this type takes it. */
function toPostgres(value: unknown, type: string) {
	if (value === null || value === undefined) return null
	if (type === 'boolean') return Boolean(value)
	if (type.startsWith('timestamp') && typeof value === 'number') return new Date(value).toISOString().replace('Z', '')
	return value
}

export async function copyToPostgres(sqliteFile: string, url: string) {
	const source = new Database(sqliteFile, { readonly: true })
	const target = new pg.Client({ connectionString: url })
	await target.connect()
	const copied: Record<string, number> = {}
	try {
		const { rows: columns } = await target.query<{ table_name: string; column_name: string; data_type: string }>(
			"SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, ordinal_position",
		)
		const tables = new Map<string, Array<{ name: string; type: string }>>()
		for (const c of columns) {
			if (!tables.has(c.table_name)) tables.set(c.table_name, [])
			tables.get(c.table_name)!.push({ name: c.column_name, type: c.data_type })
		}
		// Rows go in table by table, so foreign keys are checked once all are in.
		await target.query('BEGIN')
		await target.query('SET CONSTRAINTS ALL DEFERRED')
		await target.query('SET session_replication_role = replica')
		for (const [table, cols] of tables) {
			const exists = source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)
			if (!exists) continue
			let batch: unknown[][] = []
			const flush = async () => {
				if (!batch.length) return
				const values = batch.map((_, r) => `(${cols.map((__, c) => `$${r * cols.length + c + 1}`).join(', ')})`)
				await target.query(
					`INSERT INTO "${table}" (${cols.map((c) => `"${c.name}"`).join(', ')}) VALUES ${values.join(', ')}`,
					batch.flat(),
				)
				copied[table] = (copied[table] ?? 0) + batch.length
				batch = []
			}
			const read = source.prepare(`SELECT ${cols.map((c) => `"${c.name}"`).join(', ')} FROM "${table}"`).raw()
			for (const row of read.iterate() as Iterable<unknown[]>) {
				batch.push(row.map((value, i) => toPostgres(value, cols[i].type)))
				if (batch.length >= ROWS_PER_INSERT) await flush()
			}
			await flush()
			// Autoincrement ids carry on after the copied ones.
			if (cols.some((c) => c.name === 'id' && c.type === 'integer') && copied[table]) {
				await target
					.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`)
					.catch(() => {})
			}
		}
		await target.query('SET session_replication_role = origin')
		await target.query('COMMIT')
		await target.query('ANALYZE')
	} finally {
		await target.end()
		source.close()
	}
	return copied
}

/** A new cluster holding a copy of the bench database. */
export async function benchPostgres(sqliteFile: string) {
	const server = await startLocalPostgres()
	await adminQuery(server.url, 'CREATE DATABASE portal')
	const url = withDatabase(server.url, 'portal')
	await applyMigrations(url)
	const started = performance.now()
	const copied = await copyToPostgres(sqliteFile, url)
	return { server, url, copied, copyMs: performance.now() - started }
}
