import { prisma } from '#app/utils/db.server.ts'
import { log } from '#app/utils/log.server.ts'
import { startLoop } from '#app/utils/loop.server.ts'
import { onEmailOutbox, type EmailAttachment } from './outbox.server.ts'
import { mailTransport, messageIdFor } from './transport.server.ts'

const LEASE_MS = 2 * 60_000
const BATCH = 20
export const MAX_ATTEMPTS = 12

/** 2 s, 4 s, 8 s… up to 30 minutes between attempts: about 3 hours before an email is marked failed. */
export function emailBackoffMs(attempts: number) {
	return Math.min(30 * 60_000, 1000 * 2 ** attempts)
}

/**
 * Claims the next due email with a lease. One at a time: a slow SMTP server
 * must not let the lease on a queued email run out while it waits its turn.
 */
async function claimNext(now: Date) {
	return prisma.$transaction(async (tx) => {
		// "sending" rows whose lease ran out belong to a worker that died mid-send.
		const row = await tx.emailOutbox.findFirst({
			where: { status: { in: ['pending', 'sending'] }, availableAt: { lte: now } },
			orderBy: { id: 'asc' },
		})
		if (!row) return null
		const leaseUntil = new Date(now.getTime() + LEASE_MS)
		const claimed = await tx.emailOutbox.updateMany({
			where: { id: row.id, availableAt: row.availableAt, status: row.status },
			data: { status: 'sending', availableAt: leaseUntil },
		})
		return claimed.count ? { row, leaseUntil } : null
	})
}

/** SMTP 5xx replies are permanent (no such mailbox, rejected): retrying will not help. */
function isPermanent(error: unknown) {
	const code = (error as { responseCode?: number }).responseCode
	return typeof code === 'number' && code >= 500 && code < 600
}

/**
 * Sends due emails, one claimed row at a time. Delivery is at least once with
 * a stable Message-ID: if the process dies after the server accepted a message
 * but before it was marked sent, the retry carries the same Message-ID, which
 * most mailboxes (and the local sink) keep once. See README, "Exactly once, honestly".
 */
export async function processEmailOutbox(hooks: { afterSend?: (key: string) => void } = {}, limit = BATCH) {
	const { transport, from } = mailTransport()
	let claimed = 0
	let sent = 0
	while (claimed < limit) {
		const next = await claimNext(new Date())
		if (!next) break
		claimed++
		const { row, leaseUntil } = next
		// Every update below holds only while this worker's lease does.
		const mine = { id: row.id, status: 'sending', availableAt: leaseUntil }
		try {
			await transport.sendMail({
				from,
				to: row.toAddress,
				subject: row.subject,
				html: row.html,
				text: row.text,
				messageId: messageIdFor(row.messageKey, from),
				attachments: ((row.attachments as EmailAttachment[] | null) ?? []).map((a) => ({
					filename: a.filename,
					contentType: a.contentType,
					content: Buffer.from(a.content, 'base64'),
				})),
			})
		} catch (error) {
			const attempts = row.attempts + 1
			const failed = attempts >= MAX_ATTEMPTS || isPermanent(error)
			await prisma.emailOutbox.updateMany({
				where: mine,
				data: {
					attempts,
					status: failed ? 'failed' : 'pending',
					availableAt: new Date(Date.now() + emailBackoffMs(attempts)),
					lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
				},
			})
			if (failed) log.error('email', `email ${row.id} failed after ${attempts} attempts`)
			continue
		}
		hooks.afterSend?.(row.messageKey)
		await prisma.emailOutbox.updateMany({
			where: mine,
			data: { status: 'sent', sentAt: new Date(), attempts: row.attempts + 1, lastError: null },
		})
		sent++
	}
	return { claimed, sent }
}

/** Puts failed emails back in the queue (from the admin's email page). */
export async function retryFailedEmails(ids?: number[]) {
	const result = await prisma.emailOutbox.updateMany({
		where: { status: 'failed', ...(ids ? { id: { in: ids } } : {}) },
		data: { status: 'pending', availableAt: new Date(), attempts: 0 },
	})
	return result.count
}

/** The background loop: sends emails as they are queued, and retries with backoff. */
export function startEmailWorker(options: { pollMs?: number } = {}) {
	return startLoop({
		name: 'email',
		step: async () => (await processEmailOutbox()).claimed,
		pollMs: options.pollMs ?? 2000,
		subscribe: onEmailOutbox,
	})
}
