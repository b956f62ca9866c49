import { MeilisearchApiError } from 'meilisearch'
import { prisma } from '#app/utils/db.server.ts'
import { log } from '#app/utils/log.server.ts'
import {
	isSearchHealthy,
	isUnreachable,
	meili,
	onSearchHealthChange,
	pingSearch,
	searchConfig,
	setSearchHealthy,
	vacancyIndex,
} from './client.server.ts'
import { documentVersion, isSearchable, liveVacancyWhere, toSearchDocument, vacancyDocumentSelect } from './document.ts'
import { onSearchOutbox } from './outbox.server.ts'
import { DOCUMENT_VERSION, indexSettings } from './settings.ts'

const LEASE_MS = 30_000
const BATCH = 500
const TASK_TIMEOUT_MS = 120_000

async function waitTasks(tasks: Array<{ waitTask: (o?: { timeout?: number; interval?: number }) => Promise<{ status: string; error?: { message?: string } | null }> }>) {
	for (const task of tasks) {
		const done = await task.waitTask({ timeout: TASK_TIMEOUT_MS, interval: 20 })
		if (done.status !== 'succeeded') throw new Error(`Meilisearch task ${done.status}: ${done.error?.message ?? 'no reason given'}`)
	}
}

export function backoffMs(attempts: number) {
	return Math.min(60_000, 500 * 2 ** Math.max(0, attempts - 1))
}

/** Loads the vacancies and writes them to the index: documents for searchable ones, deletions for the rest. */
async function pushVacancies(ids: number[], indexUid = searchConfig().indexName) {
	const index = meili().index(indexUid)
	const now = new Date()
	const vacancies = await prisma.vacancy.findMany({ where: { id: { in: ids } }, select: vacancyDocumentSelect })
	const documents = vacancies.filter((v) => isSearchable(v, now)).map(toSearchDocument)
	const kept = new Set(documents.map((d) => d.id))
	const removed = ids.filter((id) => !kept.has(id))
	const tasks = []
	if (documents.length) tasks.push(index.addDocuments(documents, { primaryKey: 'id' }))
	if (removed.length) tasks.push(index.deleteDocuments(removed))
	await waitTasks(tasks)
	return { upserted: documents.length, deleted: removed.length }
}

/** Claims due outbox rows with a lease, in one transaction, so two workers never take the same rows. */
async function claimOutboxRows(now: Date) {
	return prisma.$transaction(async (tx) => {
		const rows = await tx.searchOutbox.findMany({
			where: { availableAt: { lte: now } },
			orderBy: { id: 'asc' },
			take: BATCH,
			select: { id: true, vacancyId: true, attempts: true },
		})
		if (rows.length) {
			// A lease: if this process dies mid-batch, the rows come back after LEASE_MS.
			await tx.searchOutbox.updateMany({
				where: { id: { in: rows.map((r) => r.id) } },
				data: { availableAt: new Date(now.getTime() + LEASE_MS) },
			})
		}
		return rows
	})
}

type OutboxRow = Awaited<ReturnType<typeof claimOutboxRows>>[number]

async function releaseWithBackoff(rows: OutboxRow[], error: unknown) {
	const message = (error instanceof Error ? error.message : String(error)).slice(0, 500)
	for (const row of rows) {
		await prisma.searchOutbox.update({
			where: { id: row.id },
			data: { attempts: row.attempts + 1, availableAt: new Date(Date.now() + backoffMs(row.attempts + 1)), lastError: message },
		})
	}
}

/** Applies one batch of due outbox rows. Returns how many rows it handled. */
export async function processSearchOutbox() {
	const rows = await claimOutboxRows(new Date())
	if (!rows.length) return 0
	const byVacancy = new Map<number, OutboxRow[]>()
	for (const row of rows) byVacancy.set(row.vacancyId, [...(byVacancy.get(row.vacancyId) ?? []), row])
	try {
		await pushVacancies([...byVacancy.keys()])
		await prisma.searchOutbox.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } })
		return rows.length
	} catch (error) {
		if (isUnreachable(error)) {
			setSearchHealthy(false)
			await releaseWithBackoff(rows, error)
			throw error
		}
		// One bad document must not hold up the rest: retry them one by one.
		for (const [vacancyId, vacancyRows] of byVacancy) {
			try {
				await pushVacancies([vacancyId])
				await prisma.searchOutbox.deleteMany({ where: { id: { in: vacancyRows.map((r) => r.id) } } })
			} catch (single) {
				await releaseWithBackoff(vacancyRows, single)
				if (isUnreachable(single)) throw single
				log.error('search', `vacancy ${vacancyId} could not be indexed: ${single instanceof Error ? single.message : String(single)}`)
			}
		}
		return rows.length
	}
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

async function createIndexWithSettings(uid: string) {
	await meili().createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS })
	await waitTasks([meili().index(uid).updateSettings(indexSettings)])
}

/** Every searchable vacancy's id and document version, straight from the database. */
async function expectedDocuments() {
	const rows = await prisma.vacancy.findMany({
		where: liveVacancyWhere(),
		select: { id: true, updatedAt: true, provider: { select: { updatedAt: true } } },
	})
	return new Map(rows.map((r) => [r.id, documentVersion(r)]))
}

/** Every document's id and version, straight from the index. */
export async function indexedDocuments(uid = searchConfig().indexName) {
	const index = meili().index(uid)
	const found = new Map<number, number>()
	const limit = 10_000
	for (let offset = 0; ; offset += limit) {
		const page = await index.getDocuments<{ id: number; version: number }>({ fields: ['id', 'version'], limit, offset })
		for (const doc of page.results) found.set(Number(doc.id), Number(doc.version))
		if (page.results.length < limit) break
	}
	return found
}

async function pushInBatches(ids: number[], uid?: string, onProgress?: (done: number) => void) {
	let upserted = 0
	let deleted = 0
	for (let i = 0; i < ids.length; i += 5000) {
		const result = await pushVacancies(ids.slice(i, i + 5000), uid)
		upserted += result.upserted
		deleted += result.deleted
		onProgress?.(Math.min(ids.length, i + 5000))
	}
	return { upserted, deleted }
}

/**
 * Rebuilds the whole index from the database into a new index, then swaps it in
 * atomically, so searches keep answering from the old one meanwhile.
 */
export async function rebuildIndex(onProgress?: (done: number, total: number) => void) {
	const uid = searchConfig().indexName
	const next = `${uid}_rebuild`
	await meili().deleteIndexIfExists(next)
	await createIndexWithSettings(next)
	const ids = [...(await expectedDocuments()).keys()].sort((a, b) => a - b)
	onProgress?.(0, ids.length)
	const { upserted } = await pushInBatches(ids, next, (done) => onProgress?.(done, ids.length))
	if (await indexExists(uid)) {
		await meili().swapIndexes([{ indexes: [uid, next], rename: false }]).waitTask({ timeout: TASK_TIMEOUT_MS })
		await meili().deleteIndex(next).waitTask({ timeout: TASK_TIMEOUT_MS })
	} else {
		await meili().swapIndexes([{ indexes: [next, uid], rename: true }]).waitTask({ timeout: TASK_TIMEOUT_MS })
	}
	// Changes the sync worker wrote to the old index during the rebuild are not
	// in the new one: put them right.
	await fixDrift()
	return { documents: upserted }
}

/**
 * Makes the index match the database: creates it, applies changed settings,
 * rebuilds it when the document shape changed, then fixes any document that is
 * missing, stale or should not be there.
 */
export async function reconcileIndex() {
	const uid = searchConfig().indexName
	const stateKey = `search:${uid}:document-version`
	let rebuilt = false
	if (!(await indexExists(uid)) || (await readState(stateKey)) !== String(DOCUMENT_VERSION)) {
		await rebuildIndex()
		rebuilt = true
	} else if (!settingsMatch(await vacancyIndex().getSettings())) {
		// Changed in code, or an index Meilisearch created by itself without settings.
		await waitTasks([vacancyIndex().updateSettings(indexSettings)])
	}
	await writeState(stateKey, String(DOCUMENT_VERSION))
	const result = await fixDrift()
	return { rebuilt, ...result }
}

function settingsMatch(current: Record<string, unknown>) {
	const normalise = (value: unknown): unknown =>
		Array.isArray(value)
			? value.map(normalise)
			: value && typeof value === 'object'
				? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, normalise(v)]))
				: value
	return Object.entries(indexSettings).every(([key, wanted]) => {
		const have = current[key]
		if (key === 'filterableAttributes' || key === 'sortableAttributes' || key === 'stopWords') {
			return JSON.stringify([...((have as string[]) ?? [])].sort()) === JSON.stringify([...(wanted as string[])].sort())
		}
		if (key === 'synonyms') return JSON.stringify(normalise(have)) === JSON.stringify(normalise(wanted))
		if (key === 'typoTolerance' || key === 'pagination' || key === 'faceting') {
			return Object.entries(wanted as Record<string, unknown>).every(
				([k, v]) => JSON.stringify(normalise((have as Record<string, unknown>)?.[k])) === JSON.stringify(normalise(v)),
			)
		}
		return JSON.stringify(have) === JSON.stringify(wanted)
	})
}

async function fixDrift() {
	const drift = await findDrift()
	const result = await pushInBatches([...drift.missingOrStale, ...drift.extra])
	return { upserted: result.upserted, deleted: result.deleted, documents: drift.expected }
}

/** Whether index and database hold exactly the same searchable vacancies at the same versions. */
export async function findDrift() {
	const expected = await expectedDocuments()
	const actual = await indexedDocuments()
	const missingOrStale = [...expected].filter(([id, v]) => actual.get(id) !== v).map(([id]) => id)
	const extra = [...actual.keys()].filter((id) => !expected.has(id))
	return { missingOrStale, extra, expected: expected.size }
}

/**
 * The background loop: applies outbox rows as they arrive, watches Meilisearch's
 * health, and reconciles whenever it comes back.
 */
export function startSearchSync(options: { pollMs?: number; healthCheckMs?: number } = {}) {
	const pollMs = options.pollMs ?? 1000
	const healthCheckMs = options.healthCheckMs ?? 2000
	let running = true
	let wake: (() => void) | null = null
	let needsReconcile = !isSearchHealthy()
	const sleep = (ms: number) =>
		new Promise<void>((resolve) => {
			const timer = setTimeout(done, ms)
			function done() {
				clearTimeout(timer)
				wake = null
				resolve()
			}
			wake = done
		})
	const unsubscribe = onSearchOutbox(() => wake?.())
	const unsubscribeHealth = onSearchHealthChange((healthy) => {
		if (healthy) needsReconcile = true
		wake?.()
	})

	const loop = (async () => {
		while (running) {
			if (!isSearchHealthy()) {
				if (await pingSearch()) {
					setSearchHealthy(true)
					needsReconcile = true
					log.info('search', 'Meilisearch is reachable again')
				} else {
					await sleep(healthCheckMs)
					continue
				}
			}
			try {
				if (needsReconcile) {
					const result = await reconcileIndex()
					needsReconcile = false
					log.info('search', `reconciled index: ${result.documents} documents, ${result.upserted} written, ${result.deleted} removed`)
				}
				const handled = await processSearchOutbox()
				if (handled === 0) await sleep(pollMs)
			} catch (error) {
				if (isUnreachable(error)) {
					setSearchHealthy(false)
					needsReconcile = true
					log.warn('search', 'Meilisearch is unreachable: search runs in reduced mode until it is back')
				} else {
					log.error('search', `index sync failed: ${error instanceof Error ? error.message : String(error)}`)
				}
				await sleep(Math.min(pollMs, 1000))
			}
		}
	})()

	return {
		async stop() {
			running = false
			unsubscribe()
			unsubscribeHealth()
			wake?.()
			await loop
		},
	}
}
