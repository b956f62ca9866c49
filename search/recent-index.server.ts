import crypto from 'node:crypto'
import type { Settings } from 'meilisearch'
import { liveVacancyWhere } from '#app/models/jobs/vacancy-rules.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { describeError, log } from '#app/utils/log.server.ts'
import { isSearchHealthy, isUnreachable, meili, searchConfig, setSearchHealthy } from './client.server.ts'
import { toSearchDocument, vacancyDocumentSelect } from './document.ts'
import type { VacancyQuery } from './query.ts'
import { searchVacancyBatch, type BatchResult } from './search.server.ts'
import { indexSettings } from './settings.ts'

// Job alerts ask one question of many searches: which of the jobs posted since
// they last looked match? Asked of the whole index, each search costs what a
// search of every vacancy costs (about 7 ms at 100,000 on 2 cores), so 20,000
// alerts would take minutes. Asked of an index holding only the new jobs, the
// cost follows the number of new jobs, not of all jobs (about 1.5 ms). So each
// run builds a small index of the vacancies published in its window, straight
// from the database (no waiting for the sync worker), with the main index's
// settings, searches it and deletes it. See docs/decisions/009.

const PREFIX = 'recent_'
const LOAD_CHUNK = 2000
const STALE_AFTER_MS = 60 * 60_000

const indexUid = () => `${searchConfig().indexName}_${PREFIX}${Date.now()}_${crypto.randomBytes(3).toString('hex')}`

/**
 * Runs `queries` (each with publishedSince at or after `since`) against the live
 * vacancies published since `since`. Without Meilisearch, the database answers
 * them from the whole local index, with the same filters.
 */
export async function searchRecentVacancies(since: Date, queries: VacancyQuery[], now = new Date()) {
	if (!queries.length) return { results: [] as BatchResult[], documents: 0, indexMs: 0 }
	if (isSearchHealthy()) {
		const uid = indexUid()
		try {
			const started = performance.now()
			const documents = await buildRecentIndex(uid, since, now)
			const indexMs = performance.now() - started
			return { results: await searchVacancyBatch(queries, { indexUid: uid }), documents, indexMs }
		} catch (error) {
			if (isUnreachable(error)) setSearchHealthy(false)
			else log.error('search', `recent-jobs index failed, answering from the database: ${describeError(error)}`)
		} finally {
			await meili()
				.deleteIndex(uid)
				.catch(() => undefined)
		}
	}
	return { results: await searchVacancyBatch(queries), documents: 0, indexMs: 0 }
}

async function buildRecentIndex(uid: string, since: Date, now: Date) {
	await removeStaleRecentIndexes()
	await meili().createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 60_000 })
	const index = meili().index(uid)
	await index.updateSettings(indexSettings as Settings).waitTask({ timeout: 60_000 })
	const tasks = []
	let documents = 0
	let cursor = 0
	for (;;) {
		const rows = await prisma.vacancy.findMany({
			where: { ...liveVacancyWhere(now), publishedAt: { gte: since }, id: { gt: cursor } },
			orderBy: { id: 'asc' },
			take: LOAD_CHUNK,
			select: vacancyDocumentSelect,
		})
		if (!rows.length) break
		cursor = rows[rows.length - 1].id
		documents += rows.length
		tasks.push(index.addDocuments(rows.map(toSearchDocument)))
	}
	for (const task of tasks) {
		const done = await task.waitTask({ timeout: 120_000, interval: 50 })
		if (done.status !== 'succeeded') throw new Error(`Meilisearch task ${done.status}: ${done.error?.message ?? ''}`)
	}
	return documents
}

/** Indexes left by a run that died part way (another instance's live run is younger than this). */
async function removeStaleRecentIndexes() {
	const prefix = `${searchConfig().indexName}_${PREFIX}`
	const { results } = await meili().getIndexes({ limit: 1000 })
	for (const index of results) {
		const madeAt = Number(index.uid.slice(prefix.length).split('_')[0])
		if (index.uid.startsWith(prefix) && Date.now() - madeAt > STALE_AFTER_MS) await meili().deleteIndex(index.uid)
	}
}
