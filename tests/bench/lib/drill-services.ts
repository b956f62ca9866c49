/**
 * The outside services a fault drill breaks on purpose: a Meilisearch on the
 * bench data that it can stop and start again (same port, same key), and an
 * SMTP server that can refuse mail. Call after `useBenchDataDir()`.
 *
 *   const services = await startDrillServices()
 *   await services.stopMeili(); await services.startMeili()
 *   services.mail.refuse(true)
 *   await services.stop()
 */
import { dataDir, readOrCreateSecret } from '#app/utils/data-dir.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { configureSearch } from '#search/client.server.ts'
import { freePort, startMeilisearch } from '#search/meili-process.server.ts'
import { startTestMailServer } from '#tests/mail-server.ts'

export async function startDrillServices() {
	const env = getEnv()
	const masterKey = readOrCreateSecret('meili-master-key')
	const port = await freePort()
	const start = () => startMeilisearch({ dir: dataDir('meili'), masterKey, binary: env.MEILI_BINARY, port })
	let meili = await start()
	// This script reads the index too (index drift), through the app's own client.
	configureSearch({ url: meili.url, apiKey: masterKey, indexName: env.MEILI_INDEX })
	const mail = await startTestMailServer()
	return {
		meiliUrl: meili.url,
		masterKey,
		mail,
		stopMeili: () => meili.stop(),
		startMeili: async () => {
			meili = await start()
		},
		async stop() {
			await meili.stop()
			await mail.stop()
		},
	}
}
