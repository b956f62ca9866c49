import crypto from 'node:crypto'
import { prisma } from '#app/utils/db.server.ts'

// Work that only one instance may do at a time. The lease is taken, or renewed
// by its holder, with one conditional write; another instance takes it over
// only once it has expired, so a holder that stops (or dies) hands it on
// within one lease length.

/** This process, as a lease holder. */
export const instanceId = `${process.pid}-${crypto.randomBytes(6).toString('base64url')}`

/** Takes or renews the lease `name` for `ms`; true while this instance holds it. */
export async function holdLease(name: string, ms: number, holder = instanceId, now = new Date()) {
	const expiresAt = new Date(now.getTime() + ms)
	const renewed = await prisma.lease.updateMany({
		where: { name, OR: [{ holder }, { expiresAt: { lte: now } }] },
		data: { holder, expiresAt },
	})
	if (renewed.count) return true
	try {
		await prisma.lease.create({ data: { name, holder, expiresAt } })
		return true
	} catch (error) {
		// Another instance holds it (or has just created it).
		if ((error as { code?: string }).code === 'P2002') return false
		throw error
	}
}

/** Gives the lease up at once, so another instance need not wait for it to expire. */
export async function releaseLease(name: string, holder = instanceId) {
	await prisma.lease.deleteMany({ where: { name, holder } })
}
