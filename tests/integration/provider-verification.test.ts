import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { processEmailOutbox } from '#app/background/email-outbox.server.ts'
import * as adminProvidersRoute from '#app/routes/admin.providers.tsx'
import * as confirmEmailRoute from '#app/routes/confirm-email.$token.tsx'
import * as dashboardRoute from '#app/routes/provider._index.tsx'
import * as talentPoolRoute from '#app/routes/provider.talent-pool.tsx'
import { createSession } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { providerWithOwner } from '#tests/fixtures/applications.ts'
import { callRoute, routeRequest } from '#tests/helpers.ts'
import { linkIn, startTestMailServer } from '#tests/mail-server.ts'

const context = { clientIp: '203.0.113.44' }
let mail: Awaited<ReturnType<typeof startTestMailServer>>

beforeAll(async () => {
	mail = await startTestMailServer()
})
afterAll(async () => {
	await mail.stop()
})

async function adminCookie() {
	const admin = await prisma.user.create({
		data: { email: `admin.${Date.now()}@region.test`, isAdmin: true, emailVerifiedAt: new Date() },
	})
	return (await createSession(admin.id)).split(';')[0]
}

describe('an employer account cannot be verified on public information alone', () => {
	test('sign-up emails a confirmation link; the regional team sees who signed up and can verify only once the address is confirmed', async () => {
		const provider = await providerWithOwner('Claimable Care Home')
		await prisma.provider.update({ where: { id: provider.providerId }, data: { cqcLocationId: '1-123456789' } })
		const admin = await adminCookie()

		// The owner is asked to confirm, and told so on their dashboard and the talent pool page.
		while ((await processEmailOutbox()).claimed) {}
		const [email] = mail.mailbox(provider.email).filter((m) => m.subject === 'Confirm your email address')
		expect(email).toBeDefined()
		const dashboard = await callRoute(() =>
			dashboardRoute.loader({ request: routeRequest('/provider', { cookie: provider.cookie }), params: {}, context }),
		)
		expect(dashboard.data.email).toMatchObject({ address: provider.email })
		const pool = await callRoute(() =>
			talentPoolRoute.loader({
				request: routeRequest('/provider/talent-pool', { cookie: provider.cookie }),
				params: {},
				context,
			}),
		)
		expect(pool.data).toMatchObject({
			verified: false,
			state: { cqcLocationId: '1-123456789', yourEmailConfirmed: false, ownerConfirmed: false },
		})

		// The regional team sees the contact and that the address is not confirmed, and cannot verify yet.
		const list = await callRoute(() =>
			adminProvidersRoute.loader({ request: routeRequest('/admin/providers', { cookie: admin }), params: {}, context }),
		)
		const row = list.data.providers.find((p: { id: string }) => p.id === provider.providerId)
		expect(row.owners).toEqual([{ name: 'Olive Owner', email: provider.email, confirmed: false }])
		const names = list.data.providers.map((p: { name: string }) => p.name)
		expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)))
		const refused = await callRoute(() =>
			adminProvidersRoute.action({
				request: routeRequest('/admin/providers', {
					cookie: admin,
					form: { providerId: provider.providerId, intent: 'verify' },
				}),
				params: {},
				context,
			}),
		)
		expect(refused.status).toBe(409)
		expect(refused.data.result.error[''][0]).toMatch(/cannot be verified yet/)
		expect((await prisma.provider.findUniqueOrThrow({ where: { id: provider.providerId } })).verifiedAt).toBeNull()

		// Opening the link does nothing; pressing the button confirms, once.
		const token = linkIn(email, 'http://localhost:3999/confirm-email/').split('/').pop()!
		const page = await callRoute(() =>
			confirmEmailRoute.loader({ request: routeRequest(`/confirm-email/${token}`), params: { token }, context }),
		)
		expect(page.data.valid).toBe(true)
		expect((await prisma.user.findUniqueOrThrow({ where: { id: provider.userId } })).emailVerifiedAt).toBeNull()
		const confirmed = await callRoute(() =>
			confirmEmailRoute.action({
				request: routeRequest(`/confirm-email/${token}`, { form: {} }),
				params: { token },
				context,
			}),
		)
		expect(confirmed.data).toEqual({ confirmed: true })
		expect((await prisma.user.findUniqueOrThrow({ where: { id: provider.userId } })).emailVerifiedAt).not.toBeNull()
		const again = await callRoute(() =>
			confirmEmailRoute.action({
				request: routeRequest(`/confirm-email/${token}`, { form: {} }),
				params: { token },
				context,
			}),
		)
		expect(again.status).toBe(410)

		// Now the team can verify, and is told it worked.
		const verified = await callRoute(() =>
			adminProvidersRoute.action({
				request: routeRequest('/admin/providers', {
					cookie: admin,
					form: { providerId: provider.providerId, intent: 'verify' },
				}),
				params: {},
				context,
			}),
		)
		expect(verified.location).toBe(`/admin/providers?verified=${provider.providerId}#provider-${provider.providerId}`)
		const after = await callRoute(() =>
			adminProvidersRoute.loader({
				request: routeRequest(`/admin/providers?verified=${provider.providerId}`, { cookie: admin }),
				params: {},
				context,
			}),
		)
		expect(after.data.notice).toBe('Claimable Care Home is verified. They can now use the talent pool.')
		expect(after.data.providers.map((p: { name: string }) => p.name)).toEqual(names)
		const dashboardAfter = await callRoute(() =>
			dashboardRoute.loader({ request: routeRequest('/provider', { cookie: provider.cookie }), params: {}, context }),
		)
		expect(dashboardAfter.data.email).toBeNull()
	})

	test('a new link can be sent, and the old one stops working', async () => {
		const provider = await providerWithOwner('Lost Link Lodge')
		while ((await processEmailOutbox()).claimed) {}
		const [first] = mail.mailbox(provider.email).filter((m) => m.subject === 'Confirm your email address')
		const resent = await callRoute(() =>
			dashboardRoute.action({
				request: routeRequest('/provider', { cookie: provider.cookie, form: {} }),
				params: {},
				context,
			}),
		)
		expect(resent.location).toBe('/provider?link=sent')
		while ((await processEmailOutbox()).claimed) {}
		const links = mail.mailbox(provider.email).filter((m) => m.subject === 'Confirm your email address')
		expect(links).toHaveLength(2)
		const oldToken = linkIn(first, 'http://localhost:3999/confirm-email/').split('/').pop()!
		const old = await callRoute(() =>
			confirmEmailRoute.loader({
				request: routeRequest(`/confirm-email/${oldToken}`),
				params: { token: oldToken },
				context,
			}),
		)
		expect(old.data.valid).toBe(false)
	})
})
