import type { FormResult } from '#app/components/forms.tsx'

/** A Conform reply with extra field errors added (checks Zod cannot make, such as an uploaded file's). */
export function withFieldErrors(reply: FormResult, extra: Record<string, string | null | undefined>) {
	const added = Object.fromEntries(Object.entries(extra).filter((entry): entry is [string, string] => Boolean(entry[1])).map(([k, v]) => [k, [v]]))
	return { ...reply, status: 'error' as const, error: { ...(reply.error ?? {}), ...added } }
}

export function hasFieldErrors(extra: Record<string, string | null | undefined>) {
	return Object.values(extra).some(Boolean)
}

/**
 * Problems with an optional photo and its description. A browser cannot send a
 * chosen file back, so whenever the form is shown again the photo must be
 * chosen again, and the person is told so.
 */
export function photoProblems(o: { chosen: boolean; fileError: string | null; alt: string; hasCurrentPhoto: boolean; otherErrors: boolean }) {
	const again = 'Select the photo again: files are not kept when there is a problem with the form'
	const problems: Record<string, string | null> = { photo: o.fileError, photoAlt: null }
	if (o.chosen && !o.alt) {
		problems.photoAlt = 'Describe the photo for people who cannot see it'
		problems.photo ??= again
	} else if (!o.chosen && o.alt && !o.hasCurrentPhoto) {
		problems.photo = 'Select the photo this description is for, or delete the description'
	} else if (o.chosen && o.otherErrors) {
		problems.photo ??= again
	}
	return problems
}
