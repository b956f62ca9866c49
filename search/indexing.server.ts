import { MeilisearchApiError } from 'meilisearch'
import { prisma } from '#app/utils/db.server.ts'
import { meili } from './client.server.ts'
import { bumpSearchGeneration } from './generation.server.ts'
import { reconcileLocalIndex } from './local-index.server.ts'
import { poolProjection } from './pool-projection.server.ts'
import type { Projection } from './projection.ts'
import { vacancyProjection } from './vacancy-projection.server.ts'

const TASK_TIMEOUT_MS = 120_000
// Rebuilds and drift fixes send documents in batches of PUSH_BATCH, up to
// IN_FLIGHT batches ahead of the one Meilisearch is indexing: it indexes all the
// batches waiting in its queue as one, which is much faster than waiting for
// each batch before sending the next (100,000 benchmark vacancies on 2 cores:
// 103 s → 70 s; npm run bench:seed). Fewer, larger batches help too: each batch
// Meilisearch indexes rewrites its whole geo R*Tree, about a second at 100,000
// documents (5,000 × 8 → 20,000 × 3: 49.7 s → 45.2 s). 50,000 passes its 100 MB
// payload limit. At most IN_FLIGHT × PUSH_BATCH documents wait at any time, so
// each wait stays well inside TASK_TIMEOUT_MS.
const PUSH_BATCH = 20000
const IN_FLIGHT = 3

export const projections: Projection[] = [vacancyProjection, poolProjection]

export function projectionFor(entity: string) {
	const projection = projections.find((p) => p.entity === entity)
	if (!projection) throw new Error(`no search index for ${entity}`)
	return projection
}

type WaitableTask = PromiseLike<unknown> & {
	waitTask: (o?: {
		timeout?: number
		interval?: number
	}) => Promise<{ status: string; error?: { message?: string } | null }>
}

async function waitTasks(tasks: WaitableTask[], interval = 20) {
	for (const task of tasks) {
		const done = await task.waitTask({ timeout: TASK_TIMEOUT_MS, interval })
		if (done.status !== 'succeeded')
			throw new Error(`Meilisearch task ${done.status}: ${done.error?.message ?? 'no reason given'}`)
	}
}

/**
 * Sends these rows to the index as they are now: documents for those that belong,
 * deletions for the rest. Returns once Meilisearch has queued them, not indexed them.
 */
async function send(projection: Projection, ids: string[], indexUid = projection.indexUid()) {
	const index = meili().index(indexUid)
	const documents = await projection.load(ids)
	const kept = new Set(documents.map((d) => String(d.id)))
	const removed = ids.filter((id) => !kept.has(id))
	const tasks: WaitableTask[] = []
	if (documents.length) tasks.push(index.addDocuments(documents, { primaryKey: 'id' }))
	if (removed.length) tasks.push(index.deleteDocuments(projection.entity === 'vacancy' ? removed.map(Number) : removed))
	await Promise.all(tasks)
	return { tasks, upserted: documents.length, deleted: removed.length }
}

/** Writes these rows to the index as they are now, and waits until they are searchable. */
export async function push(projection: Projection, ids: string[], indexUid = projection.indexUid()) {
	const { tasks, upserted, deleted } = await send(projection, ids, indexUid)
	await waitTasks(tasks)
	if (tasks.length) bumpSearchGeneration()
	return { upserted, deleted }
}

async function indexExists(uid: string) {
	try {
		await meili().getIndex(uid)
		return true
	} catch (error) {
		if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found') return false
		throw error
	}
}

async function readState(key: string) {
	return (await prisma.appState.findUnique({ where: { key } }))?.value ?? null
}

async function writeState(key: string, value: string) {
	await prisma.appState.upsert({ where: { key }, create: { key, value }, update: { value } })
}

async function createIndexWithSettings(projection: Projection, uid: string) {
	await meili().createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS })
	await waitTasks([meili().index(uid).updateSettings(projection.settings)])
}

/** Every document's id and version, straight from the index. */
export async function indexedDocuments(projection: Projection = vacancyProjection, uid = projection.indexUid()) {
	const index = meili().index(uid)
	const found = new Map<string, number>()
	const limit = 10_000
	for (let offset = 0; ; offset += limit) {
		const page = await index.getDocuments<{ id: string | number; version: number }>({
			fields: ['id', 'version'],
			limit,
			offset,
		})
		for (const doc of page.results) found.set(String(doc.id), Number(doc.version))
		if (page.results.length < limit) break
	}
	return found
}

/** Writes many rows, IN_FLIGHT batches ahead (see PUSH_BATCH); `onProgress` counts rows indexed. */
async function pushInBatches(projection: Projection, ids: string[], uid?: string, onProgress?: (done: number) => void) {
	let upserted = 0
	let deleted = 0
	const inFlight: Array<{ tasks: WaitableTask[]; done: number }> = []
	const settleOldest = async () => {
		const oldest = inFlight.shift()!
		// These waits are long, and every poll leaves a listener on the wait's abort
		// signal until it ends (meilisearch-js): poll less often than for one change.
		await waitTasks(oldest.tasks, 100)
		if (oldest.tasks.length) bumpSearchGeneration()
		onProgress?.(oldest.done)
	}
	for (let i = 0; i < ids.length; i += PUSH_BATCH) {
		const sent = await send(projection, ids.slice(i, i + PUSH_BATCH), uid)
		upserted += sent.upserted
		deleted += sent.deleted
		inFlight.push({ tasks: sent.tasks, done: Math.min(ids.length, i + PUSH_BATCH) })
		if (inFlight.length >= IN_FLIGHT) await settleOldest()
	}
	while (inFlight.length) await settleOldest()
	return { upserted, deleted }
}

/**
 * Rebuilds a whole index from the database into a new index, then swaps it in
 * atomically, so searches keep answering from the old one meanwhile.
 */
export async function rebuildIndex(
	projection: Projection = vacancyProjection,
	onProgress?: (done: number, total: number) => void,
) {
	const uid = projection.indexUid()
	const next = `${uid}_rebuild`
	await meili().deleteIndexIfExists(next)
	await createIndexWithSettings(projection, next)
	const ids = [...(await projection.expected()).keys()]
	onProgress?.(0, ids.length)
	const { upserted } = await pushInBatches(projection, ids, next, (done) => onProgress?.(done, ids.length))
	if (await indexExists(uid)) {
		await meili()
			.swapIndexes([{ indexes: [uid, next], rename: false }])
			.waitTask({ timeout: TASK_TIMEOUT_MS })
		await meili().deleteIndex(next).waitTask({ timeout: TASK_TIMEOUT_MS })
	} else {
		await meili()
			.swapIndexes([{ indexes: [next, uid], rename: true }])
			.waitTask({ timeout: TASK_TIMEOUT_MS })
	}
	bumpSearchGeneration()
	// Changes the sync worker wrote to the old index during the rebuild are not
	// in the new one: put them right.
	await fixDrift(projection)
	return { documents: upserted }
}

function settingsMatch(projection: Projection, current: Record<string, unknown>) {
	const normalise = (value: unknown): unknown =>
		Array.isArray(value)
			? value.map(normalise)
			: value && typeof value === 'object'
				? Object.fromEntries(
						Object.entries(value)
							.sort(([a], [b]) => a.localeCompare(b))
							.map(([k, v]) => [k, normalise(v)]),
					)
				: value
	return Object.entries(projection.settings).every(([key, wanted]) => {
		const have = current[key]
		if (key === 'filterableAttributes' || key === 'sortableAttributes' || key === 'stopWords') {
			return JSON.stringify([...((have as string[]) ?? [])].sort()) === JSON.stringify([...(wanted as string[])].sort())
		}
		if (key === 'synonyms') return JSON.stringify(normalise(have)) === JSON.stringify(normalise(wanted))
		if (wanted && typeof wanted === 'object' && !Array.isArray(wanted)) {
			return Object.entries(wanted as Record<string, unknown>).every(
				([k, v]) => JSON.stringify(normalise((have as Record<string, unknown>)?.[k])) === JSON.stringify(normalise(v)),
			)
		}
		return JSON.stringify(have) === JSON.stringify(wanted)
	})
}

async function reconcileProjection(projection: Projection) {
	const uid = projection.indexUid()
	const stateKey = `search:${uid}:document-version`
	let rebuilt = false
	if (!(await indexExists(uid)) || (await readState(stateKey)) !== String(projection.documentVersion)) {
		await rebuildIndex(projection)
		rebuilt = true
	} else if (!settingsMatch(projection, (await meili().index(uid).getSettings()) as Record<string, unknown>)) {
		// Changed in code, or an index Meilisearch created by itself without settings.
		await waitTasks([meili().index(uid).updateSettings(projection.settings)])
	}
	await writeState(stateKey, String(projection.documentVersion))
	const result = await fixDrift(projection)
	return { rebuilt, ...result }
}

/**
 * Makes every index match the database: creates it, applies changed settings,
 * rebuilds it when the document shape changed, then fixes any document that is
 * missing, stale or should not be there. Returns the jobs index's figures.
 */
export async function reconcileIndex() {
	// The database's own index first: it needs no Meilisearch.
	await reconcileLocalIndex()
	const results = []
	for (const projection of projections) results.push(await reconcileProjection(projection))
	return results[0]
}

async function fixDrift(projection: Projection) {
	const drift = await findDrift(projection)
	const result = await pushInBatches(projection, [...drift.missingOrStale, ...drift.extra])
	return { upserted: result.upserted, deleted: result.deleted, documents: drift.expected }
}

/** Whether an index and the database hold exactly the same rows at the same versions. */
export async function findDrift(projection: Projection = vacancyProjection) {
	const expected = await projection.expected()
	const actual = await indexedDocuments(projection)
	const missingOrStale = [...expected].filter(([id, v]) => actual.get(id) !== v).map(([id]) => id)
	const extra = [...actual.keys()].filter((id) => !expected.has(id))
	return { missingOrStale, extra, expected: expected.size }
}
