import { insertRows, prisma, type Tx } from '#app/utils/db.server.ts'
import { lateTemplates, type LateTemplateName } from '#emails/late-templates.server.ts'
import { renderEmail, type RenderedEmail } from '#emails/render.server.ts'
import { mailTransport, messageIdFor } from '#emails/transport.server.ts'
import { defineOutbox, type HandlerResult, type OutboxDefinition } from './outbox.server.ts'

export type EmailAttachment = { filename: string; contentType: string; content: string }

export type QueuedEmail = RenderedEmail & {
	/** Stable for this message: the same change never queues it twice, and retries reuse its Message-ID. */
	key: string
	to: string
	attachments?: EmailAttachment[]
	/** extra headers, such as List-Unsubscribe (RFC 8058) */
	headers?: Record<string, string>
}

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
			headers: email.headers ?? undefined,
		},
	})
}

export type LateRenderedEmail<N extends LateTemplateName> = {
	/** unique: each is written once (a key already queued is an error, not a no-op) */
	key: string
	to: string
	template: N
	props: Parameters<(typeof lateTemplates)[N]['subject']>[0]
	headers?: Record<string, string>
}

/**
 * Like queueEmail, for many at once, rendered when each is sent from a template
 * in late-templates.server.ts and its props: a run that queues thousands of job
 * alert digests at 07:00 writes data, not thousands of rendered emails.
 */
export async function queueLateRenderedEmails<N extends LateTemplateName>(tx: Tx, emails: LateRenderedEmail<N>[]) {
	const now = new Date()
	await insertRows(
		tx,
		'EmailOutbox',
		emails.map((email) => ({
			messageKey: email.key,
			toAddress: email.to,
			subject: lateTemplates[email.template].subject(email.props as never),
			html: '',
			text: '',
			template: email.template,
			props: email.props as object,
			headers: email.headers ?? null,
			status: 'pending',
			attempts: 0,
			availableAt: now,
			createdAt: now,
		})),
	)
}

/** 2 s, 4 s, 8 s… up to 30 minutes between attempts: about 3 hours before an email is marked failed. */
export const EMAIL_RETRY = { firstMs: 2000, maxMs: 30 * 60_000, maxAttempts: 12 }

/** SMTP 5xx replies are permanent (no such mailbox, rejected): retrying will not help. */
function isPermanent(error: unknown) {
	const code = (error as { responseCode?: number }).responseCode
	return typeof code === 'number' && code >= 500 && code < 600
}

type EmailRow = {
	id: number
	attempts: number
	messageKey: string
	toAddress: string
	subject: string
	html: string
	text: string
	attachments: unknown
	headers: unknown
	template: string | null
	props: unknown
}

/** The email as it goes out: rendered now when it was queued as a template and props. */
async function contentOf(row: EmailRow): Promise<RenderedEmail> {
	if (!row.template) return { subject: row.subject, html: row.html, text: row.text }
	const template = lateTemplates[row.template as LateTemplateName]
	if (!template) throw new Error(`no email template called ${row.template}`)
	const rendered = await renderEmail(template as never, row.props as never)
	return { ...rendered, subject: row.subject }
}

/**
 * Sends each email with a Message-ID made from its key. Delivery is at least
 * once: if the process dies after the server accepted a message but before it
 * was marked sent, the retry carries the same Message-ID, which mailboxes (and
 * the local sink) keep once. See docs/decisions, "exactly once, honestly".
 */
async function sendEmails(rows: EmailRow[], hooks: SendHooks = {}): Promise<HandlerResult> {
	const { transport, from } = mailTransport()
	const failed: NonNullable<HandlerResult['failed']> = []
	for (const row of rows) {
		try {
			const content = await contentOf(row)
			await transport.sendMail({
				from,
				to: row.toAddress,
				subject: content.subject,
				html: content.html,
				text: content.text,
				headers: (row.headers as Record<string, string> | null) ?? undefined,
				messageId: messageIdFor(row.messageKey, from),
				attachments: ((row.attachments as EmailAttachment[] | null) ?? []).map((a) => ({
					filename: a.filename,
					contentType: a.contentType,
					content: Buffer.from(a.content, 'base64'),
				})),
			})
		} catch (error) {
			failed.push({ id: row.id, error, permanent: isPermanent(error) })
			continue
		}
		hooks.afterSend?.(row.messageKey)
	}
	return { failed }
}

/** For tests: `afterSend` runs after the server accepted a message, before it is marked sent. */
type SendHooks = { afterSend?: (key: string) => void }

const emailDefinition: OutboxDefinition<EmailRow> = {
	name: 'email',
	table: 'emailOutbox',
	leaseMs: 2 * 60_000,
	// One at a time: a slow SMTP server must not let the lease on a queued email
	// run out while it waits its turn.
	claimSize: 1,
	retry: EMAIL_RETRY,
	pollMs: 2000,
	select: {
		messageKey: true,
		toAddress: true,
		subject: true,
		html: true,
		text: true,
		attachments: true,
		headers: true,
		template: true,
		props: true,
	},
	// "sending" rows whose lease ran out belong to a worker that died mid-send.
	due: { status: { in: ['pending', 'sending'] } },
	claimed: { status: 'sending' },
	done: (row) => ({ status: 'sent', sentAt: new Date(), attempts: row.attempts + 1, lastError: null }),
	retrying: { status: 'pending' },
	givenUp: { status: 'failed' },
	// The SMTP server's reply, shown to the regional team on /admin/emails.
	errorText: (error) => (error instanceof Error ? error.message : String(error)),
	handle: (rows) => sendEmails(rows),
}

export const emailOutbox = defineOutbox(emailDefinition)

export function notifyEmailOutbox() {
	emailOutbox.nudge()
}

/** Sends due emails now (tests and scripts); `afterSend` simulates a crash after the server accepted one. */
export async function processEmailOutbox(hooks: SendHooks = {}, limit = 20) {
	const outbox = hooks.afterSend
		? defineOutbox({ ...emailDefinition, handle: (rows) => sendEmails(rows, hooks) })
		: emailOutbox
	return { claimed: await outbox.processDue(limit) }
}

/** Puts failed emails back in the queue (from the admin's email page). */
export async function retryFailedEmails(ids?: number[]) {
	const result = await prisma.emailOutbox.updateMany({
		where: { status: 'failed', ...(ids ? { id: { in: ids } } : {}) },
		data: { status: 'pending', availableAt: new Date(), attempts: 0 },
	})
	if (result.count) notifyEmailOutbox()
	return result.count
}
