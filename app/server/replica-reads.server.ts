import type { NextFunction, Request, Response } from 'express'
import { readFromReplica } from '#app/utils/db.server.ts'

// With a read replica (DATABASE_REPLICA_URL), anonymous visitors' search and job
// pages read from it; everything else reads from the primary. A replica is a
// moment behind, so someone who has just written anything (applied, saved a
// job, asked for an alert, signed in) reads from the primary for a while after:
// every write sets a short-lived cookie that says so.

export const WROTE_COOKIE = 'wrote'
export const PRIMARY_FOR_SECONDS = 30
// The pages, and the data requests the browser makes for them when JavaScript is on (Remix single fetch).
const replicaPaths = /^\/(?:(?:jobs(?:\/\d{1,9})?)?|(?:_root|jobs(?:\/\d{1,9})?)\.data)$/

const hasCookie = (req: Request, name: string) => new RegExp(`(?:^|;\\s*)${name}=`).test(req.headers.cookie ?? '')

export function replicaReads(req: Request, res: Response, next: NextFunction) {
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.cookie(WROTE_COOKIE, '1', {
			maxAge: PRIMARY_FOR_SECONDS * 1000,
			httpOnly: true,
			sameSite: 'lax',
			secure: req.secure,
			path: '/',
		})
		return next()
	}
	if (!replicaPaths.test(req.path) || hasCookie(req, '__session') || hasCookie(req, WROTE_COOKIE)) return next()
	readFromReplica(next)
}
