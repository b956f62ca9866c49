import crypto from 'node:crypto'
import type { Tx } from './db.server.ts'

export type VerificationPurpose = 'confirm-application' | 'confirm-email' | 'sign-in' | 'password-reset'

export const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('base64url')

export function newToken() {
	return crypto.randomBytes(32).toString('base64url')
}

/** Whether a string could be one of our tokens at all (checked before any lookup). */
export function isTokenShaped(token: string) {
	return /^[A-Za-z0-9_-]{20,100}$/.test(token)
}

/** A single-use, expiring token for an email link. Only its hash is stored. */
export async function createVerification(
	tx: Tx,
	options: { purpose: VerificationPurpose; userId: string; subjectId?: string; ttlMs: number; token?: string },
) {
	const token = options.token ?? newToken()
	await tx.verification.create({
		data: {
			purpose: options.purpose,
			userId: options.userId,
			subjectId: options.subjectId ?? null,
			tokenHash: tokenHash(token),
			expiresAt: new Date(Date.now() + options.ttlMs),
		},
	})
	return token
}

/** The unused, unexpired verification for this token, or null. Does not use it up. */
export async function findVerification(tx: Tx, purpose: VerificationPurpose, token: string) {
	if (!isTokenShaped(token)) return null
	const verification = await tx.verification.findUnique({ where: { tokenHash: tokenHash(token) } })
	if (
		!verification ||
		verification.purpose !== purpose ||
		verification.usedAt ||
		verification.expiresAt.getTime() < Date.now()
	)
		return null
	return verification
}

/** Uses the token up; null if it was already used, expired or never existed. */
export async function consumeVerification(tx: Tx, purpose: VerificationPurpose, token: string) {
	const verification = await findVerification(tx, purpose, token)
	if (!verification) return null
	const used = await tx.verification.updateMany({
		where: { id: verification.id, usedAt: null },
		data: { usedAt: new Date() },
	})
	return used.count === 1 ? verification : null
}
