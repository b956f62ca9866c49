import type { LoaderFunctionArgs } from '@remix-run/node'
import { getReadableFile } from '#app/models/uploads/uploads.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'

// CVs: readable by the candidate and by the teams of providers they applied to.
// Everyone else gets a 404, as if the file did not exist.
export async function loader({ request, params }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	const file = await getReadableFile(params.fileId ?? '', userId)
	invariantResponse(file)
	const safeName = file.originalName.replace(/[^\w.\- ]+/g, '_')
	return new Response(file.bytes, {
		headers: {
			'Content-Type': file.mimeType,
			'Content-Length': String(file.bytes.length),
			'Content-Disposition': `attachment; filename="${safeName}"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
