import { beforeAll, describe, expect, test } from 'vitest'
import { startSearchSync } from '#app/background/search-outbox.server.ts'
import { createVacancy, closeVacancy } from '#app/models/jobs/vacancies.server.ts'
import { findDrift, reconcileIndex } from '#search/indexing.server.ts'
import { defaultQuery } from '#search/query.ts'
import { searchVacancies } from '#search/search.server.ts'
import { buildQuery, fixtureQueries, idsFor } from '#tests/fixtures/search-queries.ts'
import { insertSearchFixture } from '#tests/fixtures/vacancies.ts'
import { validVacancyInput, waitFor } from '#tests/helpers.ts'

let fixture: Awaited<ReturnType<typeof insertSearchFixture>>

beforeAll(async () => {
	fixture = await insertSearchFixture()
	await reconcileIndex()
})

describe('search through Meilisearch on the fixed fixture', () => {
	test.each(fixtureQueries)('$name', async ({ query, expected, ordered }) => {
		const result = await searchVacancies(buildQuery(query()))
		expect(result.mode).toBe('search')
		const ids = result.hits.map((h) => h.id)
		const want = idsFor(fixture, expected)
		if (ordered) expect(ids).toEqual(want)
		else expect([...ids].sort()).toEqual([...want].sort())
	})

	test('every result carries its distance from the searched place', async () => {
		const [q] = fixtureQueries
		const result = await searchVacancies(buildQuery(q.query()))
		expect(result.hits.map((h) => Math.round(h.distanceMiles! * 10) / 10)).toEqual([0, 1.3, 2.3])
	})

	test('facet counts leave out their own group, so ticking another box shows what it adds', async () => {
		const result = await searchVacancies(buildQuery({ settings: ['care-home'] }))
		// F1 F2 F3 F5 F10 are in care homes
		expect(result.total).toBe(5)
		expect(result.facets.setting['care-home']).toBe(5)
		expect(result.facets.setting['home-care']).toBe(1)
		expect(result.facets.setting['nursing-home']).toBe(1)
		expect(result.facets.apprenticeship).toBe(1)
		expect(result.facets.visaSponsorship).toBe(1)
		expect(result.facets.hours['full-time']).toBe(4)
	})

	test('closed, draft and expired vacancies are never found', async () => {
		const result = await searchVacancies(buildQuery({ text: 'care assistant', perPage: 50 }))
		const ids = result.hits.map((h) => h.id)
		expect(ids).not.toContain(fixture.closed.id)
		expect(ids).not.toContain(fixture.draft.id)
		expect(ids).not.toContain(fixture.expired.id)
	})
})

describe('index sync from the outbox', () => {
	test('a vacancy posted through the domain becomes searchable from the outbox, and leaves search when it closes', async () => {
		const sync = startSearchSync({ pollMs: 200 })
		try {
			const posted = await createVacancy(
				fixture.provider.id,
				validVacancyInput({ title: 'Dementia care lead Zebedee' }),
				{ publish: true },
			)
			await waitFor(async () => {
				const r = await searchVacancies(defaultQuery({ text: 'Zebedee' }))
				expect(r.hits.map((h) => h.id)).toEqual([posted.id])
			})

			await closeVacancy(posted.id, fixture.provider.id)
			await waitFor(async () => {
				const r = await searchVacancies(defaultQuery({ text: 'Zebedee' }))
				expect(r.hits).toHaveLength(0)
			})
			expect(await findDrift()).toMatchObject({ missingOrStale: [], extra: [] })
		} finally {
			await sync.stop()
		}
	})
})
