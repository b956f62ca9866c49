import type { NextFunction, Request, Response } from 'express'
import { publicUrl } from '#app/utils/env.server.ts'

export function securityHeaders({ isDev }: { isDev: boolean }) {
	return (req: Request, res: Response, next: NextFunction) => {
		const nonce = res.locals.cspNonce as string
		res.setHeader(
			'Content-Security-Policy',
			[
				"default-src 'self'",
				`script-src 'self' 'nonce-${nonce}'${isDev ? " 'unsafe-inline'" : ''}`,
				"style-src 'self' 'unsafe-inline'",
				"img-src 'self' data:",
				`connect-src 'self'${isDev ? ' ws:' : ''}`,
				"font-src 'self'",
				"frame-ancestors 'none'",
				"form-action 'self'",
				"base-uri 'self'",
				"object-src 'none'",
			].join('; '),
		)
		res.setHeader('X-Content-Type-Options', 'nosniff')
		res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
		res.setHeader('X-Frame-Options', 'DENY')
		res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
		next()
	}
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

// One-click unsubscribe (RFC 8058): a mail provider POSTs to the link from its
// own servers, with no Origin of ours. The signed token in the path is the proof.
const ONE_CLICK_UNSUBSCRIBE = /^\/alerts\/[^/]+\/unsubscribe$/

/**
 * CSRF defence for every form: a state-changing request must come from a page
 * on this site. Browsers send Origin on every POST; Referer is the fallback.
 * Cookies are also SameSite=Lax (see docs in README, "Security").
 *
 * This is the one origin rule. Remix 2.17 repeats a narrower one (Origin against
 * Host only) and answers a mismatch with a bare 500, which would break one-click
 * unsubscribe and a site behind a proxy; so once a request has been judged here
 * the Origin header is not passed on.
 */
export function checkSameOrigin(req: Request, res: Response, next: NextFunction) {
	if (SAFE_METHODS.has(req.method)) return next()
	if (ONE_CLICK_UNSUBSCRIBE.test(req.path)) return judged(req, next)
	const host = req.headers.host
	const source = req.headers.origin ?? req.headers.referer
	let sourceHost: string | null = null
	try {
		sourceHost = source && source !== 'null' ? new URL(source).host : null
	} catch {
		sourceHost = null
	}
	if (sourceHost && (sourceHost === host || sourceHost === new URL(publicUrl()).host)) return judged(req, next)
	res
		.status(403)
		.type('text/plain')
		.send('This form was sent from another website, so it was not accepted. Go back, reload the page and try again.')
}

function judged(req: Request, next: NextFunction) {
	delete req.headers.origin
	next()
}

const FORM_TYPES = /^(?:application\/x-www-form-urlencoded|multipart\/form-data\s*;\s*boundary=)/i

/**
 * Every page's actions are HTML forms: a state-changing request whose body is
 * anything else (JSON, plain text, none at all) is answered 415 here, with a
 * plain message, before any route tries to read it.
 */
export function requireFormBody(req: Request, res: Response, next: NextFunction) {
	if (SAFE_METHODS.has(req.method) || FORM_TYPES.test(req.headers['content-type'] ?? '')) return next()
	res
		.status(415)
		.type('text/plain')
		.send('This page only accepts forms sent from its own pages. Go back, reload the page and try again.')
}

/**
 * `?_data=` is how Remix asked for a route's data before single fetch; this app
 * does not answer it (its data URLs end in `.data`), and Remix would log an
 * error for each. Such links go to the page itself.
 */
export function dropLegacyDataParam(req: Request, res: Response, next: NextFunction) {
	if (!SAFE_METHODS.has(req.method) || !('_data' in req.query)) return next()
	const url = new URL(req.originalUrl, 'http://localhost')
	url.searchParams.delete('_data')
	res.redirect(302, `${url.pathname}${url.search}`)
}

/**
 * An address with a broken %-escape (`/jobs/%`) cannot be decoded, so no route
 * can be matched: a plain 400 here, instead of Express's own page and a stack
 * trace in the log.
 */
export function refuseMalformedPath(req: Request, res: Response, next: NextFunction) {
	try {
		decodeURIComponent(req.path)
		return next()
	} catch {
		res
			.status(400)
			.type('text/plain')
			.send(`This web address is not valid. Check it, or start again from ${publicUrl()}/`)
	}
}

const MAX_FORM_BYTES = 1024 * 1024
const MAX_UPLOAD_FORM_BYTES = 20 * 1024 * 1024

/**
 * The largest form a page sends is a vacancy of a few thousand words (1 MB is
 * plenty); with files, a 5 MB CV (files up to 20 MB are still read, to say
 * "must be smaller than 5 MB" on the page). Anything bigger is refused before it
 * is read, as is a form whose size is not given: every browser gives it.
 */
export function limitFormBody(req: Request, res: Response, next: NextFunction) {
	// A mail provider's one-click unsubscribe is a few bytes, however it is sent.
	if (SAFE_METHODS.has(req.method) || ONE_CLICK_UNSUBSCRIBE.test(req.path)) return next()
	const length = Number(req.headers['content-length'])
	if (req.headers['content-length'] === undefined || !Number.isSafeInteger(length)) {
		res.status(411).type('text/plain').send('This form could not be read. Go back, reload the page and try again.')
		return
	}
	const limit = /^multipart\//i.test(req.headers['content-type'] ?? '') ? MAX_UPLOAD_FORM_BYTES : MAX_FORM_BYTES
	if (length <= limit) return next()
	res
		.status(413)
		.type('text/plain')
		.send(
			`This form is too large to send (the most is ${limit / 1024 / 1024} MB). Go back, shorten what you entered or choose a smaller file, and try again.`,
		)
}
