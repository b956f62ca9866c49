import { prisma } from '#app/utils/db.server.ts'
import { log } from '#app/utils/log.server.ts'
import { onEmailOutbox, type EmailAttachment } from './outbox.server.ts'
import { mailTransport, messageIdFor } from './transport.server.ts'

const LEASE_MS = 2 * 60_000
const BATCH = 20
export const MAX_ATTEMPTS = 12

/** 2 s, 4 s, 8 s… up to 30 minutes between attempts: about 3 hours before an email is marked failed. */
export function emailBackoffMs(attempts: number) {
	return Math.min(30 * 60_000, 1000 * 2 ** attempts)
}

async function claim(now: Date) {
	return prisma.$transaction(async (tx) => {
		// "sending" rows whose lease ran out belong to a worker that died mid-send.
		const rows = await tx.emailOutbox.findMany({
			where: { status: { in: ['pending', 'sending'] }, availableAt: { lte: now } },
			orderBy: { id: 'asc' },
			take: BATCH,
		})
		if (rows.length) {
			await tx.emailOutbox.updateMany({
				where: { id: { in: rows.map((r) => r.id) } },
				data: { status: 'sending', availableAt: new Date(now.getTime() + LEASE_MS) },
			})
		}
		return rows
	})
}

/**
 * Sends one batch of due emails. Delivery is at least once with a stable
 * Message-ID: if the process dies after the server accepted a message but
 * before it was marked sent, the retry carries the same Message-ID, which the
 * receiving mailbox treats as the same message.
 */
export async function processEmailOutbox(hooks: { afterSend?: (key: string) => void } = {}) {
	const rows = await claim(new Date())
	const { transport, from } = mailTransport()
	let sent = 0
	for (const row of rows) {
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
			const failed = attempts >= MAX_ATTEMPTS
			await prisma.emailOutbox.update({
				where: { id: row.id },
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
		await prisma.emailOutbox.update({
			where: { id: row.id },
			data: { status: 'sent', sentAt: new Date(), attempts: row.attempts + 1, lastError: null },
		})
		sent++
	}
	return { claimed: rows.length, sent }
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
	const pollMs = options.pollMs ?? 2000
	let running = true
	let wake: (() => void) | null = null
	const sleep = (ms: number) =>
		new Promise<void>((resolve) => {
			const timer = setTimeout(done, ms)
			function done() {
				clearTimeout(timer)
				wake = null
				resolve()
			}
			wake = done
		})
	const unsubscribe = onEmailOutbox(() => wake?.())
	const loop = (async () => {
		while (running) {
			try {
				const { claimed } = await processEmailOutbox()
				if (claimed === 0) await sleep(pollMs)
			} catch (error) {
				log.error('email', `email worker: ${error instanceof Error ? error.message : String(error)}`)
				await sleep(pollMs)
			}
		}
	})()
	return {
		async stop() {
			running = false
			unsubscribe()
			wake?.()
			await loop
		},
	}
}
