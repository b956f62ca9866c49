import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, inject } from 'vitest'

// Each test file gets its own copy of the migrated database, its own data
// directory and its own Meilisearch index, set up before any app module loads.
const id = crypto.randomBytes(4).toString('hex')
const dir = path.resolve(process.env.TEST_TMP_DIR ?? 'tests/.tmp', `file-${id}`)
fs.mkdirSync(dir, { recursive: true })
const postgresUrl = inject('postgresUrl')
const databaseName = `test_${id}`
if (postgresUrl) {
	const { adminQuery, withDatabase } = await import('#prisma/local-postgres.ts')
	// Several files copy the template at once; PostgreSQL refuses while another copy holds it.
	for (let attempt = 0; ; attempt++) {
		try {
			await adminQuery(postgresUrl, `CREATE DATABASE "${databaseName}" TEMPLATE "${inject('baseDatabase')}"`)
			break
		} catch (error) {
			if (attempt > 50 || (error as { code?: string }).code !== '55006') throw error
			await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100))
		}
	}
	process.env.DATABASE_URL = withDatabase(postgresUrl, databaseName)
} else {
	fs.copyFileSync(inject('baseDatabase'), path.join(dir, 'portal.db'))
	process.env.DATABASE_URL = `file:${path.join(dir, 'portal.db')}`
}

;(globalThis as { __remember_epic_web?: Map<string, unknown> }).__remember_epic_web = new Map()
process.env.NODE_ENV = 'test'
process.env.DATA_DIR = dir
process.env.SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789'
process.env.PUBLIC_URL = 'http://localhost:3999'
process.env.MEILI_INDEX = `test_${id}`

const { configureSearch, meili } = await import('#search/client.server.ts')
configureSearch({ url: inject('meiliUrl'), apiKey: inject('meiliKey'), indexName: `test_${id}` })

afterAll(async () => {
	const { prisma } = await import('#app/utils/db.server.ts')
	await prisma.$disconnect()
	await meili()
		.deleteIndexIfExists(`test_${id}`)
		.catch(() => {})
	await meili()
		.deleteIndexIfExists(`test_${id}_rebuild`)
		.catch(() => {})
	fs.rmSync(dir, { recursive: true, force: true })
	if (postgresUrl) {
		const { adminQuery } = await import('#prisma/local-postgres.ts')
		await adminQuery(postgresUrl, `DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)
	}
})
