import { remember } from '@epic-web/remember'
import { Meilisearch, MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch'
import { bumpSearchGeneration } from './generation.server.ts'

export type SearchConfig = { url: string; apiKey: string; indexName: string }

/** The talent pool lives beside the jobs index, in an index of its own. */
export const poolIndexName = () => `${searchConfig().indexName}_talent_pool`

type SearchState = {
	config: SearchConfig | null
	client: Meilisearch | null
	/** false while Meilisearch is unreachable: search runs in reduced mode */
	healthy: boolean
	listeners: Set<(healthy: boolean) => void>
}

const state = remember<SearchState>('search-state', () => ({
	config: null,
	client: null,
	healthy: false,
	listeners: new Set(),
}))

export function configureSearch(config: SearchConfig) {
	state.config = config
	state.client = new Meilisearch({
		host: config.url,
		apiKey: config.apiKey,
		// Node's fetch asks for gzip, and compressed replies over loopback stall
		// for ~40 ms each; plain replies do not.
		requestInit: { headers: { 'Accept-Encoding': 'identity' } },
		timeout: 3000,
	})
	state.healthy = true
	// Coming back (after a crash and restart, say) changes what search returns:
	// pages cached in reduced mode must not be served any more.
	bumpSearchGeneration()
	// A (re)started Meilisearch may have lost its index: let the sync worker reconcile.
	for (const listener of state.listeners) listener(true)
}

export function searchConfig() {
	if (!state.config) throw new Error('Search is not configured: call configureSearch() first')
	return state.config
}

export function meili() {
	if (!state.client) throw new Error('Search is not configured: call configureSearch() first')
	return state.client
}

export function vacancyIndex() {
	return meili().index(searchConfig().indexName)
}

export function isSearchHealthy() {
	return Boolean(state.client) && state.healthy
}

export function setSearchHealthy(healthy: boolean) {
	if (state.healthy === healthy) return
	state.healthy = healthy
	// Pages cached in one mode must not be served in the other.
	bumpSearchGeneration()
	for (const listener of state.listeners) listener(healthy)
}

export function onSearchHealthChange(listener: (healthy: boolean) => void) {
	state.listeners.add(listener)
	return () => state.listeners.delete(listener)
}

/** True when the error means Meilisearch could not be reached (as opposed to a bad request). */
export function isUnreachable(error: unknown) {
	return error instanceof MeilisearchRequestError || error instanceof MeilisearchRequestTimeOutError
}

export async function pingSearch() {
	if (!state.config) return false
	try {
		const response = await fetch(`${state.config.url}/health`, { signal: AbortSignal.timeout(1000) })
		return response.ok
	} catch {
		return false
	}
}
