import { describe, expect, test } from 'vitest'
import { defineOutbox, retryDelayMs, type HandlerResult } from '#app/background/outbox.server.ts'
import { every, runDueJobs, type RecurringJob } from '#app/background/schedule.server.ts'
import { onPostgres, prisma } from '#app/utils/db.server.ts'

type Row = { id: number; attempts: number; subjectId: string }

function taskOutbox(
	name: string,
	handle: (rows: Row[]) => Promise<HandlerResult | void>,
	overrides: { leaseMs?: number; maxAttempts?: number } = {},
) {
	return defineOutbox<Row>({
		name,
		table: 'taskOutbox',
		leaseMs: overrides.leaseMs ?? 60_000,
		claimSize: 7,
		retry: { firstMs: 1000, maxMs: 8000, maxAttempts: overrides.maxAttempts },
		pollMs: 50,
		select: { subjectId: true },
		due: { kind: name },
		handle,
	})
}

async function queue(kind: string, count: number) {
	await prisma.taskOutbox.createMany({
		data: Array.from({ length: count }, (_, i) => ({ kind, subjectId: `${kind}-${i}` })),
	})
}

describe('the outbox helper', () => {
	test('two workers draining the same outbox at once handle every row exactly once', async () => {
		await queue('both', 200)
		const seen: string[] = []
		const handle = async (rows: Row[]) => {
			for (const row of rows) seen.push(row.subjectId)
			await new Promise((resolve) => setImmediate(resolve))
		}
		const [a, b] = [taskOutbox('both', handle), taskOutbox('both', handle)]
		const claimed = await Promise.all([a.processDue(1000), b.processDue(1000), a.processDue(1000)])
		expect(claimed.reduce((sum, n) => sum + n, 0)).toBe(200)
		expect(seen).toHaveLength(200)
		expect(new Set(seen).size).toBe(200)
		expect(await prisma.taskOutbox.count({ where: { kind: 'both' } })).toBe(0)
	})

	test.runIf(onPostgres())(
		'on PostgreSQL a worker takes the next rows while another holds the first ones',
		async () => {
			await queue('skip', 20)
			const seen: string[] = []
			const worker = taskOutbox('skip', async (rows) => {
				for (const row of rows) seen.push(row.subjectId)
			})
			const first = await prisma.taskOutbox.findMany({ where: { kind: 'skip' }, orderBy: { id: 'asc' }, take: 7 })
			// Another worker mid-claim holds the first seven; this one neither waits for them nor gets none.
			const claimed = await prisma.$transaction(async (tx) => {
				await tx.$queryRawUnsafe(
					'SELECT id FROM "TaskOutbox" WHERE id = ANY($1::int[]) FOR UPDATE',
					first.map((r) => r.id),
				)
				return worker.processDue(7)
			})
			expect(claimed).toBe(7)
			expect(seen.filter((id) => first.some((r) => r.subjectId === id))).toEqual([])
			await worker.processDue(100)
			expect(new Set(seen).size).toBe(20)
		},
	)

	test('a failed row backs off by the one formula, keeps no message in lastError, and is given up after its attempts', async () => {
		expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, { firstMs: 1000, maxMs: 8000 }))).toEqual([
			1000, 2000, 4000, 8000, 8000,
		])
		await queue('fails', 1)
		const outbox = taskOutbox(
			'fails',
			async (rows) => ({ failed: rows.map((r) => ({ id: r.id, error: new TypeError('secret@example.test') })) }),
			{ maxAttempts: 2 },
		)
		const before = Date.now()
		expect(await outbox.processDue()).toBe(1)
		const row = await prisma.taskOutbox.findFirstOrThrow({ where: { kind: 'fails' } })
		expect(row.attempts).toBe(1)
		expect(row.leaseToken).toBeNull()
		expect(row.availableAt.getTime()).toBeGreaterThanOrEqual(before + 1000)
		expect(row.lastError).toBe('TypeError')
		// Not due again until its delay has passed.
		expect(await outbox.processDue()).toBe(0)
		await prisma.taskOutbox.update({ where: { id: row.id }, data: { availableAt: new Date(Date.now() - 1) } })
		expect(await outbox.processDue()).toBe(1)
		expect((await prisma.taskOutbox.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(2)
	})

	test('a worker that dies mid-handling leaves its rows leased; they are handled once the lease runs out', async () => {
		await queue('crash', 3)
		const crashing = taskOutbox('crash', async () => {
			throw new Error('process died')
		})
		await expect(crashing.processDue()).rejects.toThrow('process died')
		const held = await prisma.taskOutbox.findMany({ where: { kind: 'crash' } })
		expect(held).toHaveLength(3)
		expect(held.every((r) => r.leaseToken && r.availableAt.getTime() > Date.now())).toBe(true)
		const handled: string[] = []
		const healthy = taskOutbox('crash', async (rows) => void handled.push(...rows.map((r) => r.subjectId)))
		expect(await healthy.processDue()).toBe(0)
		await prisma.taskOutbox.updateMany({ where: { kind: 'crash' }, data: { availableAt: new Date(Date.now() - 1) } })
		expect(await healthy.processDue()).toBe(3)
		expect(handled.sort()).toEqual(['crash-0', 'crash-1', 'crash-2'])
	})

	test('an unavailable destination puts every row back to wait, without counting it as the row’s own failure in the logs', async () => {
		await queue('away', 4)
		const outbox = taskOutbox('away', async () => ({ unavailable: new Error('ECONNREFUSED') }))
		expect(await outbox.processDue()).toBe(4)
		const rows = await prisma.taskOutbox.findMany({ where: { kind: 'away' } })
		expect(rows).toHaveLength(4)
		expect(rows.every((r) => r.attempts === 1 && r.leaseToken === null)).toBe(true)
		await prisma.taskOutbox.deleteMany({ where: { kind: 'away' } })
	})
})

describe('the schedule', () => {
	test('two instances checking at the same moment run a due job once; it is next due one interval later', async () => {
		let runs = 0
		const job: RecurringJob = { name: 'count-once', next: every(60_000), run: async () => void runs++ }
		const now = new Date()
		const [first, second] = await Promise.all([runDueJobs([job], now), runDueJobs([job], now)])
		expect(runs).toBe(1)
		expect([...first, ...second]).toEqual(['count-once'])
		expect(await runDueJobs([job], new Date(now.getTime() + 59_000))).toEqual([])
		expect(await runDueJobs([job], new Date(now.getTime() + 60_000))).toEqual(['count-once'])
		expect(runs).toBe(2)
	})

	test('a job that fails records why (no message) and is still due again at its next time', async () => {
		const job: RecurringJob = {
			name: 'always-fails',
			next: every(1000),
			run: async () => {
				throw new RangeError('detail that may be personal')
			},
		}
		const now = new Date()
		expect(await runDueJobs([job], now)).toEqual(['always-fails'])
		const row = await prisma.recurringJob.findUniqueOrThrow({ where: { name: 'always-fails' } })
		expect(row.lastError).toBe('RangeError')
		expect(row.nextRunAt.getTime()).toBe(now.getTime() + 1000)
		expect(await runDueJobs([job], new Date(now.getTime() + 1000))).toEqual(['always-fails'])
	})
})
