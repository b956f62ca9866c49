import { notifyEmailOutbox, queueEmail } from '#app/background/email-outbox.server.ts'
import { hashPassword } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { publicUrl } from '#app/utils/env.server.ts'
import { consumeVerification, createVerification, findVerification, newToken } from '#app/utils/tokens.server.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as passwordReset from '#emails/templates/password-reset.tsx'
import * as signInLink from '#emails/templates/sign-in-link.tsx'
import { RESET_MINUTES, SIGN_IN_MINUTES } from './link-lifetimes.ts'

/**
 * Emails a single-use link if the address has an account; says nothing either
 * way, so the form cannot be used to find out who has an account.
 */
export async function sendPasswordReset(email: string) {
	const user = await prisma.user.findUnique({ where: { email }, select: { id: true } })
	// The email is rendered either way, so the response takes as long whether or not the account exists.
	const token = newToken()
	const message = await renderEmail(passwordReset, {
		resetUrl: `${publicUrl()}/reset-password/${token}`,
		expiresInMinutes: RESET_MINUTES,
	})
	if (!user) return
	await prisma.$transaction(async (tx) => {
		await createVerification(tx, { purpose: 'password-reset', userId: user.id, ttlMs: RESET_MINUTES * 60_000, token })
		await queueEmail(tx, { key: `password-reset:${user.id}:${token.slice(0, 12)}`, to: email, ...message })
	})
	notifyEmailOutbox()
}

export async function isResetTokenValid(token: string) {
	return Boolean(await findVerification(prisma, 'password-reset', token))
}

/** Sets the new password, uses the token up and signs the account out everywhere. */
export async function resetPassword(token: string, password: string) {
	const passwordHash = await hashPassword(password)
	return prisma.$transaction(async (tx) => {
		const verification = await consumeVerification(tx, 'password-reset', token)
		if (!verification) return null
		await tx.user.update({ where: { id: verification.userId }, data: { passwordHash, emailVerifiedAt: new Date() } })
		await tx.session.deleteMany({ where: { userId: verification.userId } })
		// Any other reset or sign-in link already sent stops working too.
		await tx.verification.updateMany({
			where: { userId: verification.userId, purpose: { in: ['password-reset', 'sign-in'] }, usedAt: null },
			data: { usedAt: new Date() },
		})
		return verification.userId
	})
}

/** For candidates, who may never have set a password. Same silence as the reset. */
export async function sendSignInLink(email: string) {
	const user = await prisma.user.findUnique({ where: { email }, select: { id: true, emailVerifiedAt: true } })
	const token = newToken()
	const message = await renderEmail(signInLink, {
		signInUrl: `${publicUrl()}/sign-in/${token}`,
		expiresInMinutes: SIGN_IN_MINUTES,
	})
	if (!user?.emailVerifiedAt) return
	await prisma.$transaction(async (tx) => {
		await createVerification(tx, { purpose: 'sign-in', userId: user.id, ttlMs: SIGN_IN_MINUTES * 60_000, token })
		await queueEmail(tx, { key: `sign-in:${user.id}:${token.slice(0, 12)}`, to: email, ...message })
	})
	notifyEmailOutbox()
}

/** Uses a sign-in link up: whose it is, and what it was for (subjectId: a job to save, say). The link proves the address. */
export async function redeemSignInLink(token: string) {
	return prisma.$transaction(async (tx) => {
		const verification = await consumeVerification(tx, 'sign-in', token)
		if (!verification) return null
		await tx.user.updateMany({
			where: { id: verification.userId, emailVerifiedAt: null },
			data: { emailVerifiedAt: new Date() },
		})
		return { userId: verification.userId, subjectId: verification.subjectId }
	})
}

/** Whether a sign-in link is still good (opening the page must not use it up: email scanners open links). */
export async function isSignInLinkValid(token: string) {
	return Boolean(await findVerification(prisma, 'sign-in', token))
}
