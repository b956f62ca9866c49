// Loaders and actions answer "not found" and "not allowed" the same way
// everywhere: by throwing a Response, which the error boundary renders.

/** Throws a 404 (or the given response) unless `condition` holds. */
export function invariantResponse(
	condition: unknown,
	message = 'Not found',
	init: ResponseInit = { status: 404 },
): asserts condition {
	if (!condition) throw new Response(message, init)
}

// Database ids are 32-bit integers; anything else in a URL names nothing.
const MAX_ID = 2_147_483_647

/**
 * A numeric id from a URL: digits only, no leading zero, within range, so
 * `/jobs/321.0`, `/jobs/1e30` and `/jobs/0321` are 404s rather than second
 * addresses or server errors.
 */
export function parseIdParam(raw: string | undefined) {
	invariantResponse(raw && /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= MAX_ID)
	return Number(raw)
}
