import crypto from 'node:crypto'
import { remember } from '@epic-web/remember'
import nodemailer, { type Transporter } from 'nodemailer'

type MailState = { transport: Transporter | null; from: string; url: string | null }

const state = remember<MailState>('mail-transport', () => ({ transport: null, from: '', url: null }))

/** Points email at an SMTP server: the real one from SMTP_URL, or the local sink. */
export function configureMail(options: { url: string; from: string }) {
	state.transport?.close()
	state.url = options.url
	state.from = options.from
	const url = new URL(options.url)
	state.transport = nodemailer.createTransport({
		host: url.hostname,
		port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
		secure: url.protocol === 'smtps:',
		auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
		// The local sink and test servers speak plain SMTP on loopback.
		ignoreTLS: url.hostname === '127.0.0.1',
		// One connection kept open and reused: a new connection (and handshake) for
		// every email limited the outbox to about 9 emails a second, so a burst of
		// applications waited minutes for their confirmation emails (npm run
		// bench:faults). Closed after socketTimeout idle.
		pool: true,
		maxConnections: 1,
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 20_000,
	})
}

export function mailTransport() {
	if (!state.transport) throw new Error('Email is not configured: call configureMail() first')
	return { transport: state.transport, from: state.from }
}

/** "Care Careers <no-reply@example.org>" → "example.org" */
export function mailDomain(from: string) {
	return from.match(/@([^>\s]+)/)?.[1] ?? 'localhost'
}

/** "Care Careers <no-reply@example.org>" → "no-reply@example.org" */
export function mailAddress(from: string) {
	return from.match(/<([^>]+)>/)?.[1] ?? from.trim()
}

/** One Message-ID per outbox row, whichever attempt sends it. */
export function messageIdFor(key: string, from: string) {
	return `<${crypto.createHash('sha256').update(key).digest('hex').slice(0, 32)}@${mailDomain(from)}>`
}
