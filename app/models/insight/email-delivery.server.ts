import { prisma } from '#app/utils/db.server.ts'

/**
 * How email delivery stands, for the regional team: how many emails are in
 * each state, and the newest that failed or are being tried again.
 */
export async function emailDelivery() {
	const [counts, problems] = await Promise.all([
		prisma.emailOutbox.groupBy({ by: ['status'], _count: true }),
		prisma.emailOutbox.findMany({
			where: { OR: [{ status: 'failed' }, { status: { in: ['pending', 'sending'] }, attempts: { gt: 0 } }] },
			orderBy: { id: 'desc' },
			take: 200,
			select: {
				id: true,
				subject: true,
				status: true,
				attempts: true,
				lastError: true,
				createdAt: true,
				availableAt: true,
			},
		}),
	])
	return {
		counts: Object.fromEntries(counts.map((c) => [c.status, c._count])) as Record<string, number>,
		problems,
	}
}
