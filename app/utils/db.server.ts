import { remember } from '@epic-web/remember'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { databaseUrl } from './data-dir.server.ts'

export { Prisma } from '#app/generated/prisma/client.ts'

export const prisma = remember('prisma', () => {
	const adapter = new PrismaBetterSqlite3({ url: databaseUrl(), timeout: 10_000 })
	return new PrismaClient({ adapter })
})

export type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]

/** WAL lets readers carry on while the workers write. Safe to call more than once. */
export async function configureDatabase() {
	await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL')
	await prisma.$queryRawUnsafe('PRAGMA synchronous = NORMAL')
	await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON')
}
