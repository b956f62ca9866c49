import { z } from 'zod'
import { notifyEmailOutbox, queueEmail } from '#app/background/email-outbox.server.ts'
import { formatDateTime } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as visitMessageForAmbassador from '#emails/templates/visit-message-for-ambassador.tsx'
import { offerUrl, queueSchoolEmail, schoolEmail } from './emails.server.ts'
import { VisitError } from './vocabulary.ts'

export const MessageSchema = z.object({
	body: z
		.string({ error: 'Write your message' })
		.trim()
		.min(1, { error: 'Write your message' })
		.max(2000, { error: 'Messages must be 2,000 characters or fewer' }),
})

/** Messages go through the portal: neither side sees the other's email address. */
export async function postMessage(requestId: string, sender: 'school' | 'ambassador', body: string) {
	const request = await prisma.visitRequest.findUniqueOrThrow({
		where: { id: requestId },
		include: { ambassador: { select: { firstName: true, user: { select: { email: true } } } } },
	})
	if (!request.ambassador) throw new VisitError('Messages open once an ambassador has accepted')
	const toAmbassador =
		sender === 'school'
			? await renderEmail(visitMessageForAmbassador, {
					firstName: request.ambassador.firstName,
					organisation: request.organisation,
					visitUrl: offerUrl(requestId),
					kind: 'message',
				})
			: null
	const toSchool = sender === 'ambassador' ? await schoolEmail(request, 'message', request.ambassador.firstName) : null
	await prisma.$transaction(async (tx) => {
		const message = await tx.visitMessage.create({ data: { visitRequestId: requestId, sender, body } })
		if (toAmbassador)
			await queueEmail(tx, { key: `visit-message:${message.id}`, to: request.ambassador!.user.email, ...toAmbassador })
		if (toSchool) await queueSchoolEmail(tx, requestId, toSchool)
	})
	notifyEmailOutbox()
}

/** A thread as one side sees it: their own messages are "You". */
export function messageThread(
	messages: Array<{ id: number; sender: string; body: string; createdAt: Date }>,
	viewer: 'school' | 'ambassador',
	names: { school: string; ambassador: string },
) {
	return messages.map((m) => ({
		id: m.id,
		mine: m.sender === viewer,
		from: m.sender === viewer ? 'You' : names[m.sender as 'school' | 'ambassador'],
		body: m.body,
		sent: formatDateTime(m.createdAt),
	}))
}
