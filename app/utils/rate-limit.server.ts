import crypto from 'node:crypto'
import { data } from '@remix-run/node'
import { prisma } from './db.server.ts'

export type RateLimitRule = { name: string; limit: number; windowMs: number }

export const rateLimits = {
	// Failed sign-ins: see signInThrottle.
	login: { name: 'login', limit: 30, windowMs: 15 * 60_000 },
	loginPerAccountAndAddress: { name: 'login-account-address', limit: 10, windowMs: 15 * 60_000 },
	loginPerAccount: { name: 'login-account', limit: 10, windowMs: 15 * 60_000 },
	signup: { name: 'signup', limit: 10, windowMs: 60 * 60_000 },
	apply: { name: 'apply', limit: 20, windowMs: 60 * 60_000 },
	applyPerEmail: { name: 'apply-email', limit: 8, windowMs: 60 * 60_000 },
	emailLink: { name: 'email-link', limit: 5, windowMs: 60 * 60_000 },
	emailLinkPerAddress: { name: 'email-link-address', limit: 20, windowMs: 60 * 60_000 },
	visitRequest: { name: 'visit-request', limit: 10, windowMs: 60 * 60_000 },
	feedback: { name: 'feedback', limit: 10, windowMs: 60 * 60_000 },
	visitMessage: { name: 'visit-message', limit: 30, windowMs: 60 * 60_000 },
	// Emails asking someone to confirm a job alert, per address.
	alertConfirmation: { name: 'alert-confirmation', limit: 5, windowMs: 24 * 60 * 60_000 },
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

/**
 * Counts one attempt; `ok` is false once the window's limit is used up. Fixed windows.
 *
 * Each step is one conditional write, so attempts made at once (by several
 * instances, or one instance's many requests) are all counted: an increment
 * only while the window is open, a reset only once it is over, and a create that
 * loses to another instance's create tries again.
 */
export async function consumeRateLimit(rule: RateLimitRule, subject: string, now = new Date()) {
	const key = hashKey(rule, subject)
	const windowOpenedAfter = new Date(now.getTime() - rule.windowMs)
	const result = (windowStart: Date, count: number) => ({
		ok: count <= rule.limit,
		retryAfterSeconds: Math.ceil((windowStart.getTime() + rule.windowMs - now.getTime()) / 1000),
	})
	for (let attempt = 0; attempt < 5; attempt++) {
		const counted = await prisma.rateLimit
			.update({ where: { key, windowStart: { gt: windowOpenedAfter } }, data: { count: { increment: 1 } } })
			.catch(unlessNotFound)
		if (counted) return result(counted.windowStart, counted.count)
		const reset = await prisma.rateLimit.updateMany({
			where: { key, windowStart: { lte: windowOpenedAfter } },
			data: { windowStart: now, count: 1 },
		})
		if (reset.count) return result(now, 1)
		const created = await prisma.rateLimit
			.create({ data: { key, windowStart: now, count: 1 } })
			.catch((error: unknown) => {
				if ((error as { code?: string }).code === 'P2002') return null
				throw error
			})
		if (created) return result(now, 1)
	}
	// Only under a storm of attempts on one key, each step losing to another instance.
	return result(now, rule.limit + 1)
}

function unlessNotFound(error: unknown) {
	if ((error as { code?: string }).code === 'P2025') return null
	throw error
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

const MAX_SIGN_IN_DELAY_MS = 5_000

/**
 * Failed sign-ins are limited per address (30 in 15 minutes, whichever
 * accounts they try) and per account from one address (10): past either, that
 * address waits (a 429 with Retry-After). Failures against one account from
 * everywhere never lock it: past 10, every attempt on it is slowed by a second
 * more for each failure, up to 5 seconds, so a stranger cannot lock the owner
 * out, and guessing stays slow.
 */
export async function signInThrottle(email: string, address: string) {
	const [byAddress, byPair, byAccount] = await Promise.all([
		checkRateLimit(rateLimits.login, address),
		checkRateLimit(rateLimits.loginPerAccountAndAddress, `${email}|${address}`),
		countAttempts(rateLimits.loginPerAccount, email),
	])
	const retryAfterSeconds =
		!byAddress.ok || !byPair.ok ? Math.max(byAddress.retryAfterSeconds, byPair.retryAfterSeconds) : null
	const over = byAccount - rateLimits.loginPerAccount.limit
	return { retryAfterSeconds, delayMs: over > 0 ? Math.min(MAX_SIGN_IN_DELAY_MS, over * 1000) : 0 }
}

export async function recordFailedSignIn(email: string, address: string) {
	await consumeRateLimit(rateLimits.login, address)
	await consumeRateLimit(rateLimits.loginPerAccountAndAddress, `${email}|${address}`)
	await consumeRateLimit(rateLimits.loginPerAccount, email)
}

async function countAttempts(rule: RateLimitRule, subject: string, now = new Date()) {
	const row = await prisma.rateLimit.findUnique({ where: { key: hashKey(rule, subject) } })
	return !row || now.getTime() - row.windowStart.getTime() >= rule.windowMs ? 0 : row.count
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
