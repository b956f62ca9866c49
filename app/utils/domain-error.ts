/**
 * A rule of the domain that the request broke, with a message written for the
 * person who made it ("This job is no longer taking applications"). Models throw
 * a subclass; routes turn any of them into a form error with one call
 * (`replyWithDomainError` in form-reply), never a 500.
 */
export class DomainError extends Error {
	/** The form field the message belongs to, when it is about one. */
	readonly field: string | undefined
	/** 409: the request was sound but the state of things does not allow it. */
	readonly status: number

	constructor(message: string, options: { field?: string; status?: number } = {}) {
		super(message)
		this.name = new.target.name
		this.field = options.field
		this.status = options.status ?? 409
	}
}

/** The thing asked for does not exist, or is not this person's to see: a 404, never a 403 that confirms it exists. */
export class NotFoundError extends DomainError {
	constructor(message = 'Not found') {
		super(message, { status: 404 })
	}
}
