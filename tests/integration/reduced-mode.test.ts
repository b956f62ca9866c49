import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSearchSync } from '#app/background/search-outbox.server.ts'
import { closeVacancy, createVacancy, updateVacancy } from '#app/models/jobs/vacancies.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { configureSearch, isSearchHealthy } from '#search/client.server.ts'
import { searchGeneration } from '#search/generation.server.ts'
import { findDrift, indexedDocuments, reconcileIndex } from '#search/indexing.server.ts'
import { startMeilisearch, type MeiliProcess } from '#search/meili-process.server.ts'
import { searchVacancies } from '#search/search.server.ts'
import { buildQuery, fixtureQueries, idsFor } from '#tests/fixtures/search-queries.ts'
import { insertSearchFixture } from '#tests/fixtures/vacancies.ts'
import { validVacancyInput, waitFor } from '#tests/helpers.ts'

// This file runs its own Meilisearch so it can stop and restart it.
const dir = path.join(process.env.DATA_DIR!, 'meili')
const masterKey = 'reduced-mode-test-master-key'
let meili: MeiliProcess
let fixture: Awaited<ReturnType<typeof insertSearchFixture>>

async function startOwnMeili(port?: number) {
	meili = await startMeilisearch({ dir, masterKey, port })
	configureSearch({ url: meili.url, apiKey: masterKey, indexName: 'vacancies' })
}

beforeAll(async () => {
	await startOwnMeili()
	fixture = await insertSearchFixture()
	await reconcileIndex()
})

afterAll(async () => {
	await meili.stop()
})

describe('with Meilisearch stopped, search answers from the database', () => {
	const answers = new Map<string, number[]>()

	test('Meilisearch answers the fixture queries first', async () => {
		for (const q of fixtureQueries) {
			const result = await searchVacancies(buildQuery(q.query()))
			expect(result.mode).toBe('search')
			answers.set(
				q.name,
				result.hits.map((h) => h.id),
			)
		}
	})

	test.each(fixtureQueries)('reduced mode: $name', async ({ name, query, expected, ordered }) => {
		if (isSearchHealthy()) await meili.stop()
		const result = await searchVacancies(buildQuery(query()))
		expect(result.mode).toBe('reduced')
		const ids = result.hits.map((h) => h.id)
		const want = idsFor(fixture, expected)
		if (ordered) {
			expect(ids).toEqual(want)
			expect(ids).toEqual(answers.get(name))
		} else {
			expect([...ids].sort()).toEqual([...want].sort())
			expect([...ids].sort()).toEqual([...(answers.get(name) ?? [])].sort())
		}
	})

	test('facet counts and distances match Meilisearch’s', async () => {
		const q = buildQuery({
			settings: ['care-home'],
			centre: { lat: 52.6269, lng: 1.30702 },
			radiusMiles: 30,
			sort: 'distance',
		})
		const reduced = await searchVacancies(q)
		expect(reduced.mode).toBe('reduced')
		expect(reduced.facets.setting).toMatchObject({ 'care-home': 5, 'home-care': 1, 'nursing-home': 1 })
		expect(reduced.hits.map((h) => Math.round(h.distanceMiles! * 10) / 10)).toEqual([0, 9, 15.8, 17.7, 21])
	})
})

describe('when Meilisearch comes back', () => {
	test('changes made while it was down reach the index, and database and index end up identical', async () => {
		expect(isSearchHealthy()).toBe(false)
		const sync = startSearchSync({ pollMs: 100 })
		try {
			// Writes while search is down: they commit to the database and wait in the outbox.
			const added = await createVacancy(fixture.provider.id, validVacancyInput({ title: 'Waiting room carer' }), {
				publish: true,
			})
			await closeVacancy(fixture.F1.id, fixture.provider.id)
			await updateVacancy(
				fixture.F2.id,
				fixture.provider.id,
				validVacancyInput({ title: 'Night carer renamed', postcode: 'NR18 0AA', town: 'Wymondham' }),
				{ publish: false },
			)
			expect(await prisma.searchOutbox.count()).toBeGreaterThan(0)
			const reduced = await searchVacancies(buildQuery({ text: 'Waiting room carer' }))
			expect(reduced.mode).toBe('reduced')
			expect(reduced.hits.map((h) => h.id)).toEqual([added.id])

			// A page cached while search was down must not outlive its return
			// (a crashed Meilisearch restarted by the supervisor comes back this way).
			const generationWhileDown = searchGeneration()
			await startOwnMeili()
			expect(searchGeneration()).not.toBe(generationWhileDown)
			await waitFor(
				async () => {
					expect(isSearchHealthy()).toBe(true)
					expect(await prisma.searchOutbox.count()).toBe(0)
					expect(await findDrift()).toMatchObject({ missingOrStale: [], extra: [] })
				},
				60_000,
				100,
			)

			const live = await prisma.vacancy.findMany({
				where: { status: 'live', closingDate: { gte: new Date() } },
				select: { id: true },
			})
			const indexed = await indexedDocuments()
			expect([...indexed.keys()].map(Number).sort((a, b) => a - b)).toEqual(live.map((v) => v.id).sort((a, b) => a - b))
			const found = await searchVacancies(buildQuery({ text: 'renamed' }))
			expect(found.mode).toBe('search')
			expect(found.hits.map((h) => h.id)).toEqual([fixture.F2.id])
		} finally {
			await sync.stop()
		}
	})

	test('a document changed behind the app’s back is put right by reconciliation', async () => {
		const index = (await import('#search/client.server.ts')).vacancyIndex()
		await index.addDocuments([{ id: 987654, title: 'Stray document' }]).waitTask({ timeout: 60_000 })
		await index.deleteDocument(fixture.F3.id).waitTask({ timeout: 60_000 })
		const drift = await findDrift()
		expect(drift.extra).toContain('987654')
		expect(drift.missingOrStale).toContain(String(fixture.F3.id))
		const result = await reconcileIndex()
		expect(result).toMatchObject({ upserted: 1, deleted: 1 })
		expect(await findDrift()).toMatchObject({ missingOrStale: [], extra: [] })
	})
})
