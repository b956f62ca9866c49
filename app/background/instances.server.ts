import crypto from 'node:crypto'
import os from 'node:os'
import Database from 'better-sqlite3'
import { readOrCreateSecret } from '#app/utils/data-dir.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { EnvError, getEnv } from '#app/utils/env.server.ts'
import { describeError, log } from '#app/utils/log.server.ts'
import { holdLease, instanceId, releaseLease } from './lease.server.ts'

// The instances of the app running on one database. Each keeps a lease named
// after itself while it runs, with a fingerprint of the settings every instance
// must share: a second instance that would sign sessions with another secret,
// or keep its own Meilisearch, is stopped at start with a message saying why.

const PREFIX = 'instance:'
const LEASE_MS = 15_000

type SharedSettings = { secret: string; search: string; uploads: string }
type Registration = SharedSettings & { host: string; pid: number; started: number }

/** When this process started: a restarted container can reuse a dead instance's process id. */
const processStarted = Date.now() - Math.round(process.uptime() * 1000)

/** What must be the same on every instance: the session secret (as a hash) and the search index's address. */
export function sharedSettings(env = getEnv()): SharedSettings & { fromConfiguration: string[] } {
	const secret = env.SESSION_SECRET ?? readOrCreateSecret('session-secret')
	return {
		secret: crypto.createHash('sha256').update(secret).digest('base64url').slice(0, 16),
		search: env.MEILI_URL ? `${env.MEILI_URL}#${env.MEILI_INDEX}` : `embedded#${env.MEILI_INDEX}`,
		uploads: env.UPLOAD_STORAGE,
		fromConfiguration: [...(env.SESSION_SECRET ? ['SESSION_SECRET'] : []), ...(env.MEILI_URL ? ['MEILI_URL'] : [])],
	}
}

/** The other instances running now, with their shared settings. */
async function otherInstances(me: string, now = new Date()) {
	const leases = await prisma.lease.findMany({
		where: { name: { startsWith: PREFIX }, expiresAt: { gt: now }, NOT: { name: `${PREFIX}${me}` } },
	})
	const settings = await prisma.appState.findMany({ where: { key: { in: leases.map((l) => l.name) } } })
	return settings.map((s) => JSON.parse(s.value) as Registration).filter((other) => !diedOnThisMachine(other))
}

/** An instance on this machine whose process is gone (killed, say) is not running, whatever its lease says. */
function diedOnThisMachine(other: Registration) {
	if (other.host !== os.hostname()) return false
	// This process's id, but not this process: the dead one's id was given out again.
	if (other.pid === process.pid) return other.started !== processStarted
	try {
		process.kill(other.pid, 0)
		return false
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH'
	}
}

/**
 * Refuses to start beside another instance unless the session secret and
 * Meilisearch come from configuration, and are the ones it uses.
 */
export async function checkBesideOtherInstances(settings = sharedSettings(), me = instanceId) {
	const others = await otherInstances(me)
	if (!others.length) return 0
	const problems: string[] = []
	if (!settings.fromConfiguration.includes('SESSION_SECRET'))
		problems.push('SESSION_SECRET: another instance is running on this database; give every instance the same secret')
	else if (others.some((o) => o.secret !== settings.secret))
		problems.push(
			'SESSION_SECRET: it is not the secret the other running instance uses; give every instance the same one',
		)
	if (!settings.fromConfiguration.includes('MEILI_URL'))
		problems.push(
			'MEILI_URL and MEILI_MASTER_KEY: another instance is running on this database; every instance must use one Meilisearch you run (not each its own)',
		)
	else if (others.some((o) => o.search !== settings.search))
		problems.push('MEILI_URL / MEILI_INDEX: not the index the other running instance uses')
	if (others.some((o) => o.uploads !== settings.uploads))
		problems.push('UPLOAD_STORAGE: not where the other running instance keeps uploads; use database on every instance')
	if (problems.length) throw new EnvError(`Invalid environment variables:\n${problems.map((p) => `  ${p}`).join('\n')}`)
	return others.length
}

/** Keeps this instance's lease while it runs (renewed every 5 s), with its shared settings. */
export async function registerInstance(settings = sharedSettings(), me = instanceId) {
	const name = `${PREFIX}${me}`
	const registration: Registration = {
		secret: settings.secret,
		search: settings.search,
		uploads: settings.uploads,
		host: os.hostname(),
		pid: process.pid,
		started: processStarted,
	}
	const value = JSON.stringify(registration)
	// Written again with each renewal: an instance that stalled past its lease and
	// had its registration tidied away by another comes back whole.
	const renew = async () => {
		await holdLease(name, LEASE_MS, me)
		await prisma.appState.upsert({ where: { key: name }, create: { key: name, value }, update: { value } })
	}
	await renew()
	// Instances that stopped without saying so leave their settings behind: tidy them.
	const expired = await prisma.lease.findMany({
		where: { name: { startsWith: PREFIX }, expiresAt: { lte: new Date() } },
	})
	if (expired.length) {
		await prisma.appState.deleteMany({ where: { key: { in: expired.map((l) => l.name) } } })
		await prisma.lease.deleteMany({
			where: { name: { in: expired.map((l) => l.name) }, expiresAt: { lte: new Date() } },
		})
	}
	const timer = setInterval(() => {
		renew().catch((error: unknown) =>
			log.warn('boot', `could not renew this instance's lease: ${describeError(error)}`),
		)
	}, 5_000)
	timer.unref()
	return {
		async stop() {
			clearInterval(timer)
			await releaseLease(name, me).catch(() => {})
			await prisma.appState.deleteMany({ where: { key: name } }).catch(() => {})
		},
	}
}

/**
 * The instances running on a SQLite database, read without locking it (before
 * migrations, which need it to themselves). 0 when it has no such table yet.
 */
export function runningInstancesIn(file: string, now = new Date()) {
	const db = new Database(file, { readonly: true, fileMustExist: true })
	try {
		const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'Lease'").get()
		if (!table) return 0
		const rows = db
			.prepare(
				"SELECT s.value FROM Lease l JOIN AppState s ON s.key = l.name WHERE l.name LIKE 'instance:%' AND l.expiresAt > ?",
			)
			.all(now.toISOString()) as Array<{ value: string }>
		return rows.map((r) => JSON.parse(r.value) as Registration).filter((other) => !diedOnThisMachine(other)).length
	} finally {
		db.close()
	}
}
