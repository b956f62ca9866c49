import { prisma } from '#app/utils/db.server.ts'

/** Requests by status, people reached, and the requests still open, for the regional team. */
export async function visitTotals() {
	const [byStatus, reached, open] = await Promise.all([
		prisma.visitRequest.groupBy({ by: ['status'], _count: true }),
		prisma.visitRequest.aggregate({ where: { status: 'fulfilled' }, _sum: { peopleReached: true } }),
		prisma.visitRequest.findMany({
			where: { status: { in: ['open', 'accepted', 'unmatched'] } },
			orderBy: { createdAt: 'asc' },
			select: {
				id: true,
				organisation: true,
				town: true,
				lat: true,
				lng: true,
				status: true,
				createdAt: true,
				contactName: true,
				contactEmail: true,
				preferredDates: true,
				ambassador: { select: { firstName: true } },
				offers: { select: { status: true, ambassador: { select: { firstName: true } } } },
			},
		}),
	])
	const count = (status: string) => byStatus.find((s) => s.status === status)?._count ?? 0
	return {
		open: count('open'),
		accepted: count('accepted'),
		fulfilled: count('fulfilled'),
		unmatched: count('unmatched'),
		peopleReached: reached._sum.peopleReached ?? 0,
		requests: open,
	}
}
