import { expect, test } from '@playwright/test'
import { expectNoSeriousAxeViolations } from './axe.ts'
import { openMail } from './mailbox.ts'

// A teacher finds the careers pages, asks for an ambassador to visit, and the
// nearest ambassador (Ruth, a demo ambassador in Norwich) accepts it; they agree
// the details through the portal.
test.describe.configure({ mode: 'serial' })

const unique = Date.now().toString(36)
const school = `Eastgate High School ${unique}`
const teacherEmail = `careers.${unique}@eastgate.example`

test('the pathway map, a role page and the ambassador directory are accessible', async ({ page }) => {
	await page.goto('/')
	await page.getByRole('link', { name: 'Careers in care' }).first().click()
	await expect(page.getByRole('heading', { level: 1, name: 'Careers in care' })).toBeVisible()
	await expect(page.getByRole('img', { name: /Career pathways in care/ })).toBeVisible()
	await expectNoSeriousAxeViolations(page)

	await page.getByRole('link', { name: 'Senior care worker', exact: true }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Senior care worker' })).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Pay in live vacancies' })).toBeVisible()
	await page.getByLabel('Jobs near').fill('Norwich')
	await page.getByRole('button', { name: 'Count jobs' }).click()
	const near = page.getByRole('link', { name: /jobs? within 10 miles of Norwich/ })
	await expect(near).toBeVisible()
	await expectNoSeriousAxeViolations(page)
	await near.click()
	await expect(page).toHaveURL(/\/jobs\?where=Norwich&role=senior-care-worker/)

	await page.goto('/ambassadors')
	await expect(page.getByRole('heading', { level: 1, name: 'I Care Ambassadors' })).toBeVisible()
	await page.getByLabel('Area').selectOption('Norwich')
	await page.getByRole('button', { name: 'Show ambassadors' }).click()
	await expect(page.getByRole('link', { name: 'Ruth' })).toBeVisible()
	await expect(page.getByRole('link', { name: 'Tom' })).toHaveCount(0)
	await expectNoSeriousAxeViolations(page)
})

test('a school asks for a visit', async ({ page }) => {
	await page.goto('/ambassadors/request-a-visit')
	await page.getByRole('button', { name: 'Send request' }).click()
	await expect(page.getByRole('alert')).toContainText('Enter the name of your school, college or organisation')
	await expect(page).toHaveTitle(/^Error: /)
	await expectNoSeriousAxeViolations(page)

	await page.getByLabel('Name of your school, college or organisation').fill(school)
	await page.getByLabel('School', { exact: true }).check()
	await page.getByLabel('Your name').fill('Mrs Lane')
	await page.getByLabel('Your email address').fill(teacherEmail)
	await page.getByLabel('Town or village').fill('Norwich')
	await page.getByLabel('Postcode of the place to visit').fill('NR2 4AB')
	await page.getByLabel('When would suit you?').fill('Any Wednesday afternoon in January')
	await page.getByLabel('Who is it for?').fill('Year 11 students')
	await page.getByLabel('Years 10 and 11 (14 to 16)').check()
	await page.getByLabel('About how many people?').fill('30')
	await page.getByLabel('Apprenticeships').check()
	await page.getByRole('button', { name: 'Send request' }).click()
	await expect(page.getByRole('status')).toContainText('Your request has been sent')
	await expect(page.getByText('Waiting for an ambassador')).toBeVisible()
})

test('the nearest ambassador accepts, and both sides message through the portal', async ({ browser, page }) => {
	const ruth = await (await browser.newContext()).newPage()
	await ruth.goto('/login')
	await ruth.getByLabel('Email address').fill('ruth.ambassador@carecareers.example')
	await ruth.getByLabel('Password').fill('care-careers-demo')
	await ruth.getByRole('button', { name: 'Sign in' }).click()
	await expect(ruth).toHaveURL(/\/ambassador$/)
	await ruth.getByRole('link', { name: school }).click()
	await expect(ruth.getByText(teacherEmail)).toHaveCount(0)
	await ruth.getByRole('button', { name: 'Accept the visit' }).click()
	await expect(ruth.getByRole('status')).toContainText('You have accepted the visit')
	await ruth.getByLabel(`Send a message to ${school}`).fill('I can come on Wednesday 13 January at 2pm.')
	await ruth.getByRole('button', { name: 'Send message' }).click()
	await expect(ruth.getByRole('status')).toContainText('Your message has been sent')
	await expect(ruth.getByLabel(`Send a message to ${school}`)).toHaveValue('')
	await expectNoSeriousAxeViolations(ruth)

	// The school follows the link in its email.
	await openMail(page, teacherEmail, /An ambassador will visit you/)
	const link = await page.frameLocator('iframe').getByRole('link', { name: 'See your request' }).getAttribute('href')
	await page.goto(link!)
	await expect(page.getByText('An ambassador is coming')).toBeVisible()
	await expect(page.getByText('I can come on Wednesday 13 January at 2pm.')).toBeVisible()
	await expect(page.getByText('ruth.ambassador@carecareers.example')).toHaveCount(0)
	await page.getByLabel('Send a message to Ruth').fill('Perfect, please come to reception.')
	await page.getByRole('button', { name: 'Send message' }).click()
	await expect(page.getByRole('status')).toContainText('Your message has been sent')

	await ruth.reload()
	await expect(ruth.getByText('Perfect, please come to reception.')).toBeVisible()
})
