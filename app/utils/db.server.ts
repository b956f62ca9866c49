import { remember } from '@epic-web/remember'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { databaseUrl } from './data-dir.server.ts'

export { Prisma } from '#app/generated/prisma/client.ts'

export const prisma = remember('prisma', () => {
	const adapter = new PrismaBetterSqlite3({ url: databaseUrl(), timeout: 10_000 })
	return new PrismaClient({ adapter })
})

export type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]

/** WAL lets readers carry on while the workers write. Safe to call more than once. */
export async function configureDatabase() {
	await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL')
	await prisma.$queryRawUnsafe('PRAGMA synchronous = NORMAL')
	await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON')
}

type Cell = string | number | boolean | Date | null | object

/** A date as Prisma writes it to SQLite (text, ISO 8601 with +00:00), so raw writes compare correctly with its own. */
const storedDate = (date: Date) => date.toISOString().replace('Z', '+00:00')

const toCell = (value: Cell) =>
	value instanceof Date
		? storedDate(value)
		: typeof value === 'boolean'
			? Number(value)
			: value !== null && typeof value === 'object'
				? JSON.stringify(value)
				: value

/**
 * Inserts many rows in few statements, for the writes Prisma's createMany makes
 * slow (about 75 µs a row: 100,000 job alert deliveries took 7 s; this, under
 * 1 s). Every row must have the same columns, dates included: the database's
 * own defaults write dates in another format.
 */
export async function insertRows(db: Pick<Tx, '$executeRawUnsafe'>, table: string, rows: Array<Record<string, Cell>>) {
	if (!rows.length) return
	const columns = Object.keys(rows[0])
	// SQLite allows 32,766 placeholders in one statement.
	const perStatement = Math.max(1, Math.floor(32_000 / columns.length))
	const row = `(${columns.map(() => '?').join(', ')})`
	for (let i = 0; i < rows.length; i += perStatement) {
		const chunk = rows.slice(i, i + perStatement)
		await db.$executeRawUnsafe(
			`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${chunk.map(() => row).join(', ')}`,
			...chunk.flatMap((r) => columns.map((c) => toCell(r[c]))),
		)
	}
}
