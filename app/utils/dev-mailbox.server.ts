import { getEnv, publicUrl } from './env.server.ts'

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
	if (!devMailboxEnabled() || !loopback.has(context.clientIp ?? '')) throw new Response('Not found', { status: 404 })
}
