import fs from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { adminQuery, startLocalPostgres, withDatabase, type LocalPostgres } from '#prisma/local-postgres.ts'
import { applyMigrations } from '#prisma/migrate.ts'
import { startMeilisearch, type MeiliProcess } from '#search/meili-process.server.ts'

// TEST_TMP_DIR lets two runs share a checkout without deleting each other's files.
export const tmpRoot = path.resolve(process.env.TEST_TMP_DIR ?? 'tests/.tmp')

declare module 'vitest' {
	export interface ProvidedContext {
		meiliUrl: string
		meiliKey: string
		baseDatabase: string
		/** Set when the run is on PostgreSQL: the server, on which baseDatabase is a template database. */
		postgresUrl: string | null
	}
}

let meili: MeiliProcess | undefined
let postgres: LocalPostgres | undefined

/**
 * The tests run on SQLite unless TEST_DATABASE=postgresql (a throwaway cluster
 * from the installed PostgreSQL) or TEST_POSTGRES_URL names a server to use.
 */
async function postgresServer() {
	if (process.env.TEST_POSTGRES_URL) return process.env.TEST_POSTGRES_URL
	if (process.env.TEST_DATABASE !== 'postgresql') return null
	// Under the system's temporary folder: as root the cluster runs as the postgres
	// user, who may not be able to reach a checkout in root's home.
	postgres = await startLocalPostgres()
	return postgres.url
}

/**
 * Once per run: a migrated base database that each test file copies, and one
 * real Meilisearch that test files share (each with its own index).
 */
export default async function setup(project: TestProject) {
	// Keep meili/: its instance.json lets startMeilisearch stop one a killed run left behind.
	fs.mkdirSync(tmpRoot, { recursive: true })
	for (const entry of fs.readdirSync(tmpRoot)) {
		if (entry !== 'meili') fs.rmSync(path.join(tmpRoot, entry), { recursive: true, force: true })
	}
	const postgresUrl = await postgresServer()
	let baseDatabase = path.join(tmpRoot, 'base.db')
	if (postgresUrl) {
		baseDatabase = `test_base_${process.pid}`
		await adminQuery(postgresUrl, `DROP DATABASE IF EXISTS "${baseDatabase}" WITH (FORCE)`)
		await adminQuery(postgresUrl, `CREATE DATABASE "${baseDatabase}"`)
		await applyMigrations(withDatabase(postgresUrl, baseDatabase))
	} else await applyMigrations(`file:${baseDatabase}`)
	meili = await startMeilisearch({ dir: path.join(tmpRoot, 'meili'), masterKey: 'test-master-key-0123456789' })
	project.provide('meiliUrl', meili.url)
	project.provide('meiliKey', meili.masterKey)
	project.provide('baseDatabase', baseDatabase)
	project.provide('postgresUrl', postgresUrl)
	return async () => {
		await meili?.stop()
		if (postgresUrl && !postgres)
			await adminQuery(postgresUrl, `DROP DATABASE IF EXISTS "${baseDatabase}" WITH (FORCE)`).catch(() => {})
		await postgres?.stop()
		fs.rmSync(tmpRoot, { recursive: true, force: true })
	}
}
