import { expect, test } from '@playwright/test'

// A signed-in job seeker on a phone, without JavaScript, saves a job from the
// results: the page comes back at that job, which now says it is saved, and it
// is on their saved jobs page; removing it there takes it off. (axe needs
// JavaScript in the page: both pages are checked in every-page-fits-a-phone.)
test.use({ viewport: { width: 320, height: 740 }, isMobile: true, javaScriptEnabled: false })

test('saving a job from the results without JavaScript comes back to the same job', async ({ page }) => {
	await page.goto('/login')
	await page.getByLabel('Email address').fill('sam.taylor@candidate.example')
	await page.getByLabel('Password').fill('care-careers-demo')
	await page.getByRole('button', { name: 'Sign in' }).click()
	await page.waitForURL(/\/account/)

	await page.goto('/jobs?q=care&sort=newest')
	// A card further down the list, so coming back at the top would lose it.
	const card = page.locator('main li[id^="job-"]').nth(4)
	const id = await card.getAttribute('id')
	const title = await card.getByRole('heading').innerText()
	await card.getByRole('button', { name: /^Save/ }).click()

	await expect(page).toHaveURL(new RegExp(`/jobs\\?.*#${id}$`))
	const again = page.locator(`#${id}`)
	await expect(again.getByRole('button', { name: /^Saved: remove/ })).toBeVisible()
	await expect(again).toBeInViewport()

	await page.goto('/account/saved')
	const saved = page.locator('main li', { hasText: title })
	await expect(saved).toBeVisible()
	await saved.getByRole('button', { name: /remove/i }).click()
	await expect(page.locator('main li', { hasText: title })).toHaveCount(0)
})
