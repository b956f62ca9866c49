/**
 * The app as `npm start` runs it (the production build), started as a child
 * process against the bench data directory, for benchmarks that load it over HTTP.
 *
 *   const app = await startApp({ port: 3900 })
 *   … fetch(`${app.url}/jobs`) …
 *   app.memory()            // RSS of the app and its Meilisearch, in bytes
 *   await app.restart()     // stop and start again (same data)
 *   await app.killAndRestart()  // SIGKILL, as a crash, and start again
 *   await app.stop()
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { benchDataDir, projectRoot } from './bench-env.ts'

export type AppOptions = { port: number; dataDir?: string; env?: Record<string, string> }

/** Resident memory of a process, from /proc (Linux), in bytes; 0 if it has gone. */
export function rssOf(pid: number | undefined) {
	if (!pid) return 0
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
		const kb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0)
		return kb * 1024
	} catch {
		return 0
	}
}

/** The Meilisearch the app started for this data directory, from the file it writes. */
export function embeddedMeili(dataDir = benchDataDir()) {
	const instance = JSON.parse(fs.readFileSync(path.join(dataDir, 'meili', 'instance.json'), 'utf8')) as {
		pid: number
		url: string
	}
	const masterKey = fs.readFileSync(path.join(dataDir, 'meili-master-key'), 'utf8').trim()
	return { ...instance, masterKey }
}

async function answers(url: string) {
	try {
		await fetch(url, { signal: AbortSignal.timeout(1000) })
		return true
	} catch {
		return false
	}
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 180_000) {
	const deadline = Date.now() + timeoutMs
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} while starting`)
		try {
			const response = await fetch(`${url}/healthcheck`)
			if (response.ok) return
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200))
	}
	throw new Error(`the app did not answer ${url}/healthcheck within ${timeoutMs / 1000} s`)
}

export async function startApp(options: AppOptions) {
	const dataDir = options.dataDir ?? benchDataDir()
	const url = `http://localhost:${options.port}`
	// The same build step `npm start` runs first.
	const built = spawnSync(process.execPath, ['--import', 'tsx', 'app/server/ensure-build.ts'], {
		cwd: projectRoot,
		encoding: 'utf8',
	})
	if (built.status !== 0) throw new Error(`the build failed:\n${built.stdout}${built.stderr}`)
	// Never the database this process was given, only one the bench names in options.env.
	const env: Record<string, string | undefined> = {
		...process.env,
		DATABASE_URL: undefined,
		NODE_ENV: 'production',
		PORT: String(options.port),
		DATA_DIR: dataDir,
		PUBLIC_URL: url,
		LOG_REQUESTS: 'false',
		SEED_DEMO_DATA: 'false',
		...options.env,
	}
	for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key]
	let child: ChildProcess
	let log = ''
	// A bench that dies must not leave its app answering on the port for the next run.
	process.once('exit', () => child?.kill('SIGTERM'))
	const start = async () => {
		if (await answers(url)) throw new Error(`Something is already answering on ${url}: stop it, or set BENCH_PORT`)
		const started = Date.now()
		child = spawn(process.execPath, ['--import', 'tsx', 'app/server/index.ts'], {
			cwd: projectRoot,
			env: env as NodeJS.ProcessEnv,
			stdio: ['ignore', 'pipe', 'pipe'],
		})
		const keep = (chunk: Buffer) => {
			log = (log + chunk.toString()).slice(-20_000)
		}
		child.stdout!.on('data', keep)
		child.stderr!.on('data', keep)
		await waitForHealth(url, child).catch((error: Error) => {
			throw new Error(`${error.message}\n--- the app's output ---\n${log}`)
		})
		return Date.now() - started
	}
	const stop = async () => {
		if (!child || child.exitCode !== null) return
		const exited = new Promise((resolve) => child.once('exit', resolve))
		child.kill('SIGTERM')
		const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
		await exited
		clearTimeout(timer)
	}
	const startMs = await start()
	return {
		url,
		dataDir,
		startMs,
		pid: () => child.pid,
		log: () => log,
		memory: () => {
			let meili = 0
			try {
				meili = rssOf(embeddedMeili(dataDir).pid)
			} catch {
				// an external Meilisearch, or none yet
			}
			return { app: rssOf(child.pid), meili }
		},
		stop,
		/** Kills the app at once (SIGKILL: no shutdown, as a crash), then starts it again; resolves with the milliseconds it was not answering. */
		killAndRestart: async () => {
			const down = Date.now()
			if (child && child.exitCode === null) {
				const exited = new Promise((resolve) => child.once('exit', resolve))
				child.kill('SIGKILL')
				await exited
			}
			await start()
			return Date.now() - down
		},
		/** Stops the app and starts it again; resolves with the milliseconds it was not answering. */
		restart: async () => {
			const down = Date.now()
			await stop()
			await start()
			return Date.now() - down
		},
	}
}

export type RunningApp = Awaited<ReturnType<typeof startApp>>
