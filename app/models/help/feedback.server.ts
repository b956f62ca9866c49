import { z } from 'zod'
import { notifyEmailOutbox, queueEmail } from '#app/background/email-outbox.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { EmailSchema, requiredText } from '#app/utils/validation.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as feedbackReceived from '#emails/templates/feedback-received.tsx'

export const feedbackTopics = [
	{ id: 'finding-jobs', label: 'Finding a job' },
	{ id: 'applying', label: 'Applying for a job' },
	{ id: 'employer', label: 'Advertising jobs as an employer' },
	{ id: 'accessibility', label: 'Something hard to use or read' },
	{ id: 'other', label: 'Something else' },
] as const

export const FeedbackSchema = z.object({
	about: z.enum(feedbackTopics.map((t) => t.id) as [string, ...string[]], {
		error: 'Choose what your feedback is about',
	}),
	message: requiredText('your feedback', 3000, 5),
	replyTo: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || undefined)
		.pipe(EmailSchema.optional()),
	// the page they came from, as a path only (never a query string, which can hold a search or a postcode)
	page: z
		.string()
		.optional()
		.transform((v) => (v && /^\/[\w\-/.]*$/.test(v) ? v.slice(0, 200) : undefined)),
})

export type FeedbackInput = z.infer<typeof FeedbackSchema>

/** Keeps the feedback and emails it to the regional team. */
export async function sendFeedback(input: FeedbackInput) {
	const about = feedbackTopics.find((t) => t.id === input.about)!.label
	const team = await prisma.user.findMany({ where: { isAdmin: true }, select: { email: true } })
	const email = await renderEmail(feedbackReceived, {
		about,
		message: input.message,
		replyTo: input.replyTo ?? null,
		page: input.page ?? null,
	})
	await prisma.$transaction(async (tx) => {
		const row = await tx.feedback.create({
			data: { about, message: input.message, replyTo: input.replyTo ?? null, page: input.page ?? null },
		})
		for (const member of team)
			await queueEmail(tx, { key: `feedback:${row.id}:${member.email}`, to: member.email, ...email })
	})
	notifyEmailOutbox()
}
