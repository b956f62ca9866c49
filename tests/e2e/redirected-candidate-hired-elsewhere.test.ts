import { expect, test, type Browser } from '@playwright/test'
import { expectNoSeriousAxeViolations } from './axe.ts'
import { openMail, waitUntilSearchable } from './mailbox.ts'

// The portal's reason to exist: a candidate one provider turns down, but judges
// suitable for other roles, is passed on, applies elsewhere in one step, is
// hired there, and the first provider sees it counted.
test.describe.configure({ mode: 'serial' })

const unique = Date.now().toString(36)
const title = `Days care assistant ${unique}`
const hirerEmail = `hirer.${unique}@example.test`

async function signIn(browser: Browser, email: string, password: string) {
	const context = await browser.newContext()
	const page = await context.newPage()
	await page.goto('/login')
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Password').fill(password)
	await page.getByRole('button', { name: 'Sign in' }).click()
	await page.waitForURL(/\/(provider|account)/)
	return page
}

test('another provider posts a job near the candidate', async ({ page }) => {
	await page.goto('/signup')
	await page.getByLabel('Your name').fill('Harriet Hirer')
	await page.getByLabel('Email address').fill(hirerEmail)
	await page.getByLabel('Create a password').fill('a long enough password')
	await page.getByLabel('Care home', { exact: true }).check()
	await page.getByLabel('Name candidates will see').fill(`Hirer House ${unique}`)
	await page.getByLabel('Address line 1').fill('9 Magdalen Street')
	await page.getByLabel('Town or city').fill('Norwich')
	await page.getByLabel('Postcode').fill('NR3 1AA')
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page.getByRole('heading', { name: 'Your vacancies' })).toBeVisible()
	// Nobody can claim an organisation on public details alone: the address must be confirmed.
	await expect(page.getByRole('heading', { name: 'Confirm your email address' })).toBeVisible()
	await page.getByRole('link', { name: 'Post a vacancy' }).first().click()
	await page.getByLabel('Job title').fill(title)
	await page.getByLabel('Role').selectOption('care-worker')
	await page.getByRole('group', { name: 'Where does the work happen?' }).getByLabel('Care home').check()
	await page
		.getByLabel('Description')
		.fill('Day shifts supporting older people in a small, friendly home. Full training given.')
	await page
		.getByLabel('What the candidate will need (optional)')
		.fill('The Care Certificate, or willingness to complete it.')
	await page.getByLabel('Postcode of the workplace').fill('NR3 4ZZ')
	await page.getByLabel('An hourly rate').check()
	await page.getByLabel('Pay, or the lowest pay if it is a range').fill('13.40')
	await page.getByLabel('Full-time').check()
	await page.getByLabel('Weekends').check()
	await page.getByLabel('Permanent').check()
	await page.getByRole('group', { name: 'Does the job need a driving licence?' }).getByLabel('No').check()
	await page
		.getByRole('group', { name: 'Can you sponsor a Skilled Worker visa for this job?' })
		.getByLabel('No')
		.check()
	await page.getByRole('button', { name: 'Publish vacancy' }).click()
	await expect(page.getByRole('status')).toContainText('Your vacancy is live')
	// Sam's matches are taken from search: the job must be searchable before he is turned down.
	await waitUntilSearchable(page, title, title)
})

test('Wensum Lodge turns Sam down but says he would suit other roles', async ({ browser }) => {
	const page = await signIn(browser, 'manager@wensum-lodge.example', 'care-careers-demo')
	await page.goto('/provider/applications')
	await page.getByRole('link', { name: 'Sam Taylor' }).click()
	await page.locator('summary', { hasText: 'Mark as unsuccessful' }).click()
	await page.getByLabel('Other candidates were a closer match').check()
	await page.getByRole('group', { name: 'Suitable for other roles?' }).getByLabel('Yes').check()
	await expect(
		page.getByRole('group', { name: /Which roles could they do/ }).getByLabel('Care worker', { exact: true }),
	).toBeChecked()
	await expectNoSeriousAxeViolations(page)
	await page.getByRole('button', { name: 'Mark as unsuccessful' }).click()
	await expect(page.getByRole('status')).toContainText('They asked to be sent jobs with other employers')
	await page.context().close()
})

test('Sam gets the email, sees why each job suits him, and applies in one step', async ({ browser }) => {
	const page = await signIn(browser, 'sam.taylor@candidate.example', 'care-careers-demo')
	await openMail(page, 'sam.taylor@candidate.example', /may suit you/)
	await expect(page.locator('pre')).toContainText('miles away')
	await page.goto('/account/matches')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jobs that may suit you')
	const match = page.locator('li', { has: page.getByRole('link', { name: title, exact: true }) })
	await expect(match).toContainText('full-time')
	await expectNoSeriousAxeViolations(page)
	await match.getByRole('button', { name: `Apply with my details for ${title} at Hirer House ${unique}` }).click()
	await expect(page.getByRole('status')).toContainText('Your application has been sent')

	// "Sharing your details" fits a phone screen (WCAG 1.4.10) and lists no private individual employers.
	await page.setViewportSize({ width: 390, height: 844 })
	await page.goto('/account/sharing')
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
	const choices = await page.getByLabel('Block an employer').locator('option').allTextContents()
	expect(choices[0]).toBe('Choose an employer')
	expect(choices.some((c) => /^Margaret\b/.test(c))).toBe(false)
	await expectNoSeriousAxeViolations(page)
	await page.context().close()
})

test('the new employer hires him, and Wensum Lodge sees one hired elsewhere', async ({ browser }) => {
	const hirer = await signIn(browser, hirerEmail, 'a long enough password')
	await hirer.goto('/provider/applications')
	await hirer.getByRole('link', { name: 'Sam Taylor' }).click()
	await hirer.getByRole('link', { name: 'Make a conditional offer' }).click()
	await hirer.getByRole('button', { name: 'Yes, make the offer' }).click()
	await expect(hirer.getByRole('status')).toContainText('Conditional offer made')
	for (const check of [
		'Enhanced DBS check',
		'First reference',
		'Second reference',
		'Right to work check',
		'Proof of identity',
		'Health declaration',
	]) {
		const form = hirer.locator('form', { has: hirer.getByRole('heading', { name: check }) })
		await form.getByLabel('Status').selectOption('cleared')
		await form.getByLabel('Who acts next').selectOption('provider')
		await form.getByRole('button', { name: /Save/ }).click()
		await expect(hirer.getByRole('heading', { name: check }).getByText('Cleared', { exact: true })).toBeVisible()
	}
	await hirer.getByRole('link', { name: 'Mark as hired' }).click()
	await hirer.getByRole('button', { name: 'Yes, mark as hired' }).click()
	await expect(hirer.getByRole('status')).toContainText('Marked as hired')
	await hirer.context().close()

	const wensum = await signIn(browser, 'manager@wensum-lodge.example', 'care-careers-demo')
	await expect(wensum.getByRole('heading', { name: 'Candidates you said would suit other roles' })).toBeVisible()
	await expect(wensum.getByTestId('hired-elsewhere')).toHaveText('1')
	await expectNoSeriousAxeViolations(wensum)
})
