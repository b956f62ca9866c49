import crypto from 'node:crypto'
import { remember } from '@epic-web/remember'
import { onPostgres, prisma, type Tx } from '#app/utils/db.server.ts'
import { describeError, log } from '#app/utils/log.server.ts'

// The one outbox helper. A change that must reach somewhere else (an inbox, the
// search index, a background task) writes a row in the same transaction; a
// worker claims due rows with a lease, hands them to the outbox's handler, and
// marks them done or backs them off. A crash at any point repeats work, never
// loses it. Email, search sync and tasks are handlers of this; so is anything
// a later feature needs delivered.

export type OutboxTable = 'emailOutbox' | 'searchOutbox' | 'taskOutbox'

/** The columns every outbox table has. */
export type OutboxRow = { id: number; attempts: number }

/**
 * What a handler reports: rows that failed (and whether retrying can help), or
 * that the destination is unavailable (every row waits, with one log line).
 */
export type HandlerResult = {
	failed?: Array<{ id: number; error: unknown; permanent?: boolean }>
	unavailable?: unknown
}

export type OutboxDefinition<Row extends OutboxRow> = {
	/** log topic and nudge channel */
	name: string
	table: OutboxTable
	/** how long a claimed row is this worker's before another may take it */
	leaseMs: number
	/** rows claimed at once */
	claimSize: number
	/** delay before the nth retry: first, doubling, at most max; give up after maxAttempts */
	retry: { firstMs: number; maxMs: number; maxAttempts?: number }
	/** how long the worker sleeps when there is nothing to do and nobody nudges it */
	pollMs: number
	/** the row's fields the handler needs (id and attempts are always read) */
	select: Record<string, true>
	/** extra conditions a due row meets, and what claiming it sets (email: its status) */
	due?: Record<string, unknown>
	claimed?: Record<string, unknown>
	/** what a row becomes once handled; deleted when not given */
	done?: (row: Row) => Record<string, unknown>
	/** what a row that will be retried, or given up on, also becomes */
	retrying?: Record<string, unknown>
	givenUp?: Record<string, unknown>
	/** what `lastError` keeps (default: the error's name and code, never its message) */
	errorText?: (error: unknown) => string
	/**
	 * Called before claiming. False means the destination is away (Meilisearch
	 * unreachable, say): the worker waits rather than failing every row.
	 */
	ready?: () => Promise<boolean>
	/**
	 * Delivers the rows and reports failures. A throw is treated as a crash: the
	 * rows stay claimed and come back when their lease runs out.
	 */
	handle: (rows: Row[]) => Promise<HandlerResult | void>
}

/** 0 for the first try; then firstMs, doubling, at most maxMs. One formula for every outbox. */
export function retryDelayMs(attempts: number, retry: { firstMs: number; maxMs: number }) {
	if (attempts <= 0) return 0
	return Math.min(retry.maxMs, retry.firstMs * 2 ** (attempts - 1))
}

function errorSummary(error: unknown) {
	return describeError(error).split('\n')[0]
}

type Delegate = {
	findMany: (args: unknown) => Promise<Array<Record<string, unknown>>>
	updateMany: (args: unknown) => Promise<{ count: number }>
	deleteMany: (args: unknown) => Promise<{ count: number }>
}

// Wakes a sleeping worker when a change commits, instead of at its next poll.
const nudges = remember('background-nudges', () => new Map<string, Set<() => void>>())

export function nudge(name: string) {
	for (const wake of nudges.get(name) ?? []) wake()
}

function onNudge(name: string, wake: () => void) {
	const set = nudges.get(name) ?? new Set()
	set.add(wake)
	nudges.set(name, set)
	return () => set.delete(wake)
}

export type Outbox = ReturnType<typeof defineOutbox>

export function defineOutbox<Row extends OutboxRow>(definition: OutboxDefinition<Row>) {
	const table = () => prisma[definition.table] as unknown as Delegate
	const errorText = definition.errorText ?? errorSummary

	/**
	 * Claims up to claimSize due rows. The claim is one conditional update, and
	 * the rows read back are those carrying this claim's token: two workers never
	 * hold the same row, whichever database is underneath. On PostgreSQL the rows
	 * are locked first with SKIP LOCKED, so a second worker claiming at the same
	 * moment takes the next rows instead of waiting for these and finding none.
	 */
	async function claim(now: Date) {
		if (onPostgres()) return prisma.$transaction((tx) => claimIn(tx, now, true))
		return claimIn(prisma, now, false)
	}

	async function claimIn(db: Tx | typeof prisma, now: Date, skipLocked: boolean) {
		const rowsOf = () => db[definition.table] as unknown as Delegate
		const due = { availableAt: { lte: now }, ...definition.due }
		let candidates = await rowsOf().findMany({
			where: due,
			orderBy: { id: 'asc' },
			take: definition.claimSize * (skipLocked ? 4 : 1),
			select: { id: true },
		})
		if (skipLocked && candidates.length) {
			const table = definition.table[0].toUpperCase() + definition.table.slice(1)
			candidates = await db.$queryRawUnsafe<Array<{ id: number }>>(
				`SELECT id FROM "${table}" WHERE id = ANY($1::int[]) AND "availableAt" <= $2 ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
				candidates.map((c) => c.id),
				now,
				definition.claimSize,
			)
		}
		if (!candidates.length) return { rows: [] as Row[], token: '' }
		const token = crypto.randomBytes(12).toString('base64url')
		const leaseUntil = new Date(now.getTime() + definition.leaseMs)
		await rowsOf().updateMany({
			where: { ...due, id: { in: candidates.map((c) => c.id) } },
			data: { ...definition.claimed, availableAt: leaseUntil, leaseToken: token },
		})
		const rows = (await rowsOf().findMany({
			where: { leaseToken: token },
			orderBy: { id: 'asc' },
			select: { ...definition.select, id: true, attempts: true },
		})) as Row[]
		return { rows, token }
	}

	async function settle(rows: Row[], token: string, result: HandlerResult | void) {
		if (result?.unavailable) {
			for (const row of rows) await backOff(row, token, result.unavailable, { permanent: false, quiet: true })
			log.warn(
				definition.name,
				`destination unavailable, ${rows.length} waiting to retry: ${errorSummary(result.unavailable)}`,
			)
			return
		}
		const failures = new Map((result?.failed ?? []).map((f) => [f.id, f]))
		const succeeded = rows.filter((r) => !failures.has(r.id))
		if (succeeded.length) {
			if (definition.done) {
				for (const row of succeeded) {
					await table().updateMany({
						where: { id: row.id, leaseToken: token },
						data: { ...definition.done(row), leaseToken: null },
					})
				}
			} else {
				await table().deleteMany({ where: { id: { in: succeeded.map((r) => r.id) }, leaseToken: token } })
			}
		}
		for (const row of rows) {
			const failure = failures.get(row.id)
			if (failure) await backOff(row, token, failure.error, { permanent: failure.permanent ?? false, quiet: false })
		}
	}

	// The one logging policy: a failure that will be retried is a warning, a row
	// given up on is an error; neither logs the error's message (it can quote
	// personal data). `lastError` keeps what the admin pages show.
	async function backOff(
		row: Row,
		token: string,
		error: unknown,
		{ permanent, quiet }: { permanent: boolean; quiet: boolean },
	) {
		const attempts = row.attempts + 1
		const givenUp =
			permanent || (definition.retry.maxAttempts !== undefined && attempts >= definition.retry.maxAttempts)
		await table().updateMany({
			where: { id: row.id, leaseToken: token },
			data: {
				...(givenUp ? definition.givenUp : definition.retrying),
				attempts,
				availableAt: new Date(Date.now() + retryDelayMs(attempts, definition.retry)),
				lastError: errorText(error).slice(0, 500),
				leaseToken: null,
			},
		})
		if (givenUp) log.error(definition.name, `row ${row.id} given up after ${attempts} attempts: ${errorSummary(error)}`)
		else if (!quiet)
			log.warn(definition.name, `row ${row.id} failed (attempt ${attempts}), will retry: ${errorSummary(error)}`)
	}

	/** Handles due rows until none are left or `limit` have been claimed. Returns how many were claimed. */
	async function processDue(limit = definition.claimSize * 10) {
		let claimed = 0
		while (claimed < limit) {
			const { rows, token } = await claim(new Date())
			if (!rows.length) break
			claimed += rows.length
			const result = await definition.handle(rows)
			await settle(rows, token, result)
			// The destination went away: stop the round (the worker asks `ready` again).
			if (result?.unavailable) break
		}
		return claimed
	}

	/** The worker: handles rows as they are queued, sleeping between polls unless nudged. */
	function start(options: { pollMs?: number } = {}) {
		const pollMs = options.pollMs ?? definition.pollMs
		let running = true
		let wake: (() => void) | null = null
		const sleep = (ms: number) =>
			new Promise<void>((resolve) => {
				const timer = setTimeout(done, ms)
				function done() {
					clearTimeout(timer)
					wake = null
					resolve()
				}
				wake = done
			})
		const unsubscribe = onNudge(definition.name, () => wake?.())
		const loop = (async () => {
			while (running) {
				try {
					if (definition.ready && !(await definition.ready())) {
						await sleep(pollMs)
						continue
					}
					if ((await processDue()) === 0) await sleep(pollMs)
				} catch (error) {
					log.error(definition.name, describeError(error))
					await sleep(pollMs)
				}
			}
		})()
		return {
			async stop() {
				running = false
				unsubscribe()
				wake?.()
				await loop
			},
		}
	}

	return { name: definition.name, processDue, start, nudge: () => nudge(definition.name) }
}
