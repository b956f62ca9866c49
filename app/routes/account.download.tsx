import type { LoaderFunctionArgs } from '@remix-run/node'
import { exportCandidateData } from '#app/models/applications/candidate-profile.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	const body = JSON.stringify(await exportCandidateData(userId), null, 2)
	return new Response(body, {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': 'attachment; filename="my-care-careers-data.json"',
			'Cache-Control': 'private, no-store',
		},
	})
}
