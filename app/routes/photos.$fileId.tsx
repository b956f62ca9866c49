import type { LoaderFunctionArgs } from '@remix-run/node'
import { getPublicPhoto } from '#app/models/uploads/uploads.server.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'

// Photos on published stories and ambassador profiles. Anything else, including a
// story's photo before it is published, is a 404.
export async function loader({ params }: LoaderFunctionArgs) {
	const photo = await getPublicPhoto(params.fileId ?? '')
	invariantResponse(photo)
	return new Response(photo.bytes, {
		headers: {
			'Content-Type': photo.mimeType,
			'Content-Length': String(photo.bytes.length),
			'Cache-Control': 'public, max-age=300',
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'",
		},
	})
}
