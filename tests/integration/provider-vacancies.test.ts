import { beforeAll, describe, expect, test } from 'vitest'
import { minimumRateOn } from '#app/models/jobs/minimum-wage.ts'
import { formatPence } from '#app/models/jobs/pay.ts'
import { closeExpiredVacancies } from '#app/models/jobs/vacancies.server.ts'
import * as publicVacancyRoute from '#app/routes/jobs.$vacancyId.tsx'
import * as jobsRoute from '#app/routes/jobs._index.tsx'
import * as loginRoute from '#app/routes/login.tsx'
import * as manageVacancyRoute from '#app/routes/provider.vacancies.$vacancyId._index.tsx'
import * as editVacancyRoute from '#app/routes/provider.vacancies.$vacancyId.edit.tsx'
import * as newVacancyRoute from '#app/routes/provider.vacancies.new.tsx'
import * as signupRoute from '#app/routes/signup.tsx'
import { addDays, londonDateParts, londonDateString } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import { reconcileIndex } from '#search/indexing.server.ts'
import { createProvider, insertVacancy } from '#tests/fixtures/vacancies.ts'
import { callRoute, cookieFrom, routeRequest } from '#tests/helpers.ts'

const context = { clientIp: '203.0.113.10' }

function signupForm(overrides: Record<string, string> = {}) {
	return {
		contactName: 'Sam Manager',
		email: `sam.${Math.random().toString(36).slice(2)}@example.test`,
		password: 'correct horse battery',
		name: 'Beacon House',
		type: 'care-home',
		cqcLocationId: '',
		addressLine1: '12 Church Lane',
		addressLine2: '',
		town: 'Wymondham',
		postcode: 'nr18 0aa',
		website: 'beacon.example',
		about: '',
		...overrides,
	}
}

async function signUp(overrides: Record<string, string> = {}, ip = `198.51.100.${Math.floor(Math.random() * 250)}`) {
	const form = signupForm(overrides)
	const result = await callRoute(() =>
		signupRoute.action({ request: routeRequest('/signup', { form }), params: {}, context: { clientIp: ip } }),
	)
	return { ...result, form }
}

function vacancyForm(overrides: Record<string, string | string[]> = {}) {
	const closing = londonDateParts(addDays(new Date(), 14))
	return {
		intent: 'publish',
		title: 'Weekend care assistant',
		roleId: 'care-worker',
		setting: 'care-home',
		description: 'Support older people with personal care and companionship at weekends. Full training given.',
		requirements: '',
		howToApply: 'Call Sam on 01953 000000.',
		postcode: 'NR18 0AA',
		town: 'Wymondham',
		payPeriod: 'hour',
		payMin: '12.90',
		payMax: '13.40',
		hoursPerWeek: '',
		hours: ['weekends', 'part-time'],
		contract: 'permanent',
		standardRef: '',
		drivingLicenceRequired: 'no',
		visaSponsorship: 'no',
		closingDay: String(closing.day),
		closingMonth: String(closing.month),
		closingYear: String(closing.year),
		positions: '2',
		...overrides,
	}
}

let cookieA: string
let cookieB: string

beforeAll(async () => {
	cookieA = cookieFrom((await signUp({ name: 'Provider A House' })).headers)
	cookieB = cookieFrom((await signUp({ name: 'Provider B Care' })).headers)
})

describe('provider sign-up', () => {
	test('creates the account, the organisation and its owner, and signs them in', async () => {
		const { status, location, headers, form } = await signUp({ name: 'Gamma Lodge' })
		expect(status).toBe(302)
		expect(location).toBe('/provider')
		expect(headers.get('Set-Cookie')).toMatch(/HttpOnly/)
		expect(headers.get('Set-Cookie')).toMatch(/SameSite=Lax/)
		const user = await prisma.user.findUniqueOrThrow({
			where: { email: form.email },
			include: { memberships: { include: { provider: true } } },
		})
		expect(user.passwordHash).toMatch(/^\$argon2id\$/)
		expect(user.memberships[0]).toMatchObject({
			role: 'owner',
			provider: { name: 'Gamma Lodge', postcode: 'NR18 0AA', website: 'https://beacon.example/' },
		})
	})

	test('every bad field gets its own message, the input is kept, and the answer is a 400', async () => {
		const { status, data } = await signUp({
			email: 'not-an-email',
			password: 'short',
			postcode: 'NR18',
			type: '',
			cqcLocationId: 'ABC',
		})
		expect(status).toBe(400)
		expect(data.result.error).toMatchObject({
			email: ['Enter an email address in the correct format, like name@example.com'],
			password: ['Password must be at least 10 characters'],
			postcode: ['Enter a full UK postcode, like NR1 3QU'],
			type: ['Choose what kind of employer you are'],
			cqcLocationId: ['Enter a CQC location ID in the format 1-123456789, or leave it blank'],
		})
		expect(data.result.initialValue).toMatchObject({ email: 'not-an-email', name: 'Beacon House' })
		expect(data.result.initialValue.password).toBeUndefined()
	})

	test('an email already in use is refused', async () => {
		const first = await signUp()
		expect(first.status).toBe(302)
		const again = await signUp({ email: first.form.email.toUpperCase() })
		expect(again.status).toBe(400)
		expect(again.data.result.error.email).toEqual(['An account already uses this email address: sign in instead'])
	})

	test('a bot that fills the hidden field creates nothing', async () => {
		const { status, form } = await signUp({ website_url: 'http://spam.example' })
		expect(status).toBe(302)
		expect(await prisma.user.findUnique({ where: { email: form.email } })).toBeNull()
	})

	test('sign-ups are rate limited per address', async () => {
		const ip = '192.0.2.77'
		const statuses = []
		for (let i = 0; i < 11; i++) statuses.push((await signUp(i % 2 ? { email: 'bad' } : {}, ip)).status)
		// failed attempts count too, so the limit cannot be used to probe emails
		expect(statuses).toEqual([302, 400, 302, 400, 302, 400, 302, 400, 302, 400, 429])
	})
})

describe('sign in', () => {
	test('a wrong password gets one clear message; the right one signs in', async () => {
		const { form } = await signUp()
		const wrong = await callRoute(() =>
			loginRoute.action({
				request: routeRequest('/login', { form: { email: form.email, password: 'wrong password!' } }),
				params: {},
				context,
			}),
		)
		expect(wrong.status).toBe(400)
		expect(wrong.data.result.error['']).toEqual(['Enter a correct email address and password'])
		const right = await callRoute(() =>
			loginRoute.action({
				request: routeRequest('/login', {
					form: { email: form.email, password: form.password, redirectTo: '/provider/profile' },
				}),
				params: {},
				context,
			}),
		)
		expect(right.status).toBe(302)
		expect(right.location).toBe('/provider/profile')
	})

	test('never redirects off the site after signing in', async () => {
		const { form } = await signUp()
		const result = await callRoute(() =>
			loginRoute.action({
				request: routeRequest('/login', {
					form: { email: form.email, password: form.password, redirectTo: '//evil.example' },
				}),
				params: {},
				context,
			}),
		)
		expect(result.location).toBe('/provider')
	})

	const signIn = (email: string, password: string, clientIp: string) =>
		callRoute(() =>
			loginRoute.action({
				request: routeRequest('/login', { form: { email, password } }),
				params: {},
				context: { clientIp },
			}),
		)

	test('one address guessing at an account is refused after 10 failures, with Retry-After', async () => {
		const { form } = await signUp()
		let last = await signIn(form.email, 'wrong password!', '198.51.100.7')
		for (let i = 0; i < 10; i++) last = await signIn(form.email, 'wrong password!', '198.51.100.7')
		expect(last.status).toBe(429)
		expect(Number(last.headers.get('Retry-After'))).toBeGreaterThan(0)
		expect(last.data.result.error[''][0]).toMatch(/^Too many attempts to sign in from here/)
	})

	test('a stranger failing from many addresses slows the account down but never locks its owner out', async () => {
		const { form } = await signUp()
		for (let i = 0; i < 11; i++) {
			expect((await signIn(form.email, 'wrong password!', `10.0.0.${i}`)).status).toBe(400)
		}
		const owner = await signIn(form.email, form.password, '203.0.113.99')
		expect(owner.status).toBe(302)
	})
})

describe('posting a vacancy', () => {
	test('“no driving licence” against the advert’s own words is questioned, and published only once confirmed', async () => {
		const post = (extra: Record<string, string>) =>
			callRoute(() =>
				newVacancyRoute.action({
					request: routeRequest('/provider/vacancies/new', {
						form: vacancyForm({ requirements: 'A full UK driving licence and use of a car are essential.', ...extra }),
						cookie: cookieA,
					}),
					params: {},
					context,
				}),
			)
		const questioned = await post({})
		expect(questioned.status).toBe(400)
		expect(questioned.data.result.error.drivingLicenceRequired[0]).toMatch(
			/^Your advert says “A full UK driving licence and use of a car are essential”/,
		)
		const confirmed = await post({ confirmNoDriving: 'on' })
		expect(confirmed.status).toBe(302)
		const id = Number(confirmed.location!.match(/vacancies\/(\d+)/)![1])
		expect((await prisma.vacancy.findUniqueOrThrow({ where: { id } })).drivingConfirmedAt).not.toBeNull()
	})

	test('a valid vacancy is published and queued for the index in the same transaction', async () => {
		const result = await callRoute(() =>
			newVacancyRoute.action({
				request: routeRequest('/provider/vacancies/new', { form: vacancyForm(), cookie: cookieA }),
				params: {},
				context,
			}),
		)
		expect(result.status).toBe(302)
		const id = Number(result.location!.match(/vacancies\/(\d+)/)![1])
		const vacancy = await prisma.vacancy.findUniqueOrThrow({ where: { id } })
		expect(vacancy).toMatchObject({
			status: 'live',
			payMin: 1290,
			payMax: 1340,
			weekends: true,
			partTime: true,
			positions: 2,
			outcode: 'NR18',
		})
		expect(await prisma.searchOutbox.count({ where: { entity: 'vacancy', entityId: String(id) } })).toBe(1)
	})

	test('pay below the National Living Wage is refused, naming the rate, together with every other error', async () => {
		const rate = minimumRateOn(londonDateString(), false)
		const result = await callRoute(() =>
			newVacancyRoute.action({
				request: routeRequest('/provider/vacancies/new', {
					form: vacancyForm({ payMin: '11.00', payMax: '', title: '', hours: [], closingDay: '31', closingMonth: '2' }),
					cookie: cookieA,
				}),
				params: {},
				context,
			}),
		)
		expect(result.status).toBe(400)
		expect(result.data.result.error).toEqual({
			title: ['Enter a job title'],
			hours: ['Choose at least one pattern of hours'],
			payMin: [
				`Pay must be at least ${formatPence(rate.pence)} an hour: the National Living Wage from ${rate.from.split('-').reverse().join('/')}`,
			],
			closingDay: ['Closing date must be a real date'],
		})
		expect(result.data.result.initialValue).toMatchObject({ description: vacancyForm().description, payMin: '11.00' })
	})

	test('an apprenticeship may pay the apprentice rate but must name its standard', async () => {
		const missing = await callRoute(() =>
			newVacancyRoute.action({
				request: routeRequest('/provider/vacancies/new', {
					form: vacancyForm({ apprenticeship: 'on', payMin: '8.50', payMax: '', hoursPerWeek: '37.5' }),
					cookie: cookieA,
				}),
				params: {},
				context,
			}),
		)
		expect(missing.status).toBe(400)
		expect(missing.data.result.error.standardRef).toEqual(['Choose the apprenticeship standard'])
		const ok = await callRoute(() =>
			newVacancyRoute.action({
				request: routeRequest('/provider/vacancies/new', {
					form: vacancyForm({
						apprenticeship: 'on',
						standardRef: 'ST0005',
						payMin: '8.50',
						payMax: '',
						hoursPerWeek: '37.5',
					}),
					cookie: cookieA,
				}),
				params: {},
				context,
			}),
		)
		expect(ok.status).toBe(302)
	})

	test.each([
		[
			'an apprenticeship on a zero-hours contract',
			{
				apprenticeship: 'on',
				standardRef: 'ST0005',
				payMin: '9.00',
				payMax: '',
				contract: 'zero-hours',
				hoursPerWeek: '37.5',
			},
			'contract',
			'An apprenticeship must be on a permanent or fixed-term contract, not bank or zero-hours',
		],
		[
			'an apprenticeship under 16 hours a week',
			{ apprenticeship: 'on', standardRef: 'ST0005', payMin: '9.00', payMax: '', hoursPerWeek: '10' },
			'hoursPerWeek',
			'An apprenticeship must be at least 16 hours a week',
		],
		[
			'visa sponsorship on a zero-hours contract',
			{ visaSponsorship: 'yes', contract: 'zero-hours' },
			'visaSponsorship',
			'Visa sponsorship needs a permanent or fixed-term contract with guaranteed hours',
		],
		[
			'a workplace far from the region',
			{ postcode: 'SW1A 1AA', town: 'London' },
			'postcode',
			'This site is for jobs in and around Norfolk and Waveney. Enter a workplace postcode in the area, like NR1 3QU',
		],
		['a two-digit year', { closingYear: '27' }, 'closingYear', 'Year must include 4 numbers'],
	])('refuses %s', async (_, overrides, field, message) => {
		const result = await callRoute(() =>
			newVacancyRoute.action({
				request: routeRequest('/provider/vacancies/new', { form: vacancyForm(overrides), cookie: cookieA }),
				params: {},
				context,
			}),
		)
		expect(result.status).toBe(400)
		expect(result.data.result.error[field]).toEqual([message])
	})

	test('a salary needs hours per week, and is checked by its hourly equivalent', async () => {
		const result = await callRoute(() =>
			newVacancyRoute.action({
				request: routeRequest('/provider/vacancies/new', {
					form: vacancyForm({ payPeriod: 'year', payMin: '24,000', payMax: '' }),
					cookie: cookieA,
				}),
				params: {},
				context,
			}),
		)
		expect(result.status).toBe(400)
		expect(result.data.result.error.hoursPerWeek).toEqual([
			'Enter the hours per week, so candidates can compare the salary with hourly pay',
		])
	})

	test('signed-out visitors are sent to sign in, then back', async () => {
		const result = await callRoute(() =>
			newVacancyRoute.loader({ request: routeRequest('/provider/vacancies/new'), params: {}, context }),
		)
		expect(result.status).toBe(302)
		expect(result.location).toBe('/login?redirectTo=%2Fprovider%2Fvacancies%2Fnew')
	})
})

describe('one provider cannot see or change another’s vacancies', () => {
	let vacancyOfA: number

	beforeAll(async () => {
		const result = await callRoute(() =>
			newVacancyRoute.action({
				request: routeRequest('/provider/vacancies/new', { form: vacancyForm({ title: 'A only' }), cookie: cookieA }),
				params: {},
				context,
			}),
		)
		vacancyOfA = Number(result.location!.match(/vacancies\/(\d+)/)![1])
	})

	test('its own team can open it', async () => {
		const result = await callRoute(() =>
			manageVacancyRoute.loader({
				request: routeRequest(`/provider/vacancies/${vacancyOfA}`, { cookie: cookieA }),
				params: { vacancyId: String(vacancyOfA) },
				context,
			}),
		)
		expect(result.status).toBe(200)
		expect(result.data.title).toBe('A only')
	})

	test.each([
		['manage page', () => manageVacancyRoute.loader],
		['edit page', () => editVacancyRoute.loader],
	])('provider B gets 404 for the %s by direct URL', async (_, route) => {
		const result = await callRoute(() =>
			route()({
				request: routeRequest(`/provider/vacancies/${vacancyOfA}`, { cookie: cookieB }),
				params: { vacancyId: String(vacancyOfA) },
				context,
			}),
		)
		expect(result.status).toBe(404)
	})

	test.each(['close', 'duplicate', 'publish'])('provider B cannot %s it', async (intent) => {
		const result = await callRoute(() =>
			manageVacancyRoute.action({
				request: routeRequest(`/provider/vacancies/${vacancyOfA}`, { form: { intent }, cookie: cookieB }),
				params: { vacancyId: String(vacancyOfA) },
				context,
			}),
		)
		expect(result.status).toBe(404)
		expect((await prisma.vacancy.findUniqueOrThrow({ where: { id: vacancyOfA } })).status).toBe('live')
	})

	test('provider B cannot edit it', async () => {
		const result = await callRoute(() =>
			editVacancyRoute.action({
				request: routeRequest(`/provider/vacancies/${vacancyOfA}/edit`, {
					form: vacancyForm({ title: 'Hijacked' }),
					cookie: cookieB,
				}),
				params: { vacancyId: String(vacancyOfA) },
				context,
			}),
		)
		expect(result.status).toBe(404)
		expect((await prisma.vacancy.findUniqueOrThrow({ where: { id: vacancyOfA } })).title).toBe('A only')
	})
})

describe('lifecycle: draft → live → closed', () => {
	test('duplicate makes a draft copy; close takes it out; expired vacancies close themselves', async () => {
		const created = await callRoute(() =>
			newVacancyRoute.action({
				request: routeRequest('/provider/vacancies/new', {
					form: vacancyForm({ intent: 'save', title: 'Draft first' }),
					cookie: cookieA,
				}),
				params: {},
				context,
			}),
		)
		const id = Number(created.location!.match(/vacancies\/(\d+)/)![1])
		expect((await prisma.vacancy.findUniqueOrThrow({ where: { id } })).status).toBe('draft')
		expect(await prisma.searchOutbox.count({ where: { entity: 'vacancy', entityId: String(id) } })).toBe(0)

		const act = (intent: string) =>
			callRoute(() =>
				manageVacancyRoute.action({
					request: routeRequest(`/provider/vacancies/${id}`, { form: { intent }, cookie: cookieA }),
					params: { vacancyId: String(id) },
					context,
				}),
			)
		expect((await act('publish')).location).toBe(`/provider/vacancies/${id}?published=1`)
		expect((await act('publish')).status).toBe(409)
		const copy = await act('duplicate')
		const copyId = Number(copy.location!.match(/vacancies\/(\d+)/)![1])
		expect(await prisma.vacancy.findUniqueOrThrow({ where: { id: copyId } })).toMatchObject({
			status: 'draft',
			title: 'Draft first',
		})
		expect((await act('close')).location).toBe(`/provider/vacancies/${id}?closed=1`)
		expect(await prisma.vacancy.findUniqueOrThrow({ where: { id } })).toMatchObject({
			status: 'closed',
			closedReason: 'closed_early',
		})

		const provider = await createProvider()
		const stale = await insertVacancy(provider.id, { closingDate: addDays(new Date(), -1) })
		expect(await closeExpiredVacancies()).toBeGreaterThanOrEqual(1)
		expect(await prisma.vacancy.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({
			status: 'closed',
			closedReason: 'expired',
		})
		expect(await prisma.searchOutbox.count({ where: { entity: 'vacancy', entityId: String(stale.id) } })).toBe(1)
	})
})

describe('public vacancy pages', () => {
	test('a closed vacancy answers 410 with similar live vacancies; a draft is not found', async () => {
		const provider = await createProvider()
		const closed = await insertVacancy(provider.id, { title: 'Gone job', status: 'closed', publishedDaysAgo: 3 })
		const similar = await insertVacancy(provider.id, { title: 'Similar live job', publishedDaysAgo: 1 })
		const draft = await insertVacancy(provider.id, { title: 'Secret draft', status: 'draft' })
		await reconcileIndex()
		const gone = await callRoute(() =>
			publicVacancyRoute.loader({
				request: routeRequest(`/jobs/${closed.id}`),
				params: { vacancyId: String(closed.id) },
				context,
			}),
		)
		expect(gone.status).toBe(410)
		expect(gone.data.similar.map((s: { id: number }) => s.id)).toContain(similar.id)
		expect(gone.data.jsonLd).toBeNull()
		const hidden = await callRoute(() =>
			publicVacancyRoute.loader({
				request: routeRequest(`/jobs/${draft.id}`),
				params: { vacancyId: String(draft.id) },
				context,
			}),
		)
		expect(hidden.status).toBe(404)
		const nonsense = await callRoute(() =>
			publicVacancyRoute.loader({ request: routeRequest('/jobs/abc'), params: { vacancyId: 'abc' }, context }),
		)
		expect(nonsense.status).toBe(404)
	})

	test('a live vacancy carries JobPosting data with pay, place and dates', async () => {
		const provider = await createProvider({ name: 'Posting Homes' })
		const v = await insertVacancy(provider.id, {
			title: 'Care assistant',
			postcode: 'NR18 0AA',
			town: 'Wymondham',
			payMin: 1300,
			payMax: 1400,
			hours: ['full-time'],
		})
		const page = await callRoute(() =>
			publicVacancyRoute.loader({
				request: routeRequest(`/jobs/${v.id}?search=${encodeURIComponent('where=NR1')}`),
				params: { vacancyId: String(v.id) },
				context,
			}),
		)
		expect(page.status).toBe(200)
		expect(page.data.distance).toEqual({ miles: '9 miles', from: 'NR1' })
		expect(page.data.jsonLd).toMatchObject({
			'@type': 'JobPosting',
			title: 'Care assistant',
			hiringOrganization: { name: 'Posting Homes' },
			jobLocation: { address: { addressLocality: 'Wymondham', postalCode: 'NR18 0AA', addressCountry: 'GB' } },
			baseSalary: { currency: 'GBP', value: { minValue: 13, maxValue: 14, unitText: 'HOUR' } },
			employmentType: ['FULL_TIME'],
		})
		expect(page.data.jsonLd.description).toContain('<p>')
		expect(page.data.jsonLd.validThrough).toBe(v.closingDate.toISOString())
	})

	test('an individual employer’s home address appears nowhere, only the area', async () => {
		const provider = await prisma.provider.create({
			data: {
				name: 'Jo (individual employer)',
				type: 'individual-employer',
				addressLine1: '7 Secret Close',
				town: 'Aylsham',
				postcode: 'NR11 6ZZ',
				about: 'Hiring a PA',
			},
		})
		const v = await insertVacancy(provider.id, {
			title: 'Personal Assistant',
			roleId: 'personal-assistant',
			setting: 'personal-assistant',
			postcode: 'NR11 6ZZ',
			town: 'Aylsham',
		})
		await reconcileIndex()
		const page = await callRoute(() =>
			publicVacancyRoute.loader({
				request: routeRequest(`/jobs/${v.id}`),
				params: { vacancyId: String(v.id) },
				context,
			}),
		)
		const search = await callRoute(() =>
			jobsRoute.loader({ request: routeRequest('/jobs?q=Personal+Assistant'), params: {}, context }),
		)
		for (const payload of [JSON.stringify(page.data), JSON.stringify(search.data)]) {
			expect(payload).not.toContain('Secret Close')
			expect(payload).not.toContain('6ZZ')
		}
		expect(page.data.location).toBe('Aylsham area (NR11)')
		expect(page.data.jsonLd.jobLocation.address.postalCode).toBe('NR11')
	})
})

describe('the search page', () => {
	test('an unknown place answers 400 with a suggestion and still lists jobs', async () => {
		const result = await callRoute(() =>
			jobsRoute.loader({ request: routeRequest('/jobs?where=Wymondam'), params: {}, context }),
		)
		expect(result.status).toBe(400)
		expect(result.data.errors.where).toBe('We could not find “Wymondam”. Did you mean Wymondham?')
		expect(result.data.suggestions[0]).toMatchObject({ name: 'Wymondham', href: '/jobs?where=Wymondham' })
		expect(result.data.total).toBeGreaterThan(0)
	})

	test('a malformed minimum pay answers 400 with a message for that field', async () => {
		const result = await callRoute(() =>
			jobsRoute.loader({ request: routeRequest('/jobs?minpay=lots'), params: {}, context }),
		)
		expect(result.status).toBe(400)
		expect(result.data.errors.minpay).toBe('Enter minimum hourly pay in pounds, like 12.50')
	})

	test('nonsense in the URL is ignored rather than an error', async () => {
		const result = await callRoute(() =>
			jobsRoute.loader({
				request: routeRequest('/jobs?radius=999&sort=bogus&page=-3&setting=moon&hours=nights'),
				params: {},
				context,
			}),
		)
		expect(result.status).toBe(200)
		expect(result.data.form).toMatchObject({ radius: 10, page: 1, setting: [], hours: ['nights'] })
	})
})
