import { defineConfig } from 'prisma/config'

// Prisma's CLI is only used for `prisma generate`: migrations are created and
// applied offline through the Wasm schema engine in prisma/migrate.ts.
export default defineConfig({
	schema: 'prisma/schema.prisma',
	migrations: { path: 'prisma/migrations' },
	datasource: { url: process.env.DATABASE_URL ?? 'file:./data/portal.db' },
})
