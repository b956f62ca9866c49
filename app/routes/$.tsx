import { invariantResponse } from '#app/utils/responses.server.ts'

// Any address no other route matches: a 404 rendered by the root error boundary.
export async function loader() {
	invariantResponse(false)
}

export default function NotFound() {
	return null
}
