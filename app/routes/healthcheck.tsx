import { prisma } from '#app/utils/db.server.ts'
import { isSearchHealthy } from '#search/client.server.ts'

// For load balancers and uptime checks: 200 when the database answers. Search
// being down is reported but is not a failure (reduced mode keeps working).
export async function loader() {
	try {
		await prisma.provider.count({ take: 1 })
		return Response.json(
			{ status: 'ok', search: isSearchHealthy() ? 'ok' : 'reduced' },
			{ headers: { 'Cache-Control': 'no-store' } },
		)
	} catch {
		return Response.json({ status: 'error' }, { status: 503 })
	}
}
