/**
 * A throwaway PostgreSQL cluster, run as a plain process from Debian's
 * packages: for the tests on PostgreSQL, the benchmarks, and creating
 * PostgreSQL migrations. Not for production, where PostgreSQL is yours to run.
 * As root, the cluster runs as the `postgres` user (initdb refuses root).
 */
import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export type LocalPostgres = {
	url: string
	port: number
	dir: string
	/** Stops the cluster and deletes its folder. */
	stop: () => Promise<void>
	/** Stops and starts it again (fast shutdown), keeping its data. */
	restart: () => Promise<void>
}

/** The newest installed PostgreSQL's bin folder. */
export function postgresBinDir() {
	const root = '/usr/lib/postgresql'
	const versions = fs.existsSync(root)
		? fs
				.readdirSync(root)
				.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: []
	if (!versions.length)
		throw new Error('PostgreSQL is not installed: apt-get install postgresql (Debian), or set TEST_POSTGRES_URL')
	return path.join(root, versions[0], 'bin')
}

export async function freePort() {
	return new Promise<number>((resolve, reject) => {
		const server = net.createServer()
		server.once('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo
			server.close(() => resolve(port))
		})
	})
}

const asRoot = () => process.getuid?.() === 0

/** Runs one of PostgreSQL's programs, as the postgres user when we are root. */
async function pgCommand(program: string, args: string[]) {
	const binary = path.join(postgresBinDir(), program)
	const [file, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args]
	return run(file, argv, { maxBuffer: 16 * 1024 * 1024 })
}

function makeDir(dir?: string) {
	const made = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'care-careers-pg-'))
	fs.mkdirSync(made, { recursive: true })
	if (asRoot()) {
		const { uid, gid } = postgresUser()
		fs.chownSync(made, uid, gid)
	}
	return made
}

function postgresUser() {
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((l) => l.startsWith('postgres:'))
	if (!line) throw new Error('There is no postgres user to run PostgreSQL as (install the postgresql package)')
	const [, , uid, gid] = line.split(':')
	return { uid: Number(uid), gid: Number(gid) }
}

// Clusters this process started and has not stopped: stopped if it exits first (a crash, a panic).
const running = new Set<string>()
process.once('exit', () => {
	for (const dataDir of running) {
		const binary = path.join(postgresBinDir(), 'pg_ctl')
		const args = ['-D', dataDir, '-m', 'immediate', 'stop']
		try {
			if (asRoot()) execFileSync('runuser', ['-u', 'postgres', '--', binary, ...args], { stdio: 'ignore' })
			else execFileSync(binary, args, { stdio: 'ignore' })
		} catch {
			// already stopped
		}
	}
})

async function startCluster(dataDir: string, port: number, root: string): Promise<LocalPostgres> {
	const options = [
		`-p ${port}`,
		`-k ${root}`,
		'-c listen_addresses=127.0.0.1',
		'-c fsync=off',
		'-c max_connections=300',
		'-c shared_buffers=128MB',
		'-c wal_level=replica',
		'-c max_wal_senders=4',
	].join(' ')
	const logFile = path.join(root, `postgres-${port}.log`)
	const start = () => pgCommand('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start'])
	await start()
	running.add(dataDir)
	return {
		url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
		port,
		dir: root,
		async stop() {
			await pgCommand('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => {})
			running.delete(dataDir)
			fs.rmSync(root, { recursive: true, force: true })
		},
		async restart() {
			await pgCommand('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop'])
			await start()
		},
	}
}

/** Starts a new cluster (user postgres, no password, loopback only) on a free port. */
export async function startLocalPostgres(options: { dir?: string; port?: number } = {}) {
	const root = makeDir(options.dir)
	const dataDir = path.join(root, 'data')
	await pgCommand('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8'])
	fs.appendFileSync(path.join(dataDir, 'pg_hba.conf'), 'host replication postgres 127.0.0.1/32 trust\n')
	return startCluster(dataDir, options.port ?? (await freePort()), root)
}

/** A streaming replica of `primary`, in its own folder, on a free port. */
export async function startReplica(primary: { port: number }, options: { dir?: string; port?: number } = {}) {
	const root = makeDir(options.dir)
	const dataDir = path.join(root, 'data')
	await pgCommand('pg_basebackup', [
		'-h',
		'127.0.0.1',
		'-p',
		String(primary.port),
		'-U',
		'postgres',
		'-D',
		dataDir,
		'-R',
		'-X',
		'stream',
		'-c',
		'fast',
	])
	return startCluster(dataDir, options.port ?? (await freePort()), root)
}

/** The URL of database `name` on the server `serverUrl` points at. */
export function withDatabase(serverUrl: string, name: string) {
	const url = new URL(serverUrl)
	url.pathname = `/${name}`
	return url.toString()
}

/** Runs SQL on the server's maintenance database (CREATE / DROP DATABASE). */
export async function adminQuery(serverUrl: string, sql: string) {
	const { default: pg } = await import('pg')
	const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') })
	await client.connect()
	try {
		return await client.query(sql)
	} finally {
		await client.end()
	}
}
