import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'

// The W3C Nu HTML checker (Java, from the vnu-jar package) over the pages as
// served, public and signed in: no errors.
const dir = path.resolve('test-results/html')
// The jar inside the vnu-jar package (its main module only exports this path).
const vnu = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar')

test('pages are valid HTML', async ({ page, request }) => {
	fs.rmSync(dir, { recursive: true, force: true })
	fs.mkdirSync(dir, { recursive: true })
	const save = (name: string, html: string) => fs.writeFileSync(path.join(dir, `${name}.html`), html)
	const publicPages = [
		'/',
		'/jobs',
		'/jobs?q=carer&where=Cromer',
		'/careers',
		'/careers/care-worker',
		'/help',
		'/privacy',
		'/signup',
		'/ambassadors/request-a-visit',
		'/alerts/new?q=carer&where=Cromer',
		'/alerts/check-email',
	]
	for (const [i, p] of publicPages.entries()) save(`public-${i}`, await (await request.get(p)).text())
	await page.goto('/login')
	await page.getByLabel('Email address').fill('manager@wensum-lodge.example')
	await page.getByLabel('Password').fill('care-careers-demo')
	await page.getByRole('button', { name: 'Sign in' }).click()
	await page.waitForURL(/\/provider/)
	for (const [i, p] of ['/provider', '/provider/applications', '/provider/vacancies/new', '/provider/team'].entries()) {
		const response = await page.goto(p)
		save(`provider-${i}`, (await response?.text()) ?? '')
	}
	const files = fs.readdirSync(dir).map((f) => path.join(dir, f))
	let report = ''
	try {
		execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'gnu', ...files], {
			encoding: 'utf8',
			stdio: 'pipe',
		})
	} catch (error) {
		report = String((error as { stderr?: string }).stderr ?? error)
	}
	expect(report).toBe('')
})
