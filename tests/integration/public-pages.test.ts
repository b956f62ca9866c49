import { describe, expect, test } from 'vitest'
import * as helpRoute from '#app/routes/help.tsx'
import * as publicVacancyRoute from '#app/routes/jobs.$vacancyId.tsx'
import * as privacyRoute from '#app/routes/privacy.tsx'
import * as robotsRoute from '#app/routes/robots[.]txt.ts'
import * as sitemapRoute from '#app/routes/sitemap[.]xml.ts'
import { prisma } from '#app/utils/db.server.ts'
import { createProvider, insertVacancy } from '#tests/fixtures/vacancies.ts'
import { callRoute, routeRequest } from '#tests/helpers.ts'

describe('what search engines are told', () => {
	test('robots.txt keeps every address that carries a secret, and search results, away from crawlers', async () => {
		const robots = await (robotsRoute.loader() as Response).text()
		for (const path of [
			'/sign-in/',
			'/reset-password/',
			'/confirm-application/',
			'/confirm-email/',
			'/invitations/',
			'/visits/',
			'/ambassadors/join/',
		]) {
			expect(robots).toContain(`Disallow: ${path}`)
		}
	})

	test('the sitemap lists no page that says noindex', async () => {
		const xml = await ((await sitemapRoute.loader()) as Response).text()
		expect(xml).not.toContain('/jobs</loc>')
		expect(xml).toContain('/careers</loc>')
	})

	test('JobPosting data says candidates apply here, and gives the county the job is in', async () => {
		const provider = await createProvider({ name: 'Orwell Care', town: 'Ipswich', postcode: 'IP1 1AA' })
		const vacancy = await insertVacancy(provider.id, { title: 'Care assistant', postcode: 'IP1 2AA', town: 'Ipswich' })
		const page = await callRoute(() =>
			publicVacancyRoute.loader({
				request: routeRequest(`/jobs/${vacancy.id}`),
				params: { vacancyId: String(vacancy.id) },
				context: {},
			}),
		)
		expect(page.data.jsonLd).toMatchObject({
			directApply: true,
			jobLocation: { address: { addressRegion: 'Suffolk' } },
		})
	})
})

describe('the pages a public service must have', () => {
	test('the privacy notice quotes the retention periods the code applies', async () => {
		const d = privacyRoute.loader()
		expect(d.retention.inactiveCandidateMonths).toBe(13)
		expect(d.contactEmail).toMatch(/@/)
	})

	test('feedback is checked, kept and sent to the regional team; bad input is a 400 with messages', async () => {
		await prisma.user.create({ data: { email: `team.${Date.now()}@council.test`, isAdmin: true } })
		const context = { clientIp: '192.0.2.44' }
		const bad = await callRoute(() =>
			helpRoute.action({ request: routeRequest('/help', { form: { message: '' } }), params: {}, context }),
		)
		expect(bad.status).toBe(400)
		expect(bad.data.result.error.about).toEqual(['Choose what your feedback is about'])
		const good = await callRoute(() =>
			helpRoute.action({
				request: routeRequest('/help', {
					form: { about: 'finding-jobs', message: 'The map was hard to read on my phone', page: '/careers?x=1' },
				}),
				params: {},
				context,
			}),
		)
		expect(good.status).toBe(302)
		const kept = await prisma.feedback.findFirstOrThrow({ orderBy: { id: 'desc' } })
		// A page with a query string (which can hold a search or a postcode) is not kept.
		expect(kept).toMatchObject({ about: 'Finding a job', page: null, replyTo: null })
		expect(
			await prisma.emailOutbox.count({ where: { messageKey: { startsWith: `feedback:${kept.id}:` } } }),
		).toBeGreaterThan(0)
	})
})
