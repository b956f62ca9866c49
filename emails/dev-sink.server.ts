import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/**
 * A local SMTP server that keeps what it receives as .eml files: the portal's
 * mailbox when no SMTP_URL is set, shown at /dev/mailbox. Like a real mailbox,
 * it keeps one copy per Message-ID.
 */
export async function startDevMailSink(dir: string, port = 0) {
	fs.mkdirSync(dir, { recursive: true })
	const seen = new Set(fs.readdirSync(dir).map((f) => f.split('.')[0].split('-')[1]))
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		size: 15 * 1024 * 1024,
		onData(stream, _session, callback) {
			const chunks: Buffer[] = []
			stream.on('data', (chunk: Buffer) => chunks.push(chunk))
			stream.on('end', () => {
				const raw = Buffer.concat(chunks)
				const header = raw.subarray(0, raw.indexOf('\r\n\r\n')).toString('utf8')
				const messageId = header.match(/^Message-ID:\s*(.+)$/im)?.[1]?.trim() ?? crypto.randomUUID()
				const key = crypto.createHash('sha256').update(messageId).digest('hex').slice(0, 16)
				if (!seen.has(key)) {
					seen.add(key)
					fs.writeFileSync(path.join(dir, `${Date.now()}-${key}.eml`), raw)
				}
				callback()
			})
		},
	})
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject)
		server.listen(port, '127.0.0.1', () => resolve())
	})
	const address = server.server.address()
	const boundPort = typeof address === 'object' && address ? address.port : port
	return {
		url: `smtp://127.0.0.1:${boundPort}`,
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	}
}

export type MailboxEntry = { id: string; to: string; subject: string; date: Date }

const idPattern = /^\d+-[0-9a-f]{16}$/

/** Newest first. */
export async function listMailbox(dir: string, limit = 200): Promise<MailboxEntry[]> {
	if (!fs.existsSync(dir)) return []
	const files = fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.eml'))
		.sort()
		.reverse()
		.slice(0, limit)
	return Promise.all(
		files.map(async (file) => {
			const mail = await simpleParser(fs.readFileSync(path.join(dir, file)))
			return {
				id: file.replace(/\.eml$/, ''),
				to: mail.to ? (Array.isArray(mail.to) ? mail.to.map((t) => t.text).join(', ') : mail.to.text) : '',
				subject: mail.subject ?? '(no subject)',
				date: mail.date ?? new Date(Number(file.split('-')[0])),
			}
		}),
	)
}

export async function readMailboxMessage(dir: string, id: string) {
	if (!idPattern.test(id)) return null
	const file = path.join(dir, `${id}.eml`)
	if (!fs.existsSync(file)) return null
	return simpleParser(fs.readFileSync(file))
}
