import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { processEmailOutbox } from '#app/background/email-outbox.server.ts'
import { alertToken } from '#app/models/alerts/alert-links.server.ts'
import { digestQuery, dueBefore, sendDueDigests } from '#app/models/alerts/digests.server.ts'
import {
	createJobAlert,
	pauseUnreadAlerts,
	prepareAlertSearch,
	tidyJobAlerts,
	unsubscribeAnswers,
} from '#app/models/alerts/job-alerts.server.ts'
import { deleteCandidateAccount } from '#app/models/applications/candidate-profile.server.ts'
import * as manageRoute from '#app/routes/alerts.$token._index.tsx'
import * as confirmRoute from '#app/routes/alerts.$token.confirm.tsx'
import * as goRoute from '#app/routes/alerts.$token.go.$.tsx'
import * as unsubscribeRoute from '#app/routes/alerts.$token.unsubscribe.tsx'
import * as newAlertRoute from '#app/routes/alerts.new.tsx'
import { createSession } from '#app/utils/auth.server.ts'
import { addDays, addMonths, nextLondonTime } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import { setSearchHealthy } from '#search/client.server.ts'
import { reconcileIndex } from '#search/indexing.server.ts'
import { reconcileLocalIndex } from '#search/local-index.server.ts'
import { createProvider, insertVacancy } from '#tests/fixtures/vacancies.ts'
import { callRoute, cookieFrom, routeRequest } from '#tests/helpers.ts'
import { linkIn, startTestMailServer } from '#tests/mail-server.ts'

const context = { clientIp: '203.0.113.40' }
let mail: Awaited<ReturnType<typeof startTestMailServer>>
let providerId: string

beforeAll(async () => {
	mail = await startTestMailServer()
	providerId = (await createProvider({ name: 'Cromer Care', town: 'Cromer', postcode: 'NR27 9HE' })).id
	await reconcileIndex()
})
afterAll(async () => {
	await mail.stop()
})

const address = () => `alerts.${crypto.randomBytes(4).toString('hex')}@seeker.test`
// A search that matches care worker jobs near Cromer only.
const cromerCarers = 'role=care-worker&where=Cromer&radius=10'

/** A confirmed alert, as a guest would make it (through the page and the emailed link). */
async function confirmedAlert(email: string, search = cromerCarers, frequency = 'daily') {
	const page = await callRoute(() =>
		newAlertRoute.action({
			request: routeRequest('/alerts/new', { form: { search, email, frequency } }),
			params: {},
			context,
		}),
	)
	expect(page.location).toBe('/alerts/check-email')
	const alert = await prisma.jobAlert.findFirstOrThrow({ where: { email, query: { contains: search.split('&')[0] } } })
	expect(alert.status).toBe('pending')
	await callRoute(() =>
		confirmRoute.action({
			request: routeRequest(`/alerts/${alertToken([alert.id])}/confirm`, { method: 'POST', form: {} }),
			params: { token: alertToken([alert.id]) },
			context,
		}),
	)
	return prisma.jobAlert.findUniqueOrThrow({ where: { id: alert.id } })
}

/** The next daily run after now: every daily alert made before it is due. */
const nextDailyRun = (from = new Date()) => new Date(nextLondonTime(from, 7).getTime() + 60_000)

async function digestsTo(email: string) {
	return prisma.emailOutbox.findMany({
		where: { toAddress: email, messageKey: { startsWith: 'job-alert-digest:' } },
		orderBy: { id: 'asc' },
	})
}

const listedJobs = (row: { props: unknown }) =>
	(row.props as { sections: Array<{ jobs: Array<{ url: string }> }> }).sections.flatMap((s) =>
		s.jobs.map((j) => Number(j.url.split('/').pop())),
	)

describe('job alerts', () => {
	test('a guest confirms by email before anything is sent (double opt-in)', async () => {
		const email = address()
		const sent = await callRoute(() =>
			newAlertRoute.action({
				request: routeRequest('/alerts/new', { form: { search: cromerCarers, email, frequency: 'daily' } }),
				params: {},
				context,
			}),
		)
		expect(sent.location).toBe('/alerts/check-email')
		const alert = await prisma.jobAlert.findFirstOrThrow({ where: { email } })
		expect(alert).toMatchObject({
			status: 'pending',
			description: 'Care worker jobs within 10 miles of Cromer, Norfolk',
		})

		// A job is posted and the daily run comes: nothing goes to an unconfirmed address.
		const job = await insertVacancy(providerId, { postcode: 'NR27 9HE', town: 'Cromer', title: 'Carer' })
		await sendDueDigests({ now: nextDailyRun() })
		expect(await digestsTo(email)).toHaveLength(0)

		await processEmailOutbox()
		const confirmation = mail.mailbox(email).find((m) => m.subject === 'Confirm your job alert')!
		expect(confirmation.text).toContain('Care worker jobs within 10 miles of Cromer, Norfolk')
		const link = new URL(linkIn(confirmation, 'http://localhost:3999/alerts/')).pathname
		const token = link.split('/alerts/')[1].replace(/\/confirm$/, '')
		// Opening the link does not confirm (mail scanners open links); the button does.
		const page = await callRoute(() => confirmRoute.loader({ request: routeRequest(link), params: { token }, context }))
		expect(page.data).toMatchObject({ found: true })
		expect((await prisma.jobAlert.findUniqueOrThrow({ where: { id: alert.id } })).status).toBe('pending')
		const confirmed = await callRoute(() =>
			confirmRoute.action({ request: routeRequest(link, { method: 'POST', form: {} }), params: { token }, context }),
		)
		expect(confirmed.location).toBe(`/alerts/${token}?confirmed=1`)
		const active = await prisma.jobAlert.findUniqueOrThrow({ where: { id: alert.id } })
		expect(active.status).toBe('active')
		// Jobs posted before confirming are not news: only those after are sent.
		expect(active.checkedUpTo!.getTime()).toBeGreaterThanOrEqual(job.publishedAt!.getTime())
	})

	test('asking again for an alert an address already gets changes nothing and emails its owner the manage link', async () => {
		const email = address()
		const alert = await confirmedAlert(email, cromerCarers, 'daily')
		const again = await callRoute(() =>
			newAlertRoute.action({
				request: routeRequest('/alerts/new', { form: { search: cromerCarers, email, frequency: 'weekly' } }),
				params: {},
				context,
			}),
		)
		// The same page as for a new alert: it does not tell whether the address has one.
		expect(again.location).toBe('/alerts/check-email')
		expect(await prisma.jobAlert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({
			frequency: 'daily',
			status: 'active',
		})
		expect(await prisma.jobAlert.count({ where: { email } })).toBe(1)
		await processEmailOutbox()
		const notice = mail.mailbox(email).find((m) => m.subject === 'You already have this job alert')!
		expect(notice.text).toContain('Care worker jobs within 10 miles of Cromer, Norfolk')
		expect(notice.text).toContain('Sent once a day')
		expect(new URL(linkIn(notice, 'http://localhost:3999/alerts/')).pathname).toBe(`/alerts/${alertToken([alert.id])}`)
	})

	test('a signed-in job seeker whose address we know makes an alert in one step', async () => {
		const user = await prisma.user.create({ data: { email: address(), emailVerifiedAt: new Date() } })
		const cookie = cookieFrom(new Headers({ 'Set-Cookie': await createSession(user.id) }))
		const made = await callRoute(() =>
			newAlertRoute.action({
				request: routeRequest('/alerts/new', { form: { search: cromerCarers, frequency: 'weekly' }, cookie }),
				params: {},
				context,
			}),
		)
		expect(made.location).toMatch(/^\/account\/alerts\?created=/)
		expect(await prisma.jobAlert.findFirstOrThrow({ where: { email: user.email } })).toMatchObject({
			status: 'active',
			userId: user.id,
			frequency: 'weekly',
		})
		expect(await prisma.emailOutbox.count({ where: { toAddress: user.email } })).toBe(0)
	})

	test('a digest lists exactly the new matching jobs, never a closed one, and the next run repeats none', async () => {
		const email = address()
		const alert = await confirmedAlert(email)
		const older = await insertVacancy(providerId, { postcode: 'NR27 9HE', town: 'Cromer', publishedDaysAgo: 3 })
		const matching = await insertVacancy(providerId, { postcode: 'NR27 9HE', town: 'Cromer', title: 'Care assistant' })
		const secondMatch = await insertVacancy(providerId, { postcode: 'NR11 8AA', town: 'Aylsham', title: 'Carer' })
		const otherRole = await insertVacancy(providerId, {
			postcode: 'NR27 9HE',
			town: 'Cromer',
			roleId: 'registered-nurse',
			title: 'Nurse',
		})
		const farAway = await insertVacancy(providerId, { postcode: 'NR1 1AA', town: 'Norwich', title: 'Carer' })
		const closed = await insertVacancy(providerId, { postcode: 'NR27 9HE', town: 'Cromer', status: 'closed' })
		const run = nextDailyRun()
		const result = await sendDueDigests({ now: run })
		expect(result.dueAlerts).toBeGreaterThanOrEqual(1)
		const [digest] = await digestsTo(email)
		const listed = listedJobs(digest)
		expect(listed).toContain(matching.id)
		expect(listed).toContain(secondMatch.id)
		for (const id of [older.id, otherRole.id, farAway.id, closed.id]) expect(listed).not.toContain(id)
		expect(digest.subject).toBe('2 new jobs: Care worker jobs within 10 miles of Cromer, Norfolk')

		// Sent through the outbox with its RFC 8058 headers, rendered as it goes.
		await processEmailOutbox({}, 50)
		const received = mail.mailbox(email).find((m) => m.subject === digest.subject)!
		const raw = mail.deliveries.find((d) => d.mail.messageId === received.messageId)!.raw.toString()
		expect(raw).toMatch(/^List-Unsubscribe:\s*<http:\/\/localhost:3999\/alerts\/[^>]+\/unsubscribe>/m)
		expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m)
		expect(received.text).toContain('Care assistant')
		expect(received.text).toMatch(/Closes \d{2}\/\d{2}\/\d{4}/)
		expect(received.text).toContain('£13.00 an hour')

		// The next day: nothing new, nothing sent.
		await sendDueDigests({ now: addDays(run, 1) })
		expect(await digestsTo(email)).toHaveLength(1)
		// A job posted since (an hour after that run): only it.
		const later = await insertVacancy(
			providerId,
			{ postcode: 'NR27 9HE', town: 'Cromer', title: 'Night carer' },
			new Date(addDays(run, 1).getTime() + 3600_000),
		)
		await sendDueDigests({ now: addDays(run, 2) })
		const digests = await digestsTo(email)
		expect(digests).toHaveLength(2)
		expect(listedJobs(digests[1])).toEqual([later.id])
		expect((await prisma.jobAlert.findUniqueOrThrow({ where: { id: alert.id } })).lastSentAt).toEqual(addDays(run, 2))
	})

	test('two alerts of one address that match the same job send one digest listing it once', async () => {
		const email = address()
		await confirmedAlert(email, cromerCarers)
		await confirmedAlert(email, 'q=carer&where=Cromer&radius=15')
		const job = await insertVacancy(providerId, { postcode: 'NR27 9HE', town: 'Cromer', title: 'Carer' })
		await sendDueDigests({ now: nextDailyRun() })
		const digests = await digestsTo(email)
		expect(digests).toHaveLength(1)
		expect(listedJobs(digests[0]).filter((id) => id === job.id)).toHaveLength(1)
		expect(await prisma.alertDelivery.count({ where: { email, vacancyId: job.id } })).toBe(1)
	})

	test('a digest is the same without Meilisearch (reduced mode)', async () => {
		const email = address()
		const alert = await confirmedAlert(email)
		const job = await insertVacancy(providerId, { postcode: 'NR27 9HE', town: 'Cromer', title: 'Carer' })
		await reconcileLocalIndex()
		const { searchDatabase } = await import('#search/fallback.server.ts')
		const query = digestQuery(alert, nextDailyRun())!
		expect((await searchDatabase(query)).hits.map((h) => h.id)).toContain(job.id)
		setSearchHealthy(false)
		try {
			await sendDueDigests({ now: nextDailyRun() })
		} finally {
			setSearchHealthy(true)
		}
		expect(listedJobs((await digestsTo(email))[0])).toContain(job.id)
	})

	test('unsubscribing by the signed link asks one optional question; a changed link is refused', async () => {
		const email = address()
		const alert = await confirmedAlert(email)
		const token = alertToken([alert.id])
		const tampered = `${token.slice(0, -2)}xx`
		// The last character of a base64url signature has spare bits: a spelling
		// that decodes to the same bytes is still not the link we sent.
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
		const sameBytes = `${token.slice(0, -1)}${alphabet[alphabet.indexOf(token.at(-1)!) ^ 1]}`
		expect(Buffer.from(sameBytes.split('.')[1], 'base64url')).toEqual(Buffer.from(token.split('.')[1], 'base64url'))
		for (const bad of [tampered, sameBytes, `${alert.id}.`, 'nonsense', `${alert.id}x.${token.split('.')[1]}`]) {
			const page = await callRoute(() =>
				unsubscribeRoute.loader({
					request: routeRequest(`/alerts/${bad}/unsubscribe`),
					params: { token: bad },
					context,
				}),
			)
			expect(page.status).toBe(404)
			const post = await callRoute(() =>
				unsubscribeRoute.action({
					request: routeRequest(`/alerts/${bad}/unsubscribe`, { form: { 'List-Unsubscribe': 'One-Click' } }),
					params: { token: bad },
					context,
				}),
			)
			expect(post.status).toBe(404)
		}
		expect(await prisma.jobAlert.count({ where: { id: alert.id } })).toBe(1)

		const before = await unsubscribeAnswers()
		const done = await callRoute(() =>
			unsubscribeRoute.action({
				request: routeRequest(`/alerts/${token}/unsubscribe`, { form: { foundJob: 'found-here' } }),
				params: { token },
				context,
			}),
		)
		expect(done.location).toBe('/alerts/unsubscribed?alerts=1&answered=1')
		expect(await prisma.jobAlert.count({ where: { id: alert.id } })).toBe(0)
		const after = await unsubscribeAnswers()
		expect(after.answers.find((a) => a.id === 'found-here')!.count).toBe(
			before.answers.find((a) => a.id === 'found-here')!.count + 1,
		)
		// The answer is counted, linked to nobody.
		expect(Object.keys(await prisma.alertUnsubscribe.findFirstOrThrow())).not.toContain('email')
	})

	test('one-click unsubscribe (RFC 8058) works from a mail provider, with no page and no cookie', async () => {
		const email = address()
		const alert = await confirmedAlert(email)
		const job = await insertVacancy(providerId, { postcode: 'NR27 9HE', town: 'Cromer', title: 'Carer' })
		await sendDueDigests({ now: nextDailyRun() })
		const [digest] = await digestsTo(email)
		const url = (digest.headers as Record<string, string>)['List-Unsubscribe'].slice(1, -1)
		const path = new URL(url).pathname
		const token = path.split('/')[2]
		const response = await callRoute(() =>
			unsubscribeRoute.action({
				request: routeRequest(path, { form: { 'List-Unsubscribe': 'One-Click' } }),
				params: { token },
				context,
			}),
		)
		expect(response.status).toBe(200)
		expect(await prisma.jobAlert.count({ where: { id: alert.id } })).toBe(0)
		// With no alerts left, the record of what was sent to the address goes too.
		expect(await prisma.alertDelivery.count({ where: { email, vacancyId: job.id } })).toBe(0)
	})

	test('the manage page works by its link alone: change how often, pause, start again, delete', async () => {
		const email = address()
		const alert = await confirmedAlert(email)
		const token = alertToken([alert.id])
		const act = (form: Record<string, string>) =>
			callRoute(() =>
				manageRoute.action({ request: routeRequest(`/alerts/${token}`, { form }), params: { token }, context }),
			)
		expect((await act({ intent: 'frequency', alertId: alert.id, frequency: 'weekly' })).location).toBe(
			`/alerts/${token}?done=frequency`,
		)
		await act({ intent: 'pause', alertId: alert.id })
		expect(await prisma.jobAlert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({
			frequency: 'weekly',
			status: 'paused',
		})
		// A paused alert sends nothing.
		await insertVacancy(providerId, { postcode: 'NR27 9HE', town: 'Cromer', title: 'Carer' })
		await sendDueDigests({ now: addDays(nextDailyRun(), 7) })
		expect(await digestsTo(email)).toHaveLength(0)
		await act({ intent: 'resume', alertId: alert.id })
		expect((await prisma.jobAlert.findUniqueOrThrow({ where: { id: alert.id } })).status).toBe('active')
		// Another alert's id with this link is not found.
		const other = await confirmedAlert(address())
		expect((await act({ intent: 'delete', alertId: other.id })).status).toBe(404)
		expect(await prisma.jobAlert.count({ where: { id: other.id } })).toBe(1)
		await act({ intent: 'delete', alertId: alert.id })
		expect(await prisma.jobAlert.count({ where: { id: alert.id } })).toBe(0)
	})

	test('"as soon as they are posted" is refused for a broad search', async () => {
		for (let i = 0; i < 31; i++) await insertVacancy(providerId, { postcode: 'NR27 9HE', town: 'Cromer' })
		await reconcileIndex()
		const search = await prepareAlertSearch(new URLSearchParams('where=Cromer'))
		expect(search.ok && search.narrow).toBe(false)
		await expect(
			createJobAlert({ email: address(), userId: null, search: search as never, frequency: 'immediate' }),
		).rejects.toThrow(/searches with 30 jobs or fewer/)
		// Nor does the manage page of a broad daily alert offer it; a narrow one's does.
		const broad = await confirmedAlert(address(), 'where=Cromer')
		const narrow = await confirmedAlert(address(), 'q=kittiwake&where=Cromer')
		for (const [alert, offered] of [
			[broad, false],
			[narrow, true],
		] as const) {
			const token = alertToken([alert.id])
			const page = await callRoute(() =>
				manageRoute.loader({ request: routeRequest(`/alerts/${token}`), params: { token }, context }),
			)
			expect(page.data).toMatchObject({ alerts: [{ canBeImmediate: offered }] })
		}
	})

	test('alerts whose emails nobody opens for six months pause themselves, with a notice; a followed link keeps one going', async () => {
		const now = new Date()
		const unread = await confirmedAlert(address())
		const read = await confirmedAlert(address())
		for (const alert of [unread, read]) {
			await prisma.jobAlert.update({
				where: { id: alert.id },
				data: { lastEngagedAt: addMonths(now, -7), lastSentAt: addDays(now, -3) },
			})
		}
		const readToken = alertToken([read.id])
		const followed = await callRoute(() =>
			goRoute.loader({
				request: routeRequest(`/alerts/${readToken}/go`),
				params: { token: readToken, '*': '' },
				context,
			}),
		)
		const search = new URL(followed.location!, 'http://x').searchParams
		expect(Object.fromEntries(search)).toEqual({ where: 'Cromer', role: 'care-worker', sort: 'newest' })
		await pauseUnreadAlerts(now)
		expect(await prisma.jobAlert.findUniqueOrThrow({ where: { id: unread.id } })).toMatchObject({
			status: 'paused',
			pauseReason: 'unread',
		})
		expect((await prisma.jobAlert.findUniqueOrThrow({ where: { id: read.id } })).status).toBe('active')
		expect(
			await prisma.emailOutbox.count({
				where: { toAddress: unread.email, subject: 'We have paused your job alert' },
			}),
		).toBe(1)
	})

	test('deleting the account deletes its alerts (made signed in or not) and the record of jobs sent', async () => {
		const user = await prisma.user.create({ data: { email: address(), emailVerifiedAt: new Date() } })
		const guestMade = await confirmedAlert(user.email)
		const job = await insertVacancy(providerId, { postcode: 'NR27 9HE', town: 'Cromer', title: 'Carer' })
		await sendDueDigests({ now: nextDailyRun() })
		expect(await prisma.alertDelivery.count({ where: { email: user.email } })).toBeGreaterThan(0)
		await deleteCandidateAccount(user.id)
		expect(await prisma.jobAlert.count({ where: { id: guestMade.id } })).toBe(0)
		expect(await prisma.alertDelivery.count({ where: { email: user.email, vacancyId: job.id } })).toBe(0)
	})

	test('alerts nobody confirmed are deleted after a week', async () => {
		const email = address()
		await callRoute(() =>
			newAlertRoute.action({
				request: routeRequest('/alerts/new', { form: { search: cromerCarers, email, frequency: 'daily' } }),
				params: {},
				context,
			}),
		)
		await tidyJobAlerts(addDays(new Date(), 8))
		expect(await prisma.jobAlert.count({ where: { email } })).toBe(0)
	})

	test('a search whose place cannot be found cannot become an alert', async () => {
		const page = await callRoute(() =>
			newAlertRoute.loader({ request: routeRequest('/alerts/new?where=Atlantis'), params: {}, context }),
		)
		expect(page.status).toBe(400)
		expect(page.data).toMatchObject({ ok: false })
	})

	test('immediate alerts are due every 10 to 15 minutes, daily ones at 7am and weekly ones on Monday at 7am, London time', () => {
		const due = dueBefore(new Date('2026-12-09T12:00:00Z'))
		expect(due.daily.toISOString()).toBe('2026-12-09T07:00:00.000Z')
		expect(due.weekly.toISOString()).toBe('2026-12-07T07:00:00.000Z')
		expect(due.immediate.toISOString()).toBe('2026-12-09T11:50:00.000Z')
		// Summer time: 7am London is 06:00 UTC.
		expect(dueBefore(new Date('2027-06-09T12:00:00Z')).daily.toISOString()).toBe('2027-06-09T06:00:00.000Z')
	})
})
