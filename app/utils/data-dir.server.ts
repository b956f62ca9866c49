import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { getEnv } from './env.server.ts'
import { projectRoot } from './project-root.server.ts'

export function dataDir(...parts: string[]) {
	const dir = path.resolve(projectRoot, getEnv().DATA_DIR)
	fs.mkdirSync(dir, { recursive: true })
	return path.join(dir, ...parts)
}

export function databaseUrl() {
	return getEnv().DATABASE_URL ?? `file:${dataDir('portal.db')}`
}

/** A random secret generated on first use and kept under data/ (mode 0600). */
export function readOrCreateSecret(name: string, bytes = 32) {
	const file = dataDir(name)
	if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
	const secret = crypto.randomBytes(bytes).toString('hex')
	fs.writeFileSync(file, secret + '\n', { mode: 0o600 })
	return secret
}
