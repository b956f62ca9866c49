import { expect, test, type Browser, type Page } from '@playwright/test'
import { expectNoSeriousAxeViolations } from './axe.ts'

// Every page, public and signed in, at 320 px (WCAG 1.4.10 reflow): no sideways
// scrolling, and no serious axe violations. Pages reached from a list take the
// first link on it, so the demo data's ids are never written down here.
test.use({ viewport: { width: 320, height: 800 } })

async function signIn(browser: Browser, email: string) {
	const context = await browser.newContext({ viewport: { width: 320, height: 800 } })
	const page = await context.newPage()
	await page.goto('/login')
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Password').fill('care-careers-demo')
	await page.getByRole('button', { name: 'Sign in' }).click()
	await page.waitForURL(/\/(provider|account|admin|ambassador)/)
	return page
}

async function fitsAndPasses(page: Page, path: string) {
	const response = await page.goto(path)
	expect(response?.status(), path).toBe(200)
	const width = await page.evaluate(() => document.documentElement.scrollWidth)
	expect(width, `${path} is ${width}px wide`).toBeLessThanOrEqual(320)
	await expectNoSeriousAxeViolations(page)
}

async function firstLink(page: Page, listPath: string, href: RegExp) {
	await page.goto(listPath)
	const link = page
		.locator('main a')
		.filter({ has: page.locator(':scope') })
		.and(page.locator(`a[href]`))
	const hrefs = await link.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
	const found = hrefs.find((h) => href.test(h))
	expect(found, `a link matching ${href} on ${listPath}`).toBeTruthy()
	return found!
}

const publicPages = [
	'/',
	'/jobs',
	'/jobs?q=carer&where=Cromer',
	// One long word someone typed: the heading and its filter wrap instead of pushing the page sideways.
	'/jobs?q=Supercalifragilisticexpialidociousnessandsomemoreletters&hours=part-time',
	'/alerts/new?q=Supercalifragilisticexpialidociousnessandsomemoreletters',
	'/careers',
	'/careers/care-worker',
	'/careers/apprenticeships',
	'/stories',
	'/ambassadors',
	'/ambassadors/request-a-visit',
	'/providers/demo-provider-01',
	'/for-employers',
	'/help',
	'/privacy',
	'/accessibility',
	'/cookies',
	'/about/data',
	'/login',
	'/signup',
	'/forgot-password',
	'/alerts/new?q=carer&where=Cromer',
	'/alerts/check-email',
	'/alerts/unsubscribed',
]

test('public pages', async ({ page }) => {
	for (const path of publicPages) await fitsAndPasses(page, path)
	const job = await firstLink(page, '/jobs', /^\/jobs\/\d+/)
	await fitsAndPasses(page, job)
	await fitsAndPasses(page, `${job.split('?')[0]}/apply`)
	await fitsAndPasses(page, `${job.split('?')[0]}/save`)
})

test('a candidate’s pages', async ({ browser }) => {
	const page = await signIn(browser, 'sam.taylor@candidate.example')
	for (const path of [
		'/account',
		'/account/applications',
		'/account/profile',
		'/account/sharing',
		'/account/matches',
		'/account/saved',
		'/account/alerts',
		'/account/data',
		'/account/password',
		'/account/delete',
	]) {
		await fitsAndPasses(page, path)
	}
	await fitsAndPasses(page, await firstLink(page, '/account/applications', /^\/account\/applications\/\w+/))
	await page.context().close()
})

test('an employer’s pages', async ({ browser }) => {
	const page = await signIn(browser, 'manager@wensum-lodge.example')
	for (const path of [
		'/provider',
		'/provider/applications',
		'/provider/vacancies/new',
		'/provider/profile',
		'/provider/team',
		'/provider/talent-pool',
		'/provider/stories',
	]) {
		await fitsAndPasses(page, path)
	}
	await fitsAndPasses(page, await firstLink(page, '/provider/applications', /^\/provider\/applications\/\w+/))
	const vacancy = await firstLink(page, '/provider', /^\/provider\/vacancies\/\d+$/)
	await fitsAndPasses(page, vacancy)
	await fitsAndPasses(page, `${vacancy}/edit`)
	await page.context().close()
})

test('the regional team’s pages', async ({ browser }) => {
	const page = await signIn(browser, 'admin@carecareers.example')
	for (const path of [
		'/admin',
		'/admin/redirects',
		'/admin/providers',
		'/admin/ambassadors',
		'/admin/stories',
		'/admin/visits',
		'/admin/emails',
	]) {
		await fitsAndPasses(page, path)
	}
	// The start page says what is waiting for the team.
	await page.goto('/admin')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regional team')
	await expect(page.getByRole('heading', { name: 'Waiting for you' })).toBeVisible()
	await page.context().close()
})

test('an ambassador’s pages', async ({ browser }) => {
	const page = await signIn(browser, 'ruth.ambassador@carecareers.example')
	for (const path of ['/ambassador', '/ambassador/profile', '/ambassador/pathway', '/ambassador/stories']) {
		await fitsAndPasses(page, path)
	}
	await fitsAndPasses(page, await firstLink(page, '/ambassador', /^\/ambassador\/visits\/\w+/))
	await page.context().close()
})
