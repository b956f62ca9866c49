import { describe, expect, test } from 'vitest'
import { purgeInactiveCandidates, retention } from '#app/models/accounts/retention.server.ts'
import { createSession, recordActivity } from '#app/utils/auth.server.ts'
import { addMonths } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import { applyForm, providerWithOwner, submitApplication, vacancyWithQuestions } from '#tests/fixtures/applications.ts'
import { cookieFrom } from '#tests/helpers.ts'

const DAY = 86_400_000

/** A job seeker who applied, with consents, last seen `monthsAgo` months ago. */
async function candidateLastSeen(monthsAgo: number, now: Date) {
	const provider = await providerWithOwner()
	const { vacancy, questions } = await vacancyWithQuestions(provider.providerId)
	const user = await prisma.user.create({ data: { email: `inactive.${crypto.randomUUID()}@candidate.test` } })
	const cookie = cookieFrom(new Headers({ 'Set-Cookie': await createSession(user.id) }))
	const sent = await submitApplication(vacancy.id, applyForm(questions, { consentRedirect: 'on' }), { cookie })
	expect(sent.status).toBe(302)
	await prisma.user.update({ where: { id: user.id }, data: { lastActiveAt: addMonths(now, -monthsAgo) } })
	return { user, provider, vacancy }
}

describe('job seekers who stop using the service', () => {
	test(`are warned, then after ${retention.warningDays} days more their account, application, CV and consents are deleted`, async () => {
		const now = new Date()
		const { user, vacancy } = await candidateLastSeen(retention.inactiveCandidateMonths, now)
		expect(await prisma.consent.count({ where: { userId: user.id } })).toBeGreaterThan(0)

		const first = await purgeInactiveCandidates(now)
		expect(first.warned).toBeGreaterThanOrEqual(1)
		const warning = await prisma.emailOutbox.findFirstOrThrow({
			where: { toAddress: user.email, messageKey: { startsWith: 'inactive-account:' } },
		})
		expect(warning.subject).toBe('We will delete your account unless you sign in')
		expect(await prisma.user.count({ where: { id: user.id } })).toBe(1)
		// Warned once only.
		await purgeInactiveCandidates(now)
		expect(
			await prisma.emailOutbox.count({
				where: { toAddress: user.email, messageKey: { startsWith: 'inactive-account:' } },
			}),
		).toBe(1)

		await purgeInactiveCandidates(new Date(now.getTime() + (retention.warningDays + 1) * DAY))
		expect(await prisma.user.count({ where: { id: user.id } })).toBe(0)
		expect(await prisma.consent.count({ where: { userId: user.id } })).toBe(0)
		const application = await prisma.application.findFirstOrThrow({ where: { vacancyId: vacancy.id } })
		expect(application.candidateId).toBeNull()
		expect(application.cvFileId).toBeNull()
	})

	test('signing in after the warning keeps the account', async () => {
		const now = new Date()
		const { user } = await candidateLastSeen(retention.inactiveCandidateMonths, now)
		await purgeInactiveCandidates(now)
		await recordActivity(user.id)
		await purgeInactiveCandidates(new Date(now.getTime() + (retention.warningDays + 1) * DAY))
		expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ retentionWarnedAt: null })
	})

	test('people active within the period, and provider staff however long ago, are left alone', async () => {
		const now = new Date()
		const { user, provider } = await candidateLastSeen(6, now)
		await prisma.user.update({ where: { id: provider.userId }, data: { lastActiveAt: addMonths(now, -30) } })
		await purgeInactiveCandidates(new Date(now.getTime() + 60 * DAY))
		const kept = await prisma.user.findMany({
			where: { id: { in: [user.id, provider.userId] } },
			select: { retentionWarnedAt: true },
		})
		expect(kept).toHaveLength(2)
		expect(kept.every((u) => u.retentionWarnedAt === null)).toBe(true)
	})
})
