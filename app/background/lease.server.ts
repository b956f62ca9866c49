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

/**
 * Runs `work` while holding the lease `name`, waiting (up to `waitMs`; 0: not
 * at all) for another instance to finish its own; the lease is renewed while
 * `work` runs and given up after. `{ ran: false }` when it was not ours to run.
 */
export async function withLease<T>(
	name: string,
	work: () => Promise<T>,
	options: { leaseMs?: number; waitMs?: number; holder?: string } = {},
): Promise<{ ran: true; result: T } | { ran: false }> {
	const { leaseMs = 30_000, waitMs = 10 * 60_000, holder = instanceId } = options
	const giveUpAt = Date.now() + waitMs
	while (!(await holdLease(name, leaseMs, holder))) {
		if (Date.now() >= giveUpAt) {
			if (waitMs === 0) return { ran: false }
			throw new Error(`another instance has held “${name}” for over ${waitMs / 1000} s`)
		}
		await new Promise((resolve) => setTimeout(resolve, 250))
	}
	const heartbeat = setInterval(() => void holdLease(name, leaseMs, holder).catch(() => {}), leaseMs / 3)
	try {
		return { ran: true, result: await work() }
	} finally {
		clearInterval(heartbeat)
		await releaseLease(name, holder)
	}
}
