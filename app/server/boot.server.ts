import { checkBesideOtherInstances, registerInstance, runningInstancesIn } from '#app/background/instances.server.ts'
import { withLease } from '#app/background/lease.server.ts'
import { reconcileIfKeepingIndex } from '#app/background/search-outbox.server.ts'
import { startBackgroundWork } from '#app/background/start.server.ts'
import { replaceGuessablePoolIds } from '#app/models/redirect/pool-id.server.ts'
import { dataDir, databaseUrl, readOrCreateSecret } from '#app/utils/data-dir.server.ts'
import { configureDatabase, prisma, replica } from '#app/utils/db.server.ts'
import { getEnv, StartupError } from '#app/utils/env.server.ts'
import { log } from '#app/utils/log.server.ts'
import { startDevMailSink } from '#emails/dev-sink.server.ts'
import { configureMail } from '#emails/transport.server.ts'
import { applyMigrations, databaseFile, pendingMigrations } from '#prisma/migrate.ts'
import { seedDemoData } from '#prisma/seed.ts'
import { configureSearch, setSearchHealthy } from '#search/client.server.ts'
import { reconcileLocalIndex } from '#search/local-index.server.ts'
import { startMeilisearch, type MeiliProcess } from '#search/meili-process.server.ts'

/** Keeps an embedded Meilisearch running: restarts it, with backoff, if it dies. */
async function superviseEmbeddedMeili(dir: string, masterKey: string, binary: string | undefined) {
	const indexName = getEnv().MEILI_INDEX
	let current: MeiliProcess | null = null
	let stopped = false
	let failures = 0
	const start = async (): Promise<void> => {
		current = await startMeilisearch({
			dir,
			masterKey,
			binary,
			onExit: (code) => {
				if (stopped) return
				setSearchHealthy(false)
				failures++
				const delay = Math.min(30_000, 1000 * 2 ** Math.min(failures - 1, 5))
				log.warn('search', `Meilisearch exited (code ${code}); restarting in ${delay / 1000} s`)
				setTimeout(() => {
					if (!stopped) start().catch((error) => log.error('search', `restart failed: ${error.message}`))
				}, delay)
			},
		})
		configureSearch({ url: current.url, apiKey: masterKey, indexName })
		// Only a Meilisearch that stays up for a minute resets the backoff.
		const startedProcess = current
		setTimeout(() => {
			if (current === startedProcess && startedProcess.child.exitCode === null) failures = 0
		}, 60_000).unref()
	}
	await start()
	return {
		async stop() {
			stopped = true
			await current?.stop()
		},
	}
}

/**
 * Start-up is recovery: every step is idempotent, so starting again after any
 * failure heals. Migrate → seed if empty → Meilisearch → reconcile → background work.
 * With several instances, seeding and each reconciliation are done by one at a time.
 */
export async function boot() {
	const env = getEnv()
	const started = Date.now()
	// SQLite's migrations need the database to themselves: with another instance
	// writing, the migration engine fails. Say so, rather than fail half-way.
	// (PostgreSQL's are applied under the engine's advisory lock, beside running instances.)
	const pending = await pendingMigrations(databaseUrl())
	const file = databaseFile(databaseUrl())
	const running = pending?.length && file ? runningInstancesIn(file) : 0
	if (running)
		throw new StartupError(
			`This version has ${pending!.length} database migration${pending!.length === 1 ? '' : 's'} to apply, and ${running} other instance${running === 1 ? ' is' : 's are'} running on this database. Stop ${running === 1 ? 'it' : 'them'}, start this instance (it applies them), then start the others.`,
		)
	const applied = pending?.length === 0 ? [] : await applyMigrations(databaseUrl())
	if (applied.length) log.info('db', `applied migrations: ${applied.join(', ')}`)
	await configureDatabase()
	const besides = await checkBesideOtherInstances()
	if (besides) log.info('boot', `running beside ${besides} other instance${besides === 1 ? '' : 's'} of the app`)
	const registration = await registerInstance()

	// Several instances starting at once take turns: one seeds and writes the
	// database's search index, the next finds it done.
	await withLease('boot', async () => {
		if (env.SEED_DEMO_DATA && (await prisma.provider.count()) === 0) {
			const seeded = await seedDemoData()
			log.info('db', `seeded demo data: ${seeded.providers} providers, ${seeded.vacancies} vacancies`)
		}
		const local = await reconcileLocalIndex()
		if (local.rewritten || local.removed)
			log.info('search', `database search index: ${local.rewritten} vacancies written, ${local.removed} removed`)
		const replacedPoolIds = await replaceGuessablePoolIds()
		if (replacedPoolIds) log.info('db', `gave ${replacedPoolIds} candidates a random talent-pool id`)
	})

	let meili: { stop: () => Promise<void> } | null = null
	if (env.MEILI_URL && env.MEILI_MASTER_KEY) {
		configureSearch({ url: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY, indexName: env.MEILI_INDEX })
		log.info('search', `using Meilisearch at ${env.MEILI_URL}`)
	} else {
		try {
			meili = await superviseEmbeddedMeili(dataDir('meili'), readOrCreateSecret('meili-master-key'), env.MEILI_BINARY)
			log.info('search', 'started the embedded Meilisearch')
		} catch (error) {
			log.error(
				'search',
				`could not start Meilisearch, search runs in reduced mode: ${error instanceof Error ? error.message : error}`,
			)
		}
	}

	try {
		// The instance that keeps the index (the search sync lease) reconciles it; if
		// another instance is doing so, it keeps it right and this one need not.
		const result = await reconcileIfKeepingIndex()
		if (!result) log.info('search', 'another instance keeps the index')
		else {
			log.info(
				'search',
				`index ready: ${result.documents} vacancies${result.rebuilt ? ' (rebuilt)' : ''}, ${result.upserted} written, ${result.deleted} removed`,
			)
		}
	} catch (error) {
		setSearchHealthy(false)
		log.warn(
			'search',
			`index not reconciled yet (${error instanceof Error ? error.message : error}); will retry when Meilisearch answers`,
		)
	}

	const mailSink = env.SMTP_URL ? null : await startDevMailSink(dataDir('mailbox'))
	configureMail({ url: env.SMTP_URL ?? mailSink!.url, from: env.MAIL_FROM })
	if (mailSink) log.warn('email', 'no SMTP_URL: emails are kept in the local mailbox, shown at /dev/mailbox')
	const background = startBackgroundWork()
	log.info('boot', `ready in ${Date.now() - started} ms`)

	return {
		async stop() {
			await background.stop()
			await registration.stop()
			await mailSink?.stop()
			await meili?.stop()
			await prisma.$disconnect()
			if (replica() !== prisma) await replica().$disconnect()
		},
	}
}
