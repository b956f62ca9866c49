import { prisma } from './db.server.ts'
import { getEnv, publicUrl } from './env.server.ts'
import { invariantResponse } from './responses.server.ts'

/**
 * The local mailbox shows every email the portal has sent, reset links included,
 * so it exists only for a portal run on someone's own machine: no SMTP_URL, a
 * plain-http public address, no proxy in front, and a request from this machine.
 */
export function devMailboxEnabled() {
	const env = getEnv()
	return !env.SMTP_URL && !publicUrl().startsWith('https://') && env.TRUST_PROXY_HOPS === 0
}

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

export function requireDevMailbox(context: { clientIp?: string }) {
	invariantResponse(devMailboxEnabled() && loopback.has(context.clientIp ?? ''))
}

/** Emails in the outbox not yet sent, oldest first, with why the last try failed. */
export async function emailsWaiting() {
	return prisma.emailOutbox.findMany({
		where: { status: { not: 'sent' } },
		orderBy: { id: 'asc' },
		select: { id: true, toAddress: true, subject: true, status: true, attempts: true, lastError: true },
	})
}
