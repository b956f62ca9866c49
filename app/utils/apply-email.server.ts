import { remember } from '@epic-web/remember'
import { createCookie } from '@remix-run/node'
import { readOrCreateSecret } from './data-dir.server.ts'
import { getEnv, publicUrl } from './env.server.ts'

// The "Check your email" page after applying without an account shows the
// address the link went to, so a typo is easy to spot. The address travels in a
// short-lived, signed, HttpOnly cookie scoped to the apply pages: never in the
// URL, where it would reach logs, history and referrers.

export const APPLY_EMAIL_MINUTES = 30
const MINUTES = APPLY_EMAIL_MINUTES

const cookie = remember('apply-email-cookie', () =>
	createCookie('__apply_email', {
		httpOnly: true,
		sameSite: 'lax',
		secure: publicUrl().startsWith('https://'),
		path: '/jobs',
		maxAge: MINUTES * 60,
		secrets: [getEnv().SESSION_SECRET ?? readOrCreateSecret('session-secret')],
	}),
)

export function rememberApplyEmail(vacancyId: number, email: string) {
	return cookie.serialize({ vacancyId, email })
}

/** The address this browser last applied with for this vacancy, if it was in the last half hour. */
export async function recallApplyEmail(request: Request, vacancyId: number) {
	const value = (await cookie.parse(request.headers.get('Cookie'))) as { vacancyId?: unknown; email?: unknown } | null
	return value && value.vacancyId === vacancyId && typeof value.email === 'string' ? value.email : null
}
