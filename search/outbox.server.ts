import { remember } from '@epic-web/remember'
import type { Tx } from '#app/utils/db.server.ts'
import { refreshLocalIndex } from './local-index.server.ts'

type Nudge = { listeners: Set<() => void> }
const nudge = remember<Nudge>('search-outbox-nudge', () => ({ listeners: new Set() }))

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

/** Wakes the sync worker now rather than at its next poll. */
export function notifySearchOutbox() {
	for (const listener of nudge.listeners) listener()
}

export function onSearchOutbox(listener: () => void) {
	nudge.listeners.add(listener)
	return () => nudge.listeners.delete(listener)
}
