import { notifyEmailOutbox, queueEmail } from '#app/background/email-outbox.server.ts'
import { SIGN_IN_MINUTES } from '#app/models/accounts/link-lifetimes.ts'
import { isLiveVacancy, liveVacancyWhere } from '#app/models/jobs/vacancy-rules.server.ts'
import { addDays, formatDate, londonDateString } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import { NotFoundError } from '#app/utils/domain-error.ts'
import { publicUrl } from '#app/utils/env.server.ts'
import { createVerification, newToken } from '#app/utils/tokens.server.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as saveJobLink from '#emails/templates/save-job-link.tsx'
import * as savedJobsClosing from '#emails/templates/saved-jobs-closing.tsx'

// Jobs a person keeps to come back to, with one reminder before each closes.

/** The sign-in link's subject when it also saves a job (see sign-in.$token). */
export const saveJobSubject = (vacancyId: number) => `save-job:${vacancyId}`

export function savedJobFromSubject(subjectId: string | null) {
	const match = subjectId?.match(/^save-job:(\d{1,10})$/)
	return match ? Number(match[1]) : null
}

/** Saves a live job for them (saving it again changes nothing). */
export async function saveJob(userId: string, vacancyId: number) {
	const vacancy = await prisma.vacancy.findUnique({
		where: { id: vacancyId },
		select: { id: true, status: true, closingDate: true },
	})
	if (!vacancy || !isLiveVacancy(vacancy)) throw new NotFoundError('This job is no longer advertised')
	await prisma.savedJob.upsert({
		where: { userId_vacancyId: { userId, vacancyId } },
		create: { userId, vacancyId },
		update: {},
	})
}

export async function unsaveJob(userId: string, vacancyId: number) {
	await prisma.savedJob.deleteMany({ where: { userId, vacancyId } })
}

/** Which of these jobs they have saved. */
export async function savedAmong(userId: string | null, vacancyIds: number[]) {
	if (!userId || !vacancyIds.length) return new Set<number>()
	const rows = await prisma.savedJob.findMany({
		where: { userId, vacancyId: { in: vacancyIds } },
		select: { vacancyId: true },
	})
	return new Set(rows.map((r) => r.vacancyId))
}

/** Their saved jobs, the ones still open first by closing date, then those that have closed. */
export async function listSavedJobs(userId: string, now = new Date()) {
	const rows = await prisma.savedJob.findMany({
		where: { userId },
		select: {
			createdAt: true,
			vacancy: {
				select: {
					id: true,
					title: true,
					town: true,
					status: true,
					closingDate: true,
					provider: { select: { name: true } },
				},
			},
		},
	})
	return rows
		.map((r) => ({
			id: r.vacancy.id,
			title: r.vacancy.title,
			providerName: r.vacancy.provider.name,
			town: r.vacancy.town,
			open: isLiveVacancy(r.vacancy, now),
			closingDate: r.vacancy.closingDate,
			savedOn: r.createdAt,
		}))
		.sort((a, b) => Number(b.open) - Number(a.open) || a.closingDate.getTime() - b.closingDate.getTime())
}

/**
 * For a guest who pressed Save: emails a single-use link that signs them in (an
 * account is made for a new address) and saves the job. Every address gets one,
 * so the form says nothing about who has an account.
 */
export async function sendSaveJobLink(email: string, vacancyId: number) {
	const vacancy = await prisma.vacancy.findFirst({
		where: { id: vacancyId, ...liveVacancyWhere() },
		select: { id: true, title: true, provider: { select: { name: true } } },
	})
	if (!vacancy) throw new NotFoundError('This job is no longer advertised')
	const token = newToken()
	const message = await renderEmail(saveJobLink, {
		jobTitle: vacancy.title,
		providerName: vacancy.provider.name,
		signInUrl: `${publicUrl()}/sign-in/${token}`,
		expiresInMinutes: SIGN_IN_MINUTES,
	})
	await prisma.$transaction(async (tx) => {
		// Unconfirmed new accounts with nothing in them are deleted after two days (retention).
		const user = await tx.user.upsert({ where: { email }, create: { email }, update: {}, select: { id: true } })
		await createVerification(tx, {
			purpose: 'sign-in',
			userId: user.id,
			subjectId: saveJobSubject(vacancy.id),
			ttlMs: SIGN_IN_MINUTES * 60_000,
			token,
		})
		await queueEmail(tx, { key: `save-job:${user.id}:${token.slice(0, 12)}`, to: email, ...message })
	})
	notifyEmailOutbox()
}

/** How many days before a saved job's closing date the reminder goes. */
export const REMINDER_DAYS = 2

/**
 * One email per person listing their saved jobs that close within REMINDER_DAYS
 * (London dates), each job once. Jobs they have applied for are left out.
 */
export async function sendClosingReminders(now = new Date()) {
	const lastDay = londonDateString(addDays(now, REMINDER_DAYS))
	const due = await prisma.savedJob.findMany({
		where: {
			reminderSentAt: null,
			vacancy: { ...liveVacancyWhere(now), closingDate: { gte: now, lte: addDays(now, REMINDER_DAYS + 1) } },
		},
		select: {
			id: true,
			userId: true,
			user: { select: { email: true } },
			vacancy: {
				select: {
					id: true,
					title: true,
					town: true,
					closingDate: true,
					provider: { select: { name: true } },
					applications: { where: { submittedAt: { not: null } }, select: { candidateId: true } },
				},
			},
		},
	})
	const byUser = new Map<string, typeof due>()
	for (const row of due) {
		if (londonDateString(row.vacancy.closingDate) > lastDay) continue
		if (row.vacancy.applications.some((a) => a.candidateId === row.userId)) continue
		byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row])
	}
	for (const [userId, rows] of byUser) {
		const email = await renderEmail(savedJobsClosing, {
			jobs: rows.map((r) => ({
				title: r.vacancy.title,
				providerName: r.vacancy.provider.name,
				town: r.vacancy.town,
				closing: formatDate(r.vacancy.closingDate),
				url: `${publicUrl()}/jobs/${r.vacancy.id}`,
			})),
			savedUrl: `${publicUrl()}/account/saved`,
		})
		await prisma.$transaction(async (tx) => {
			const marked = await tx.savedJob.updateMany({
				where: { id: { in: rows.map((r) => r.id) }, reminderSentAt: null },
				data: { reminderSentAt: now },
			})
			if (marked.count)
				await queueEmail(tx, {
					key: `saved-jobs-closing:${userId}:${rows.map((r) => r.vacancy.id).join(',')}`,
					to: rows[0].user.email,
					...email,
				})
		})
	}
	if (byUser.size) notifyEmailOutbox()
	return { reminded: byUser.size }
}
