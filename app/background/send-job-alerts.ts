/**
 * Runs the job alert digests that are due now, as the schedule would: for an
 * operator who cannot wait for the next run. The emails go into the outbox; the
 * running app sends them (or the next one to start).
 *
 *   npm run alerts:send              queue every due digest
 *   npm run alerts:send -- --dry-run say what would be sent, and change nothing
 */
import { sendDueDigests } from '#app/models/alerts/digests.server.ts'
import { configureDatabase, prisma } from '#app/utils/db.server.ts'
import { loadDotEnv } from '#app/utils/env.server.ts'
import { projectRoot } from '#app/utils/project-root.server.ts'
import { setSearchHealthy } from '#search/client.server.ts'
import { connectSearchForScript } from '#search/script-connection.server.ts'

loadDotEnv(projectRoot)
const dryRun = process.argv.includes('--dry-run')
await configureDatabase()
let stop = async () => {}
try {
	stop = await connectSearchForScript()
} catch (error) {
	setSearchHealthy(false)
	console.warn(
		`Meilisearch could not be started (${error instanceof Error ? error.message : error}): searching the database.`,
	)
}
const run = await sendDueDigests({ dryRun })
const n = (value: number) => value.toLocaleString('en-GB')
console.log(
	`${n(run.dueAlerts)} alerts due, for ${n(run.addresses)} email addresses: ${dryRun ? 'would send' : 'queued'} ${n(run.digests)} digests listing ${n(run.jobsListed)} jobs (${(run.totalMs / 1000).toFixed(1)} s).`,
)
if (dryRun) {
	for (const digest of run.preview ?? [])
		console.log(`  ${digest.subject} (${digest.alerts} alerts, ${digest.jobs} jobs)`)
	if (run.dueAlerts) console.log('Nothing was sent or changed: the alerts are still due.')
} else if (run.digests) {
	console.log('They are in the email outbox: the running app sends them within seconds.')
}
await stop()
await prisma.$disconnect()
