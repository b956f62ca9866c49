import { expect, type Page } from '@playwright/test'

// Email goes through the outbox in the background: wait for the message to reach
// the local mailbox, however busy the machine, rather than for a fixed time.
const MAIL_WAIT_MS = 60_000

/** Opens the newest email to `to` whose subject matches, once it has arrived. */
export async function openMail(page: Page, to: string, subject: RegExp) {
	let href = ''
	await expect(async () => {
		await page.goto('/dev/mailbox')
		const row = page.locator('tr', { hasText: to }).filter({ hasText: subject }).first()
		await expect(row).toBeVisible({ timeout: 1000 })
		href = (await row.getByRole('link').first().getAttribute('href')) ?? ''
	}).toPass({ timeout: MAIL_WAIT_MS })
	await page.goto(href)
	return page
}

/**
 * Waits until a search for `keywords` lists a link named `title` (exactly: the
 * "Remove filter “…”" link above the results names the keywords too): indexing
 * is background work, and a later step (matching, a candidate's search) needs it done.
 */
export async function waitUntilSearchable(page: Page, keywords: string, title: string) {
	await expect(async () => {
		await page.goto(`/jobs?q=${encodeURIComponent(keywords)}`)
		await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible({ timeout: 1000 })
	}).toPass({ timeout: MAIL_WAIT_MS })
}
