import { publicUrl } from '#app/utils/env.server.ts'

export function loader() {
	const body = [
		'User-agent: *',
		'Disallow: /provider',
		'Disallow: /login',
		'Disallow: /signup',
		'Disallow: /account',
		'Disallow: /admin',
		'Disallow: /ambassador/',
		'Disallow: /ambassadors/join/',
		'Disallow: /visits/',
		// Links sent by email carry a secret: never fetched by crawlers.
		'Disallow: /sign-in/',
		'Disallow: /reset-password/',
		'Disallow: /confirm-application/',
		'Disallow: /confirm-email/',
		'Disallow: /invitations/',
		'Disallow: /login/',
		'Disallow: /forgot-password',
		'Disallow: /files/',
		'Disallow: /dev/',
		// Search results and forms are not pages to index (they say noindex too).
		'Disallow: /jobs?',
		'Disallow: /jobs/*/apply',
		`Sitemap: ${publicUrl()}/sitemap.xml`,
		'',
	].join('\n')
	return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
