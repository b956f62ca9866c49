import { remember } from '@epic-web/remember'
import type { Tx } from '#app/utils/db.server.ts'
import { describeError, log } from '#app/utils/log.server.ts'
import {
	isSearchHealthy,
	isUnreachable,
	onSearchHealthChange,
	pingSearch,
	setSearchHealthy,
} from '#search/client.server.ts'
import { projectionFor, push, reconcileIndex } from '#search/indexing.server.ts'
import { refreshLocalIndex } from '#search/local-index.server.ts'
import { holdLease, releaseLease } from './lease.server.ts'
import { defineOutbox, type HandlerResult } from './outbox.server.ts'

/**
 * Records, inside the caller's transaction, that these vacancies changed and the
 * search index must follow. Call `notifySearchOutbox()` once the transaction commits.
 */
export async function recordVacancyChange(tx: Tx, vacancyIds: number | number[]) {
	const ids = Array.isArray(vacancyIds) ? vacancyIds : [vacancyIds]
	if (!ids.length) return
	await tx.searchOutbox.createMany({ data: ids.map((id) => ({ entity: 'vacancy', entityId: String(id) })) })
	// The database's own index (reduced mode) changes in the same transaction.
	await refreshLocalIndex(tx, ids)
}

/** The same for talent-pool candidates, by their pool id (which outlives the account). */
export async function recordCandidateChange(tx: Tx, poolIds: string | string[]) {
	const ids = Array.isArray(poolIds) ? poolIds : [poolIds]
	if (ids.length) await tx.searchOutbox.createMany({ data: ids.map((id) => ({ entity: 'candidate', entityId: id })) })
}

// One instance at a time writes to the search index, so writes reach it in the
// order they were read and a document never goes back to an older version. The
// others keep polling, and take over within a lease length if it stops.
const SYNC_LEASE = 'search-sync'
const SYNC_LEASE_MS = 10_000

const syncLease = remember('search-sync-lease', () => ({
	held: false,
	heartbeat: null as ReturnType<typeof setInterval> | null,
}))

/**
 * Takes or renews the sync lease. While it is held a heartbeat renews it every
 * few seconds, so a long reconciliation or a slow push keeps it too.
 */
async function holdSyncLease() {
	const wasHeld = syncLease.held
	syncLease.held = await holdLease(SYNC_LEASE, SYNC_LEASE_MS)
	if (syncLease.held && !syncLease.heartbeat) {
		syncLease.heartbeat = setInterval(() => {
			if (!syncLease.held) return
			holdLease(SYNC_LEASE, SYNC_LEASE_MS).then(
				(held) => (syncLease.held = held),
				(error: unknown) => log.warn('search', `could not renew the search sync lease: ${describeError(error)}`),
			)
		}, SYNC_LEASE_MS / 4)
		syncLease.heartbeat.unref()
	}
	return { held: syncLease.held, gained: syncLease.held && !wasHeld }
}

async function giveUpSyncLease() {
	if (syncLease.heartbeat) clearInterval(syncLease.heartbeat)
	syncLease.heartbeat = null
	if (syncLease.held) await releaseLease(SYNC_LEASE).catch(() => {})
	syncLease.held = false
}

/** At start: reconciles the index if this instance is the one keeping it (null when another is). */
export async function reconcileIfKeepingIndex() {
	return (await holdSyncLease()).held ? reconcileIndex() : null
}

type SearchRow = { id: number; attempts: number; entity: string; entityId: string }

/**
 * Writes each changed row to its index as it is now (so changes to the same row
 * coalesce), and waits until it is searchable. One bad document must not hold
 * up the rest: after a failed batch, each is tried alone.
 */
async function applyToIndex(rows: SearchRow[]): Promise<HandlerResult> {
	// Lost only if this instance stalled for a whole lease.
	if (!(await holdSyncLease()).held)
		return { unavailable: new Error('another instance now holds the search sync lease') }
	const failed: NonNullable<HandlerResult['failed']> = []
	for (const entity of new Set(rows.map((r) => r.entity))) {
		const projection = projectionFor(entity)
		const byId = new Map<string, SearchRow[]>()
		for (const row of rows.filter((r) => r.entity === entity))
			byId.set(row.entityId, [...(byId.get(row.entityId) ?? []), row])
		try {
			await push(projection, [...byId.keys()])
			continue
		} catch (error) {
			if (isUnreachable(error)) {
				setSearchHealthy(false)
				return { unavailable: error }
			}
		}
		for (const [id, idRows] of byId) {
			try {
				await push(projection, [id])
			} catch (error) {
				if (isUnreachable(error)) {
					setSearchHealthy(false)
					return { unavailable: error }
				}
				for (const row of idRows) failed.push({ id: row.id, error })
			}
		}
	}
	return { failed }
}

// Meilisearch may have lost documents while it was away, or come back empty:
// every return is followed by a reconciliation before the outbox carries on.
const sync = remember('search-sync', () => ({ needsReconcile: false, reconciling: false }))

async function ready() {
	const lease = await holdSyncLease()
	if (!lease.held) {
		// Another instance keeps the index, but this one searches it too: it follows
		// Meilisearch's return, or it would answer from reduced mode until that one stopped.
		if (!isSearchHealthy() && (await pingSearch())) setSearchHealthy(true)
		return false
	}
	// Taken over (or taken at start after a crash): the last holder's writes may not all have landed.
	if (lease.gained) sync.needsReconcile = true
	if (!isSearchHealthy()) {
		if (!(await pingSearch())) return false
		setSearchHealthy(true)
		sync.needsReconcile = true
		log.info('search', 'Meilisearch is reachable again')
	}
	if (!sync.needsReconcile) return true
	try {
		sync.reconciling = true
		const result = await reconcileIndex()
		sync.needsReconcile = false
		log.info(
			'search',
			`reconciled index: ${result.documents} documents, ${result.upserted} written, ${result.deleted} removed`,
		)
		return true
	} catch (error) {
		if (isUnreachable(error)) {
			setSearchHealthy(false)
			log.warn('search', 'Meilisearch is unreachable: search runs in reduced mode until it is back')
		} else {
			log.error('search', `reconciliation failed: ${describeError(error)}`)
		}
		return false
	} finally {
		sync.reconciling = false
	}
}

/**
 * While this instance reconciles (minutes at 100,000 vacancies on a busy machine),
 * its outbox worker is busy: a search that timed out meanwhile would leave it in
 * reduced mode until the reconciliation ended. Meilisearch is asked directly instead.
 */
async function recoverDuringReconcile() {
	if (sync.reconciling && !isSearchHealthy() && (await pingSearch())) setSearchHealthy(true)
}

export const searchOutbox = defineOutbox<SearchRow>({
	name: 'search',
	table: 'searchOutbox',
	leaseMs: 30_000,
	claimSize: 500,
	retry: { firstMs: 500, maxMs: 60_000 },
	pollMs: 1000,
	select: { entity: true, entityId: true },
	// Meilisearch's own error, for the logs' row of failures; never personal data.
	errorText: (error) => (error instanceof Error ? error.message : String(error)),
	ready,
	handle: applyToIndex,
})

/** Wakes the sync worker now rather than at its next poll. */
export function notifySearchOutbox() {
	searchOutbox.nudge()
}

/** Applies due outbox rows now (tests and scripts). */
export async function processSearchOutbox() {
	return searchOutbox.processDue()
}

/**
 * The sync worker: applies outbox rows as they arrive, waits while Meilisearch
 * is unreachable (search runs in reduced mode), and reconciles when it is back;
 * with several instances, only the one holding the sync lease.
 */
export function startSearchSync(options: { pollMs?: number } = {}) {
	sync.needsReconcile = !isSearchHealthy()
	const unsubscribe = onSearchHealthChange((healthy) => {
		if (healthy) sync.needsReconcile = true
		notifySearchOutbox()
	})
	const worker = searchOutbox.start(options)
	const watch = setInterval(() => void recoverDuringReconcile().catch(() => {}), 1000)
	watch.unref()
	return {
		async stop() {
			clearInterval(watch)
			unsubscribe()
			await worker.stop()
			await giveUpSyncLease()
		},
	}
}
