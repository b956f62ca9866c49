/**
 * A search index that is a projection of database rows: what the sync worker
 * and reconciliation need to know to keep one index equal to the database.
 */
export type Projection = {
	/** the SearchOutbox `entity` whose rows feed this index */
	entity: 'vacancy' | 'candidate'
	indexUid: () => string
	settings: Record<string, unknown>
	/** bump when the document shape changes: the index is rebuilt */
	documentVersion: number
	/** Documents for the ids that belong in the index now; every other id is deleted. */
	load: (ids: string[]) => Promise<Array<{ id: string | number; version: number } & Record<string, unknown>>>
	/** Every id that belongs in the index, with its document version. */
	expected: () => Promise<Map<string, number>>
}
