import crypto from 'node:crypto'
import { remember } from '@epic-web/remember'
import { hash, verify } from '@node-rs/argon2'
import { createCookie, redirect } from '@remix-run/node'
import { readOrCreateSecret } from './data-dir.server.ts'
import { prisma } from './db.server.ts'
import { getEnv, publicUrl } from './env.server.ts'
import { tokenHash } from './tokens.server.ts'

export const SESSION_DAYS = 30

// argon2id (the library's default) with OWASP's minimum memory (19 MiB), two passes.
const argonOptions = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string) {
	return hash(password, argonOptions)
}

export async function verifyPassword(passwordHash: string, password: string) {
	try {
		return await verify(passwordHash, password)
	} catch {
		return false
	}
}

// Verifying against this when no user matches keeps the response time the same,
// so timing does not reveal which emails have accounts.
const decoyHash = remember('decoy-hash', () => hash(crypto.randomBytes(16).toString('hex'), argonOptions))

const sessionCookie = remember('session-cookie', () =>
	createCookie('__session', {
		httpOnly: true,
		sameSite: 'lax',
		secure: publicUrl().startsWith('https://'),
		path: '/',
		maxAge: SESSION_DAYS * 86_400,
		secrets: [getEnv().SESSION_SECRET ?? readOrCreateSecret('session-secret')],
	}),
)

export async function createSession(userId: string) {
	await recordActivity(userId)
	const token = crypto.randomBytes(32).toString('base64url')
	await prisma.session.create({
		data: { id: tokenHash(token), userId, expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) },
	})
	return sessionCookie.serialize(token)
}

async function readToken(request: Request) {
	const token = await sessionCookie.parse(request.headers.get('Cookie'))
	return typeof token === 'string' && token.length > 20 ? token : null
}

export async function getUserId(request: Request) {
	const token = await readToken(request)
	if (!token) return null
	const session = await prisma.session.findUnique({
		where: { id: tokenHash(token) },
		select: { userId: true, expiresAt: true, user: { select: { lastActiveAt: true } } },
	})
	if (!session || session.expiresAt.getTime() < Date.now()) return null
	// Using the service keeps an account from being deleted for inactivity (written at most daily).
	if (Date.now() - session.user.lastActiveAt.getTime() > ACTIVITY_GRANULARITY_MS) await recordActivity(session.userId)
	return session.userId
}

const ACTIVITY_GRANULARITY_MS = 86_400_000

export async function recordActivity(userId: string) {
	await prisma.user.updateMany({ where: { id: userId }, data: { lastActiveAt: new Date(), retentionWarnedAt: null } })
}

function loginUrl(request: Request) {
	const url = new URL(request.url)
	const redirectTo = `${url.pathname}${url.search}`
	return `/login?${new URLSearchParams({ redirectTo })}`
}

export async function requireUserId(request: Request) {
	const userId = await getUserId(request)
	if (!userId) throw redirect(loginUrl(request))
	return userId
}

/** Where a signed-in person's work is: their provider's vacancies, or their applications. */
export async function homePathFor(userId: string) {
	const user = await prisma.user.findUnique({
		where: { id: userId },
		select: { isAdmin: true, _count: { select: { memberships: true } }, ambassador: { select: { id: true } } },
	})
	if (user?.isAdmin) return '/admin'
	if (user?._count.memberships) return '/provider'
	if (user?.ambassador) return '/ambassador'
	return '/account/applications'
}

export async function requireAnonymous(request: Request) {
	const userId = await getUserId(request)
	if (userId) throw redirect(await homePathFor(userId))
}

export async function logout(request: Request) {
	const token = await readToken(request)
	if (token) await prisma.session.deleteMany({ where: { id: tokenHash(token) } })
	return sessionCookie.serialize('', { maxAge: 0 })
}

/** The user whose email and password these are, or null. Takes the same time either way. */
export async function authenticate(email: string, password: string) {
	const user = await prisma.user.findUnique({
		where: { email: email.toLowerCase() },
		select: { id: true, passwordHash: true },
	})
	if (!user?.passwordHash) {
		await verifyPassword(await decoyHash, password)
		return null
	}
	return (await verifyPassword(user.passwordHash, password)) ? user.id : null
}

/**
 * Only paths on this site: never redirect somewhere else after signing in.
 * Resolving against our own origin catches "//evil", "/\\evil" and control
 * characters that browsers strip ("/\t/evil").
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string) {
	// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
	if (typeof to !== 'string' || !to.startsWith('/') || /[\u0000-\u001f\\]/.test(to)) return fallback
	const base = new URL(publicUrl())
	try {
		const url = new URL(to, base)
		return url.origin === base.origin ? `${url.pathname}${url.search}${url.hash}` : fallback
	} catch {
		return fallback
	}
}

export async function pruneExpiredSessions() {
	await prisma.session.deleteMany({ where: { expiresAt: { lt: new Date() } } })
}
