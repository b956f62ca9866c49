import { data } from '@remix-run/node'
import type { FormResult } from '#app/components/forms.tsx'
import { DomainError, NotFoundError } from './domain-error.ts'

// One way to reply to a form from an action. Success redirects (so a refresh
// never sends the form again); every failure is a `FormReply`: which form on the
// page it is for (a page may hold several) and Conform's result, holding field
// errors, a form-level error ('') and what the person typed.

export type FormReply = { form: string; result: FormResult }

type Submission = { reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => FormResult }

/** The form was not filled in right: Conform's reply to its submission, with a 400. */
export function replyInvalid(form: string, submission: Submission | FormResult, status = 400) {
	const result = 'reply' in submission ? submission.reply() : submission
	return data<FormReply>({ form, result }, { status })
}

/**
 * A message for the form as a whole, or for one field (`field`), keeping what
 * was typed when the submission is given. 409 unless said: the form was sound
 * but the state of things does not allow it.
 */
export function replyError(
	form: string,
	message: string,
	options: { field?: string; status?: number; submission?: Submission } = {},
) {
	const { field, status = 409, submission } = options
	const result: FormResult = submission
		? submission.reply(field ? { fieldErrors: { [field]: [message] } } : { formErrors: [message] })
		: { status: 'error', error: { [field ?? '']: [message] } }
	return data<FormReply>({ form, result }, { status })
}

/** Too many attempts from here: the message on the form, with a 429 and Retry-After. */
export function replyRateLimited(form: string, retryAfterSeconds: number, message: string, submission?: Submission) {
	const result: FormResult = submission
		? submission.reply({ formErrors: [message] })
		: { status: 'error', error: { '': [message] } }
	return data<FormReply>({ form, result }, { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } })
}

/**
 * The one place a broken domain rule becomes a reply: a DomainError is shown on
 * the form (on its field, if it names one) with its status; NotFoundError is a
 * 404 page; anything else is a fault, thrown on.
 */
export function replyToDomainError(error: unknown, form: string, submission?: Submission) {
	if (error instanceof NotFoundError) throw new Response('Not found', { status: 404 })
	if (!(error instanceof DomainError)) throw error
	return replyError(form, error.message, { field: error.field, status: error.status, submission })
}

/** A Conform reply with extra field errors added (checks Zod cannot make, such as an uploaded file's). */
export function withFieldErrors(reply: FormResult, extra: Record<string, string | null | undefined>) {
	const added = Object.fromEntries(
		Object.entries(extra)
			.filter((entry): entry is [string, string] => Boolean(entry[1]))
			.map(([k, v]) => [k, [v]]),
	)
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
export function photoProblems(o: {
	chosen: boolean
	fileError: string | null
	alt: string
	hasCurrentPhoto: boolean
	otherErrors: boolean
}) {
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
