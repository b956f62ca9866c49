import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import type { LocalPostgres } from '#prisma/local-postgres.ts'

// Anonymous search and job pages read from a streaming replica; anyone who has
// just written reads from the primary. Run on PostgreSQL with the tests' own
// cluster (TEST_DATABASE=postgresql), whose replica this file starts.
const postgresUrl = inject('postgresUrl')
const localCluster = Boolean(postgresUrl) && process.env.TEST_DATABASE === 'postgresql'

describe.runIf(localCluster)('with a read replica', () => {
	let replica: LocalPostgres
	let db: typeof import('#app/utils/db.server.ts')
	let middleware: typeof import('#app/server/replica-reads.server.ts')

	beforeAll(async () => {
		const { startReplica } = await import('#prisma/local-postgres.ts')
		replica = await startReplica({ port: Number(new URL(postgresUrl!).port) })
		const url = new URL(process.env.DATABASE_URL!)
		url.port = String(replica.port)
		process.env.DATABASE_REPLICA_URL = url.toString()
		const remembered = (globalThis as { __remember_epic_web?: Map<string, unknown> }).__remember_epic_web
		for (const key of ['env', 'prisma-replica']) remembered?.delete(key)
		db = await import('#app/utils/db.server.ts')
		middleware = await import('#app/server/replica-reads.server.ts')
	}, 60_000)

	afterAll(async () => {
		await db?.replica().$disconnect()
		await replica?.stop()
	})

	test('an anonymous job page reads the replica; after a write, the primary', async () => {
		const { createProvider, insertVacancy } = await import('#tests/fixtures/vacancies.ts')
		const { getPublicVacancy } = await import('#app/models/jobs/vacancies.server.ts')
		const { waitFor } = await import('#tests/helpers.ts')
		const provider = await createProvider({ name: 'Replica Care', town: 'Norwich', postcode: 'NR2 1AA' })
		const vacancy = await insertVacancy(provider.id, { title: 'Night carer' })
		await waitFor(async () => expect(await db.replica().vacancy.count({ where: { id: vacancy.id } })).toBe(1))

		// Hold the replica a moment behind, as a busy one is.
		await db.replica().$executeRawUnsafe('SELECT pg_wal_replay_pause()')
		try {
			await db.prisma.vacancy.update({ where: { id: vacancy.id }, data: { title: 'Night carer (waking nights)' } })
			const fromReplica = await db.readFromReplica(() => getPublicVacancy(vacancy.id))
			expect(fromReplica?.vacancy.title).toBe('Night carer')
			expect((await getPublicVacancy(vacancy.id))?.vacancy.title).toBe('Night carer (waking nights)')
		} finally {
			await db.replica().$executeRawUnsafe('SELECT pg_wal_replay_resume()')
		}
	})

	test('only anonymous reads of search and job pages, and not just after a write, go to the replica', () => {
		const decide = (method: string, path: string, cookie = '') => {
			const headers: Record<string, string> = {}
			let usedReplica = false
			const req = { method, path, headers: { cookie }, secure: false } as never
			const res = { cookie: (name: string, value: string) => (headers[name] = value) } as never
			middleware.replicaReads(req, res, () => {
				usedReplica = db.reader() === db.replica()
			})
			return { usedReplica, setCookie: headers[middleware.WROTE_COOKIE] }
		}
		expect(decide('GET', '/jobs').usedReplica).toBe(true)
		expect(decide('GET', '/jobs/42').usedReplica).toBe(true)
		expect(decide('GET', '/').usedReplica).toBe(true)
		expect(decide('GET', '/jobs.data').usedReplica).toBe(true)
		expect(decide('GET', '/jobs/42.data').usedReplica).toBe(true)
		expect(decide('GET', '/_root.data').usedReplica).toBe(true)
		expect(decide('GET', '/account.data').usedReplica).toBe(false)
		expect(decide('GET', '/account').usedReplica).toBe(false)
		expect(decide('GET', '/jobs/42/apply').usedReplica).toBe(false)
		expect(decide('GET', '/jobs', '__session=abc').usedReplica).toBe(false)
		expect(decide('GET', '/jobs', `${middleware.WROTE_COOKIE}=1`).usedReplica).toBe(false)
		const post = decide('POST', '/jobs/42/save')
		expect(post.usedReplica).toBe(false)
		expect(post.setCookie).toBe('1')
	})
})
