import type { NextFunction, Request, Response } from 'express'
import { LRUCache } from 'lru-cache'
import { searchGeneration } from '#search/generation.server.ts'

// Search pages for people who are not signed in, kept ready-rendered. Popular
// searches repeat, and rendering a page costs more than the search behind it.
// A page is served only while nothing search can return has changed since it
// was rendered (the search generation), and for at most a minute (closing dates
// pass without a change). Each response still gets its own CSP nonce: the
// stored copy holds a placeholder that is swapped for the new one.

type Entry = { html: string; contentType: string; generation: number; expires: number }

const MAX_AGE_MS = 60_000
const NONCE_PLACEHOLDER = '__CSP_NONCE__'

export function pageCache(options: { paths: string[]; maxEntries?: number }) {
	const cache = new LRUCache<string, Entry>({ max: options.maxEntries ?? 2_000 })
	const paths = new Set(options.paths)
	return (req: Request, res: Response, next: NextFunction) => {
		if (req.method !== 'GET' || !paths.has(req.path) || /(?:^|;\s*)__session=/.test(req.headers.cookie ?? ''))
			return next()
		const key = req.originalUrl
		const nonce = res.locals.cspNonce as string
		const hit = cache.get(key)
		if (hit && hit.generation === searchGeneration() && hit.expires > Date.now()) {
			res.status(200).type(hit.contentType).set('X-Page-Cache', 'hit')
			res.send(hit.html.replaceAll(NONCE_PLACEHOLDER, nonce))
			return
		}
		// Render as usual, keeping a copy of what goes out.
		const generation = searchGeneration()
		const chunks: Buffer[] = []
		const write = res.write.bind(res) as (...args: unknown[]) => boolean
		const end = res.end.bind(res) as (...args: unknown[]) => Response
		const keep = (chunk: unknown, encoding?: unknown) => {
			if (chunk == null || typeof chunk === 'function') return
			chunks.push(
				Buffer.isBuffer(chunk)
					? chunk
					: Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'),
			)
		}
		res.write = ((chunk: unknown, ...rest: unknown[]) => {
			keep(chunk, rest[0])
			return write(chunk, ...rest)
		}) as Response['write']
		res.end = ((chunk?: unknown, ...rest: unknown[]) => {
			keep(chunk, rest[0])
			const contentType = String(res.getHeader('Content-Type') ?? '')
			if (res.statusCode === 200 && contentType.startsWith('text/html') && !res.getHeader('Set-Cookie')) {
				cache.set(key, {
					html: Buffer.concat(chunks).toString('utf8').replaceAll(nonce, NONCE_PLACEHOLDER),
					contentType,
					generation,
					expires: Date.now() + MAX_AGE_MS,
				})
			}
			return end(chunk, ...rest)
		}) as Response['end']
		res.set('X-Page-Cache', 'miss')
		next()
	}
}
