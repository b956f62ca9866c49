/**
 * Talking to the running portal the way a browser does: a provider's team member
 * made for the bench, signing in through /login, and form posts that carry the
 * Origin header the app's CSRF check wants.
 *
 *   const editor = await ensureBenchEditor(providerId)
 *   const cookie = await signIn(app.url, editor)
 *   const response = await postForm(app.url, `/provider/vacancies/${id}/edit`, fields, { cookie })
 */
import { formBody } from '#tests/helpers.ts'

export type Credentials = { email: string; password: string }

/** A team member (owner) of the provider, made once and kept; its password is only ever used by benches. */
export async function ensureBenchEditor(
	providerId: string,
	email = 'bench.editor@bench.example',
): Promise<Credentials> {
	const { prisma } = await import('#app/utils/db.server.ts')
	const { hashPassword } = await import('#app/utils/auth.server.ts')
	const password = 'bench-editor-password'
	const user = await prisma.user.upsert({
		where: { email },
		create: { email, name: 'Bench editor', passwordHash: await hashPassword(password), emailVerifiedAt: new Date() },
		update: {},
		select: { id: true },
	})
	await prisma.teamMember.deleteMany({ where: { userId: user.id, providerId: { not: providerId } } })
	const member = await prisma.teamMember.findFirst({ where: { userId: user.id, providerId } })
	if (!member) await prisma.teamMember.create({ data: { userId: user.id, providerId, role: 'owner' } })
	return { email, password }
}

const cookieOf = (response: Response) =>
	response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ')

export async function postForm(
	baseUrl: string,
	path: string,
	fields: Record<string, string | string[]>,
	options: { cookie?: string; headers?: Record<string, string> } = {},
) {
	return fetch(`${baseUrl}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: baseUrl,
			...(options.cookie ? { cookie: options.cookie } : {}),
			...options.headers,
		},
		body: formBody(fields),
	})
}

/** Signs in through /login; returns the session cookie. */
export async function signIn(baseUrl: string, credentials: Credentials) {
	const response = await postForm(baseUrl, '/login', {
		email: credentials.email,
		password: credentials.password,
		redirectTo: '',
	})
	const cookie = cookieOf(response)
	if (response.status !== 302 || !cookie.includes('__session='))
		throw new Error(`Signing in as ${credentials.email} failed: HTTP ${response.status}`)
	return cookie
}
