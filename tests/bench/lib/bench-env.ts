/**
 * The benchmark's own data directory, kept apart from the app's `data/`.
 *
 *   const dir = useBenchDataDir()        // before importing any app module
 *   const search = await startBenchSearch()
 *   … await search.stop()
 *
 * `useBenchDataDir` must run before any module that reads the environment is
 * imported (the app parses it once per process), so import app modules with
 * `await import(…)` after calling it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project root (where package.json is). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

const MARKER = '.bench-data-dir'

/** BENCH_DATA_DIR, or data/bench, as an absolute path. */
export function benchDataDir() {
	return path.resolve(projectRoot, process.env.BENCH_DATA_DIR || 'data/bench')
}

/**
 * Points the app at the bench directory: DATA_DIR is set (so the database is
 * `<dir>/portal.db`, Meilisearch lives in `<dir>/meili` and its master key in
 * `<dir>/meili-master-key`), and DATABASE_URL / MEILI_URL / MEILI_MASTER_KEY are
 * cleared so a bench never touches another database or search server. Returns the dir.
 */
export function useBenchDataDir(dir = benchDataDir()) {
	process.env.DATA_DIR = dir
	delete process.env.DATABASE_URL
	delete process.env.MEILI_URL
	delete process.env.MEILI_MASTER_KEY
	process.env.SEED_DEMO_DATA = 'false'
	return dir
}

/**
 * Deletes and recreates the bench directory. Refuses a directory that is not
 * empty and was not made by a bench (no marker file), such as the app's `data/`.
 */
export function resetBenchDataDir(dir = benchDataDir()) {
	const resolved = path.resolve(dir)
	if (
		resolved === projectRoot ||
		resolved === path.join(projectRoot, 'data') ||
		projectRoot.startsWith(resolved + path.sep)
	) {
		throw new Error(`Refusing to use ${resolved} as the benchmark data directory`)
	}
	if (fs.existsSync(resolved) && fs.readdirSync(resolved).length && !fs.existsSync(path.join(resolved, MARKER))) {
		throw new Error(`${resolved} is not empty and was not created by a benchmark; choose another BENCH_DATA_DIR`)
	}
	fs.rmSync(resolved, { recursive: true, force: true })
	fs.mkdirSync(resolved, { recursive: true })
	fs.writeFileSync(
		path.join(resolved, MARKER),
		'Created by the benchmarks (tests/bench); deleted and recreated by npm run bench:seed.\n',
	)
	return resolved
}

export type BenchSearch = { url: string; masterKey: string; pid: number | undefined; stop: () => Promise<void> }

/**
 * Starts the embedded Meilisearch for the bench directory the way
 * `npm run search:reindex` does (`<dir>/meili`, key from `<dir>/meili-master-key`)
 * and configures the app's search client to use it. Call `stop()` when done.
 */
export async function startBenchSearch(): Promise<BenchSearch> {
	const { dataDir, readOrCreateSecret } = await import('#app/utils/data-dir.server.ts')
	const { getEnv } = await import('#app/utils/env.server.ts')
	const { configureSearch } = await import('#search/client.server.ts')
	const { startMeilisearch } = await import('#search/meili-process.server.ts')
	const env = getEnv()
	const masterKey = readOrCreateSecret('meili-master-key')
	const meili = await startMeilisearch({ dir: dataDir('meili'), masterKey, binary: env.MEILI_BINARY })
	configureSearch({ url: meili.url, apiKey: masterKey, indexName: env.MEILI_INDEX })
	return { url: meili.url, masterKey, pid: meili.child.pid, stop: () => meili.stop() }
}

/** `--name 12` from the command line, or the fallback. */
export function numberArgument(name: string, fallback: number) {
	const i = process.argv.indexOf(`--${name}`)
	return i > 0 ? Number(process.argv[i + 1]) : fallback
}

/** Stops the benchmark with the way forward when `npm run bench:seed` has not been run. */
export function requireBenchData(dir = benchDataDir()) {
	if (fs.existsSync(path.join(dir, 'portal.db'))) return
	console.error(`No bench data in ${dir}: run npm run bench:seed -- --vacancies 100000 first.`)
	process.exit(1)
}
