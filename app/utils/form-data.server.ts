// Reading a form's body at the edge. The server has already refused bodies that
// are not forms (415, middleware.server.ts); what is left to go wrong is a body
// that says it is a form but cannot be read as one: that is the sender's
// mistake, a 400 with a plain message, never a 500.

const UNREADABLE = 'This form could not be read. Go back, reload the page and try again.'

export function unreadableForm(): never {
	throw new Response(UNREADABLE, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

export function isMultipart(request: Request) {
	return /^multipart\/form-data\s*;/i.test(request.headers.get('Content-Type') ?? '')
}

/** The submitted fields, or a 400 when the body cannot be read. */
export async function readFormData(request: Request) {
	try {
		return await request.formData()
	} catch {
		return unreadableForm()
	}
}
