import fs from 'node:fs'
import { dataDir } from '#app/utils/data-dir.server.ts'
import { Prisma, prisma } from '#app/utils/db.server.ts'
import { CONFIRM_TTL_HOURS } from './link-lifetimes.ts'

const DAY = 86_400_000
export const SENT_EMAIL_DAYS = 30

/**
 * What we keep, and for how long. Run hourly.
 * - Applications nobody confirmed are deleted, with their CV, when the link expires.
 * - Accounts made only by such an application (no password, never confirmed) go too.
 * - Used or expired links, and invitations nobody accepted, go after a day / 30 days.
 * - The bodies of sent emails are emptied after 30 days; the record that they were sent stays.
 */
export async function purgeExpiredData(now = new Date()) {
	const confirmCutoff = new Date(now.getTime() - CONFIRM_TTL_HOURS * 3600_000)
	const stale = await prisma.application.findMany({
		where: { candidateId: null, submittedAt: null, createdAt: { lt: confirmCutoff } },
		select: { id: true, cvFileId: true },
	})
	const files = stale.map((a) => a.cvFileId).filter((id): id is string => Boolean(id))
	await prisma.$transaction([
		prisma.application.deleteMany({ where: { id: { in: stale.map((a) => a.id) } } }),
		prisma.storedFile.deleteMany({ where: { id: { in: files } } }),
		prisma.user.deleteMany({
			where: {
				passwordHash: null,
				emailVerifiedAt: null,
				createdAt: { lt: confirmCutoff },
				applications: { none: {} },
				memberships: { none: {} },
				candidate: null,
			},
		}),
		prisma.verification.deleteMany({
			where: {
				OR: [{ usedAt: { not: null } }, { expiresAt: { lt: now } }],
				createdAt: { lt: new Date(now.getTime() - DAY) },
			},
		}),
		prisma.teamInvitation.deleteMany({
			where: { acceptedAt: null, expiresAt: { lt: new Date(now.getTime() - 30 * DAY) } },
		}),
		prisma.emailOutbox.updateMany({
			where: { status: 'sent', sentAt: { lt: new Date(now.getTime() - SENT_EMAIL_DAYS * DAY) }, html: { not: '' } },
			data: { html: '', text: '', attachments: Prisma.DbNull },
		}),
	])
	for (const id of files) fs.rmSync(dataDir('uploads', id), { force: true })
	return { unconfirmedApplications: stale.length }
}
