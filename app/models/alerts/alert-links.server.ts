import crypto from 'node:crypto'
import { readOrCreateSecret } from '#app/utils/data-dir.server.ts'
import { getEnv, publicUrl } from '#app/utils/env.server.ts'

// The links in job alert emails work without signing in: each carries the ids of
// the alerts it is for and a signature (HMAC-SHA256) that only this service can
// make, so a link cannot be changed to reach someone else's alert. They do not
// expire (an unsubscribe link must work years later); deleting the alert ends them.

let key: Buffer | null = null
function signingKey() {
	// A key of its own, derived from the session secret: a signature made for
	// alert links can never pass as anything else.
	key ??= crypto
		.createHmac('sha256', getEnv().SESSION_SECRET ?? readOrCreateSecret('session-secret'))
		.update('job-alert-links')
		.digest()
	return key
}

const signature = (payload: string) => crypto.createHmac('sha256', signingKey()).update(payload).digest('base64url')

const ID = /^[a-z0-9]{20,40}$/

/** A link token for one alert or several (a digest that covers several of one person's alerts). */
export function alertToken(alertIds: string[]) {
	const payload = [...alertIds].sort().join('~')
	return `${payload}.${signature(payload)}`
}

/** The alert ids a token is for, or null when it was not made here (or was changed). */
export function readAlertToken(token: string) {
	if (token.length > 600) return null
	const dot = token.lastIndexOf('.')
	if (dot < 1) return null
	const payload = token.slice(0, dot)
	// Compared as text, not as decoded bytes: base64url decoding ignores the spare
	// bits of the last character, so several spellings would decode to one signature.
	const given = Buffer.from(token.slice(dot + 1))
	const expected = Buffer.from(signature(payload))
	if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
	const ids = payload.split('~')
	return ids.every((id) => ID.test(id)) ? ids : null
}

/** Every address an alert email links to. */
export function alertLinks(token: string) {
	const base = `${publicUrl()}/alerts/${token}`
	return {
		manage: base,
		confirm: `${base}/confirm`,
		unsubscribe: `${base}/unsubscribe`,
		/** the saved search, with newest jobs first; following it counts as reading the email */
		search: `${base}/go`,
		job: (vacancyId: number) => `${base}/go/${vacancyId}`,
	}
}
