import crypto from 'node:crypto'
import { notifySearchOutbox, recordCandidateChange } from '#app/background/search-outbox.server.ts'
import { prisma, type Tx } from '#app/utils/db.server.ts'

// The only identifier a provider sees for a talent-pool candidate. It is random
// (no timestamp, nothing derived from the account), and a new one is drawn each
// time the candidate joins the pool, so a card cannot be linked to an applicant,
// nor to the same person's card before they left the pool and came back.

// Crockford's base32: no I, L, O or U, so a label read aloud is unambiguous.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const LENGTH = 20

export function newPoolId() {
	const bytes = crypto.randomBytes(LENGTH)
	let id = ''
	for (const byte of bytes) id += ALPHABET[byte & 31]
	return id
}

export function isOpaquePoolId(id: string) {
	return id.length === LENGTH && [...id].every((c) => ALPHABET.includes(c))
}

/** "Candidate 4F7KQ": the same on every search, and says nothing about the person. */
export function poolLabel(poolId: string) {
	return `Candidate ${poolId.slice(0, 5)}`
}

/**
 * Gives the candidate a new pool id, inside the caller's transaction. The
 * index drops the old document and adds the new one.
 */
export async function rotatePoolId(tx: Tx, userId: string) {
	const profile = await tx.candidateProfile.findUnique({ where: { userId }, select: { poolId: true } })
	if (!profile) return null
	const poolId = newPoolId()
	await tx.candidateProfile.update({ where: { userId }, data: { poolId } })
	await recordCandidateChange(tx, [profile.poolId, poolId])
	return poolId
}

/**
 * Profiles created before pool ids were random (or by code that relies on the
 * database default, a cuid that embeds its creation time) get a random one.
 * Runs at start; cheap when there is nothing to do.
 */
export async function replaceGuessablePoolIds() {
	const profiles = await prisma.candidateProfile.findMany({ select: { userId: true, poolId: true } })
	const guessable = profiles.filter((p) => !isOpaquePoolId(p.poolId))
	for (const profile of guessable) {
		await prisma.$transaction((tx) => rotatePoolId(tx, profile.userId))
	}
	if (guessable.length) notifySearchOutbox()
	return guessable.length
}
