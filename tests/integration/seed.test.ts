import { parseWithZod } from '@conform-to/zod/v4'
import { expect, test } from 'vitest'
import { careRoles } from '#app/models/jobs/care-roles.server.ts'
import { vacancyFormValues } from '#app/models/jobs/vacancies.server.ts'
import { vacancyFormSchema } from '#app/models/jobs/vacancy-form.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { seedDemoData } from '#prisma/seed.ts'

test('the demo data is the size the brief asks for, and every live vacancy passes the posting rules', async () => {
	const result = await seedDemoData()
	expect(result.providers).toBeGreaterThanOrEqual(38)
	expect(result.vacancies).toBeGreaterThanOrEqual(280)

	const live = await prisma.vacancy.findMany({ where: { status: 'live' } })
	expect(live.filter((v) => v.apprenticeship).length).toBeGreaterThanOrEqual(30)
	expect(new Set(live.map((v) => v.town)).size).toBeGreaterThanOrEqual(25)
	expect(new Set(live.map((v) => v.roleId))).toEqual(new Set(careRoles.map((r) => r.id)))

	const types = await prisma.provider.groupBy({ by: ['type'], _count: true })
	const count = (type: string) => types.find((t) => t.type === type)?._count ?? 0
	expect(count('nhs-trust')).toBe(2)
	expect(count('individual-employer')).toBe(3)
	for (const type of ['care-home', 'home-care', 'supported-living', 'day-service'])
		expect(count(type)).toBeGreaterThan(0)

	const schema = vacancyFormSchema()
	for (const vacancy of live) {
		const form = new FormData()
		for (const [key, value] of Object.entries(vacancyFormValues(vacancy))) {
			for (const v of Array.isArray(value) ? value : [value]) form.append(key, v)
		}
		const parsed = parseWithZod(form, { schema })
		expect(parsed.status === 'success' ? 'ok' : `${vacancy.id} ${vacancy.title}: ${JSON.stringify(parsed.error)}`).toBe(
			'ok',
		)
	}
	expect(await prisma.searchOutbox.count()).toBe(live.length)
})
