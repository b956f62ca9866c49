import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { processEmailOutbox } from '#app/background/email-outbox.server.ts'
import { startSearchSync } from '#app/background/search-outbox.server.ts'
import { processTasks } from '#app/background/tasks.server.ts'
import { applyWithProfile } from '#app/models/applications/applications.server.ts'
import { markHired, markUnsuccessful } from '#app/models/applications/pipeline.server.ts'
import { redirectTotals } from '#app/models/insight/redirect-totals.server.ts'
import { consentText } from '#app/models/redirect/consent-text.ts'
import { consentWording, setConsent } from '#app/models/redirect/consent.server.ts'
import { isOpaquePoolId, newPoolId, replaceGuessablePoolIds } from '#app/models/redirect/pool-id.server.ts'
import { buildRedirectMatches } from '#app/models/redirect/redirects.server.ts'
import { searchPool, inviteFromPool, respondToInvitation } from '#app/models/redirect/talent-pool.server.ts'
import * as invitationRoute from '#app/routes/account.invitations.$invitationId.tsx'
import * as matchesRoute from '#app/routes/account.matches.tsx'
import * as sharingRoute from '#app/routes/account.sharing.tsx'
import * as providerDashboardRoute from '#app/routes/provider._index.tsx'
import * as providerApplicationRoute from '#app/routes/provider.applications.$applicationId.tsx'
import * as talentPoolRoute from '#app/routes/provider.talent-pool.tsx'
import { createSession } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { indexedDocuments, reconcileIndex } from '#search/indexing.server.ts'
import { poolProjection } from '#search/pool-projection.server.ts'
import { applyForm, providerWithOwner, submitApplication } from '#tests/fixtures/applications.ts'
import { createProvider, insertVacancy } from '#tests/fixtures/vacancies.ts'
import { callRoute, routeRequest, waitFor } from '#tests/helpers.ts'
import { startTestMailServer } from '#tests/mail-server.ts'

const context = { clientIp: '203.0.113.30' }
const handlers = { 'redirect-matches': buildRedirectMatches }
let mail: Awaited<ReturnType<typeof startTestMailServer>>

beforeAll(async () => {
	mail = await startTestMailServer()
})
afterAll(async () => {
	await mail.stop()
})

let counter = 0

/** A candidate with a profile in NR1 who has applied to `vacancyId` (already submitted). */
async function candidate(options: {
	vacancyId: number
	consents: Array<'redirect' | 'talent-pool'>
	postcode?: string
	drivingLicence?: boolean
	hasCar?: boolean
	roles?: string[]
}) {
	const n = counter++
	const user = await prisma.user.create({
		data: {
			email: `matched.${n}.${Date.now()}@candidate.test`,
			name: `Morgan Private${n}`,
			emailVerifiedAt: new Date(),
			consents: { create: options.consents.map((kind) => ({ kind, wording: consentWording[kind], source: 'apply' })) },
			candidate: {
				create: {
					poolId: newPoolId(),
					firstName: 'Morgan',
					lastName: `Private${n}`,
					phone: '07700 900 555',
					postcode: options.postcode ?? 'NR1 3QU',
					outcode: (options.postcode ?? 'NR1 3QU').split(' ')[0],
					rightToWork: 'yes',
					drivingLicence: options.drivingLicence ?? false,
					hasCar: options.hasCar ?? false,
					availableDays: true,
					availableNights: true,
					availableWeekends: false,
					hoursWanted: 'full-time',
					roles: options.roles ?? ['care-worker'],
					experienceYears: '1-2',
					experienceSettings: ['care-home'],
					qualifications: ['care-certificate'],
					travelMiles: 10,
				},
			},
		},
		include: { candidate: true },
	})
	const application = await prisma.application.create({
		data: {
			vacancyId: options.vacancyId,
			candidateId: user.id,
			submittedAt: new Date(),
			events: { create: { stage: 'new', actor: 'candidate' } },
		},
	})
	return { user, application, poolId: user.candidate!.poolId }
}

async function cookieFor(userId: string) {
	return (await createSession(userId)).split(';')[0]
}

async function turnDown(applicationId: string, providerId: string, suitable: boolean) {
	return markUnsuccessful(applicationId, providerId, {
		reason: 'closer-match',
		feedback: undefined,
		suitable: suitable ? 'yes' : 'no',
		suitableRoles: suitable ? ['care-worker'] : [],
	})
}

describe('matching a redirected candidate', () => {
	test('a fixed fixture gives the expected top matches, in order, with their reasons', async () => {
		const p0 = await providerWithOwner('Turned Down Homes')
		const p1 = await providerWithOwner('First Choice Care')
		const p2 = await providerWithOwner('Second Street Support')
		const p3 = await providerWithOwner('Blocked Lodge')
		const v = (providerId: string, o: Parameters<typeof insertVacancy>[1]) =>
			insertVacancy(providerId, { publishedDaysAgo: 1, ...o })
		const applied = await v(p0.providerId, { title: 'Care assistant (the one they applied for)', postcode: 'NR1 1AA' })
		const m1 = await v(p1.providerId, {
			title: 'Night care assistant',
			postcode: 'NR3 1AA',
			hours: ['full-time', 'nights'],
			description: 'Nights on a friendly unit. Requirements: the Care Certificate, or willingness to complete it.',
		})
		const m2 = await v(p2.providerId, {
			title: 'Support worker',
			roleId: 'support-worker',
			setting: 'supported-living',
			postcode: 'NR4 7AA',
			hours: ['full-time'],
		})
		const m3 = await v(p2.providerId, {
			title: 'Healthcare assistant',
			roleId: 'nursing-assistant',
			setting: 'hospital-nhs',
			postcode: 'NR18 0AA',
			town: 'Wymondham',
			hours: ['part-time'],
		})
		const m4 = await v(p1.providerId, { title: 'Care assistant', postcode: 'NR1 1AA', hours: ['full-time'] })
		await prisma.vacancy.update({ where: { id: m1.id }, data: { requirements: 'Care experience; Care Certificate' } })
		// Not "no driving needed": the advert's words say a licence usually is, so it is flagged and ranked down.
		const m5 = await v(p1.providerId, { title: 'Community carer', postcode: 'NR3 1AA', hours: ['full-time'] })
		await prisma.vacancy.update({
			where: { id: m5.id },
			// Its provider answered "no licence needed" and confirmed it when shown these words.
			data: { requirements: 'Enhanced DBS check; driving licence usually needed', drivingConfirmedAt: new Date() },
		})
		// None of these may be suggested:
		await v(p1.providerId, {
			title: 'Home carer (driving needed)',
			postcode: 'NR3 1AA',
			hours: ['full-time'],
			drivingLicenceRequired: true,
		})
		const blocked = await v(p3.providerId, {
			title: 'Care assistant at a blocked employer',
			postcode: 'NR3 1AA',
			hours: ['full-time'],
		})
		await v(p0.providerId, {
			title: 'Another job at the employer who turned them down',
			postcode: 'NR1 1AA',
			hours: ['full-time'],
		})
		await v(p1.providerId, {
			title: 'Care assistant too far away',
			postcode: 'NR19 1AA',
			town: 'Dereham',
			hours: ['full-time'],
		})
		await v(p2.providerId, {
			title: 'Registered nurse',
			roleId: 'registered-nurse',
			setting: 'nursing-home',
			postcode: 'NR1 1AA',
			hours: ['full-time'],
		})
		await reconcileIndex()

		const c = await candidate({ vacancyId: applied.id, consents: ['redirect'] })
		await prisma.employerBlock.create({ data: { userId: c.user.id, providerId: blocked.providerId } })
		const { redirected } = await turnDown(c.application.id, p0.providerId, true)
		expect(redirected).toBe(true)
		expect(await processTasks(handlers)).toBe(1)

		const matches = await prisma.redirectMatch.findMany({
			where: { redirect: { applicationId: c.application.id } },
			orderBy: { rank: 'asc' },
		})
		expect(matches.map((m) => m.vacancyId)).toEqual([m1.id, m4.id, m5.id, m2.id, m3.id])
		expect(matches.map((m) => m.reasons)).toEqual([
			[
				'1.3 miles away',
				'full-time',
				'nights',
				'no driving licence needed',
				'asks for the Care Certificate, which you have',
			],
			['less than 1 mile away', 'full-time', 'no driving licence needed'],
			['1.3 miles away', 'full-time', 'the advert says a driving licence is usually needed'],
			['2.3 miles away', 'full-time', 'no driving licence needed'],
			['9 miles away', 'no driving licence needed', 'part-time: fewer hours than the full-time work you asked for'],
		])

		while ((await processEmailOutbox()).claimed) {}
		const email = mail.mailbox(c.user.email).find((m) => m.subject === '5 jobs near you that may suit you')!
		const text = (email.text ?? '').replace(/\s+/g, ' ')
		expect(text).toContain('Night care assistant')
		expect(text).toContain(
			'1.3 miles away · full-time · nights · no driving licence needed · asks for the Care Certificate, which you have',
		)
		expect(text).toContain('Check: the advert says a driving licence is usually needed')
		expect(text).toContain('http://localhost:3999/account/matches')

		// The page says the same, with the hours a week, and more than the email's five are waiting there.
		const candidateCookie = await cookieFor(c.user.id)
		const page = await callRoute(() =>
			matchesRoute.loader({
				request: routeRequest('/account/matches', { cookie: candidateCookie }),
				params: {},
				context,
			}),
		)
		expect(page.data.matches.map((m: { vacancyId: number }) => m.vacancyId)).toEqual([
			m1.id,
			m4.id,
			m5.id,
			m2.id,
			m3.id,
		])
		expect(page.data.matches[2]).toMatchObject({ cautions: ['the advert says a driving licence is usually needed'] })

		// One step to apply elsewhere, then hired there: the first provider sees it.
		const { applicationId } = await applyWithProfile(c.user.id, m1.id, {})
		expect((await prisma.redirect.findUniqueOrThrow({ where: { applicationId: c.application.id } })).status).toBe(
			'applied',
		)
		await prisma.application.update({ where: { id: applicationId }, data: { stage: 'conditional-offer' } })
		await prisma.preEmploymentCheck.createMany({
			data: ['dbs', 'reference-1', 'reference-2', 'right-to-work', 'id', 'health'].map((kind) => ({
				applicationId,
				kind,
				nextActor: 'provider',
				status: 'cleared',
			})),
		})
		await markHired(applicationId, p1.providerId)
		expect((await prisma.redirect.findUniqueOrThrow({ where: { applicationId: c.application.id } })).status).toBe(
			'hired',
		)
		const dashboard = await callRoute(() =>
			providerDashboardRoute.loader({ request: routeRequest('/provider', { cookie: p0.cookie }), params: {}, context }),
		)
		expect(dashboard.data.outcomes).toEqual({ judged: 1, sent: 1, none: 0, applied: 1, hired: 1 })
		const totals = await redirectTotals()
		expect(totals.byRole.find((r) => r.label === 'Care worker')).toMatchObject({
			judged: 1,
			sent: 1,
			applied: 1,
			hired: 1,
		})
		expect(totals.byArea.find((r) => r.label === 'Norwich')).toMatchObject({ hired: 1 })
	})
})

describe('postcodes we cannot place', () => {
	test('the apply form refuses a postcode of the right shape that does not exist', async () => {
		const p0 = await providerWithOwner('Postcode Checkers')
		const vacancy = await insertVacancy(p0.providerId, { postcode: 'NR1 1AA' })
		const response = await submitApplication(vacancy.id, applyForm([], { postcode: 'ZZ9 9ZZ' }))
		expect(response.status).toBe(400)
		expect(response.data.result.error.postcode).toEqual([
			'We could not find the postcode ZZ9 9ZZ. Check it and enter it again',
		])
		expect(await prisma.application.count({ where: { vacancyId: vacancy.id } })).toBe(0)
	})

	test('someone whose saved postcode cannot be placed gets no jobs, and nobody is told they did', async () => {
		const p0 = await providerWithOwner('Unplaceable Homes')
		const applied = await insertVacancy(p0.providerId, { title: 'Care assistant', postcode: 'NR1 1AA' })
		await insertVacancy((await providerWithOwner('Nearby Care')).providerId, {
			title: 'Care assistant',
			postcode: 'NR1 1AA',
		})
		await reconcileIndex()
		const c = await candidate({ vacancyId: applied.id, consents: ['redirect'], postcode: 'ZZ9 9ZZ' })
		const { redirected } = await turnDown(c.application.id, p0.providerId, true)
		expect(redirected).toBe(true)
		await processTasks(handlers)
		while ((await processEmailOutbox()).claimed) {}
		expect(mail.mailbox(c.user.email).some((m) => /may suit you/.test(m.subject ?? ''))).toBe(false)
		const page = await callRoute(() =>
			providerApplicationRoute.loader({
				request: routeRequest(`/provider/applications/${c.application.id}`, { cookie: p0.cookie }),
				params: { applicationId: c.application.id },
				context,
			}),
		)
		expect(page.data.redirected).toBe('we found no jobs with other employers that fit them')
		const dashboard = await callRoute(() =>
			providerDashboardRoute.loader({ request: routeRequest('/provider', { cookie: p0.cookie }), params: {}, context }),
		)
		expect(dashboard.data.outcomes).toMatchObject({ judged: 1, sent: 0, none: 1 })
		// Their own page says so, rather than promising jobs.
		const candidateCookie = await cookieFor(c.user.id)
		const matches = await callRoute(() =>
			matchesRoute.loader({
				request: routeRequest('/account/matches', { cookie: candidateCookie }),
				params: {},
				context,
			}),
		)
		expect(matches.data.state).toMatchObject({ consented: true, finding: false, looked: true, everSuggested: false })
	})
})

describe('without consent nothing is passed on', () => {
	test('no redirect, no email, and nothing in the pool, its index or any provider-facing page', async () => {
		const p0 = await providerWithOwner('No Consent Homes')
		const other = await providerWithOwner('Would Like To See Them')
		await prisma.provider.update({ where: { id: other.providerId }, data: { verifiedAt: new Date() } })
		const applied = await insertVacancy(p0.providerId, { title: 'Care assistant', postcode: 'NR1 1AA' })
		await insertVacancy(other.providerId, { title: 'Care assistant nearby', postcode: 'NR1 1AA' })
		const c = await candidate({ vacancyId: applied.id, consents: [] })
		await reconcileIndex()

		const { redirected } = await turnDown(c.application.id, p0.providerId, true)
		expect(redirected).toBe(false)
		expect(await prisma.redirect.count({ where: { applicationId: c.application.id } })).toBe(0)
		expect(await prisma.taskOutbox.count({ where: { kind: 'redirect-matches' } })).toBe(0)
		while ((await processEmailOutbox()).claimed) {}
		expect(mail.mailbox(c.user.email).some((m) => /may suit you/.test(m.subject ?? ''))).toBe(false)
		expect(mail.mailbox(c.user.email).map((m) => m.subject)).toContain('Your application for Care assistant')

		expect((await indexedDocuments(poolProjection)).has(c.poolId)).toBe(false)
		const pool = await searchPool(other.providerId, {
			where: '',
			radius: 30,
			role: [],
			availability: [],
			driving: false,
			qualification: [],
		})
		expect(pool.cards.map((card) => card.poolId)).not.toContain(c.poolId)
		const page = await callRoute(() =>
			talentPoolRoute.loader({
				request: routeRequest('/provider/talent-pool', { cookie: other.cookie }),
				params: {},
				context,
			}),
		)
		expect(JSON.stringify(page.data)).not.toContain(c.poolId)
		expect(JSON.stringify(page.data)).not.toContain('Private')
	})
})

describe('the talent pool', () => {
	test('withdrawing consent takes a candidate out of pool search once the outbox is processed', async () => {
		const provider = await providerWithOwner('Pool Searcher')
		await prisma.provider.update({ where: { id: provider.providerId }, data: { verifiedAt: new Date() } })
		const somewhere = await providerWithOwner('Somewhere Else')
		const applied = await insertVacancy(somewhere.providerId, { postcode: 'NR1 1AA' })
		const c = await candidate({ vacancyId: applied.id, consents: ['talent-pool'] })
		await reconcileIndex()
		const search = () =>
			searchPool(provider.providerId, {
				where: 'NR1',
				radius: 5,
				role: [],
				availability: [],
				driving: false,
				qualification: [],
			})
		expect((await search()).cards.map((card) => card.poolId)).toContain(c.poolId)

		const sync = startSearchSync({ pollMs: 200 })
		try {
			await prisma.$transaction((tx) => setConsent(tx, c.user.id, 'talent-pool', false, 'account'))
			;(await import('#app/background/search-outbox.server.ts')).notifySearchOutbox()
			await waitFor(async () => {
				expect((await search()).cards.map((card) => card.poolId)).not.toContain(c.poolId)
			})
			expect((await indexedDocuments(poolProjection)).has(c.poolId)).toBe(false)
		} finally {
			await sync.stop()
		}
	})

	test('pool pages and their loader data never hold a name, email, phone or full postcode before the candidate accepts', async () => {
		const provider = await providerWithOwner('Careful Viewer')
		await prisma.provider.update({ where: { id: provider.providerId }, data: { verifiedAt: new Date() } })
		const vacancy = await insertVacancy(provider.providerId, {
			title: 'Care assistant to invite to',
			postcode: 'NR1 1AA',
		})
		const elsewhere = await providerWithOwner('Elsewhere Homes')
		const applied = await insertVacancy(elsewhere.providerId, { postcode: 'NR1 1AA' })
		const c = await candidate({ vacancyId: applied.id, consents: ['talent-pool'], postcode: 'NR1 3QU' })
		await reconcileIndex()
		const page = await callRoute(() =>
			talentPoolRoute.loader({
				request: routeRequest('/provider/talent-pool?where=NR1&radius=5', { cookie: provider.cookie }),
				params: {},
				context,
			}),
		)
		const json = JSON.stringify(page.data)
		expect(json).toContain(c.poolId)
		for (const secret of [c.user.email, 'Morgan', 'Private', '07700', 'NR1 3QU', c.user.id])
			expect(json).not.toContain(secret)
		// The index itself holds none of it either.
		const doc = await (
			await import('#search/client.server.ts')
		)
			.meili()
			.index(poolProjection.indexUid())
			.getDocument(c.poolId)
		expect(JSON.stringify(doc)).not.toMatch(/Morgan|Private|07700|NR1 3QU|candidate\.test/)

		// Invite → the candidate accepts in one step → now they are an applicant with their details.
		await inviteFromPool(provider.providerId, c.poolId, vacancy.id)
		const invitation = await prisma.poolInvitation.findFirstOrThrow({ where: { candidateId: c.user.id } })
		while ((await processEmailOutbox()).claimed) {}
		expect(mail.mailbox(c.user.email).map((m) => m.subject)).toContain(
			'Careful Viewer invites you to apply: Care assistant to invite to',
		)
		const { applicationId } = await respondToInvitation(invitation.id, c.user.id, { accept: true, answers: {} })
		const applicant = await callRoute(() =>
			providerApplicationRoute.loader({
				request: routeRequest(`/provider/applications/${applicationId}`, { cookie: provider.cookie }),
				params: { applicationId: applicationId! },
				context,
			}),
		)
		expect(applicant.data.candidate.name).toBe(`Morgan Private${counter - 1}`)
	})

	test('invitations per provider per day are limited, and a blocked employer cannot find or invite the candidate', async () => {
		const provider = await providerWithOwner('Busy Inviter')
		await prisma.provider.update({ where: { id: provider.providerId }, data: { verifiedAt: new Date() } })
		const vacancy = await insertVacancy(provider.providerId, { postcode: 'NR1 1AA' })
		const elsewhere = await providerWithOwner('Applied Elsewhere')
		const applied = await insertVacancy(elsewhere.providerId, { postcode: 'NR1 1AA' })
		await prisma.poolInvitation.createMany({
			data: await Promise.all(
				Array.from({ length: 20 }, async () => {
					const c = await candidate({ vacancyId: applied.id, consents: ['talent-pool'] })
					return { providerId: provider.providerId, candidateId: c.user.id, vacancyId: vacancy.id }
				}),
			),
		})
		const fresh = await candidate({ vacancyId: applied.id, consents: ['talent-pool'] })
		await expect(inviteFromPool(provider.providerId, fresh.poolId, vacancy.id)).rejects.toThrow(
			'You have used today’s 20 invitations',
		)

		const blocker = await candidate({ vacancyId: applied.id, consents: ['talent-pool'] })
		await prisma.employerBlock.create({ data: { userId: blocker.user.id, providerId: elsewhere.providerId } })
		await prisma.provider.update({ where: { id: elsewhere.providerId }, data: { verifiedAt: new Date() } })
		await reconcileIndex()
		const pool = await searchPool(elsewhere.providerId, {
			where: 'NR1',
			radius: 5,
			role: [],
			availability: [],
			driving: false,
			qualification: [],
		})
		expect(pool.cards.map((card) => card.poolId)).not.toContain(blocker.poolId)
		expect(pool.cards.map((card) => card.poolId)).toContain(fresh.poolId)
		const theirVacancy = await insertVacancy(elsewhere.providerId, { postcode: 'NR1 1AA' })
		await expect(inviteFromPool(elsewhere.providerId, blocker.poolId, theirVacancy.id)).rejects.toMatchObject({
			status: 404,
		})
	})

	test('pool ids are random, replace guessable ones, and change when the candidate rejoins the pool', async () => {
		const provider = await providerWithOwner('Id Watcher')
		await prisma.provider.update({ where: { id: provider.providerId }, data: { verifiedAt: new Date() } })
		const elsewhere = await providerWithOwner('Id Elsewhere')
		const applied = await insertVacancy(elsewhere.providerId, { postcode: 'NR1 1AA' })
		const c = await candidate({ vacancyId: applied.id, consents: ['talent-pool'] })
		// A profile made by the database default (a cuid, which embeds its creation time) gets a random id at start.
		await prisma.candidateProfile.update({
			where: { userId: c.user.id },
			data: { poolId: 'cmabcdefg0000abcdefghijkl' },
		})
		expect(await replaceGuessablePoolIds()).toBeGreaterThanOrEqual(1)
		const first = (await prisma.candidateProfile.findUniqueOrThrow({ where: { userId: c.user.id } })).poolId
		expect(isOpaquePoolId(first)).toBe(true)
		await reconcileIndex()
		const search = () =>
			searchPool(provider.providerId, {
				where: 'NR1',
				radius: 5,
				role: [],
				availability: [],
				driving: false,
				qualification: [],
			})
		const card = (await search()).cards.find((x) => x.poolId === first)!
		expect(card.label).toBe(`Candidate ${first.slice(0, 5)}`)
		// Nothing in the document is a time or an account id.
		const doc = await (
			await import('#search/client.server.ts')
		)
			.meili()
			.index(poolProjection.indexUid())
			.getDocument(first)
		expect(JSON.stringify(doc)).not.toContain(c.user.id)
		expect((doc as { updatedAt: number }).updatedAt % 86_400).toBe(0)

		await prisma.$transaction((tx) => setConsent(tx, c.user.id, 'talent-pool', false, 'account'))
		await prisma.$transaction((tx) => setConsent(tx, c.user.id, 'talent-pool', true, 'account'))
		const second = (await prisma.candidateProfile.findUniqueOrThrow({ where: { userId: c.user.id } })).poolId
		expect(second).not.toBe(first)
		expect(isOpaquePoolId(second)).toBe(true)
		await (await import('#app/background/search-outbox.server.ts')).processSearchOutbox()
		const ids = (await search()).cards.map((x) => x.poolId)
		expect(ids).toContain(second)
		expect(ids).not.toContain(first)
	})

	test('inviting someone who already applied looks exactly like any other invitation, and sends them nothing', async () => {
		const provider = await providerWithOwner('Already Applied To')
		await prisma.provider.update({ where: { id: provider.providerId }, data: { verifiedAt: new Date() } })
		const vacancy = await insertVacancy(provider.providerId, { title: 'Senior carer', postcode: 'NR1 1AA' })
		const c = await candidate({ vacancyId: vacancy.id, consents: ['talent-pool'] })
		await reconcileIndex()
		const page = () =>
			callRoute(() =>
				talentPoolRoute.loader({
					request: routeRequest('/provider/talent-pool?where=NR1&radius=5', { cookie: provider.cookie }),
					params: {},
					context,
				}),
			)
		expect((await page()).data.cards.find((x: { poolId: string }) => x.poolId === c.poolId).invited).toEqual([])

		const response = await callRoute(() =>
			talentPoolRoute.action({
				request: routeRequest('/provider/talent-pool?where=NR1&radius=5', {
					cookie: provider.cookie,
					form: { poolId: c.poolId, vacancyId: String(vacancy.id) },
				}),
				params: {},
				context,
			}),
		)
		expect(response.status).toBe(302)
		expect(response.location).toContain('invited=1')
		const invitation = await prisma.poolInvitation.findFirstOrThrow({ where: { candidateId: c.user.id } })
		expect(invitation).toMatchObject({ status: 'accepted', applicationId: c.application.id })
		while ((await processEmailOutbox()).claimed) {}
		expect(mail.mailbox(c.user.email).some((m) => /invites you/.test(m.subject ?? ''))).toBe(false)
		// The card shows the invitation, as it would for anyone.
		expect((await page()).data.cards.find((x: { poolId: string }) => x.poolId === c.poolId).invited).toEqual([
			{ vacancyTitle: 'Senior carer', on: expect.any(String) },
		])

		// No vacancy chosen: an error for that card's field, nothing sent.
		const empty = await callRoute(() =>
			talentPoolRoute.action({
				request: routeRequest('/provider/talent-pool', {
					cookie: provider.cookie,
					form: { poolId: c.poolId, vacancyId: '' },
				}),
				params: {},
				context,
			}),
		)
		expect(empty.status).toBe(400)
		expect(empty.data.form).toBe(`invite:${c.poolId}`)
		expect(empty.data.result.error).toEqual({ vacancyId: ['Choose a vacancy to invite them to'] })
	})

	test('a place that cannot be found shows the error and nobody', async () => {
		const provider = await providerWithOwner('Place Checker')
		await prisma.provider.update({ where: { id: provider.providerId }, data: { verifiedAt: new Date() } })
		const elsewhere = await providerWithOwner('Somewhere Near')
		const applied = await insertVacancy(elsewhere.providerId, { postcode: 'NR1 1AA' })
		await candidate({ vacancyId: applied.id, consents: ['talent-pool'] })
		await reconcileIndex()
		const result = await searchPool(provider.providerId, {
			where: 'Nowhereville Parva',
			radius: 5,
			role: [],
			availability: [],
			driving: false,
			qualification: [],
		})
		expect(result.placeError).toMatch(/We could not find/)
		expect(result.cards).toEqual([])
	})

	test('blocking from one invitation closes every open invitation from that employer, and can be undone', async () => {
		const provider = await providerWithOwner('Two Invitations Ltd')
		await prisma.provider.update({ where: { id: provider.providerId }, data: { verifiedAt: new Date() } })
		const first = await insertVacancy(provider.providerId, { title: 'Day carer', postcode: 'NR1 1AA' })
		const second = await insertVacancy(provider.providerId, { title: 'Night carer', postcode: 'NR1 1AA' })
		const elsewhere = await providerWithOwner('Applied There First')
		const applied = await insertVacancy(elsewhere.providerId, { postcode: 'NR1 1AA' })
		const c = await candidate({ vacancyId: applied.id, consents: ['talent-pool'] })
		await inviteFromPool(provider.providerId, c.poolId, first.id)
		await inviteFromPool(provider.providerId, c.poolId, second.id)
		const [one, two] = await prisma.poolInvitation.findMany({
			where: { candidateId: c.user.id },
			orderBy: { vacancyId: 'asc' },
		})
		const cookie = await cookieFor(c.user.id)

		// Never applied to them: "has not seen your name".
		const before = await callRoute(() =>
			invitationRoute.loader({
				request: routeRequest(`/account/invitations/${one.id}`, { cookie }),
				params: { invitationId: one.id },
				context,
			}),
		)
		expect(before.data).toMatchObject({ appliedBefore: false, blocked: false })

		const blocked = await callRoute(() =>
			invitationRoute.action({
				request: routeRequest(`/account/invitations/${one.id}`, { cookie, form: { intent: 'block' } }),
				params: { invitationId: one.id },
				context,
			}),
		)
		expect(blocked.location).toBe(`/account/invitations/${one.id}?blocked=1&closed=1`)
		expect((await prisma.poolInvitation.findUniqueOrThrow({ where: { id: two.id } })).status).toBe('declined')
		await expect(respondToInvitation(two.id, c.user.id, { accept: true, answers: {} })).rejects.toThrow(
			'You have already answered this invitation',
		)
		expect(await prisma.application.count({ where: { candidateId: c.user.id, vacancyId: second.id } })).toBe(0)
		// They can no longer invite them either.
		const third = await insertVacancy(provider.providerId, { title: 'Weekend carer', postcode: 'NR1 1AA' })
		await expect(inviteFromPool(provider.providerId, c.poolId, third.id)).rejects.toMatchObject({ status: 404 })

		// Undo.
		const undone = await callRoute(() =>
			invitationRoute.action({
				request: routeRequest(`/account/invitations/${one.id}`, { cookie, form: { intent: 'unblock' } }),
				params: { invitationId: one.id },
				context,
			}),
		)
		expect(undone.location).toBe(`/account/invitations/${one.id}?unblocked=1`)
		expect(await prisma.employerBlock.count({ where: { userId: c.user.id } })).toBe(0)
	})

	test('the invitation tells someone who applied to that employer before what the employer really has', async () => {
		const provider = await providerWithOwner('Seen You Before')
		await prisma.provider.update({ where: { id: provider.providerId }, data: { verifiedAt: new Date() } })
		const old = await insertVacancy(provider.providerId, { title: 'Earlier job', postcode: 'NR1 1AA' })
		const now = await insertVacancy(provider.providerId, { title: 'Later job', postcode: 'NR1 1AA' })
		const c = await candidate({ vacancyId: old.id, consents: ['talent-pool'] })
		await inviteFromPool(provider.providerId, c.poolId, now.id)
		while ((await processEmailOutbox()).claimed) {}
		const email = mail
			.mailbox(c.user.email)
			.find((m) => m.subject === 'Seen You Before invites you to apply: Later job')!
		const text = (email.text ?? '').replace(/\s+/g, ' ')
		expect(text).not.toContain('has not seen them')
		expect(text).toContain('They do have the details you sent with your earlier application to them')
		const invitation = await prisma.poolInvitation.findFirstOrThrow({ where: { candidateId: c.user.id } })
		const cookie = await cookieFor(c.user.id)
		const page = await callRoute(() =>
			invitationRoute.loader({
				request: routeRequest(`/account/invitations/${invitation.id}`, { cookie }),
				params: { invitationId: invitation.id },
				context,
			}),
		)
		expect(page.data.appliedBefore).toBe(true)
	})
})

describe('sharing your details', () => {
	test('consent keeps the exact words shown, hint included; the list of employers to block leaves out private individuals and needs a choice', async () => {
		const somewhere = await providerWithOwner('Somewhere To Apply')
		const applied = await insertVacancy(somewhere.providerId, { postcode: 'NR1 1AA' })
		const c = await candidate({ vacancyId: applied.id, consents: [] })
		const person = await createProvider({ name: 'Dorothy (individual employer)', type: 'individual-employer' })
		const home = await providerWithOwner('Blockable Care Home')
		const cookie = await cookieFor(c.user.id)

		await callRoute(() =>
			sharingRoute.action({
				request: routeRequest('/account/sharing', { cookie, form: { intent: 'consents', consentTalentPool: 'on' } }),
				params: {},
				context,
			}),
		)
		const consent = await prisma.consent.findFirstOrThrow({ where: { userId: c.user.id, kind: 'talent-pool' } })
		expect(consent.wording).toBe(`${consentText['talent-pool'].label}. ${consentText['talent-pool'].hint}`)
		expect(consent.wording).toContain(
			'They do not see your name or contact details unless you accept an invitation and apply',
		)
		expect(consentText.redirect.label).not.toMatch(/pass my details/)

		const page = await callRoute(() =>
			sharingRoute.loader({ request: routeRequest('/account/sharing', { cookie }), params: {}, context }),
		)
		const ids = page.data.providers.map((p: { id: string }) => p.id)
		expect(ids).toContain(home.providerId)
		expect(ids).not.toContain(person.id)

		const none = await callRoute(() =>
			sharingRoute.action({
				request: routeRequest('/account/sharing', { cookie, form: { intent: 'block', providerId: '' } }),
				params: {},
				context,
			}),
		)
		expect(none.status).toBe(400)
		expect(none.data.result.error).toEqual({ providerId: ['Choose an employer to block'] })
		expect(await prisma.employerBlock.count({ where: { userId: c.user.id } })).toBe(0)
		// Nor can an individual employer be picked by id from this list.
		const individual = await callRoute(() =>
			sharingRoute.action({
				request: routeRequest('/account/sharing', { cookie, form: { intent: 'block', providerId: person.id } }),
				params: {},
				context,
			}),
		)
		expect(individual.status).toBe(400)

		const blocked = await callRoute(() =>
			sharingRoute.action({
				request: routeRequest('/account/sharing', { cookie, form: { intent: 'block', providerId: home.providerId } }),
				params: {},
				context,
			}),
		)
		expect(blocked.location).toBe(`/account/sharing?blocked=${home.providerId}&closed=0`)
		expect(await prisma.employerBlock.count({ where: { userId: c.user.id, providerId: home.providerId } })).toBe(1)
	})
})
