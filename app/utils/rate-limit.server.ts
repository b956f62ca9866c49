import crypto from 'node:crypto'
import { data } from '@remix-run/node'
import { prisma } from './db.server.ts'

export type RateLimitRule = { name: string; limit: number; windowMs: number }

export const rateLimits = {
	login: { name: 'login', limit: 10, windowMs: 15 * 60_000 },
	loginPerAccount: { name: 'login-account', limit: 10, windowMs: 15 * 60_000 },
	signup: { name: 'signup', limit: 10, windowMs: 60 * 60_000 },
	apply: { name: 'apply', limit: 20, windowMs: 60 * 60_000 },
	applyPerEmail: { name: 'apply-email', limit: 8, windowMs: 60 * 60_000 },
	emailLink: { name: 'email-link', limit: 5, windowMs: 60 * 60_000 },
	emailLinkPerAddress: { name: 'email-link-address', limit: 20, windowMs: 60 * 60_000 },
	visitRequest: { name: 'visit-request', limit: 10, windowMs: 60 * 60_000 },
	visitMessage: { name: 'visit-message', limit: 30, windowMs: 60 * 60_000 },
} satisfies Record<string, RateLimitRule>

// Keys are hashed: the table must not become a list of emails or IP addresses.
const hashKey = (rule: RateLimitRule, subject: string) =>
	`${rule.name}:${crypto.createHash('sha256').update(subject.toLowerCase()).digest('base64url').slice(0, 22)}`

/**
 * The part of a client's address that identifies them for rate limits: the
 * whole IPv4 address, or the /64 network of an IPv6 address (one household or
 * device usually has a whole /64 to choose from).
 */
export function clientAddressKey(ip: string | undefined) {
	if (!ip) return 'unknown'
	const v4 = ip.match(/^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i)
	if (v4) return v4[1]
	if (!ip.includes(':')) return ip
	const [head, tail = ''] = ip.split('::')
	const headParts = head ? head.split(':') : []
	const tailParts = tail ? tail.split(':') : []
	const groups = [...headParts, ...Array(Math.max(0, 8 - headParts.length - tailParts.length)).fill('0'), ...tailParts]
	return `${groups
		.slice(0, 4)
		.map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
		.join(':')}::/64`
}

/** Counts one attempt; `ok` is false once the window's limit is used up. Fixed windows. */
export async function consumeRateLimit(rule: RateLimitRule, subject: string, now = new Date()) {
	const key = hashKey(rule, subject)
	return prisma.$transaction(async (tx) => {
		const row = await tx.rateLimit.findUnique({ where: { key } })
		const windowOver = !row || now.getTime() - row.windowStart.getTime() >= rule.windowMs
		const count = windowOver ? 1 : row.count + 1
		await tx.rateLimit.upsert({
			where: { key },
			create: { key, windowStart: now, count },
			update: windowOver ? { windowStart: now, count } : { count },
		})
		const windowStart = windowOver ? now : row.windowStart
		const retryAfterSeconds = Math.ceil((windowStart.getTime() + rule.windowMs - now.getTime()) / 1000)
		return { ok: count <= rule.limit, retryAfterSeconds }
	})
}

/** Whether the window's limit is already used up, without counting an attempt. */
export async function checkRateLimit(rule: RateLimitRule, subject: string, now = new Date()) {
	const row = await prisma.rateLimit.findUnique({ where: { key: hashKey(rule, subject) } })
	if (!row || now.getTime() - row.windowStart.getTime() >= rule.windowMs) return { ok: true, retryAfterSeconds: 0 }
	return {
		ok: row.count < rule.limit,
		retryAfterSeconds: Math.ceil((row.windowStart.getTime() + rule.windowMs - now.getTime()) / 1000),
	}
}

export function tooManyRequests<T>(retryAfterSeconds: number, body: T) {
	return data(body, { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } })
}

export function retryAfterText(seconds: number) {
	const minutes = Math.ceil(seconds / 60)
	return minutes <= 1 ? 'in a minute' : `in ${minutes} minutes`
}

export async function pruneRateLimits(olderThanMs = 24 * 60 * 60_000) {
	await prisma.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(Date.now() - olderThanMs) } } })
}
