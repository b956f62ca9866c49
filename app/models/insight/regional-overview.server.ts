import { liveVacancyWhere } from '#app/models/jobs/vacancy-rules.server.ts'
import { prisma } from '#app/utils/db.server.ts'

/** What needs the regional team now, and the portal at a glance: their start page. */
export async function regionalOverview(now = new Date()) {
	const [liveVacancies, providers, unverified, storiesWaiting, visitsUnmatched, visitsOpen, emailsFailed, feedback] =
		await Promise.all([
			prisma.vacancy.count({ where: liveVacancyWhere(now) }),
			prisma.provider.count(),
			prisma.provider.count({
				where: { verifiedAt: null, members: { some: { role: 'owner', user: { emailVerifiedAt: { not: null } } } } },
			}),
			prisma.story.count({ where: { status: 'submitted' } }),
			prisma.visitRequest.count({ where: { status: 'unmatched' } }),
			prisma.visitRequest.count({ where: { status: 'open' } }),
			prisma.emailOutbox.count({ where: { status: 'failed' } }),
			prisma.feedback.count({ where: { createdAt: { gte: new Date(now.getTime() - 7 * 86_400_000) } } }),
		])
	return { liveVacancies, providers, unverified, storiesWaiting, visitsUnmatched, visitsOpen, emailsFailed, feedback }
}
