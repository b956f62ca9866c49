import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import Database from 'better-sqlite3'
import pg from 'pg'
import { expectNoSeriousAxeViolations } from './axe.ts'
import { openMail } from './mailbox.ts'

// A guest on a phone, without JavaScript, asks for a search by email and
// confirms it from the mailbox; an employer posts a matching job; the digest
// arrives; the guest's mail program unsubscribes them in one click (RFC 8058).
test.describe.configure({ mode: 'serial' })

const unique = Date.now().toString(36)
const email = `alert.${unique}@seeker.test`
const word = `Kestrelwood${unique}`
const title = `${word} care assistant`
const dataDir = path.resolve('tests/.e2e-data')

test.describe('a guest on a phone without JavaScript', () => {
	test.use({ viewport: { width: 360, height: 740 }, isMobile: true, javaScriptEnabled: false })

	test('makes an alert from a search with no results yet, and confirms it from the mailbox', async ({ page }) => {
		await page.goto('/jobs')
		await page.getByLabel('What').fill(word)
		await page.getByLabel('Where').fill('NR2 1AA')
		await page.getByRole('button', { name: 'Search', exact: true }).click()
		await expect(page.getByRole('heading', { name: 'No jobs match your search' })).toBeVisible()
		await page.getByRole('link', { name: 'Get an email when jobs like these are posted' }).click()

		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get these jobs by email')
		await expect(page.getByText(`Jobs matching “${word}” within 10 miles of NR2 1AA`)).toBeVisible()
		// A mistake first: the error summary names it.
		await page.getByLabel('Email address').fill('not an address')
		await page.getByRole('button', { name: 'Continue' }).click()
		await expect(page.getByRole('alert')).toContainText('Enter an email address in the correct format')
		await expect(page).toHaveTitle(/^Error:|Get these jobs by email/)

		await page.getByLabel('Email address').fill(email)
		await page.getByLabel('Once a day').check()
		await page.getByRole('button', { name: 'Continue' }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email')

		const mail = await openMail(page, email, /Confirm your job alert/)
		const link = (await mail.locator('pre').textContent())!.match(/http:\/\/localhost:\d+\/alerts\/\S+\/confirm/)![0]
		await page.goto(link)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your job alert')
		await page.getByRole('button', { name: 'Confirm my job alert' }).click()
		await expect(page.getByRole('status')).toContainText('Your job alert is confirmed')
	})
})

test('an employer posts a job that matches', async ({ page }) => {
	await page.goto('/login')
	await page.getByLabel('Email address').fill('manager@wensum-lodge.example')
	await page.getByLabel('Password').fill('care-careers-demo')
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page.getByRole('heading', { name: 'Your vacancies' })).toBeVisible()
	await page.getByRole('link', { name: 'Post a vacancy' }).first().click()
	await expect(page.getByRole('heading', { name: 'Post a vacancy' })).toBeVisible()
	await page.getByLabel('Job title').fill(title)
	await page.getByLabel('Role').selectOption('care-worker')
	await page.getByRole('group', { name: 'Where does the work happen?' }).getByLabel('Care home').check()
	await page.getByLabel('Description').fill('Join a kind team in Norwich. Full training and paid breaks.')
	await page.getByLabel('An hourly rate').check()
	await page.getByLabel('Pay, or the lowest pay if it is a range').fill('13.40')
	await page.getByLabel('Full-time').check()
	await page.getByLabel('Permanent').check()
	await page.getByRole('group', { name: 'Does the job need a driving licence?' }).getByLabel('No').check()
	await page
		.getByRole('group', { name: 'Can you sponsor a Skilled Worker visa for this job?' })
		.getByLabel('No')
		.check()
	await page.getByRole('button', { name: 'Publish vacancy' }).click()
	await expect(page.getByRole('status')).toContainText('Your vacancy is live')
})

test('the next morning the digest arrives, and the mail program unsubscribes in one click', async ({
	page,
	request,
}) => {
	// The night passes: the alert was last looked at yesterday (as the 7am run would find it).
	const yesterday = new Date(Date.now() - 25 * 3600_000).toISOString()
	if (process.env.DATABASE_URL?.startsWith('postgres')) {
		// The e2e run on PostgreSQL (DATABASE_URL=postgresql://… npx playwright test)
		const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
		await client.connect()
		await client.query('UPDATE "JobAlert" SET "checkedUpTo" = $1, "confirmedAt" = $1 WHERE email = $2', [
			yesterday.replace('Z', ''),
			email,
		])
		await client.end()
	} else {
		const db = new Database(path.join(dataDir, 'portal.db'))
		const stored = yesterday.replace('Z', '+00:00')
		db.prepare('UPDATE JobAlert SET checkedUpTo = ?, confirmedAt = ? WHERE email = ?').run(stored, stored, email)
		db.close()
	}
	// What the schedule does at 7am, run now by the operator's command.
	const out = execFileSync('node', ['--import', 'tsx', 'app/background/send-job-alerts.ts'], {
		env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'production', PUBLIC_URL: test.info().project.use.baseURL },
		encoding: 'utf8',
	})
	expect(out).toMatch(/queued [1-9]\d* digests/)

	await openMail(page, email, new RegExp(`1 new job: Jobs matching “${word}”`))
	const digest = page.frameLocator('iframe')
	await expect(digest.getByRole('link', { name: title, exact: true })).toBeVisible()
	await expect(digest.getByText('£13.40 an hour')).toBeVisible()
	// Its manage link works without signing in, fits a phone and passes axe.
	const manage = await digest.getByRole('link', { name: /Change how often/ }).getAttribute('href')
	await page.setViewportSize({ width: 320, height: 800 })
	await page.goto(manage!)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your job alert')
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
	await expectNoSeriousAxeViolations(page)

	// The List-Unsubscribe header, as the mail program reads it from the message.
	const file = fs
		.readdirSync(path.join(dataDir, 'mailbox'))
		.map((name) => fs.readFileSync(path.join(dataDir, 'mailbox', name), 'utf8'))
		.find((raw) => raw.includes(email) && raw.includes('List-Unsubscribe-Post'))!
	const unsubscribe = file.match(/^List-Unsubscribe:\s*<([^>]+)>/m)![1]
	expect(file).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m)
	// A mail provider's POST: from its own servers, no Origin of ours, no cookie.
	const response = await request.post(unsubscribe, {
		form: { 'List-Unsubscribe': 'One-Click' },
		headers: { Origin: 'https://mail.example.net' },
	})
	expect(response.status()).toBe(200)

	// The manage link in the digest now says the alert has gone.
	await page.goto(unsubscribe.replace(/\/unsubscribe$/, ''))
	await expect(page.getByText('This alert has been deleted')).toBeVisible()
})
