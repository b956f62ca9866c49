// The HTTP server: security middleware, static files, Remix. Imported by
// index.ts once the environment has been checked.
import crypto from 'node:crypto'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { getEnv, publicUrl } from '#app/utils/env.server.ts'
import { log } from '#app/utils/log.server.ts'
import { fromRoot } from '#app/utils/project-root.server.ts'
import { boot } from './boot.server.ts'
import {
	checkSameOrigin,
	dropLegacyDataParam,
	limitFormBody,
	refuseMalformedPath,
	requireFormBody,
	securityHeaders,
} from './middleware.server.ts'
import { pageCache } from './page-cache.server.ts'
import { replicaReads } from './replica-reads.server.ts'

const env = getEnv()
const isDev = env.NODE_ENV === 'development'
const background = await boot()

const viteDevServer = isDev
	? await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))
	: undefined

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', env.TRUST_PROXY_HOPS)
app.use(compression())

app.use((req, res, next) => {
	res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
	next()
})
app.use(securityHeaders({ isDev }))
app.use(refuseMalformedPath)
app.use(checkSameOrigin)
app.use(requireFormBody)
app.use(limitFormBody)
app.use(dropLegacyDataParam)

// Links we email carry a secret in their path: never write it to the log.
const secretPaths =
	/^\/(reset-password|sign-in|confirm-application|confirm-email|invitations|visits|ambassadors\/join|alerts)\/[^/]+/
const loggablePath = (path: string) => path.replace(secretPaths, '/$1/:token')

// Pages reached by a private link: never cached, never indexed, and their address
// never sent to another site. ("same-origin", not "no-referrer": with no referrer
// policy at all, browsers send "Origin: null" on the page's own forms, which the
// cross-site check above would refuse.)
app.use((req, res, next) => {
	if (secretPaths.test(req.path)) {
		res.setHeader('Cache-Control', 'no-store')
		res.setHeader('X-Robots-Tag', 'noindex')
		res.setHeader('Referrer-Policy', 'same-origin')
	}
	next()
})

if (env.LOG_REQUESTS) {
	// Method, path and status only: query strings can hold postcodes and searches.
	app.use((req, res, next) => {
		const start = process.hrtime.bigint()
		res.on('finish', () => {
			const ms = Number(process.hrtime.bigint() - start) / 1e6
			if (!req.path.startsWith('/assets/'))
				log.info('http', `${req.method} ${loggablePath(req.path)} ${res.statusCode} ${ms.toFixed(1)}ms`)
		})
		next()
	})
}

if (viteDevServer) {
	app.use(viteDevServer.middlewares)
} else {
	app.use('/assets', express.static(fromRoot('build/client/assets'), { immutable: true, maxAge: '1y' }))
	app.use(express.static(fromRoot('build/client'), { maxAge: '1h' }))
}

// Anonymous search and job pages from the read replica, if there is one (see replica-reads.server.ts).
if (env.DATABASE_REPLICA_URL) app.use(replicaReads)

// Ready-rendered search pages for visitors who are not signed in (see page-cache.server.ts).
if (!viteDevServer && env.PAGE_CACHE) app.use(pageCache({ paths: ['/', '/jobs'] }))

const build = viteDevServer
	? () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
	: ((await import(fromRoot('build/server/index.js'))) as ServerBuild)

app.all(
	'*',
	createRequestHandler({
		build,
		mode: env.NODE_ENV,
		getLoadContext: (req, res) => ({
			cspNonce: res.locals.cspNonce as string,
			clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
		}),
	}),
)

const server = app.listen(env.PORT, env.HOST ?? '::', () => {
	log.info('http', `Care Careers is running at ${publicUrl()} (port ${env.PORT})`)
})

let stopping = false
async function shutdown(signal: string) {
	if (stopping) return
	stopping = true
	log.info('boot', `${signal}: stopping`)
	server.close()
	server.closeAllConnections()
	await viteDevServer?.close()
	await background.stop()
	process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
