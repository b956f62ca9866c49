import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { describeError, log } from '#app/utils/log.server.ts'
import { NonceProvider } from '#app/utils/nonce.tsx'

const ABORT_DELAY = 5_000

const END = Buffer.from('</body></html>')

/**
 * Remix writes the page's data scripts after the document it streams, past
 * </html>, which is not valid HTML: they go back inside <body>, where they run
 * the same.
 */
function insideBody(html: Buffer): Buffer<ArrayBuffer> {
	const end = html.lastIndexOf(END)
	if (end < 0 || end + END.length === html.length) return html as Buffer<ArrayBuffer>
	return Buffer.concat([html.subarray(0, end), html.subarray(end + END.length), END])
}

/**
 * React 18's streaming renderer encodes text into 2,048-byte buffers and, when a
 * character of several bytes (…, £, “) does not fit at the end of one, still sends
 * the whole buffer, with NUL bytes in the gap (facebook/react#26228, fixed in
 * React 19 only). A NUL byte is never part of any other UTF-8 character, and
 * never belongs in a page, so they are taken out.
 */
function withoutNulBytes(html: Buffer): Buffer {
	if (html.indexOf(0) < 0) return html
	const parts: Buffer[] = []
	let from = 0
	for (let at = html.indexOf(0); at >= 0; at = html.indexOf(0, from)) {
		parts.push(html.subarray(from, at))
		from = at + 1
	}
	parts.push(html.subarray(from))
	return Buffer.concat(parts)
}

export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
	loadContext: AppLoadContext,
) {
	const nonce = loadContext.cspNonce ?? ''
	// The whole page is rendered before any of it is sent. No page here streams
	// deferred data, so the shell is the page anyway, and one buffer costs less
	// than React's many small writes, each compressed and written on its own
	// (about 3 ms of CPU a results page: npm run bench:search).
	return new Promise((resolve, reject) => {
		let shellRendered = false
		let failedAfterShell = false
		const chunks: Buffer[] = []
		const body = new PassThrough()
		body.on('data', (chunk: Buffer) => chunks.push(chunk))
		body.on('end', () => {
			responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
			resolve(
				new Response(insideBody(withoutNulBytes(Buffer.concat(chunks))), {
					headers: responseHeaders,
					status: failedAfterShell ? 500 : responseStatusCode,
				}),
			)
		})
		const { pipe, abort } = renderToPipeableStream(
			<NonceProvider value={nonce}>
				<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
			</NonceProvider>,
			{
				nonce,
				onShellReady() {
					shellRendered = true
				},
				onAllReady() {
					clearTimeout(timer)
					pipe(body)
				},
				onShellError(error: unknown) {
					clearTimeout(timer)
					reject(error)
				},
				onError(error: unknown) {
					// Errors before the shell reach onShellError, and Remix logs them.
					if (!shellRendered) return
					failedAfterShell = true
					log.error('render', error instanceof Error ? error.message : String(error))
				},
			},
		)
		const timer = setTimeout(abort, ABORT_DELAY)
	})
}

export function handleError(error: unknown, { request }: { request: Request }) {
	if (request.signal.aborted) return
	// Remix's own answers to a wrong request (a POST to a page without a form: 405;
	// no such route: 404) are the sender's mistake, logged as a request already.
	if (isRouteErrorResponse(error) && error.status < 500) return
	log.error('remix', `${request.method} ${new URL(request.url).pathname}: ${describeError(error)}`)
}
