import { expect, test, type Browser, type Page } from '@playwright/test'
import { expectNoSeriousAxeViolations } from './axe.ts'
import { openMail } from './mailbox.ts'

// A new candidate applies from a phone with a CV and confirms their email; the
// provider invites them to an interview; they see it on their page and in the
// mailbox, with a calendar file.
test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

const unique = Date.now().toString(36)
const email = `alex.${unique}@candidate.test`
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n')
let applicationUrl = ''
let candidateState: Awaited<ReturnType<import('@playwright/test').BrowserContext['storageState']>> | undefined

async function openAWensumLodgeJob(page: Page) {
	await page.goto('/providers/demo-provider-01')
	await page.locator('main h3 a').first().click()
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
	return page.url()
}

async function fillApplication(page: Page, who: { first: string; email: string }) {
	await page.getByLabel('First name').fill(who.first)
	await page.getByLabel('Last name').fill('Morgan')
	await page.getByLabel('Email address').fill(who.email)
	await page.getByLabel('Phone number').fill('07700 900123')
	await page.getByLabel('Home postcode').fill('nr3 1ab')
	await page.getByLabel('Yes, I have the right to work in the UK').check()
	await page.getByRole('group', { name: 'Do you have a full UK driving licence?' }).getByLabel('No').check()
	await page.getByRole('group', { name: 'Do you have a car you can use for work?' }).getByLabel('No').check()
	await page.getByRole('group', { name: 'When can you work?' }).getByLabel('Days').check()
	await page.getByRole('group', { name: 'What hours do you want?' }).getByLabel('Either').check()
	await page.getByLabel('How far can you travel to work?').selectOption('10')
	await page.getByLabel('None yet').check()
	await page.getByLabel('Why would you like this job? (optional)').fill('I looked after my nan and loved it.')
}

test('a new candidate applies with a CV from a phone and confirms their email', async ({ page }) => {
	await openAWensumLodgeJob(page)
	await page.getByRole('link', { name: 'Apply for this job' }).first().click()
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Apply for')
	await expectNoSeriousAxeViolations(page)

	// A mistake first: the summary lists it and the answers typed so far stay.
	await page.getByLabel('First name').fill('Alex')
	await page.getByRole('button', { name: 'Send application' }).click()
	await expect(page.getByRole('alert')).toContainText('Enter your last name')
	await expect(page.getByLabel('First name')).toHaveValue('Alex')
	await expectNoSeriousAxeViolations(page)

	await fillApplication(page, { first: 'Alex', email })
	await page
		.getByLabel('Upload a CV (optional)')
		.setInputFiles({ name: 'alex-cv.pdf', mimeType: 'application/pdf', buffer: pdf })
	await page.getByRole('button', { name: 'Send application' }).click()
	await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
	await expectNoSeriousAxeViolations(page)

	const mail = await openMail(page, email, /Confirm your email/)
	const link = (await mail.locator('pre').textContent())!.match(/http:\/\/localhost:\d+\/confirm-application\/\S+/)![0]
	await page.goto(link)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your email to send your application')
	await expectNoSeriousAxeViolations(page)
	await page.getByRole('button', { name: 'Confirm and send my application' }).click()
	await expect(page.getByRole('status')).toContainText('Your application has been sent')
	await expect(page.getByText('alex-cv.pdf')).toBeVisible()
	applicationUrl = new URL(page.url()).pathname
	candidateState = await page.context().storageState()
	await expectNoSeriousAxeViolations(page)
})

test('the provider moves them to interview; the candidate sees it and gets the invitation', async ({ browser }) => {
	const provider = await signInAsProvider(browser)
	await provider.getByRole('link', { name: 'Applicants' }).click()
	await provider.getByRole('link', { name: 'Alex Morgan' }).first().click()
	await expect(provider.getByRole('heading', { level: 1 })).toHaveText('Alex Morgan')
	await expectNoSeriousAxeViolations(provider)
	await provider.getByText('Invite to an interview').click()
	const soon = new Date(Date.now() + 3 * 86_400_000)
	await provider.getByLabel('Day').fill(String(soon.getUTCDate()))
	await provider.getByLabel('Month').fill(String(soon.getUTCMonth() + 1))
	await provider.getByLabel('Year').fill(String(soon.getUTCFullYear()))
	await provider.getByLabel('Time').fill('10:30')
	await provider.getByLabel('How long, in minutes').fill('30')
	await provider.getByLabel('Where (address or room)').fill('Wensum Lodge, Norwich')
	await provider.getByRole('button', { name: 'Send the invitation' }).click()
	await expect(provider.getByRole('status')).toContainText('Interview invitation sent')
	await provider.context().close()

	const candidate = await browser.newContext({
		storageState: candidateState,
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true,
	})
	const page = await candidate.newPage()
	await page.goto(applicationUrl)
	await expect(page.locator('main strong.tag')).toHaveText('Interview')
	await expect(page.getByRole('heading', { name: 'Your interview' })).toBeVisible()
	await expect(page.getByText(/at 10:30am/)).toBeVisible()
	await expectNoSeriousAxeViolations(page)
	await page.getByLabel('Yes, I will be there').check()
	await page.getByRole('button', { name: 'Send reply' }).click()
	await expect(page.getByRole('status')).toContainText('The employer has been told')

	const mail = await openMail(page, email, /Interview invitation/)
	await expect(mail.getByRole('link', { name: 'interview.ics' })).toBeVisible()
	await candidate.close()
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('the apply journey works', async ({ page }) => {
		await openAWensumLodgeJob(page)
		await page.getByRole('link', { name: 'Apply for this job' }).first().click()
		await fillApplication(page, { first: 'Noscript', email: `noscript.${unique}@candidate.test` })
		await page.getByRole('button', { name: 'Send application' }).click()
		await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
		const mail = await openMail(page, `noscript.${unique}@candidate.test`, /Confirm your email/)
		const link = (await mail.locator('pre').textContent())!.match(
			/http:\/\/localhost:\d+\/confirm-application\/\S+/,
		)![0]
		await page.goto(link)
		await page.getByRole('button', { name: 'Confirm and send my application' }).click()
		await expect(page.getByRole('status')).toContainText('Your application has been sent')
	})
})

async function signInAsProvider(browser: Browser) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
	const page = await context.newPage()
	await page.goto('/login')
	await page.getByLabel('Email address').fill('manager@wensum-lodge.example')
	await page.getByLabel('Password').fill('care-careers-demo')
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page.getByRole('heading', { name: 'Your vacancies' })).toBeVisible()
	return page
}
