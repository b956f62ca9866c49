import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousAxeViolations } from './axe.ts'

// One story, told in order: a provider signs up and posts a vacancy; a candidate
// finds it by postcode and a misspelt keyword, with and without JavaScript.
test.describe.configure({ mode: 'serial' })

const unique = Date.now().toString(36)
const email = `owner.${unique}@example.test`
const title = `Marigold dementia care assistant ${unique}`

async function searchFor(page: Page, what: string, where: string) {
	await page.goto('/jobs')
	await page.getByLabel('What').fill(what)
	await page.getByLabel('Where').fill(where)
	await page.getByRole('button', { name: 'Search', exact: true }).click()
}

test('the home page and search page pass axe', async ({ page }) => {
	await page.goto('/')
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Find a job in care')
	await expectNoSeriousAxeViolations(page)
	await page.getByRole('search').getByLabel('Where').fill('Dereham')
	await page.getByRole('button', { name: 'Search jobs' }).click()
	await expect(page).toHaveURL(/\/jobs\?.*where=Dereham/)
	await expect(page.getByRole('heading', { level: 1 })).toContainText('within 10 miles of Dereham, Norfolk')
	await expectNoSeriousAxeViolations(page)
})

test('a provider signs up and posts a vacancy', async ({ page }) => {
	await page.goto('/signup')
	await page.getByLabel('Your name').fill('Robin Owner')
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Create a password').fill('a long enough password')
	await page.getByLabel('Name candidates will see').fill(`Marigold House ${unique}`)
	await page.getByLabel('Care home', { exact: true }).check()
	await page.getByLabel('Address line 1').fill('3 Mill Road')
	await page.getByLabel('Town or city').fill('Wymondham')
	await page.getByLabel('Postcode').fill('nr18 0aa')
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page.getByRole('heading', { name: 'Your vacancies' })).toBeVisible()

	await page.getByRole('link', { name: 'Post a vacancy' }).first().click()
	await expect(page.getByRole('heading', { name: 'Post a vacancy' })).toBeVisible()
	await expectNoSeriousAxeViolations(page)

	// First, a mistake: pay below the National Living Wage.
	await page.getByLabel('Job title').fill(title)
	await page.getByLabel('Role').selectOption('care-worker')
	await page.getByRole('group', { name: 'Where does the work happen?' }).getByLabel('Care home').check()
	await page
		.getByLabel('Description')
		.fill('Support people living with dementia to enjoy their days. Full training, paid breaks and a friendly team.')
	await page.getByLabel('An hourly rate').check()
	await page.getByLabel('Pay, or the lowest pay if it is a range').fill('10.50')
	await page.getByLabel('Full-time').check()
	await page.getByLabel('Permanent').check()
	await page.getByRole('group', { name: 'Does the job need a driving licence?' }).getByLabel('No').check()
	await page
		.getByRole('group', { name: 'Can you sponsor a Skilled Worker visa for this job?' })
		.getByLabel('No')
		.check()
	await page.getByRole('button', { name: 'Publish vacancy' }).click()

	const summary = page.getByRole('alert')
	await expect(summary).toContainText('There is a problem')
	await expect(page).toHaveTitle(/^Error: Post a vacancy/)
	await expect(page.getByLabel('Job title')).toHaveValue(title)
	await expectNoSeriousAxeViolations(page)
	// The summary's link takes you to the field, and the errors stay on the page.
	await summary.getByRole('link', { name: /the National Living Wage/ }).click()
	await expect(page.getByLabel('Pay, or the lowest pay if it is a range')).toBeFocused()
	await expect(summary).toBeVisible()

	await page.getByLabel('Pay, or the lowest pay if it is a range').fill('13.25')
	await page.getByRole('button', { name: 'Publish vacancy' }).click()
	await expect(page.getByRole('status')).toContainText('Your vacancy is live')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)

	// Edit it: the form comes back filled in, and the change is saved.
	await page.getByRole('link', { name: 'Edit' }).click()
	await expect(page.getByRole('heading', { name: 'Edit vacancy' })).toBeVisible()
	await expect(page.getByLabel('Job title')).toHaveValue(title)
	await page.getByLabel('Highest pay (optional)').fill('14.10')
	await page.getByRole('button', { name: 'Save changes' }).click()
	await expect(page.getByRole('status')).toContainText('Your changes have been saved')
	await expect(page.getByText('£13.25 to £14.10 an hour')).toBeVisible()
})

test('a candidate finds it by postcode and a misspelt keyword, and opens it', async ({ page }) => {
	await expect(async () => {
		await searchFor(page, 'marigld', 'nr18 9zz')
		await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible({ timeout: 1000 })
	}).toPass({ timeout: 60_000 })
	await expect(page.getByRole('heading', { level: 1 })).toContainText('matching “marigld” within 10 miles of NR18 9ZZ')
	await expect(page).toHaveTitle(/jobs? found/)
	await expectNoSeriousAxeViolations(page)

	// With JavaScript, ticking a filter updates the results without a page load.
	await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true))
	await page.getByLabel(/^Full-time/).check()
	await expect(page).toHaveURL(/hours=full-time/)
	await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible()
	expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true)

	await page.getByRole('link', { name: title, exact: true }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
	await expect(page.getByText('£13.25 to £14.10 an hour')).toBeVisible()
	await expect(page.getByText(/miles? from NR18 9ZZ|less than 1 mile from NR18 9ZZ/)).toBeVisible()
	const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
	expect(jsonLd).toMatchObject({ '@type': 'JobPosting', title, baseSalary: { currency: 'GBP' } })
	await expectNoSeriousAxeViolations(page)
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('the same search works, filters apply with the button, and the vacancy opens', async ({ page }) => {
		await searchFor(page, 'marigld', 'NR18 9ZZ')
		await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible()
		await page.getByLabel(/^No driving licence needed/).check()
		await page.getByRole('button', { name: 'Apply filters' }).click()
		await expect(page).toHaveURL(/nodriving=1/)
		await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible()
		await page.getByRole('link', { name: title, exact: true }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
	})

	test('an unknown place gets a suggestion', async ({ page }) => {
		const response = await page.goto('/jobs?where=Wymondam')
		expect(response?.status()).toBe(400)
		await expect(page.getByRole('alert')).toContainText('Did you mean Wymondham?')
		await page.getByRole('link', { name: 'Wymondham', exact: true }).click()
		await expect(page.getByRole('heading', { level: 1 })).toContainText('within 10 miles of Wymondham, Norfolk')
	})
})
