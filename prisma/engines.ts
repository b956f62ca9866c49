/**
 * The database engines the portal runs on. SQLite (a file under data/) is the
 * default; PostgreSQL is for running several instances or a nation's data.
 * prisma/schema.prisma is written for SQLite and is the one schema: the
 * PostgreSQL schema is derived from it (only the provider and the client's
 * output differ), so the two can never describe different tables.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export type Engine = 'sqlite' | 'postgresql'

export const prismaDir = path.dirname(fileURLToPath(import.meta.url))
export const schemaPath = path.join(prismaDir, 'schema.prisma')

export function engineOf(databaseUrl: string): Engine {
	return /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgresql' : 'sqlite'
}

export const migrationsDirs: Record<Engine, string> = {
	sqlite: path.join(prismaDir, 'migrations'),
	postgresql: path.join(prismaDir, 'migrations-postgresql'),
}

/** Where the derived schema is written for `prisma generate` (gitignored). */
export const postgresSchemaPath = path.join(prismaDir, 'postgresql', 'schema.prisma')

export function schemaText(engine: Engine) {
	const text = fs.readFileSync(schemaPath, 'utf8')
	if (engine === 'sqlite') return text
	const derived = text
		.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
		.replace(/output\s*=\s*"\.\.\/app\/generated\/prisma"/, 'output       = "../../app/generated/prisma-postgresql"')
	if (!derived.includes('"postgresql"') || !derived.includes('prisma-postgresql')) {
		throw new Error('prisma/schema.prisma no longer has the provider or output line prisma/engines.ts rewrites')
	}
	return `// Derived from prisma/schema.prisma by prisma/engines.ts: edit that file, not this one.\n${derived}`
}

export function writePostgresSchema() {
	fs.mkdirSync(path.dirname(postgresSchemaPath), { recursive: true })
	fs.writeFileSync(postgresSchemaPath, schemaText('postgresql'))
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) writePostgresSchema()
