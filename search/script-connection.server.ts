import { dataDir, readOrCreateSecret } from '#app/utils/data-dir.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { configureSearch } from './client.server.ts'
import { runningInstance, startMeilisearch } from './meili-process.server.ts'

/**
 * Search for a command run beside the app (npm run search:reindex, alerts:send):
 * MEILI_URL if set, else the embedded Meilisearch, the running app's if there
 * is one or one started just for this command. Returns how to let go of it.
 */
export async function connectSearchForScript() {
	const env = getEnv()
	if (env.MEILI_URL && env.MEILI_MASTER_KEY) {
		configureSearch({ url: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY, indexName: env.MEILI_INDEX })
		return async () => {}
	}
	const masterKey = readOrCreateSecret('meili-master-key')
	const running = runningInstance(dataDir('meili'))
	if (running) {
		configureSearch({ url: running.url, apiKey: masterKey, indexName: env.MEILI_INDEX })
		return async () => {}
	}
	const meili = await startMeilisearch({ dir: dataDir('meili'), masterKey, binary: env.MEILI_BINARY })
	configureSearch({ url: meili.url, apiKey: masterKey, indexName: env.MEILI_INDEX })
	return () => meili.stop()
}
