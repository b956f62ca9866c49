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
		`Sitemap: ${publicUrl()}/sitemap.xml`,
		'',
	].join('\n')
	return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
