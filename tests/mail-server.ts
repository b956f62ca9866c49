import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { getEnv } from '#app/utils/env.server.ts'
import { configureMail } from '#emails/transport.server.ts'

export type Delivery = { raw: Buffer; mail: ParsedMail }

/**
 * A real SMTP server for a test file, started in-process. It records every
 * delivery, and can refuse mail for a while (451, as a server under load does).
 */
export async function startTestMailServer() {
	const deliveries: Delivery[] = []
	let refusing = false
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onRcptTo(_address, _session, callback) {
			if (refusing) {
				const error = Object.assign(new Error('Try again later: mailbox busy'), { responseCode: 451 })
				return callback(error)
			}
			callback()
		},
		onData(stream, _session, callback) {
			const chunks: Buffer[] = []
			stream.on('data', (c: Buffer) => chunks.push(c))
			stream.on('end', async () => {
				const raw = Buffer.concat(chunks)
				deliveries.push({ raw, mail: await simpleParser(raw) })
				callback()
			})
		},
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
	const address = server.server.address()
	const port = typeof address === 'object' && address ? address.port : 0
	configureMail({ url: `smtp://127.0.0.1:${port}`, from: getEnv().MAIL_FROM })
	return {
		/** For another process (the app under a benchmark) to send to. */
		url: `smtp://127.0.0.1:${port}`,
		deliveries,
		refuse(on: boolean) {
			refusing = on
		},
		/** What each recipient's mailbox holds: one message per Message-ID, as mail providers keep. */
		mailbox(to?: string) {
			const byId = new Map<string, Delivery>()
			for (const d of deliveries) {
				if (to && !(d.mail.to && JSON.stringify(d.mail.to).toLowerCase().includes(to.toLowerCase()))) continue
				byId.set(d.mail.messageId ?? String(byId.size), d)
			}
			return [...byId.values()].map((d) => d.mail)
		},
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	}
}

/** The first link in an email's text part that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string) {
	const match = (mail.text ?? '').match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s)]+`))
	if (!match) throw new Error(`no link starting ${prefix} in “${mail.subject}”`)
	return match[0]
}
