import { parseWithZod } from '@conform-to/zod/v4'
import { beforeAll, describe, expect, test } from 'vitest'

// The same code serving another region, by configuration alone: Staffordshire
// and Stoke-on-Trent, over the national postcode districts (there is no richer
// places file for it). This file's process runs as that region's portal.
process.env.REGION = 'staffordshire'
// Anything already worked out for the default region is worked out again.
const remembered = (globalThis as { __remember_epic_web?: Map<string, unknown> }).__remember_epic_web
for (const key of ['env', 'gazetteer', 'service-region', 'service-area']) remembered?.delete(key)

const { resolvePlace, isInServiceArea, serviceRegion, localAuthorityOf } =
	await import('#app/models/places/places.server.ts')
const { getEnv } = await import('#app/utils/env.server.ts')
const { prisma } = await import('#app/utils/db.server.ts')
const { seedDemoData } = await import('#prisma/seed.ts')
const { vacancyFormSchema } = await import('#app/models/jobs/vacancy-form.server.ts')
const { vacancyFormValues } = await import('#app/models/jobs/vacancies.server.ts')
const { vacancyProblems } = await import('#app/models/jobs/vacancy-rules.server.ts')
const { searchDatabase } = await import('#search/fallback.server.ts')
const { reconcileLocalIndex } = await import('#search/local-index.server.ts')
const { parseJobSearch } = await import('#app/models/jobs/job-search.server.ts')

const staffordshire = new Set(serviceRegion.authorities)

describe('a portal for Staffordshire and Stoke-on-Trent', () => {
	beforeAll(async () => {
		await seedDemoData()
		await reconcileLocalIndex()
	})

	test('the region’s name, colour and examples come from its configuration', () => {
		expect(getEnv().REGION_NAME).toBe('Staffordshire and Stoke-on-Trent')
		expect(getEnv().BRAND_COLOUR).toBe('#1d4f91')
		expect(serviceRegion.centre).toMatchObject({ place: 'Stafford', outcode: 'ST16' })
	})

	test('its towns and villages are places, found before namesakes elsewhere', () => {
		for (const [typed, outcode] of [
			['Stafford', 'ST16'],
			['Leek', 'ST13'],
			['Tamworth', 'B79'],
			['Hanley', 'ST1'],
			['stoke on trent', 'ST1'],
		] as const) {
			const found = resolvePlace(typed)
			expect(found.ok && found.place.outcode, typed).toBe(outcode)
		}
		const misspelt = resolvePlace('Staford')
		expect(misspelt.ok ? 'found' : misspelt.suggestions[0]).toMatch(/Stafford/)
	})

	test('vacancies may be posted in the area and just over its border, not in Norfolk', () => {
		expect(isInServiceArea('ST16')).toBe(true)
		expect(isInServiceArea('WS11')).toBe(true)
		expect(isInServiceArea('DE14')).toBe(true)
		expect(isInServiceArea('NR3')).toBe(false)
		expect(vacancyProblems({ postcode: 'NR3 1AA' })).toEqual([
			{
				field: 'postcode',
				message:
					'This site is for jobs in and around Staffordshire and Stoke-on-Trent. Enter a workplace postcode in the area, like ST16 2LP',
			},
		])
		expect(vacancyProblems({ postcode: 'ST16 2AB' })).toEqual([])
	})

	test('the demo data is the region’s: every provider, vacancy and candidate in its own districts', async () => {
		const providers = await prisma.provider.findMany({ select: { name: true, postcode: true, town: true } })
		expect(providers.length).toBeGreaterThanOrEqual(38)
		for (const p of providers) {
			expect(isInServiceArea(p.postcode.split(' ')[0]), `${p.name} ${p.postcode}`).toBe(true)
			expect(p.name).not.toMatch(/Norfolk|Waveney|Norwich|Yarmouth|Broadland/)
		}
		const live = await prisma.vacancy.findMany({ where: { status: 'live' } })
		expect(live.length).toBeGreaterThanOrEqual(280)
		expect(live.every((v) => staffordshire.has(localAuthorityOf(v.outcode)))).toBe(true)
		expect(new Set(live.map((v) => v.town)).size).toBeGreaterThanOrEqual(20)
		// Every one still passes the posting rules, here.
		const schema = vacancyFormSchema()
		for (const vacancy of live.slice(0, 60)) {
			const form = new FormData()
			for (const [key, value] of Object.entries(vacancyFormValues(vacancy)))
				for (const v of Array.isArray(value) ? value : [value]) form.append(key, v)
			expect(parseWithZod(form, { schema }).status, vacancy.title).toBe('success')
		}
		const candidates = await prisma.candidateProfile.findMany({ select: { outcode: true } })
		expect(candidates.every((c) => staffordshire.has(localAuthorityOf(c.outcode!)))).toBe(true)
	})

	test('a job seeker near Stafford finds the region’s jobs', async () => {
		const parsed = parseJobSearch(new URLSearchParams('q=care&where=Stafford&radius=15'))
		expect(parsed.place?.label).toMatch(/^Stafford/)
		const result = await searchDatabase(parsed.query)
		expect(result.total).toBeGreaterThan(0)
		expect(result.hits.every((h) => h.distanceMiles !== null && h.distanceMiles <= 15)).toBe(true)
	})
})
