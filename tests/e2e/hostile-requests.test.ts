import { expect, test } from '@playwright/test'

// What a tester sends that no browser would: never a 500, always a plain answer.
const forms = [
	'/login',
	'/signup',
	'/forgot-password',
	'/ambassadors/request-a-visit',
	'/help',
	'/provider/vacancies/new',
]

test('a body that is not a form is refused with 415 on every form', async ({ request, baseURL }) => {
	for (const path of forms) {
		for (const [type, body] of [
			['application/json', '{"email":"a@b.c"}'],
			['text/plain', 'email=a@b.c'],
			['', 'email=a@b.c'],
		] as const) {
			const response = await request.post(path, {
				headers: { Origin: baseURL!, ...(type ? { 'Content-Type': type } : { 'Content-Type': '' }) },
				data: body,
				maxRedirects: 0,
			})
			expect(response.status(), `${path} with ${type || 'no type'}`).toBe(415)
		}
	}
})

test('a form body that cannot be read, or urlencoded where a file is expected, is a 4xx', async ({
	request,
	baseURL,
}) => {
	const broken = await request.post('/login', {
		headers: { Origin: baseURL!, 'Content-Type': 'multipart/form-data; boundary=nothing-here' },
		data: 'not multipart at all',
		maxRedirects: 0,
	})
	expect(broken.status()).toBe(400)
	const job = (await (await request.get('/jobs')).text()).match(/href="\/jobs\/(\d+)\?/)![1]
	const noFile = await request.post(`/jobs/${job}/apply`, {
		headers: { Origin: baseURL! },
		form: { firstName: 'Alex' },
		maxRedirects: 0,
	})
	expect(noFile.status()).toBe(400)
	expect(await noFile.text()).toContain('There is a problem')
})

test('ids out of range or written twice are 404s, and ?_data= goes to the page', async ({ request }) => {
	for (const path of [
		'/jobs/1e30',
		'/jobs/99999999999999999999',
		'/jobs/321.0',
		'/jobs/0321',
		'/jobs/1e30/apply',
		'/jobs/99999999999999999999/apply',
	]) {
		expect((await request.get(path)).status(), path).toBe(404)
	}
	const legacy = await request.get('/jobs?_data=routes/jobs._index', { maxRedirects: 0 })
	expect(legacy.status()).toBe(302)
	expect(legacy.headers().location).toBe('/jobs')
})

test('a form too large to be one of ours is refused before it is read, with a plain message', async ({
	request,
	baseURL,
}) => {
	const huge = await request.post('/alerts/new', {
		headers: { Origin: baseURL! },
		form: { email: 'a'.repeat(3 * 1024 * 1024), frequency: 'daily' },
	})
	expect(huge.status()).toBe(413)
	expect(await huge.text()).toContain('This form is too large to send (the most is 1 MB)')
	const hugeFile = await request.post('/jobs/1/apply', {
		headers: { Origin: baseURL! },
		multipart: { cv: { name: 'cv.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(21 * 1024 * 1024) } },
	})
	expect(hugeFile.status()).toBe(413)
	// A form of ordinary size still gets the page's own message.
	const long = await request.post('/alerts/new', {
		headers: { Origin: baseURL! },
		form: { email: 'a'.repeat(300), frequency: 'daily' },
	})
	expect(long.status()).toBe(400)
	expect(await long.text()).toContain('Email address must be 254 characters or fewer')
})

test('an address with a broken %-escape is a 400 that says so', async ({ request }) => {
	for (const path of ['/jobs/%', '/alerts/%E0%A4%A/unsubscribe', '/%']) {
		const response = await request.get(path)
		expect(response.status(), path).toBe(400)
		expect(await response.text()).toContain('This web address is not valid')
	}
})

test('a form sent from another website, or with an Origin no browser sends, is a 403 with a plain message', async ({
	request,
}) => {
	for (const origin of ['https://attacker.example', 'null', 'not a url', 'http://localhost:1']) {
		const response = await request.post('/login', {
			headers: { Origin: origin },
			form: { email: 'manager@wensum-lodge.example', password: 'wrong' },
			maxRedirects: 0,
		})
		expect(response.status(), `Origin: ${origin}`).toBe(403)
		expect(await response.text()).toContain('sent from another website')
	}
})

test('a form from this site behind a proxy that rewrites Host still works (the public address is trusted)', async ({
	request,
	baseURL,
}) => {
	const response = await request.post('/login', {
		headers: { Origin: baseURL!, Host: 'internal-upstream:8080' },
		form: { email: 'nobody@example.test', password: 'not the password' },
		maxRedirects: 0,
	})
	expect(response.status()).toBe(400)
	expect(await response.text()).toContain('There is a problem')
})
