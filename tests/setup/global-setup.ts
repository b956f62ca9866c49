import fs from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { applyMigrations } from '#prisma/migrate.ts'
import { startMeilisearch, type MeiliProcess } from '#search/meili-process.server.ts'

// TEST_TMP_DIR lets two runs share a checkout without deleting each other's files.
export const tmpRoot = path.resolve(process.env.TEST_TMP_DIR ?? 'tests/.tmp')

declare module 'vitest' {
	export interface ProvidedContext {
		meiliUrl: string
		meiliKey: string
		baseDatabase: string
	}
}

let meili: MeiliProcess | undefined

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
	const baseDatabase = path.join(tmpRoot, 'base.db')
	await applyMigrations(`file:${baseDatabase}`)
	meili = await startMeilisearch({ dir: path.join(tmpRoot, 'meili'), masterKey: 'test-master-key-0123456789' })
	project.provide('meiliUrl', meili.url)
	project.provide('meiliKey', meili.masterKey)
	project.provide('baseDatabase', baseDatabase)
	return async () => {
		await meili?.stop()
		fs.rmSync(tmpRoot, { recursive: true, force: true })
	}
}
