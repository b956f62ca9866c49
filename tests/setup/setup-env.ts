import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, inject } from 'vitest'

// Each test file gets its own copy of the migrated database, its own data
// directory and its own Meilisearch index, set up before any app module loads.
const id = crypto.randomBytes(4).toString('hex')
const dir = path.resolve(process.env.TEST_TMP_DIR ?? 'tests/.tmp', `file-${id}`)
fs.mkdirSync(dir, { recursive: true })
fs.copyFileSync(inject('baseDatabase'), path.join(dir, 'portal.db'))

;(globalThis as { __remember_epic_web?: Map<string, unknown> }).__remember_epic_web = new Map()
process.env.NODE_ENV = 'test'
process.env.DATA_DIR = dir
process.env.DATABASE_URL = `file:${path.join(dir, 'portal.db')}`
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
})
