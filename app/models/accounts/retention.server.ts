import { notifyEmailOutbox, queueEmail } from '#app/background/email-outbox.server.ts'
import { deleteCandidateAccount } from '#app/models/applications/candidate-profile.server.ts'
import { deleteUploadFiles } from '#app/models/uploads/uploads.server.ts'
import { addMonths, formatDate } from '#app/utils/dates.ts'
import { Prisma, prisma } from '#app/utils/db.server.ts'
import { publicUrl } from '#app/utils/env.server.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as inactiveAccount from '#emails/templates/inactive-account.tsx'
import { CONFIRM_TTL_HOURS } from './link-lifetimes.ts'

const DAY = 86_400_000

/** How long each kind of record is kept: the privacy notice quotes these. */
export const retention = {
	/** a job seeker's account, applications, CV and consents, after they last use the service (as NHS Jobs) */
	inactiveCandidateMonths: 13,
	/** how long before that we email them, and wait */
	warningDays: 30,
	/** the text of emails sent, after which only the record that one was sent stays */
	sentEmailDays: 30,
	/** an application nobody confirmed, with its CV */
	unconfirmedApplicationHours: CONFIRM_TTL_HOURS,
} as const

export const SENT_EMAIL_DAYS = retention.sentEmailDays

/** Job seekers only: not provider staff, ambassadors or the regional team, whose accounts their organisations close. */
const candidateOnly = { isAdmin: false, memberships: { none: {} }, ambassador: null } as const

/**
 * Inactive job seekers: a warning email 30 days before the 13 months run out,
 * then, if they have not been back since, their account and everything in it is
 * deleted (providers keep "withdrawn candidate" in their records). Run daily.
 */
export async function purgeInactiveCandidates(now = new Date()) {
	const deleteBefore = addMonths(now, -retention.inactiveCandidateMonths)
	const warnBefore = new Date(deleteBefore.getTime() + retention.warningDays * DAY)
	const toWarn = await prisma.user.findMany({
		where: { ...candidateOnly, lastActiveAt: { lt: warnBefore }, retentionWarnedAt: null },
		select: { id: true, email: true, lastActiveAt: true, candidate: { select: { firstName: true } } },
		take: 500,
	})
	for (const user of toWarn) {
		const deleteOn = new Date(
			Math.max(
				addMonths(user.lastActiveAt, retention.inactiveCandidateMonths).getTime(),
				now.getTime() + retention.warningDays * DAY,
			),
		)
		const email = await renderEmail(inactiveAccount, {
			firstName: user.candidate?.firstName ?? null,
			deleteOn: formatDate(deleteOn),
			signInUrl: `${publicUrl()}/login`,
			months: retention.inactiveCandidateMonths,
		})
		await prisma.$transaction(async (tx) => {
			const marked = await tx.user.updateMany({
				where: { id: user.id, retentionWarnedAt: null },
				data: { retentionWarnedAt: now },
			})
			if (marked.count)
				await queueEmail(tx, {
					key: `inactive-account:${user.id}:${user.lastActiveAt.getTime()}`,
					to: user.email,
					...email,
				})
		})
	}
	if (toWarn.length) notifyEmailOutbox()
	// Deleted only once warned, and at least the warning period after it.
	const toDelete = await prisma.user.findMany({
		where: {
			...candidateOnly,
			lastActiveAt: { lt: deleteBefore },
			retentionWarnedAt: { lt: new Date(now.getTime() - retention.warningDays * DAY) },
		},
		select: { id: true },
		take: 200,
	})
	for (const user of toDelete) await deleteCandidateAccount(user.id)
	return { warned: toWarn.length, deleted: toDelete.length }
}

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
			where: {
				status: 'sent',
				sentAt: { lt: new Date(now.getTime() - retention.sentEmailDays * DAY) },
				OR: [{ html: { not: '' } }, { props: { not: Prisma.DbNull } }],
			},
			data: { html: '', text: '', attachments: Prisma.DbNull, props: Prisma.DbNull },
		}),
	])
	await deleteUploadFiles(files)
	return { unconfirmedApplications: stale.length }
}
