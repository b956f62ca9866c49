import { recordCandidateChange } from '#app/background/search-outbox.server.ts'
import { prisma, type Tx } from '#app/utils/db.server.ts'
import { consentWording, type ConsentKind } from './consent-text.ts'
import { rotatePoolId } from './pool-id.server.ts'

export { consentText, consentWording, type ConsentKind } from './consent-text.ts'

export async function activeConsents(tx: Tx, userId: string) {
	const rows = await tx.consent.findMany({
		where: { userId, withdrawnAt: null },
		select: { kind: true, grantedAt: true },
	})
	const granted = (kind: ConsentKind) => rows.find((r) => r.kind === kind)?.grantedAt ?? null
	return { redirect: granted('redirect'), talentPool: granted('talent-pool') }
}

/**
 * Records a grant or a withdrawal (a grant that is already active, or a
 * withdrawal of nothing, changes nothing). The talent pool index follows
 * through the outbox, so withdrawal reaches search within seconds.
 */
export async function setConsent(
	tx: Tx,
	userId: string,
	kind: ConsentKind,
	granted: boolean,
	source: 'apply' | 'account',
) {
	const active = await tx.consent.findFirst({ where: { userId, kind, withdrawnAt: null } })
	if (granted && !active) await tx.consent.create({ data: { userId, kind, wording: consentWording[kind], source } })
	if (!granted && active)
		await tx.consent.updateMany({ where: { userId, kind, withdrawnAt: null }, data: { withdrawnAt: new Date() } })
	const changed = granted !== Boolean(active)
	// Joining the pool (again) draws a new pool id, so the new card cannot be
	// linked to an earlier one; leaving it takes the document out of the index.
	if (changed && kind === 'talent-pool') {
		if (granted) await rotatePoolId(tx, userId)
		else await recordPoolChange(tx, userId)
	}
	return changed
}

export async function recordPoolChange(tx: Tx, userId: string) {
	const profile = await tx.candidateProfile.findUnique({ where: { userId }, select: { poolId: true } })
	if (profile) await recordCandidateChange(tx, profile.poolId)
}

export async function consentHistory(userId: string) {
	return prisma.consent.findMany({ where: { userId }, orderBy: { grantedAt: 'desc' } })
}

/** Employers this candidate has blocked: they never see them in the pool nor get them as redirects. */
export async function blockedProviderIds(tx: Tx, userId: string) {
	return (await tx.employerBlock.findMany({ where: { userId }, select: { providerId: true } })).map((b) => b.providerId)
}

/**
 * Blocks an employer: they can no longer find the candidate in the talent pool
 * or invite them, no job of theirs is suggested, and every invitation of theirs
 * still open is closed. Returns how many invitations that closed.
 */
export async function blockEmployer(userId: string, providerId: string) {
	return prisma.$transaction(async (tx) => {
		const now = new Date()
		await tx.employerBlock.upsert({
			where: { userId_providerId: { userId, providerId } },
			create: { userId, providerId, createdAt: now },
			update: {},
		})
		const closed = await tx.poolInvitation.updateMany({
			where: { candidateId: userId, providerId, status: 'sent' },
			data: { status: 'declined', respondedAt: now },
		})
		await recordPoolChange(tx, userId)
		return closed.count
	})
}

export async function isBlocked(userId: string, providerId: string) {
	return (await prisma.employerBlock.count({ where: { userId, providerId } })) > 0
}

export async function unblockEmployer(userId: string, providerId: string) {
	await prisma.$transaction(async (tx) => {
		await tx.employerBlock.deleteMany({ where: { userId, providerId } })
		await recordPoolChange(tx, userId)
	})
}
