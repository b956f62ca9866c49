import type { FormResult } from '#app/components/forms.tsx'

/** A Conform reply with extra field errors added (checks Zod cannot make, such as an uploaded file's). */
export function withFieldErrors(reply: FormResult, extra: Record<string, string | null | undefined>) {
	const added = Object.fromEntries(Object.entries(extra).filter((entry): entry is [string, string] => Boolean(entry[1])).map(([k, v]) => [k, [v]]))
	return { ...reply, status: 'error' as const, error: { ...(reply.error ?? {}), ...added } }
}

export function hasFieldErrors(extra: Record<string, string | null | undefined>) {
	return Object.values(extra).some(Boolean)
}
