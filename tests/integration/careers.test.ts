import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { processEmailOutbox } from '#app/background/email-outbox.server.ts'
import { submitStory } from '#app/models/careers/stories.server.ts'
import { expireVisitOffers } from '#app/models/careers/visits/offers.server.ts'
import { OFFER_DAYS } from '#app/models/careers/visits/vocabulary.ts'
import { locateWorkplace } from '#app/models/places/places.server.ts'
import * as adminAmbassadorsRoute from '#app/routes/admin.ambassadors.tsx'
import * as adminStoriesRoute from '#app/routes/admin.stories.tsx'
import * as adminVisitsRoute from '#app/routes/admin.visits.tsx'
import * as pathwayRoute from '#app/routes/ambassador.pathway.tsx'
import * as profileRoute from '#app/routes/ambassador.profile.tsx'
import * as ambassadorVisitRoute from '#app/routes/ambassador.visits.$requestId.tsx'
import * as ambassadorRoute from '#app/routes/ambassadors.$ambassadorId.tsx'
import * as joinRoute from '#app/routes/ambassadors.join.$token.tsx'
import * as requestVisitRoute from '#app/routes/ambassadors.request-a-visit.tsx'
import * as roleRoute from '#app/routes/careers.$roleId.tsx'
import * as careersRoute from '#app/routes/careers._index.tsx'
import * as photoRoute from '#app/routes/photos.$fileId.tsx'
import * as storyRoute from '#app/routes/stories.$storyId.tsx'
import * as storiesRoute from '#app/routes/stories._index.tsx'
import * as schoolVisitRoute from '#app/routes/visits.$token.tsx'
import { createSession } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { reconcileIndex } from '#search/indexing.server.ts'
import { createProvider, insertVacancy } from '#tests/fixtures/vacancies.ts'
import { callRoute, routeRequest } from '#tests/helpers.ts'
import { linkIn, startTestMailServer } from '#tests/mail-server.ts'

const context = { clientIp: '203.0.113.50' }
let mail: Awaited<ReturnType<typeof startTestMailServer>>

beforeAll(async () => {
	mail = await startTestMailServer()
	await reconcileIndex()
})
afterAll(async () => {
	await mail.stop()
})

async function sendEmails() {
	while ((await processEmailOutbox()).claimed) {}
}

const cookieFor = async (userId: string) => (await createSession(userId)).split(';')[0]

let made = 0
async function ambassador(o: {
	firstName: string
	postcode: string
	town: string
	willing?: boolean
	radius?: number
	roleId?: string
}) {
	const at = locateWorkplace(o.postcode, o.town)
	if (!at) throw new Error(`fixture postcode ${o.postcode} not found`)
	const user = await prisma.user.create({
		data: {
			email: `${o.firstName.toLowerCase()}.${made++}.${Date.now()}@ambassador.test`,
			name: `${o.firstName} Surname`,
		},
	})
	const row = await prisma.ambassador.create({
		data: {
			userId: user.id,
			firstName: o.firstName,
			roleId: o.roleId ?? 'care-worker',
			town: o.town,
			outcode: at.outcode,
			lat: at.lat,
			lng: at.lng,
			willingToVisit: o.willing ?? true,
			visitRadiusMiles: o.radius ?? 20,
		},
	})
	return { ...row, email: user.email, cookie: await cookieFor(user.id) }
}

describe('career pathway pages', () => {
	// The shared open data is the source; the app keeps a copy. Every role in it gets a page built from it.
	const sharedRoles = JSON.parse(fs.readFileSync(path.resolve('app/data/care-roles.json'), 'utf8')).roles as Array<{
		id: string
		name: string
		description: string
		typical_entry: string[]
		next_roles: string[]
		apprenticeships?: string[]
	}>

	test('every role in the care roles data has a page with its description, entry routes, next roles and apprenticeships', async () => {
		expect(sharedRoles.length).toBeGreaterThan(15)
		for (const role of sharedRoles) {
			const page = await callRoute(() =>
				roleRoute.loader({ request: routeRequest(`/careers/${role.id}`), params: { roleId: role.id }, context }),
			)
			expect(page.status, role.id).toBe(200)
			expect(page.data.role.name).toBe(role.name)
			expect(page.data.role.description).toBe(role.description)
			expect(page.data.role.typicalEntry).toEqual(role.typical_entry)
			expect(page.data.role.leadsTo.map((r: { id: string }) => r.id)).toEqual(role.next_roles)
			expect(page.data.role.apprenticeships.map((a: { reference: string }) => a.reference)).toEqual(
				role.apprenticeships ?? [],
			)
			// "Comes from" is the reverse of every other role's next roles.
			const from = sharedRoles.filter((r) => r.next_roles.includes(role.id)).map((r) => r.id)
			expect(
				page.data.role.comesFrom.map((r: { id: string }) => r.id).filter((id: string) => id !== 'volunteering'),
			).toEqual(from)
		}
		const missing = await callRoute(() =>
			roleRoute.loader({ request: routeRequest('/careers/astronaut'), params: { roleId: 'astronaut' }, context }),
		)
		expect(missing.status).toBe(404)
	})

	test('the pathway map and its list show every role once, with volunteering and personal assistant routes in', async () => {
		const page = await callRoute(() => careersRoute.loader())
		const listed = page.data.map.list.flatMap((stage: { roles: Array<{ id: string }> }) => stage.roles.map((r) => r.id))
		expect(new Set(listed)).toEqual(new Set([...sharedRoles.map((r) => r.id), 'volunteering']))
		expect(listed.length).toBe(sharedRoles.length + 1)
		expect(page.data.map.nodes.map((n: { id: string }) => n.id).sort()).toEqual([...listed].sort())
		expect(page.data.map.links).toContainEqual({ from: 'volunteering', to: 'care-worker' })
		expect(page.data.map.links.some((l: { from: string }) => l.from === 'personal-assistant')).toBe(true)
	})

	test('pay figures are the median and quartiles of the live vacancies, matching a hand-computed fixture', async () => {
		const provider = await createProvider({ name: 'Pay Fixture Homes' })
		// Activities workers, each counted once at the middle of its range (pence an hour):
		// 1100, 1200, 1250, 1250 (a £24,375 salary at 37.5 hours), 1300, 1500.
		const v = (o: Parameters<typeof insertVacancy>[1]) =>
			insertVacancy(provider.id, { roleId: 'activities-worker', ...o })
		await v({ payMin: 1100 })
		await v({ payMin: 1100, payMax: 1300 })
		await v({ payMin: 1250 })
		await v({ payPeriod: 'year', payMin: 24_375_00, hoursPerWeek: 37.5 })
		await v({ payMin: 1300 })
		await v({ payMin: 1400, payMax: 1600 })
		// Not counted: closed, draft, expired, and another role.
		await v({ payMin: 9900, status: 'closed' })
		await v({ payMin: 9900, status: 'draft' })
		await v({ payMin: 9900, closingDate: new Date(Date.now() - 3 * 86_400_000) })
		await insertVacancy(provider.id, { roleId: 'care-worker', payMin: 9900 })

		// By hand, type 7 quantiles of [1100, 1200, 1250, 1250, 1300, 1500] (n = 6):
		// lower at position 1.25 → 1200 + 0.25 × 50 = 1212.5; median at 2.5 → 1250; upper at 3.75 → 1250 + 0.75 × 50 = 1287.5.
		const page = await callRoute(() =>
			roleRoute.loader({
				request: routeRequest('/careers/activities-worker'),
				params: { roleId: 'activities-worker' },
				context,
			}),
		)
		expect(page.data.pay).toMatchObject({ count: 6, lower: '£12.13', median: '£12.50', upper: '£12.88' })
		expect(page.data.pay.atLeastMedianHref).toBe('/jobs?role=activities-worker&minpay=12.50')
		expect(page.data.pay.atLeastUpperHref).toBe('/jobs?role=activities-worker&minpay=12.88')
		expect(page.data.region.href).toBe('/jobs?role=activities-worker')

		const none = await callRoute(() =>
			roleRoute.loader({
				request: routeRequest('/careers/senior-management'),
				params: { roleId: 'senior-management' },
				context,
			}),
		)
		expect(none.data.pay).toBeNull()
	})

	test('an unknown place on a role page is a clear 400 with suggestions, not an error', async () => {
		const page = await callRoute(() =>
			roleRoute.loader({
				request: routeRequest('/careers/care-worker?where=Nrowich'),
				params: { roleId: 'care-worker' },
				context,
			}),
		)
		expect(page.status).toBe(400)
		expect(page.data.near.error).toMatch(/could not find/i)
		expect(page.data.near.suggestions.map((s: { name: string }) => s.name)).toContain('Norwich')
	})
})

describe('stories', () => {
	const png = Buffer.from(
		'89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
			'1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
		'hex',
	)

	test('a story is invisible to the public until the regional team publishes it: pages, loader data and photo', async () => {
		const author = await ambassador({
			firstName: 'Stella',
			postcode: 'NR2 1AA',
			town: 'Norwich',
			willing: false,
			roleId: 'team-leader',
		})
		const admin = await prisma.user.create({ data: { email: `admin.${Date.now()}@council.test`, isAdmin: true } })
		const title = `A story nobody has checked ${Date.now()}`
		const story = await submitStory(
			{ userId: author.userId, kind: 'ambassador', name: 'Stella' },
			{
				tellerRoleId: 'team-leader',
				title,
				body: 'Secret draft. '.repeat(12),
				roleIds: ['care-worker'],
				employerName: undefined,
				photoAlt: 'Stella at work',
			},
			{ upload: { name: 'me.png', bytes: png, tooLarge: false }, mimeType: 'image/png' },
		)
		const row = await prisma.story.findUniqueOrThrow({ where: { id: story.id } })
		expect(row.roleIds).toEqual(['team-leader', 'care-worker'])

		const publicViews = async () => {
			const list = await callRoute(() =>
				storiesRoute.loader({ request: routeRequest('/stories'), params: {}, context }),
			)
			const role = await callRoute(() =>
				roleRoute.loader({ request: routeRequest('/careers/team-leader'), params: { roleId: 'team-leader' }, context }),
			)
			const other = await callRoute(() =>
				roleRoute.loader({ request: routeRequest('/careers/care-worker'), params: { roleId: 'care-worker' }, context }),
			)
			const profile = await callRoute(() =>
				ambassadorRoute.loader({
					request: routeRequest(`/ambassadors/${author.id}`),
					params: { ambassadorId: author.id },
					context,
				}),
			)
			const careers = await callRoute(() => careersRoute.loader())
			const single = await callRoute(() =>
				storyRoute.loader({ request: routeRequest(`/stories/${story.id}`), params: { storyId: story.id }, context }),
			)
			const photo = await callRoute(() =>
				photoRoute.loader({
					request: routeRequest(`/photos/${row.photoFileId}`),
					params: { fileId: row.photoFileId! },
					context,
				}),
			)
			return {
				loaderData: JSON.stringify([list.data, role.data, other.data, profile.data, careers.data]),
				single: single.status,
				photo: photo.status,
			}
		}

		const before = await publicViews()
		expect(before.loaderData).not.toContain(title)
		expect(before.loaderData).not.toContain('Secret draft')
		expect(before.single).toBe(404)
		expect(before.photo).toBe(404)

		// Turned down: still invisible.
		const adminCookie = await cookieFor(admin.id)
		const rejectedStory = await submitStory(
			{ userId: author.userId, kind: 'ambassador', name: 'Stella' },
			{
				tellerRoleId: 'team-leader',
				title: `${title} (second)`,
				body: 'Another draft. '.repeat(12),
				roleIds: [],
				employerName: undefined,
				photoAlt: undefined,
			},
			null,
		)
		const rejected = await callRoute(() =>
			adminStoriesRoute.action({
				request: routeRequest('/admin/stories', {
					form: { storyId: rejectedStory.id, decision: 'reject', note: 'Names a resident' },
					cookie: adminCookie,
				}),
				params: {},
				context,
			}),
		)
		expect(rejected.status).toBe(302)
		expect((await publicViews()).loaderData).not.toContain(`${title} (second)`)

		// An ambassador cannot publish; the admin can.
		const notAdmin = await callRoute(() =>
			adminStoriesRoute.action({
				request: routeRequest('/admin/stories', {
					form: { storyId: story.id, decision: 'publish' },
					cookie: author.cookie,
				}),
				params: {},
				context,
			}),
		)
		expect(notAdmin.status).toBe(404)
		const published = await callRoute(() =>
			adminStoriesRoute.action({
				request: routeRequest('/admin/stories', {
					form: { storyId: story.id, decision: 'publish' },
					cookie: adminCookie,
				}),
				params: {},
				context,
			}),
		)
		expect(published.status).toBe(302)

		await sendEmails()
		expect(mail.mailbox(author.email).map((m) => m.subject)).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^Your story has not been published/),
				`Your story is published: ${title}`,
			]),
		)
		const after = await publicViews()
		expect(after.loaderData).toContain(title)
		expect(after.single).toBe(200)
		expect(after.photo).toBe(200)
		// It appears on every role it is about.
		const careWorker = await callRoute(() =>
			roleRoute.loader({ request: routeRequest('/careers/care-worker'), params: { roleId: 'care-worker' }, context }),
		)
		expect(careWorker.data.stories.map((s: { id: string }) => s.id)).toContain(story.id)
		const nurse = await callRoute(() =>
			roleRoute.loader({
				request: routeRequest('/careers/registered-nurse'),
				params: { roleId: 'registered-nurse' },
				context,
			}),
		)
		expect(nurse.data.stories.map((s: { id: string }) => s.id)).not.toContain(story.id)
	})
})

describe('school visits', () => {
	const visitForm = (overrides: Record<string, string | string[]> = {}) => ({
		organisation: 'Test Valley School',
		organisationType: 'school',
		contactName: 'Mrs Contact',
		contactEmail: `head.${Date.now()}@school.test`,
		town: 'Norwich',
		postcode: 'NR1 1AA',
		preferredDates: 'Any Tuesday in March',
		audience: 'Year 10',
		ageGroup: '14-16',
		numberOfPeople: '30',
		topics: ['careers-in-care', 'apprenticeships'],
		...overrides,
	})

	test('a visit request goes to the nearest willing ambassador within their distance, then the next, and tells the school when nobody can come', async () => {
		await prisma.ambassador.updateMany({ data: { willingToVisit: false } })
		const admin = await prisma.user.create({ data: { email: `team.${Date.now()}@council.test`, isAdmin: true } })
		const unwilling = await ambassador({ firstName: 'Una', postcode: 'NR1 1AA', town: 'Norwich', willing: false })
		const nearest = await ambassador({ firstName: 'Nia', postcode: 'NR3 1AA', town: 'Norwich' })
		const next = await ambassador({ firstName: 'Ned', postcode: 'NR18 0AA', town: 'Wymondham' })
		const tooFar = await ambassador({ firstName: 'Fay', postcode: 'NR32 1AA', town: 'Lowestoft', radius: 10 })

		const form = visitForm()
		const sent = await callRoute(() =>
			requestVisitRoute.action({
				request: routeRequest('/ambassadors/request-a-visit', { form }),
				params: {},
				context,
			}),
		)
		expect(sent.status).toBe(302)
		const token = sent.location!.match(/^\/visits\/([^?]+)\?sent=1$/)![1]
		const request = await prisma.visitRequest.findFirstOrThrow({ where: { contactEmail: form.contactEmail } })
		const offers = () =>
			prisma.visitOffer.findMany({ where: { visitRequestId: request.id }, orderBy: { createdAt: 'asc' } })
		expect((await offers()).map((o) => [o.ambassadorId, o.status])).toEqual([[nearest.id, 'offered']])

		await sendEmails()
		expect(mail.mailbox(nearest.email).map((m) => m.subject)).toEqual([expect.stringMatching(/visit/i)])
		expect(mail.mailbox(unwilling.email)).toEqual([])
		expect(mail.mailbox(next.email)).toEqual([])
		// The school's email carries a private link that opens its request.
		const [received] = mail.mailbox(form.contactEmail)
		const emailToken = linkIn(received, 'http://localhost:3999/visits/').split('/').pop()!
		for (const t of [token, emailToken]) {
			const page = await callRoute(() =>
				schoolVisitRoute.loader({ request: routeRequest(`/visits/${t}`), params: { token: t }, context }),
			)
			expect(page.data.request.organisation).toBe('Test Valley School')
		}
		const guessed = await callRoute(() =>
			schoolVisitRoute.loader({
				request: routeRequest(`/visits/${'x'.repeat(43)}`),
				params: { token: 'x'.repeat(43) },
				context,
			}),
		)
		expect(guessed.status).toBe(404)

		// Another ambassador cannot see or answer the request.
		const peek = await callRoute(() =>
			ambassadorVisitRoute.loader({
				request: routeRequest(`/ambassador/visits/${request.id}`, { cookie: next.cookie }),
				params: { requestId: request.id },
				context,
			}),
		)
		expect(peek.status).toBe(404)
		const grab = await callRoute(() =>
			ambassadorVisitRoute.action({
				request: routeRequest(`/ambassador/visits/${request.id}`, {
					form: { intent: 'accept' },
					cookie: tooFar.cookie,
				}),
				params: { requestId: request.id },
				context,
			}),
		)
		expect(grab.status).toBe(404)

		// The nearest declines: the next nearest is asked.
		const declined = await callRoute(() =>
			ambassadorVisitRoute.action({
				request: routeRequest(`/ambassador/visits/${request.id}`, {
					form: { intent: 'decline' },
					cookie: nearest.cookie,
				}),
				params: { requestId: request.id },
				context,
			}),
		)
		expect(declined.location).toBe('/ambassador?declined=1')
		expect((await offers()).map((o) => [o.ambassadorId, o.status])).toEqual([
			[nearest.id, 'declined'],
			[next.id, 'offered'],
		])

		// Nobody answers within the offer time: it passes on, and with no one left in range the school is told.
		expect(await expireVisitOffers(new Date(Date.now() + (OFFER_DAYS - 1) * 86_400_000))).toBe(0)
		expect(await expireVisitOffers(new Date(Date.now() + (OFFER_DAYS + 1) * 86_400_000))).toBe(1)
		expect((await offers()).map((o) => o.ambassadorId)).not.toContain(tooFar.id)
		expect((await prisma.visitRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('unmatched')
		await sendEmails()
		expect(mail.mailbox(form.contactEmail).map((m) => m.subject)).toContainEqual(
			expect.stringMatching(/still looking for an ambassador/i),
		)
		// The regional team is told, and can offer it to anyone, however far.
		expect(mail.mailbox(admin.email).map((m) => m.subject)).toContainEqual(
			expect.stringMatching(/needs an ambassador: Test Valley School/),
		)
		const adminCookie = await cookieFor(admin.id)
		const offered = await callRoute(() =>
			adminVisitsRoute.action({
				request: routeRequest('/admin/visits', {
					form: { requestId: request.id, ambassadorId: tooFar.id },
					cookie: adminCookie,
				}),
				params: {},
				context,
			}),
		)
		expect(offered.status).toBe(302)
		expect((await offers()).find((o) => o.ambassadorId === tooFar.id)?.status).toBe('offered')
		expect((await prisma.visitRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('open')

		// The first ambassador's old offer link now says why it is gone, rather than "not found".
		const late = await callRoute(() =>
			ambassadorVisitRoute.loader({
				request: routeRequest(`/ambassador/visits/${request.id}`, { cookie: nearest.cookie }),
				params: { requestId: request.id },
				context,
			}),
		)
		expect(late.status).toBe(410)
		expect(late.data.gone.reason).toMatch(/You declined/)
	})

	test('an ambassador accepts, both sides message through the portal without seeing contact details, and the visit is recorded for the admin', async () => {
		await prisma.ambassador.updateMany({ data: { willingToVisit: false } })
		const amb = await ambassador({ firstName: 'Abi', postcode: 'NR3 1AA', town: 'Norwich' })
		const form = visitForm({ contactName: 'Mr Private Contact' })
		const sent = await callRoute(() =>
			requestVisitRoute.action({
				request: routeRequest('/ambassadors/request-a-visit', { form }),
				params: {},
				context,
			}),
		)
		const token = sent.location!.match(/^\/visits\/([^?]+)/)![1]
		const request = await prisma.visitRequest.findFirstOrThrow({ where: { contactEmail: form.contactEmail } })
		const params = { requestId: request.id }

		const offered = await callRoute(() =>
			ambassadorVisitRoute.loader({
				request: routeRequest(`/ambassador/visits/${request.id}`, { cookie: amb.cookie }),
				params,
				context,
			}),
		)
		expect(offered.data.awaitingAnswer).toBe(true)
		expect(JSON.stringify(offered.data)).not.toContain(form.contactEmail)
		expect(JSON.stringify(offered.data)).not.toContain('Mr Private Contact')

		const accepted = await callRoute(() =>
			ambassadorVisitRoute.action({
				request: routeRequest(`/ambassador/visits/${request.id}`, { form: { intent: 'accept' }, cookie: amb.cookie }),
				params,
				context,
			}),
		)
		expect(accepted.location).toBe(`/ambassador/visits/${request.id}?accepted=1`)
		await sendEmails()
		expect(mail.mailbox(form.contactEmail).map((m) => m.subject)).toContainEqual(
			expect.stringMatching(/ambassador will visit/i),
		)

		// Messages go both ways through the portal; neither side's email address appears to the other.
		await callRoute(() =>
			ambassadorVisitRoute.action({
				request: routeRequest(`/ambassador/visits/${request.id}`, {
					form: { intent: 'message', body: 'Can I come on the 14th at 2pm?' },
					cookie: amb.cookie,
				}),
				params,
				context,
			}),
		)
		await callRoute(() =>
			schoolVisitRoute.action({
				request: routeRequest(`/visits/${token}`, {
					form: { intent: 'message', body: 'Yes please, come to reception.' },
				}),
				params: { token },
				context,
			}),
		)
		const school = await callRoute(() =>
			schoolVisitRoute.loader({ request: routeRequest(`/visits/${token}`), params: { token }, context }),
		)
		expect(school.data.messages.map((m: { from: string; body: string }) => [m.from, m.body])).toEqual([
			['Abi', 'Can I come on the 14th at 2pm?'],
			['You', 'Yes please, come to reception.'],
		])
		expect(JSON.stringify(school.data)).not.toContain(amb.email)
		expect(JSON.stringify(school.data)).not.toContain('Surname')
		await sendEmails()
		const toAmbassador = mail.mailbox(amb.email).find((m) => /message from/i.test(m.subject ?? ''))
		expect(toAmbassador?.text).not.toContain(form.contactEmail)
		expect(toAmbassador?.text).not.toContain('come to reception')

		// An empty message is a clear error.
		const empty = await callRoute(() =>
			schoolVisitRoute.action({
				request: routeRequest(`/visits/${token}`, { form: { intent: 'message', body: '  ' } }),
				params: { token },
				context,
			}),
		)
		expect(empty.status).toBe(400)
		expect(empty.data.result.error.body).toEqual(['Write your message'])

		// Recording: a future date is refused; a real one is kept and counted.
		const future = await callRoute(() =>
			ambassadorVisitRoute.action({
				request: routeRequest(`/ambassador/visits/${request.id}`, {
					form: { intent: 'record', visitedDay: '1', visitedMonth: '1', visitedYear: '2099', peopleReached: '30' },
					cookie: amb.cookie,
				}),
				params,
				context,
			}),
		)
		expect(future.status).toBe(400)
		expect(future.data.result.error.visitedDay).toEqual(['The date of the visit must be today or in the past'])
		const today = new Date()
		const recorded = await callRoute(() =>
			ambassadorVisitRoute.action({
				request: routeRequest(`/ambassador/visits/${request.id}`, {
					form: {
						intent: 'record',
						visitedDay: String(today.getUTCDate()),
						visitedMonth: String(today.getUTCMonth() + 1),
						visitedYear: String(today.getUTCFullYear()),
						peopleReached: '27',
					},
					cookie: amb.cookie,
				}),
				params,
				context,
			}),
		)
		expect(recorded.location).toBe(`/ambassador/visits/${request.id}?recorded=1`)
		const row = await prisma.visitRequest.findUniqueOrThrow({ where: { id: request.id } })
		expect([row.status, row.peopleReached]).toEqual(['fulfilled', 27])
	})

	test('bad requests get field errors and a 400, and an unknown district is refused', async () => {
		const bad = await callRoute(() =>
			requestVisitRoute.action({
				request: routeRequest('/ambassadors/request-a-visit', {
					form: visitForm({ numberOfPeople: 'lots', topics: [] }),
				}),
				params: {},
				context,
			}),
		)
		expect(bad.status).toBe(400)
		expect(bad.data.result.error.numberOfPeople).toEqual(['Enter how many people, as a number'])
		expect(bad.data.result.error.topics).toEqual(['Choose at least one topic'])
		const before = await prisma.visitRequest.count()
		const nowhere = await callRoute(() =>
			requestVisitRoute.action({
				request: routeRequest('/ambassadors/request-a-visit', { form: visitForm({ postcode: 'ZZ9 9ZZ' }) }),
				params: {},
				context,
			}),
		)
		expect(nowhere.status).toBe(400)
		expect(nowhere.data.result.error.postcode?.[0]).toMatch(/postcode in the area/)
		expect(await prisma.visitRequest.count()).toBe(before)
	})
})

describe('ambassador invitations', () => {
	test('only the regional admin invites; the emailed link creates the account and profile once', async () => {
		const admin = await prisma.user.create({ data: { email: `admin.inv.${Date.now()}@council.test`, isAdmin: true } })
		const email = `new.ambassador.${Date.now()}@care.test`
		const someone = await prisma.user.create({ data: { email: `someone.${Date.now()}@care.test` } })
		const someoneCookie = await cookieFor(someone.id)
		const refused = await callRoute(() =>
			adminAmbassadorsRoute.action({
				request: routeRequest('/admin/ambassadors', { form: { email }, cookie: someoneCookie }),
				params: {},
				context,
			}),
		)
		expect(refused.status).toBe(404)

		const adminCookie = await cookieFor(admin.id)
		const invited = await callRoute(() =>
			adminAmbassadorsRoute.action({
				request: routeRequest('/admin/ambassadors', { form: { email }, cookie: adminCookie }),
				params: {},
				context,
			}),
		)
		expect(invited.status).toBe(302)
		await sendEmails()
		const [invitation] = mail.mailbox(email)
		const link = linkIn(invitation, 'http://localhost:3999/ambassadors/join/')
		const token = link.split('/').pop()!

		const join = (form: Record<string, string>) => {
			const body = new FormData()
			for (const [k, v] of Object.entries(form)) body.append(k, v)
			return callRoute(() =>
				joinRoute.action({
					request: new Request(`http://localhost:3999/ambassadors/join/${token}`, { method: 'POST', body }),
					params: { token },
					context,
				}),
			)
		}
		const profile = {
			password: 'a long enough password',
			firstName: 'Jess',
			roleId: 'support-worker',
			town: 'Norwich',
			postcode: 'NR2 2AA',
			willingToVisit: 'no',
			visitRadiusMiles: '20',
		}
		const missing = await join({ ...profile, firstName: '', postcode: 'nonsense' })
		expect(missing.status).toBe(400)
		expect(missing.data.result.error.firstName).toEqual(['Enter your first name'])
		expect(missing.data.result.error.postcode).toEqual(['Enter a full UK postcode, like NR1 3QU'])

		const joined = await join(profile)
		expect(joined.location).toBe('/ambassador?joined=1')
		const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { ambassador: true } })
		expect(user.ambassador).toMatchObject({ firstName: 'Jess', outcode: 'NR2', town: 'Norwich', willingToVisit: false })
		// Only the district is kept, never the full postcode.
		expect(JSON.stringify(user.ambassador)).not.toContain('NR2 2AA')

		const again = await join(profile)
		expect(again.status).toBe(404)

		// Invited twice: once they have joined, the other link is spent too (not an error page).
		const twice = `twice.${Date.now()}@care.test`
		for (let i = 0; i < 2; i++)
			await callRoute(() =>
				adminAmbassadorsRoute.action({
					request: routeRequest('/admin/ambassadors', { form: { email: twice }, cookie: adminCookie }),
					params: {},
					context,
				}),
			)
		await sendEmails()
		const links = mail.mailbox(twice).map((m) => linkIn(m, 'http://localhost:3999/ambassadors/join/').split('/').pop()!)
		expect(links).toHaveLength(2)
		const joinWith = (t: string, form: Record<string, string>) => {
			const body = new FormData()
			for (const [k, v] of Object.entries(form)) body.append(k, v)
			return callRoute(() =>
				joinRoute.action({
					request: new Request(`http://localhost:3999/ambassadors/join/${t}`, { method: 'POST', body }),
					params: { token: t },
					context,
				}),
			)
		}
		// The first invitation was replaced by the second.
		expect((await joinWith(links[0], profile)).status).toBe(404)
		const outside = await joinWith(links[1], { ...profile, postcode: 'SW1A 1AA' })
		expect(outside.data.result.error.postcode[0]).toMatch(/in and around/)
		const phone = await joinWith(links[1], { ...profile, bio: 'Call me on 07700 900123 any time' })
		expect(phone.data.result.error.bio[0]).toMatch(/Do not include phone numbers/)
		expect((await joinWith(links[1], profile)).location).toBe('/ambassador?joined=1')
		expect((await joinWith(links[1], profile)).status).toBe(404)
	})

	test('the pathway editor shows every problem at once, and a town change needs a postcode', async () => {
		const amb = await ambassador({ firstName: 'Pat', postcode: 'NR2 1AA', town: 'Norwich', willing: false })
		const next = new Date().getFullYear() + 1
		const result = await callRoute(() =>
			pathwayRoute.action({
				request: routeRequest('/ambassador/pathway', {
					form: {
						step1Role: 'care-worker',
						step1From: '',
						step2Title: 'Volunteer',
						step2From: String(next),
						step3From: '2015',
						step4Role: 'team-leader',
						step4From: '2020',
						step4To: '2018',
					},
					cookie: amb.cookie,
				}),
				params: {},
				context,
			}),
		)
		expect(result.status).toBe(400)
		expect(result.data.result.error).toMatchObject({
			step1From: ['Enter the year step 1 started'],
			step2From: [`The year step 2 started must be ${next - 1} or earlier`],
			step3Title: ['Enter what you did in step 3, or clear its years'],
			step4To: ['Step 4 must end in or after the year it started'],
		})
		const saved = await callRoute(() =>
			pathwayRoute.action({
				request: routeRequest('/ambassador/pathway', {
					form: {
						step1Role: 'care-worker',
						step1From: '2015',
						step1To: '2019',
						step2Title: 'Team leader',
						step2From: '2019',
					},
					cookie: amb.cookie,
				}),
				params: {},
				context,
			}),
		)
		expect(saved.location).toBe('/ambassador/pathway?saved=1')
		expect(
			await prisma.ambassadorPathwayStep.findMany({
				where: { ambassadorId: amb.id },
				orderBy: { position: 'asc' },
				select: { title: true, fromYear: true, toYear: true },
			}),
		).toEqual([
			{ title: 'Care worker', fromYear: 2015, toYear: 2019 },
			{ title: 'Team leader', fromYear: 2019, toYear: null },
		])

		const body = new FormData()
		for (const [k, v] of Object.entries({
			firstName: 'Pat',
			roleId: 'care-worker',
			town: 'Cromer',
			postcode: '',
			willingToVisit: 'no',
			visitRadiusMiles: '20',
		}))
			body.append(k, v)
		const moved = await callRoute(() =>
			profileRoute.action({
				request: new Request('http://localhost:3999/ambassador/profile', {
					method: 'POST',
					body,
					headers: { Cookie: amb.cookie },
				}),
				params: {},
				context,
			}),
		)
		expect(moved.status).toBe(400)
		expect(moved.data.result.error.postcode[0]).toMatch(/Enter your postcode as well/)
	})
})
