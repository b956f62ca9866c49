import { describe, expect, test } from 'vitest'
import { parseJobSearch } from '#app/models/jobs/job-search.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { searchDatabase } from '#search/fallback.server.ts'
import { reconcileLocalIndex, refreshLocalIndex } from '#search/local-index.server.ts'
import { createProvider, insertVacancy } from '#tests/fixtures/vacancies.ts'

// The database's own search index (reduced mode), on whichever engine the run is on.
describe('the database search index', () => {
	test('words that mean something to the database ("null", "and", quotes) are only words', async () => {
		const provider = await createProvider({ name: 'Null Island Care', town: 'Norwich', postcode: 'NR2 1AA' })
		const vacancy = await insertVacancy(provider.id, {
			title: 'Null hours care worker',
			description: 'No null shifts: \'and\' OR "quotes" \\ back-slash, NULL and default are words too.',
		})
		const search = (q: string) => searchDatabase(parseJobSearch(new URLSearchParams({ q })).query)
		await prisma.$transaction((tx) => refreshLocalIndex(tx, [vacancy.id]))
		expect((await search('null')).hits.map((h) => h.id)).toContain(vacancy.id)
		// Written again (an edit), and again by reconciliation: the old words are taken out cleanly.
		await prisma.vacancy.update({ where: { id: vacancy.id }, data: { title: 'Default hours care worker' } })
		await prisma.$transaction((tx) => refreshLocalIndex(tx, [vacancy.id]))
		await prisma.$transaction((tx) => refreshLocalIndex(tx, [vacancy.id]))
		expect(await reconcileLocalIndex()).toEqual({ rewritten: 0, removed: 0 })
		expect((await search('default')).hits.map((h) => h.id)).toContain(vacancy.id)
		expect((await search('null island')).hits.map((h) => h.id)).toContain(vacancy.id)
	})
})
