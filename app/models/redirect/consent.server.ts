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

/** What the candidate has agreed to, now. */
export async function candidateConsents(userId: string) {
	return activeConsents(prisma, userId)
}

/** Both choices from the "Sharing your details" page, recorded together. */
export async function saveConsentChoices(userId: string, choices: { redirect: boolean; talentPool: boolean }) {
	await prisma.$transaction(async (tx) => {
		await setConsent(tx, userId, 'redirect', choices.redirect, 'account')
		await setConsent(tx, userId, 'talent-pool', choices.talentPool, 'account')
	})
}

/** Every grant and withdrawal, newest first (the latest `take`, when given). */
export async function consentHistory(userId: string, take?: number) {
	return prisma.consent.findMany({ where: { userId }, orderBy: { grantedAt: 'desc' }, take })
}

/** Providers this candidate has blocked: they never see them in the pool nor get them as redirects. */
export async function blockedProviderIds(tx: Tx, userId: string) {
	return (await tx.employerBlock.findMany({ where: { userId }, select: { providerId: true } })).map((b) => b.providerId)
}

/**
 * Providers anyone can choose to block from their account: organisations only.
 * Individual employers are private people, so their names are never listed for
 * everyone; a candidate can block one who has invited them, from the invitation.
 */
const listedProviders = { type: { not: 'individual-employer' } }

/** The providers this candidate has blocked, in the order they blocked them. */
export async function listBlockedProviders(userId: string) {
	const blocks = await prisma.employerBlock.findMany({
		where: { userId },
		select: { provider: { select: { id: true, name: true } } },
		orderBy: { createdAt: 'asc' },
	})
	return blocks.map((b) => b.provider)
}

/** The listed providers the candidate could still block, by name. */
export async function listProvidersToBlock(userId: string) {
	return prisma.provider.findMany({
		where: { ...listedProviders, blockedBy: { none: { userId } } },
		select: { id: true, name: true, town: true },
		orderBy: { name: 'asc' },
	})
}

/** A provider chosen from that list, or null when the id names none of them. */
export async function findProviderToBlock(providerId: string) {
	if (!providerId) return null
	return prisma.provider.findFirst({ where: { id: providerId, ...listedProviders }, select: { id: true } })
}

/** The name of a provider the candidate has just unblocked, for the page that says so. */
export async function providerName(providerId: string) {
	const provider = await prisma.provider.findUnique({ where: { id: providerId }, select: { name: true } })
	return provider?.name ?? null
}

/**
 * Blocks a provider: they can no longer find the candidate in the talent pool
 * or invite them, no job of theirs is suggested, and every invitation of theirs
 * still open is closed. Returns how many invitations that closed.
 */
export async function blockProvider(userId: string, providerId: string) {
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

export async function unblockProvider(userId: string, providerId: string) {
	await prisma.$transaction(async (tx) => {
		await tx.employerBlock.deleteMany({ where: { userId, providerId } })
		await recordPoolChange(tx, userId)
	})
}
