import { getEnv } from './env.server.ts'

/** The local mailbox page exists only while emails go to the local sink (no SMTP_URL). */
export function devMailboxEnabled() {
	return !getEnv().SMTP_URL
}

export function requireDevMailbox() {
	if (!devMailboxEnabled()) throw new Response('Not found', { status: 404 })
}
