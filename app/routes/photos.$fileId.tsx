import type { LoaderFunctionArgs } from '@remix-run/node'
import { getPublicPhoto } from '#app/models/uploads/uploads.server.ts'

// Photos on published stories and ambassador profiles. Anything else, including a
// story's photo before it is published, is a 404.
export async function loader({ params }: LoaderFunctionArgs) {
	const photo = await getPublicPhoto(params.fileId ?? '')
	if (!photo) throw new Response('Not found', { status: 404 })
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
