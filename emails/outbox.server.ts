import { remember } from '@epic-web/remember'
import type { Tx } from '#app/utils/db.server.ts'
import type { RenderedEmail } from './render.server.ts'

export type EmailAttachment = { filename: string; contentType: string; content: string }

export type QueuedEmail = RenderedEmail & {
	/** Stable for this message: the same change never queues it twice, and retries reuse its Message-ID. */
	key: string
	to: string
	attachments?: EmailAttachment[]
}

const nudge = remember('email-outbox-nudge', () => ({ listeners: new Set<() => void>() }))

/** Writes the email inside the caller's transaction; call `notifyEmailOutbox()` after it commits. */
export async function queueEmail(tx: Tx, email: QueuedEmail) {
	await tx.emailOutbox.upsert({
		where: { messageKey: email.key },
		update: {},
		create: {
			messageKey: email.key,
			toAddress: email.to,
			subject: email.subject,
			html: email.html,
			text: email.text,
			attachments: email.attachments ?? undefined,
		},
	})
}

export function notifyEmailOutbox() {
	for (const listener of nudge.listeners) listener()
}

export function onEmailOutbox(listener: () => void) {
	nudge.listeners.add(listener)
	return () => nudge.listeners.delete(listener)
}
