/**
 * Rebuilds the search index from the database with no downtime (a new index,
 * then an atomic swap). Uses MEILI_URL if set, else the embedded Meilisearch: the
 * running app's if there is one, or one started just for this.
 *
 *   npm run search:reindex
 */
import { loadDotEnv } from '#app/utils/env.server.ts'
import { projectRoot } from '#app/utils/project-root.server.ts'
import { projections, rebuildIndex } from './indexing.server.ts'
import { connectSearchForScript } from './script-connection.server.ts'

loadDotEnv(projectRoot)
const stop = await connectSearchForScript()
for (const projection of projections) {
	const started = Date.now()
	let last = -1
	const result = await rebuildIndex(projection, (done, total) => {
		const percent = total ? Math.floor((done / total) * 100) : 100
		if (percent !== last)
			process.stdout.write(`\rIndexing ${projection.entity} documents: ${done}/${total} (${percent}%)`)
		last = percent
	})
	process.stdout.write('\n')
	console.log(
		`Rebuilt ${projection.indexUid()} with ${result.documents} documents in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
	)
}
await stop()
process.exit(0)
