import crypto from 'node:crypto'
import { remember } from '@epic-web/remember'
import { prisma } from '#app/utils/db.server.ts'
import { describeError, log } from '#app/utils/log.server.ts'

// A number that changes whenever what search can return might have changed:
// documents written to Meilisearch, an index swapped in, the database's own
// index written, or search falling back to (or back from) reduced mode.
// Anything cached from search is good only while this number is the same.
//
// With several instances, only one writes to search at a time, but every one
// keeps a page cache: a change made by one is shared through the database (a
// new random value in AppState), and each instance looks for it twice a second.

const SHARED_KEY = 'search-generation'

const state = remember('search-generation', () => ({
	value: 0,
	// the shared value this instance last saw (or wrote)
	shared: null as string | null,
	sharing: Promise.resolve(),
}))

export function searchGeneration() {
	return state.value
}

export function bumpSearchGeneration() {
	state.value++
	state.sharing = state.sharing.then(shareChange).catch((error: unknown) => {
		log.warn('search', `could not share a search change with other instances: ${describeError(error)}`)
	})
}

// This instance does not note the value it wrote as seen: another instance may
// overwrite it at once with its own, which must not be missed. Its own change
// then also reaches its cache a second time, which costs one cache miss.
async function shareChange() {
	const value = crypto.randomBytes(9).toString('base64url')
	await prisma.appState.upsert({ where: { key: SHARED_KEY }, create: { key: SHARED_KEY, value }, update: { value } })
}

/** Resolves once this instance's changes so far are shared. */
export function sharedSearchChanges() {
	return state.sharing
}

/** Another instance changed search when the shared value is not the one this instance last saw. */
export async function followSharedSearchGeneration() {
	const row = await prisma.appState.findUnique({ where: { key: SHARED_KEY }, select: { value: true } })
	const value = row?.value ?? null
	if (value === state.shared) return false
	state.shared = value
	state.value++
	return true
}

/** Follows other instances' search changes every `everyMs` (at most half a second behind them). */
export function startFollowingSearchGeneration(everyMs = 500) {
	let stopped = false
	let current: Promise<unknown> = Promise.resolve()
	const timer = setInterval(() => {
		if (stopped) return
		current = followSharedSearchGeneration().catch((error: unknown) => {
			log.warn('search', `could not read the shared search generation: ${describeError(error)}`)
		})
	}, everyMs)
	timer.unref()
	return {
		async stop() {
			stopped = true
			clearInterval(timer)
			await current
		},
	}
}
