import { listPublishedStoryIds } from '#app/models/careers/stories.server.ts'
import { careRoles } from '#app/models/jobs/care-roles.server.ts'
import { listLiveVacancyIdsForSitemap } from '#app/models/jobs/vacancies.server.ts'
import { publicUrl } from '#app/utils/env.server.ts'

// Live vacancies, so search engines find new jobs and drop closed ones, and the careers pages.
// Only pages that may be indexed: the search page says noindex, so it is not listed.
export async function loader() {
	const base = publicUrl()
	const [vacancies, stories] = await Promise.all([listLiveVacancyIdsForSitemap(), listPublishedStoryIds()])
	const urls = [
		`<url><loc>${base}/</loc></url>`,
		...[
			'/careers',
			'/careers/apprenticeships',
			'/stories',
			'/ambassadors',
			'/ambassadors/request-a-visit',
			'/for-employers',
			'/help',
			'/privacy',
			'/accessibility',
		].map((p) => `<url><loc>${base}${p}</loc></url>`),
		...careRoles.map((r) => `<url><loc>${base}/careers/${r.id}</loc></url>`),
		...stories.map((s) => `<url><loc>${base}/stories/${s.id}</loc></url>`),
		...vacancies.map(
			(v) => `<url><loc>${base}/jobs/${v.id}</loc><lastmod>${v.updatedAt.toISOString()}</lastmod></url>`,
		),
	]
	const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>\n`
	return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}
