import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { processEmailOutbox } from '#app/background/email-outbox.server.ts'
import { processTasks } from '#app/background/tasks.server.ts'
import { markUnsuccessful } from '#app/models/applications/pipeline.server.ts'
import { consentWording, setConsent } from '#app/models/redirect/consent.server.ts'
import {
	canExtendFollowing,
	extendFollowing,
	FOLLOW_WEEKS,
	followingUntil,
	MAX_FOLLOW_WEEKS,
	listMatches,
	sendContinuingMatches,
	stopFollowing,
} from '#app/models/redirect/continuing-matches.server.ts'
import { describePoolSearch, savePoolSearch, sendPoolSearchAlerts } from '#app/models/redirect/pool-alerts.server.ts'
import { newPoolId } from '#app/models/redirect/pool-id.server.ts'
import { redirectOutcomesFor, buildRedirectMatches } from '#app/models/redirect/redirects.server.ts'
import { PoolSearchSchema } from '#app/models/redirect/talent-pool.server.ts'
import { listSavedJobs, sendClosingReminders } from '#app/models/saved-jobs/saved-jobs.server.ts'
import * as matchesRoute from '#app/routes/account.matches.tsx'
import * as saveRoute from '#app/routes/jobs.$vacancyId_.save.tsx'
import * as loginRoute from '#app/routes/login.tsx'
import * as signInRoute from '#app/routes/sign-in.$token.tsx'
import { createSession } from '#app/utils/auth.server.ts'
import { addDays, endOfLondonDayIn } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import { reconcileIndex } from '#search/indexing.server.ts'
import { providerWithOwner } from '#tests/fixtures/applications.ts'
import { insertVacancy } from '#tests/fixtures/vacancies.ts'
import { callRoute, cookieFrom, routeRequest } from '#tests/helpers.ts'
import { linkIn, startTestMailServer } from '#tests/mail-server.ts'

const context = { clientIp: '203.0.113.41' }
const handlers = { 'redirect-matches': buildRedirectMatches }
let mail: Awaited<ReturnType<typeof startTestMailServer>>

beforeAll(async () => {
	mail = await startTestMailServer()
})
afterAll(async () => {
	await mail.stop()
})

const unique = () => crypto.randomBytes(4).toString('hex')

/** A job seeker in NR1 who applied to `vacancyId`, with the consents given. */
async function jobSeeker(vacancyId: number, consents: Array<'redirect' | 'talent-pool'>) {
	const user = await prisma.user.create({
		data: {
			email: `seeker.${unique()}@candidate.test`,
			emailVerifiedAt: new Date(),
			consents: { create: consents.map((kind) => ({ kind, wording: consentWording[kind], source: 'apply' })) },
			candidate: {
				create: {
					poolId: newPoolId(),
					firstName: 'Robin',
					lastName: 'Private',
					phone: '07700 900 556',
					postcode: 'NR1 3QU',
					outcode: 'NR1',
					rightToWork: 'yes',
					drivingLicence: false,
					hasCar: false,
					availableDays: true,
					availableNights: true,
					availableWeekends: true,
					hoursWanted: 'full-time',
					roles: ['care-worker'],
					experienceYears: '1-2',
					experienceSettings: ['care-home'],
					qualifications: ['care-certificate'],
					travelMiles: 10,
				},
			},
		},
	})
	const application = await prisma.application.create({
		data: {
			vacancyId,
			candidateId: user.id,
			submittedAt: new Date(),
			events: { create: { stage: 'new', actor: 'candidate' } },
		},
	})
	return { user, application }
}

/** A candidate turned down by one provider and redirected, with their first matches built. */
async function redirectedCandidate() {
	const turnedDown = await providerWithOwner(`Turned Down ${unique()}`)
	const other = await providerWithOwner(`Other Employer ${unique()}`)
	const applied = await insertVacancy(turnedDown.providerId, { title: 'Care assistant', publishedDaysAgo: 2 })
	const first = await insertVacancy(other.providerId, {
		title: 'Care assistant',
		postcode: 'NR3 1AA',
		publishedDaysAgo: 2,
	})
	await reconcileIndex()
	const seeker = await jobSeeker(applied.id, ['redirect'])
	await markUnsuccessful(seeker.application.id, turnedDown.providerId, {
		reason: 'closer-match',
		feedback: undefined,
		suitable: 'yes',
		suitableRoles: ['care-worker'],
	})
	await processTasks(handlers)
	return { ...seeker, turnedDown, other, first }
}

describe('matching that keeps going after the first email', () => {
	test('a job posted after the redirect is on the page at once, and in the weekly email once', async () => {
		const c = await redirectedCandidate()
		const redirect = await prisma.redirect.findFirstOrThrow({ where: { candidateId: c.user.id } })
		const weeks = (redirect.followUntil!.getTime() - redirect.matchesReadyAt!.getTime()) / (7 * 86_400_000)
		expect(Math.round(weeks)).toBe(FOLLOW_WEEKS)
		expect((await listMatches(c.user.id)).map((m) => m.vacancy.id)).toEqual([c.first.id])

		const posted = await insertVacancy(c.other.providerId, {
			title: 'Night carer',
			postcode: 'NR2 1AA',
			hours: ['full-time', 'nights'],
		})
		await reconcileIndex()
		expect((await listMatches(c.user.id)).map((m) => m.vacancy.id)).toContain(posted.id)

		const week = addDays(new Date(), 7)
		await sendContinuingMatches(week)
		const found = await prisma.redirectMatch.findFirstOrThrow({
			where: { redirectId: redirect.id, vacancyId: posted.id },
		})
		expect(found.emailedAt).toEqual(week)
		await processEmailOutbox({}, 50)
		const email = mail.mailbox(c.user.email).find((m) => m.subject === '1 new job that may suit you')!
		expect(email.text).toContain('Night carer')
		expect(email.text).not.toContain('Robin Private')

		// Next week: nothing new, nothing sent.
		await sendContinuingMatches(addDays(week, 7))
		expect(
			await prisma.emailOutbox.count({
				where: { toAddress: c.user.email, messageKey: { startsWith: 'new-matches:' } },
			}),
		).toBe(1)
		// The first employer's figures count what really happened: jobs were sent.
		expect((await redirectOutcomesFor(c.turnedDown.providerId)).sent).toBe(1)
	})

	test('withdrawing consent stops it: the new job is neither on the page nor emailed', async () => {
		const c = await redirectedCandidate()
		await prisma.$transaction((tx) => setConsent(tx, c.user.id, 'redirect', false, 'account'))
		const posted = await insertVacancy(c.other.providerId, { title: 'Carer', postcode: 'NR2 1AA' })
		await reconcileIndex()
		expect((await listMatches(c.user.id)).map((m) => m.vacancy.id)).not.toContain(posted.id)
		expect(await followingUntil(c.user.id)).toBeNull()
		await sendContinuingMatches(addDays(new Date(), 7))
		expect(await prisma.redirectMatch.count({ where: { vacancyId: posted.id } })).toBe(0)
		expect(
			await prisma.emailOutbox.count({
				where: { toAddress: c.user.email, messageKey: { startsWith: 'new-matches:' } },
			}),
		).toBe(0)
	})

	test('the candidate can stop looking, and start again for another period', async () => {
		const c = await redirectedCandidate()
		await stopFollowing(c.user.id)
		expect(await followingUntil(c.user.id)).toBeNull()
		const posted = await insertVacancy(c.other.providerId, { title: 'Carer', postcode: 'NR2 1AA' })
		await reconcileIndex()
		expect((await listMatches(c.user.id)).map((m) => m.vacancy.id)).not.toContain(posted.id)
		await extendFollowing(c.user.id)
		const until = await followingUntil(c.user.id)
		expect(Math.round((until!.getTime() - Date.now()) / (7 * 86_400_000))).toBe(FOLLOW_WEEKS)
		expect((await listMatches(c.user.id)).map((m) => m.vacancy.id)).toContain(posted.id)
	})

	test('keeping looking stops at 26 weeks ahead, and the page then offers no more', async () => {
		const c = await redirectedCandidate()
		const weeksAhead = async () =>
			Math.round(((await followingUntil(c.user.id))!.getTime() - Date.now()) / (7 * 86_400_000))
		for (let i = 0; i < 4; i++) await extendFollowing(c.user.id)
		expect(await weeksAhead()).toBe(MAX_FOLLOW_WEEKS)
		expect(canExtendFollowing(await followingUntil(c.user.id))).toBe(false)
		const cookie = cookieFrom(new Headers({ 'Set-Cookie': await createSession(c.user.id) }))
		const page = await callRoute(() =>
			matchesRoute.loader({ request: routeRequest('/account/matches', { cookie }), params: {}, context }),
		)
		expect(page.data).toMatchObject({ extendTo: null })
		// Not looking: the first period can always be asked for.
		expect(canExtendFollowing(null)).toBe(true)
	})
})

describe('saved jobs', () => {
	test('a guest who presses Save is emailed a link that makes an account, signs them in and saves the job', async () => {
		const owner = await providerWithOwner()
		const job = await insertVacancy(owner.providerId, { title: 'Activities coordinator' })
		const pressed = await callRoute(() =>
			saveRoute.action({
				request: routeRequest(`/jobs/${job.id}/save`, { form: { intent: 'save', returnTo: '/jobs' } }),
				params: { vacancyId: String(job.id) },
				context,
			}),
		)
		expect(pressed.location).toBe(`/jobs/${job.id}/save`)
		const email = `new.saver.${unique()}@seeker.test`
		const asked = await callRoute(() =>
			saveRoute.action({
				request: routeRequest(`/jobs/${job.id}/save`, { form: { intent: 'email', email } }),
				params: { vacancyId: String(job.id) },
				context,
			}),
		)
		expect(asked.location).toBe(`/jobs/${job.id}/save?sent=1`)
		await processEmailOutbox()
		const message = mail.mailbox(email).find((m) => /^Save “Activities coordinator”/.test(m.subject ?? ''))!
		const token = new URL(linkIn(message, 'http://localhost:3999/sign-in/')).pathname.split('/')[2]
		const signedIn = await callRoute(() =>
			signInRoute.action({
				request: routeRequest(`/sign-in/${token}`, { method: 'POST', form: {} }),
				params: { token },
				context,
			}),
		)
		expect(signedIn.location).toBe(`/jobs/${job.id}?saved=1`)
		const user = await prisma.user.findUniqueOrThrow({ where: { email } })
		expect(user.emailVerifiedAt).not.toBeNull()
		expect((await listSavedJobs(user.id)).map((j) => j.id)).toEqual([job.id])
	})

	test('signing in with a password from the Save page saves the job too', async () => {
		const owner = await providerWithOwner()
		const job = await insertVacancy(owner.providerId)
		const form = {
			email: owner.email,
			password: 'a long enough password',
			redirectTo: `/jobs/${job.id}?saved=1`,
			save: String(job.id),
		}
		const signedIn = await callRoute(() =>
			loginRoute.action({ request: routeRequest('/login', { form }), params: {}, context }),
		)
		expect(signedIn.location).toBe(`/jobs/${job.id}?saved=1`)
		expect((await listSavedJobs(owner.userId)).map((j) => j.id)).toEqual([job.id])
	})

	test('a reminder goes two days before a saved job closes, once, and not for one they applied for', async () => {
		const owner = await providerWithOwner()
		const now = new Date()
		const closing = await insertVacancy(owner.providerId, {
			title: 'Closing soon',
			closingDate: endOfLondonDayIn(2, now),
		})
		const later = await insertVacancy(owner.providerId, {
			title: 'Closing later',
			closingDate: endOfLondonDayIn(10, now),
		})
		const appliedFor = await insertVacancy(owner.providerId, {
			title: 'Applied for',
			closingDate: endOfLondonDayIn(1, now),
		})
		const seeker = await jobSeeker(appliedFor.id, [])
		const cookie = cookieFrom(new Headers({ 'Set-Cookie': await createSession(seeker.user.id) }))
		for (const job of [closing, later, appliedFor]) {
			const saved = await callRoute(() =>
				saveRoute.action({
					request: routeRequest(`/jobs/${job.id}/save`, {
						form: { intent: 'save', returnTo: `/jobs/${job.id}` },
						cookie,
					}),
					params: { vacancyId: String(job.id) },
					context,
				}),
			)
			expect(saved.location).toBe(`/jobs/${job.id}`)
		}
		await sendClosingReminders(now)
		await sendClosingReminders(now)
		const reminders = await prisma.emailOutbox.findMany({
			where: { toAddress: seeker.user.email, messageKey: { startsWith: 'saved-jobs-closing:' } },
		})
		expect(reminders).toHaveLength(1)
		expect(reminders[0].text).toContain('Closing soon')
		expect(reminders[0].text).not.toContain('Closing later')
		expect(reminders[0].text).not.toContain('Applied for')
		// Another person cannot remove it: their Remove only touches their own list.
		const other = await providerWithOwner()
		await callRoute(() =>
			saveRoute.action({
				request: routeRequest(`/jobs/${closing.id}/save`, { form: { intent: 'remove' }, cookie: other.cookie }),
				params: { vacancyId: String(closing.id) },
				context,
			}),
		)
		expect((await listSavedJobs(seeker.user.id)).map((j) => j.id)).toContain(closing.id)
	})

	test('a job that has closed cannot be saved', async () => {
		const owner = await providerWithOwner()
		const closed = await insertVacancy(owner.providerId, { status: 'closed' })
		const result = await callRoute(() =>
			saveRoute.action({
				request: routeRequest(`/jobs/${closed.id}/save`, { form: { intent: 'save' }, cookie: owner.cookie }),
				params: { vacancyId: String(closed.id) },
				context,
			}),
		)
		expect(result.status).toBe(404)
	})
})

describe("a provider's saved talent-pool search", () => {
	test('emails weekly when new candidates match, never who they are, and only new ones', async () => {
		const provider = await providerWithOwner()
		await prisma.provider.update({ where: { id: provider.providerId }, data: { verifiedAt: new Date() } })
		const job = await insertVacancy(provider.providerId)
		const before = await jobSeeker(job.id, ['talent-pool'])
		await reconcileIndex()
		const search = PoolSearchSchema.parse({ where: 'Norwich', radius: '10', role: ['care-worker'] })
		expect(describePoolSearch(search)).toBe('Care worker candidates within 10 miles of Norwich, Norfolk')
		await savePoolSearch(provider.providerId, provider.userId, search)
		// Those already in the pool when it was saved are not news.
		await sendPoolSearchAlerts()
		expect(
			await prisma.emailOutbox.count({
				where: { toAddress: provider.email, messageKey: { startsWith: 'pool-search:' } },
			}),
		).toBe(0)

		const joined = await jobSeeker(job.id, ['talent-pool'])
		await reconcileIndex()
		await sendPoolSearchAlerts()
		await sendPoolSearchAlerts()
		const emails = await prisma.emailOutbox.findMany({
			where: { toAddress: provider.email, messageKey: { startsWith: 'pool-search:' } },
		})
		expect(emails).toHaveLength(1)
		expect(emails[0].subject).toBe('1 new candidate in the talent pool for your search')
		for (const person of [before, joined]) {
			expect(emails[0].text).not.toContain(person.user.email)
			expect(emails[0].text).not.toContain('Private')
		}
	})
})
