import { notifyEmailOutbox, queueEmail } from '#app/background/email-outbox.server.ts'
import { prisma, type Tx } from '#app/utils/db.server.ts'
import { publicUrl } from '#app/utils/env.server.ts'
import { consumeVerification, createVerification, findVerification, newToken } from '#app/utils/tokens.server.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as confirmEmail from '#emails/templates/confirm-email.tsx'
import { CONFIRM_EMAIL_HOURS } from './link-lifetimes.ts'

// A provider’s account is only as trustworthy as its email address: anyone can
// type a care home's name and CQC location ID, which are public. So the address
// is confirmed by a single-use link, and the regional team verifies only
// organisations whose owner has confirmed theirs.

type Recipient = { email: string; name: string; organisation: string }

/** Rendered before the transaction that queues it (rendering must not hold the write lock). */
export async function prepareEmailConfirmation(recipient: Recipient) {
	const token = newToken()
	const message = await renderEmail(confirmEmail, {
		name: recipient.name,
		organisation: recipient.organisation,
		confirmUrl: `${publicUrl()}/confirm-email/${token}`,
		expiresInHours: CONFIRM_EMAIL_HOURS,
	})
	return async (tx: Tx, userId: string) => {
		await createVerification(tx, { purpose: 'confirm-email', userId, ttlMs: CONFIRM_EMAIL_HOURS * 3600_000, token })
		await queueEmail(tx, { key: `confirm-email:${userId}:${token.slice(0, 12)}`, to: recipient.email, ...message })
	}
}

/** A new link for a signed-in team member whose address is not confirmed yet. Any older link stops working. */
export async function resendEmailConfirmation(userId: string) {
	const user = await prisma.user.findUniqueOrThrow({
		where: { id: userId },
		select: {
			email: true,
			name: true,
			emailVerifiedAt: true,
			memberships: { take: 1, orderBy: { createdAt: 'asc' }, select: { provider: { select: { name: true } } } },
		},
	})
	if (user.emailVerifiedAt) return false
	const queue = await prepareEmailConfirmation({
		email: user.email,
		name: user.name ?? 'there',
		organisation: user.memberships[0]?.provider.name ?? 'your organisation',
	})
	await prisma.$transaction(async (tx) => {
		await tx.verification.updateMany({
			where: { userId, purpose: 'confirm-email', usedAt: null },
			data: { usedAt: new Date() },
		})
		await queue(tx, userId)
	})
	notifyEmailOutbox()
	return true
}

/** Uses the link up and marks the address confirmed. Returns the user's id, or null for a bad, used or expired link. */
export async function confirmEmailAddress(token: string) {
	return prisma.$transaction(async (tx) => {
		const verification = await consumeVerification(tx, 'confirm-email', token)
		if (!verification) return null
		await tx.user.update({ where: { id: verification.userId }, data: { emailVerifiedAt: new Date() } })
		return verification.userId
	})
}

/** Whether a confirmation link is still good, without using it up. */
export async function isEmailConfirmationValid(token: string) {
	return Boolean(await findVerification(prisma, 'confirm-email', token))
}
