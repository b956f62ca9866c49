import type { LoaderFunctionArgs } from '@remix-run/node'
import { getStoryPhotoForReview } from '#app/models/careers/stories.server.ts'
import { requireAdmin } from '#app/utils/admin.server.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'

// The regional team sees a story's photo before it is published.
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireAdmin(request)
	const photo = await getStoryPhotoForReview(params.storyId ?? '')
	invariantResponse(photo)
	return new Response(photo.bytes, {
		headers: {
			'Content-Type': photo.mimeType,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'",
		},
	})
}
