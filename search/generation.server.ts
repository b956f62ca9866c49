import { remember } from '@epic-web/remember'

// A number that changes whenever what search can return might have changed:
// documents written to Meilisearch, an index swapped in, the database's own
// index written, or search falling back to (or back from) reduced mode.
// Anything cached from search is good only while this number is the same.

const state = remember('search-generation', () => ({ value: 0 }))

export function searchGeneration() {
	return state.value
}

export function bumpSearchGeneration() {
	state.value++
}
