import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { checkBesideOtherInstances, registerInstance, runningInstancesIn } from '#app/background/instances.server.ts'
import { holdLease, releaseLease, withLease } from '#app/background/lease.server.ts'
import { onPostgres, prisma } from '#app/utils/db.server.ts'
import { consumeRateLimit } from '#app/utils/rate-limit.server.ts'
import { searchDatabase } from '#search/fallback.server.ts'
import {
	bumpSearchGeneration,
	followSharedSearchGeneration,
	searchGeneration,
	sharedSearchChanges,
} from '#search/generation.server.ts'
import { reconcileLocalIndex } from '#search/local-index.server.ts'
import { buildQuery } from '#tests/fixtures/search-queries.ts'

// Several app instances share one database: what one counts, the others see.

const run = promisify(execFile)

async function attemptsInAnotherProcess(attempts: number, limit: number, subject: string) {
	const { stdout } = await run(
		process.execPath,
		['--import', 'tsx', 'tests/fixtures/consume-rate-limit.ts', String(attempts), String(limit), subject],
		{ env: process.env },
	)
	return (JSON.parse(stdout) as { ok: number }).ok
}

describe('rate limits across instances', () => {
	test('40 attempts at once, from this process and another, let exactly 10 through a limit of 10', async () => {
		const rule = { name: 'instances-test', limit: 10, windowMs: 60_000 }
		const subject = `subject-${Date.now()}`
		const [here, there] = await Promise.all([
			Promise.all(Array.from({ length: 20 }, () => consumeRateLimit(rule, subject))),
			attemptsInAnotherProcess(20, 10, subject),
		])
		expect(here.filter((r) => r.ok).length + there).toBe(10)
		const row = await prisma.rateLimit.findMany({ where: { key: { startsWith: 'instances-test:' } } })
		expect(row).toHaveLength(1)
		expect(row[0].count).toBe(40)
	})

	test('a window that is over starts again at one, once, however many attempts arrive', async () => {
		const rule = { name: 'instances-window', limit: 3, windowMs: 60_000 }
		const subject = `window-${Date.now()}`
		const start = new Date('2026-12-04T09:00:00Z')
		for (let i = 0; i < 5; i++) await consumeRateLimit(rule, subject, start)
		expect((await consumeRateLimit(rule, subject, start)).ok).toBe(false)
		const later = new Date(start.getTime() + 61_000)
		const next = await Promise.all(Array.from({ length: 6 }, () => consumeRateLimit(rule, subject, later)))
		expect(next.filter((r) => r.ok)).toHaveLength(3)
		expect(next.find((r) => !r.ok)!.retryAfterSeconds).toBe(60)
	})
})

describe('the search generation across instances', () => {
	test('a change another instance made to search makes this one’s cached pages out of date', async () => {
		await followSharedSearchGeneration()
		const before = searchGeneration()
		// Nothing changed anywhere: nothing to follow.
		expect(await followSharedSearchGeneration()).toBe(false)
		expect(searchGeneration()).toBe(before)
		// Another instance indexed something: it wrote a new shared value.
		await prisma.appState.upsert({
			where: { key: 'search-generation' },
			create: { key: 'search-generation', value: 'from-another-instance' },
			update: { value: 'from-another-instance' },
		})
		expect(await followSharedSearchGeneration()).toBe(true)
		expect(searchGeneration()).not.toBe(before)
	})

	test('a change this instance makes is shared; one another instance writes over it at once is not missed', async () => {
		await followSharedSearchGeneration()
		const shared = async () => (await prisma.appState.findUnique({ where: { key: 'search-generation' } }))?.value
		const before = await shared()
		bumpSearchGeneration()
		await sharedSearchChanges()
		expect(await shared()).not.toBe(before)
		// This instance's own value reaches its cache once more (one miss), then nothing changes.
		await followSharedSearchGeneration()
		expect(await followSharedSearchGeneration()).toBe(false)
		// Another instance's change written just after this one's own.
		bumpSearchGeneration()
		await sharedSearchChanges()
		await prisma.appState.update({ where: { key: 'search-generation' }, data: { value: 'written-over' } })
		const now = searchGeneration()
		expect(await followSharedSearchGeneration()).toBe(true)
		expect(searchGeneration()).not.toBe(now)
	})
})

describe('reduced mode across instances', () => {
	test('a word another instance indexed is found here once its change is followed', async () => {
		await reconcileLocalIndex()
		const word = `Zanzibarcarer${Date.now().toString(36)}`
		// This instance has searched already, so it holds the index's vocabulary.
		expect((await searchDatabase(buildQuery({ text: word }))).total).toBe(0)
		const { stdout: id } = await run(
			process.execPath,
			['--import', 'tsx', 'tests/fixtures/post-vacancy.ts', `${word} care assistant`],
			{ env: process.env },
		)
		expect(await followSharedSearchGeneration()).toBe(true)
		expect((await searchDatabase(buildQuery({ text: word }))).hits.map((h) => h.id)).toEqual([Number(id)])
	})
})

describe('work one instance does at a time', () => {
	test('a lease is held by one instance, renewed by it, and taken over only once it expires or is given up', async () => {
		const name = `lease-${Date.now()}`
		const now = new Date('2026-12-04T09:00:00Z')
		const at = (seconds: number) => new Date(now.getTime() + seconds * 1000)
		const both = await Promise.all([holdLease(name, 10_000, 'a', now), holdLease(name, 10_000, 'b', now)])
		expect(both.filter(Boolean)).toHaveLength(1)
		const [first, second] = both[0] ? ['a', 'b'] : ['b', 'a']
		expect(await holdLease(name, 10_000, first, at(5))).toBe(true)
		expect(await holdLease(name, 10_000, second, at(14))).toBe(false)
		// The holder stopped renewing: after its lease, the other takes over, and the first has lost it.
		expect(await holdLease(name, 10_000, second, at(15))).toBe(true)
		expect(await holdLease(name, 10_000, first, at(16))).toBe(false)
		await releaseLease(name, second)
		expect(await holdLease(name, 10_000, first, at(17))).toBe(true)
	})

	test('start-up steps run by one instance at a time; one that need not wait does not', async () => {
		const name = `boot-${Date.now()}`
		const log: string[] = []
		const step = (who: string) => async () => {
			log.push(`${who} starts`)
			await new Promise((resolve) => setTimeout(resolve, 300))
			log.push(`${who} ends`)
			return who
		}
		const [a, b] = await Promise.all([
			withLease(name, step('a'), { holder: 'a', leaseMs: 5_000 }),
			withLease(name, step('b'), { holder: 'b', leaseMs: 5_000 }),
		])
		expect([a, b]).toEqual([
			{ ran: true, result: 'a' },
			{ ran: true, result: 'b' },
		])
		expect(log[1]).toBe(`${log[0].split(' ')[0]} ends`)
		expect(await holdLease(name, 5_000, 'c')).toBe(true)
		expect(await withLease(name, step('d'), { holder: 'd', waitMs: 0 })).toEqual({ ran: false })
	})
})

describe('starting beside another instance', () => {
	const configured = {
		secret: 'same-secret-hash',
		search: 'http://meili.internal:7700#vacancies',
		uploads: 'database',
		fromConfiguration: ['SESSION_SECRET', 'MEILI_URL'],
	}

	test('needs the session secret and Meilisearch from configuration, and the same ones', async () => {
		expect(await checkBesideOtherInstances(configured, 'first')).toBe(0)
		const first = await registerInstance(configured, 'first')
		try {
			const defaults = { secret: 'generated', search: 'embedded#vacancies', uploads: 'disk', fromConfiguration: [] }
			await expect(checkBesideOtherInstances(defaults, 'second')).rejects.toThrow(
				/SESSION_SECRET: another instance is running[\s\S]*MEILI_URL and MEILI_MASTER_KEY: another instance/,
			)
			await expect(
				checkBesideOtherInstances({ ...configured, secret: 'another-secret-hash' }, 'second'),
			).rejects.toThrow(/not the secret the other running instance uses/)
			await expect(checkBesideOtherInstances({ ...configured, uploads: 'disk' }, 'second')).rejects.toThrow(
				/UPLOAD_STORAGE: not where the other running instance keeps uploads/,
			)
			expect(await checkBesideOtherInstances(configured, 'second')).toBe(1)
		} finally {
			await first.stop()
		}
		// Once it has stopped, nobody is beside.
		expect(await checkBesideOtherInstances({ ...configured, fromConfiguration: [] }, 'second')).toBe(0)
	})

	test('an instance on this machine whose process has gone does not count, whatever its lease says', async () => {
		const name = 'instance:killed'
		const os = await import('node:os')
		await prisma.appState.create({
			data: { key: name, value: JSON.stringify({ secret: 'x', search: 'y', host: os.hostname(), pid: 2 ** 22 + 7 }) },
		})
		expect(await holdLease(name, 15_000, 'killed')).toBe(true)
		// A restarted container can be given the dead instance's process id again.
		const reused = 'instance:reused-pid'
		await prisma.appState.create({
			data: {
				key: reused,
				value: JSON.stringify({
					secret: 'x',
					search: 'y',
					uploads: 'disk',
					host: os.hostname(),
					pid: process.pid,
					started: 1,
				}),
			},
		})
		expect(await holdLease(reused, 15_000, 'reused-pid')).toBe(true)
		expect(await checkBesideOtherInstances({ ...configured, fromConfiguration: [] }, 'restarted')).toBe(0)
	})

	// SQLite's migrations need the database to themselves; PostgreSQL's run beside other instances.
	test.skipIf(onPostgres())(
		'before migrating, the instances running are counted without locking the database',
		async () => {
			const file = process.env.DATABASE_URL!.replace(/^file:/, '')
			expect(runningInstancesIn(file)).toBe(0)
			const running = await registerInstance(configured, 'running')
			expect(runningInstancesIn(file)).toBe(1)
			await running.stop()
			expect(runningInstancesIn(file)).toBe(0)
		},
	)
})
