import fs from 'node:fs'
import { remember } from '@epic-web/remember'
import { z } from 'zod'
import { regionIds, regionPresets } from '#app/models/places/regions.ts'

const booleanString = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'use true or false' })
	.transform((v) => v === 'true' || v === '1' || v === 'yes')

export const EnvSchema = z
	.object({
		NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
		PORT: z.coerce.number({ error: 'must be a port number' }).int().min(1).max(65535).default(3000),
		HOST: z.string().min(1).optional(),
		PUBLIC_URL: z.url({ error: 'must be a full URL such as https://carecareers.example' }).optional(),
		DATA_DIR: z.string().min(1).default('data'),
		DATABASE_URL: z
			.string()
			.regex(/^(file:.+|postgres(ql)?:\/\/.+)/, {
				error: 'must be a SQLite file URL such as file:./data/portal.db or postgresql://user:password@host:5432/name',
			})
			.optional(),
		// Anonymous search and job pages may read from this PostgreSQL replica (reads after a write stay on the primary).
		DATABASE_REPLICA_URL: z
			.string()
			.regex(/^postgres(ql)?:\/\/.+/, { error: 'must be a postgresql:// URL' })
			.optional(),
		MEILI_URL: z.url({ error: 'must be a URL such as http://127.0.0.1:7700' }).optional(),
		MEILI_MASTER_KEY: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
		MEILI_INDEX: z
			.string()
			.regex(/^[a-zA-Z0-9_-]+$/, { error: 'use letters, digits, - and _ only' })
			.default('vacancies'),
		MEILI_BINARY: z.string().min(1).optional(),
		SESSION_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
		SEED_DEMO_DATA: booleanString.default(true),
		// Where uploaded CVs and photos are kept: on this machine's disk, or in the
		// database (for several instances, which must all read them).
		// Unset: disk on SQLite, the database on PostgreSQL (whose instances may run on several machines).
		UPLOAD_STORAGE: z.enum(['disk', 'database'], { error: 'use disk or database' }).optional(),
		// The area served: a preset (regions.ts), or any list of local authority areas.
		REGION: z.enum(regionIds, { error: `use one of ${regionIds.join(', ')}` }).default('norfolk-and-waveney'),
		REGION_LOCAL_AUTHORITIES: z
			.string()
			.transform((list) =>
				list
					.split(';')
					.map((name) => name.trim())
					.filter(Boolean),
			)
			.pipe(z.array(z.string()).min(1, { error: 'name at least one local authority, separated by ;' }))
			.optional(),
		REGION_NAME: z.string().min(1).optional(),
		SERVICE_NAME: z.string().min(1).default('Care Careers'),
		BRAND_COLOUR: z
			.string()
			.regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a hex colour such as #0b5c55' })
			.optional(),
		// Send email through this server (smtp://user:pass@host:587, smtps://…). Unset: a
		// local sink keeps every email under DATA_DIR/mailbox, shown at /dev/mailbox.
		SMTP_URL: z
			.string()
			.regex(/^smtps?:\/\/.+/, { error: 'must be an smtp:// or smtps:// URL' })
			.optional(),
		MAIL_FROM: z.string().min(3).default('Care Careers <no-reply@carecareers.localhost>'),
		// Who runs the service (the data controller in the privacy notice) and how to reach them
		OPERATOR_NAME: z.string().min(3).optional(),
		CONTACT_EMAIL: z.email({ error: 'must be an email address' }).default('help@carecareers.localhost'),
		// How many talent-pool invitations one provider may send in a day
		POOL_INVITES_PER_DAY: z.coerce
			.number({ error: 'must be a whole number, like 20' })
			.int()
			.min(0)
			.max(1000)
			.default(20),
		LOG_REQUESTS: booleanString.default(true),
		// Keep ready-rendered search pages for visitors who are not signed in
		PAGE_CACHE: booleanString.default(true),
		// How many reverse proxies sit in front of the app (their X-Forwarded-For
		// is then trusted for the client's address, which rate limits use).
		TRUST_PROXY_HOPS: z.coerce
			.number({ error: 'must be a whole number of proxies, like 1' })
			.int()
			.min(0)
			.max(5)
			.default(0),
	})
	.superRefine((env, ctx) => {
		if (env.PUBLIC_URL?.startsWith('https://') && !env.SMTP_URL) {
			ctx.addIssue({
				code: 'custom',
				path: ['SMTP_URL'],
				message:
					'a site served over https must send real email: set SMTP_URL (the local mailbox is for running on your own machine)',
			})
		}
		if (env.REGION_LOCAL_AUTHORITIES && !env.REGION_NAME) {
			ctx.addIssue({
				code: 'custom',
				path: ['REGION_NAME'],
				message: 'a region of your own local authorities needs its name too, like "Suffolk"',
			})
		}
		if (env.DATABASE_REPLICA_URL && !/^postgres/.test(env.DATABASE_URL ?? '')) {
			ctx.addIssue({
				code: 'custom',
				path: ['DATABASE_REPLICA_URL'],
				message: 'a read replica needs DATABASE_URL to be the PostgreSQL primary it follows',
			})
		}
		if (Boolean(env.MEILI_URL) !== Boolean(env.MEILI_MASTER_KEY)) {
			ctx.addIssue({
				code: 'custom',
				path: [env.MEILI_URL ? 'MEILI_MASTER_KEY' : 'MEILI_URL'],
				message: 'set MEILI_URL and MEILI_MASTER_KEY together, or neither to use the embedded Meilisearch',
			})
		}
	})
	// The region's own name, colour and area unless they are given.
	.transform((env) => {
		const preset = regionPresets[env.REGION]
		return {
			...env,
			UPLOAD_STORAGE: env.UPLOAD_STORAGE ?? (/^postgres/.test(env.DATABASE_URL ?? '') ? 'database' : 'disk'),
			REGION_NAME: env.REGION_NAME ?? preset.name,
			BRAND_COLOUR: env.BRAND_COLOUR ?? preset.colour,
			REGION_LOCAL_AUTHORITIES: env.REGION_LOCAL_AUTHORITIES ?? preset.localAuthorities,
			// Named by the preset; for a list of one's own, the area's biggest postcode district (places.server.ts).
			REGION_CENTRE: env.REGION_LOCAL_AUTHORITIES ? null : preset.centre,
		}
	})

export type Env = z.infer<typeof EnvSchema>

export class EnvError extends Error {}

/** The app cannot start as things are, for a reason its message gives (printed without a stack trace). */
export class StartupError extends EnvError {}

/** Reads `.env` from the project root if there is one; real environment variables win. */
export function loadDotEnv(root = process.cwd()) {
	const file = `${root}/.env`
	if (fs.existsSync(file)) process.loadEnvFile(file)
}

export function parseEnv(source: Record<string, string | undefined>): Env {
	const result = EnvSchema.safeParse(source)
	if (result.success) return result.data
	const lines = result.error.issues.map(
		(issue) => `  ${issue.path.join('.')}=${JSON.stringify(source[String(issue.path[0])] ?? '')}: ${issue.message}`,
	)
	throw new EnvError(`Invalid environment variables:\n${lines.join('\n')}\nSee .env.example.`)
}

/** The validated environment, parsed once per process. */
export function getEnv(): Env {
	return remember('env', () => parseEnv(process.env))
}

export function publicUrl() {
	const env = getEnv()
	return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '')
}

/** Who runs this portal and how to reach them, for the help, privacy and accessibility pages. */
export function serviceOperator() {
	const env = getEnv()
	return {
		serviceName: env.SERVICE_NAME,
		region: env.REGION_NAME,
		operator: env.OPERATOR_NAME ?? `the ${env.SERVICE_NAME} team for ${env.REGION_NAME}`,
		contactEmail: env.CONTACT_EMAIL,
	}
}
