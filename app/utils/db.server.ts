import { AsyncLocalStorage } from 'node:async_hooks'
import { remember } from '@epic-web/remember'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { PrismaClient as PostgresClient } from '#app/generated/prisma-postgresql/client.ts'
import { engineOf } from '#prisma/engines.ts'
import { databaseUrl } from './data-dir.server.ts'
import { getEnv } from './env.server.ts'

export { Prisma } from '#app/generated/prisma/client.ts'

/** 'sqlite' (the default, a file under data/) or 'postgresql'. */
export const databaseEngine = () => engineOf(databaseUrl())
export const onPostgres = () => databaseEngine() === 'postgresql'

// Both clients are generated from the one schema (prisma/engines.ts) and share
// Prisma's runtime, so they have the same models and errors: the PostgreSQL one
// is typed as the SQLite one. Where the engines differ (raw SQL, text matching),
// code asks onPostgres().
// PostgreSQL is a server that can restart (a failover, an upgrade). A query is
// asked again, for a few seconds, only when the error proves it did nothing: the
// server could not be reached, was starting up, ended the session while the
// statement ran (rolling it back), or the pooled connection was found broken
// before the statement was sent. A transaction is retried
// whole when its connection was ended by a shutdown (its work was rolled back) or
// it lost a deadlock or serialisation; its callback must be safe to run again
// (only database work: side effects follow through the outbox).
const RECONNECT_FOR_MS = 15_000

type DbError = { code?: string; message?: string }
const neverRan = (error: unknown) => {
	const { code, message } = (error ?? {}) as DbError
	// 57P01: the server ended the session while the statement ran, so its transaction was rolled back.
	return code === 'P1001' || /Code: `57P0[13]`|connection error and is not queryable|ECONNREFUSED/.test(message ?? '')
}
const rolledBack = (error: unknown) => {
	const { code, message } = (error ?? {}) as DbError
	// P1017: the connection closed under the transaction (a shutdown), which PostgreSQL rolls back.
	return neverRan(error) || code === 'P1017' || /Code: `(40P01|40001)`/.test(message ?? '')
}

async function retrying<T>(run: () => Promise<T>, retry: (error: unknown) => boolean): Promise<T> {
	const deadline = Date.now() + RECONNECT_FOR_MS
	for (let attempt = 0; ; attempt++) {
		try {
			return await run()
		} catch (error) {
			if (!retry(error) || Date.now() > deadline) throw error
			await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 50 * 2 ** attempt)))
		}
	}
}

// A read asked again after its connection closed (P1017) does no harm, nor does an
// attempt counted twice against a rate limit; any other write might have committed.
const readOperations = new Set([
	'findUnique',
	'findUniqueOrThrow',
	'findFirst',
	'findFirstOrThrow',
	'findMany',
	'count',
	'aggregate',
	'groupBy',
])
const safeToRepeat = (params: { operation: string; model?: string }) =>
	readOperations.has(params.operation) || params.model === 'RateLimit'

const inTransaction = (params: object) =>
	Boolean((params as { __internalParams?: { transaction?: unknown } }).__internalParams?.transaction)

function postgresClient(connectionString: string, options: { max: number; retry: boolean }) {
	const adapter = new PrismaPg({
		connectionString,
		max: options.max,
		connectionTimeoutMillis: options.retry ? 10_000 : 2_000,
	})
	const client = new PostgresClient({ adapter }).$extends({
		query: {
			async $allOperations(params) {
				// Inside a transaction the connection is the transaction's: the whole of it is asked again instead.
				if (!options.retry || inTransaction(params)) return params.query(params.args)
				const repeatable = safeToRepeat(params)
				return retrying(
					() => params.query(params.args),
					(error) => neverRan(error) || (repeatable && (error as DbError).code === 'P1017'),
				)
			},
			$allModels: {
				// Prisma's upsert reads, then inserts: two instances creating the same row
				// at once get a unique-constraint error (SQLite's one writer never did).
				// Asked again, it finds the row and updates it. (In a transaction the
				// error has ended the transaction: it is let through.)
				async upsert(params) {
					try {
						return await params.query(params.args)
					} catch (error) {
						if ((error as DbError).code !== 'P2002' || inTransaction(params)) throw error
						return params.query(params.args)
					}
				},
			},
		},
	}) as unknown as PrismaClient
	if (!options.retry) return client
	const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>
	return new Proxy(client, {
		get(target, property) {
			if (property === '$transaction')
				return (first: unknown, ...rest: unknown[]) =>
					typeof first === 'function'
						? retrying(() => transaction(first, ...rest), rolledBack)
						: transaction(first, ...rest)
			return Reflect.get(target, property)
		},
	})
}

export const prisma = remember('prisma', () => {
	const url = databaseUrl()
	if (engineOf(url) === 'postgresql') return postgresClient(url, { max: 10, retry: true })
	const adapter = new PrismaBetterSqlite3({ url, timeout: 10_000 })
	return new PrismaClient({ adapter })
})

/** The PostgreSQL streaming replica (DATABASE_REPLICA_URL), or the primary when there is none. */
export const replica = () =>
	remember('prisma-replica', () => {
		const url = getEnv().DATABASE_REPLICA_URL
		return url ? postgresClient(url, { max: 10, retry: false }) : prisma
	})

const replicaReads = remember('replica-reads', () => ({
	requests: new AsyncLocalStorage<boolean>(),
	/** Until when reads skip the replica, after it could not be reached. */
	downUntil: 0,
}))
const REPLICA_DOWN_MS = 30_000

/** Runs `handle` (one request) with its reads through `reader()` going to the replica. */
export const readFromReplica = <T>(handle: () => T) => replicaReads.requests.run(true, handle)

/**
 * The client for reads that may be a moment behind. The replica inside
 * readFromReplica (anonymous search and job pages, and not just after the
 * visitor wrote something: app/server/replica-reads.server.ts), else the primary.
 */
export const reader = () =>
	replicaReads.requests.getStore() && Date.now() >= replicaReads.downUntil ? replica() : prisma

/**
 * Reads through `reader()`; if that is the replica and it cannot be reached, from
 * the primary instead, and the replica is left alone for half a minute.
 */
export async function readWithFallback<T>(read: (db: typeof prisma) => Promise<T>): Promise<T> {
	const db = reader()
	if (db === prisma) return read(db)
	try {
		return await read(db)
	} catch (error) {
		const { code, message } = (error ?? {}) as DbError
		const unreachable =
			code === 'P1001' ||
			code === 'P1017' ||
			/Code: `(57P0\d|08\d{3})`|ECONN|not queryable|terminated/.test(message ?? '')
		if (!unreachable) throw error
		replicaReads.downUntil = Date.now() + REPLICA_DOWN_MS
		return read(prisma)
	}
}

export type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]

/** WAL lets readers carry on while the workers write. Safe to call more than once. */
export async function configureDatabase() {
	if (onPostgres()) return
	await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL')
	await prisma.$queryRawUnsafe('PRAGMA synchronous = NORMAL')
	await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON')
}

/**
 * Raw SQL written with `?` placeholders, in the engine's own syntax ($1, $2… on
 * PostgreSQL). The SQL must not contain a `?` of its own (no string literals).
 */
export function sql(text: string) {
	if (!onPostgres()) return text
	let n = 0
	return text.replace(/\?/g, () => `$${++n}`)
}

/** The `n`th (from 1) placeholder of a raw statement in this engine's syntax. */
export const placeholder = (n: number) => (onPostgres() ? `$${n}` : '?')

/** `count` placeholders from the `from`th, comma-separated. */
export const placeholderList = (count: number, from = 1) =>
	Array.from({ length: count }, (_, i) => placeholder(from + i)).join(', ')

type Cell = string | number | boolean | Date | null | object

/**
 * A date as Prisma writes it: on SQLite text (ISO 8601 with +00:00), so raw
 * writes compare correctly with its own; on PostgreSQL a UTC timestamp without zone.
 */
const storedDate = (date: Date) =>
	onPostgres() ? date.toISOString().replace('Z', '') : date.toISOString().replace('Z', '+00:00')

const toCell = (value: Cell) =>
	value instanceof Date
		? storedDate(value)
		: typeof value === 'boolean'
			? onPostgres()
				? value
				: Number(value)
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
	// SQLite allows 32,766 placeholders in one statement, PostgreSQL 65,535.
	const perStatement = Math.max(1, Math.floor(32_000 / columns.length))
	for (let i = 0; i < rows.length; i += perStatement) {
		const chunk = rows.slice(i, i + perStatement)
		const values = chunk.map((_, r) => `(${placeholderList(columns.length, r * columns.length + 1)})`)
		await db.$executeRawUnsafe(
			`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values.join(', ')}`,
			...chunk.flatMap((r) => columns.map((c) => toCell(r[c]))),
		)
	}
}
