/**
 * Job searches as people type them into /jobs, deterministic for a seed.
 *
 *   searchMix(200)                  // the fixed mix: every kind of search, no repeats
 *   searchMix(5000, { seed: 2 })    // a long tail of distinct searches
 *   zipfSampler(urls, 1)            // popular searches repeat, as on a real site
 *
 * Kinds, in these shares: place + radius + keyword + filters (40%), keyword
 * only (20%), place only sorted by distance (25%), deep pages (15%). Places are
 * postcode districts weighted by their number of postcodes, like the bench data.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import { random } from './bench-data.ts'
import { projectRoot } from './bench-env.ts'

const keywords = [
	'care',
	'carer',
	'care assistant',
	'support worker',
	'nights',
	'night carer',
	'dementia',
	'senior carer',
	'senior care assistant',
	'nurse',
	'rgn',
	'hca',
	'healthcare assistant',
	'learning disabilities',
	'mental health',
	'autism',
	'end of life',
	'deputy manager',
	'registered manager',
	'team leader',
	'activities',
	'personal assistant',
	'domiciliary',
	'home care',
	'part time',
	'weekends',
	'apprentice',
	'bank',
	'driver',
	'occupational therapist',
	'social worker',
	'care coordinator',
	'supervisor',
	'live in',
	'complex care',
	'nursing home',
	// as people mistype them
	'dementai',
	'suport worker',
	'carre assistant',
	'nurce',
	'healthcare asistant',
	'learning disabilites',
]
const roles = [
	'care-worker',
	'support-worker',
	'senior-care-worker',
	'registered-nurse',
	'nursing-assistant',
	'team-leader',
	'personal-assistant',
	'activities-worker',
	'deputy-manager',
]
const hours = ['full-time', 'part-time', 'nights', 'weekends', 'flexible']
const settingIds = ['care-home', 'home-care', 'supported-living', 'nursing-home', 'hospital-nhs']
const contracts = ['permanent', 'bank', 'fixed-term', 'zero-hours']
const radii = [1, 3, 5, 10, 10, 10, 15, 20, 30]
const sorts = ['relevance', 'newest', 'pay']

type District = { outcode: string; weight: number }

function districts(): District[] {
	const rows = parseCsv(fs.readFileSync(path.join(projectRoot, 'app/data/uk-postcode-districts.csv'), 'utf8'), {
		columns: true,
	}) as Array<Record<string, string>>
	return rows
		.filter((r) => r.status === 'live' && Number(r.postcode_units_2014) > 0)
		.map((r) => ({ outcode: r.outcode, weight: Number(r.postcode_units_2014) }))
}

function weightedPicker<T>(items: Array<T & { weight: number }>) {
	const cumulative: number[] = []
	let total = 0
	for (const item of items) cumulative.push((total += item.weight))
	return (r: number) => {
		const target = r * total
		let lo = 0
		let hi = cumulative.length - 1
		while (lo < hi) {
			const mid = (lo + hi) >> 1
			if (cumulative[mid] < target) lo = mid + 1
			else hi = mid
		}
		return items[lo]
	}
}

export type SearchKind = 'place+keyword+filters' | 'keyword' | 'place by distance' | 'deep page'

/** Distinct /jobs URLs (path and query), with the kind of search each is. */
export function searchMix(count: number, options: { seed?: number } = {}) {
	const rand = random(options.seed ?? 1)
	const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]
	const place = weightedPicker(districts())
	const seen = new Set<string>()
	const out: Array<{ url: string; kind: SearchKind }> = []
	let guard = 0
	while (out.length < count && guard++ < count * 50) {
		const roll = rand()
		const params = new URLSearchParams()
		let kind: SearchKind
		if (roll < 0.4) {
			kind = 'place+keyword+filters'
			params.set('q', pick(keywords))
			params.set('where', place(rand()).outcode)
			params.set('radius', String(pick(radii)))
			if (rand() < 0.5) params.append('hours', pick(hours))
			if (rand() < 0.3) params.append('role', pick(roles))
			if (rand() < 0.2) params.append('setting', pick(settingIds))
			if (rand() < 0.15) params.append('contract', pick(contracts))
			if (rand() < 0.15) params.set('nodriving', '1')
			if (rand() < 0.15) params.set('minpay', (11.5 + Math.floor(rand() * 10) * 0.5).toFixed(2))
			if (rand() < 0.2) params.set('sort', pick(sorts))
		} else if (roll < 0.6) {
			kind = 'keyword'
			params.set('q', pick(keywords))
			if (rand() < 0.2) params.set('apprenticeship', '1')
		} else if (roll < 0.85) {
			kind = 'place by distance'
			params.set('where', place(rand()).outcode)
			params.set('radius', String(pick(radii)))
			params.set('sort', 'distance')
		} else {
			kind = 'deep page'
			if (rand() < 0.5) params.set('q', pick(keywords))
			else {
				params.set('where', place(rand()).outcode)
				params.set('radius', '30')
			}
			params.set('page', String(5 + Math.floor(rand() * 46)))
		}
		const url = `/jobs?${params}`
		if (seen.has(url)) continue
		seen.add(url)
		out.push({ url, kind })
	}
	return out
}

/** Draws from `items` by Zipf's law: the k-th most popular is drawn in proportion to 1 / k^s. */
export function zipfSampler<T>(items: T[], s = 1, seed = 7) {
	const rand = random(seed)
	const pick = weightedPicker(items.map((item, i) => ({ item, weight: 1 / (i + 1) ** s })))
	return () => pick(rand()).item
}
