/**
 * Made-up but realistic providers and vacancies across the UK for benchmarks.
 * Deterministic: the same seed gives the same rows (dates are relative to `now`).
 *
 *   const data = createBenchData({ vacancies: 100_000 })
 *   data.providers                      // every provider, as Provider rows
 *   for (const v of data.vacancies()) … // Vacancy rows, one at a time
 *
 * Places come from app/data/uk-postcode-districts.csv, weighted by the number of
 * postcode units in each district (a population proxy), and are located with the
 * app's own `locateWorkplace`. Pay meets the app's own minimum-wage check.
 * Imports no module that reads the environment.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import { careRoles, getStandard, type ApprenticeshipStandard } from '#app/models/jobs/care-roles.server.ts'
import { checkMinimumPay, formatPence } from '#app/models/jobs/pay.ts'
import { settings } from '#app/models/jobs/vocabulary.ts'
import { locateWorkplace } from '#app/models/places/places.server.ts'
import { endOfLondonDayIn, londonDateString } from '#app/utils/dates.ts'
import { distanceMiles } from '#app/utils/geo.ts'
import { labelOf } from '#app/utils/options.ts'
import { projectRoot } from './bench-env.ts'

export const DEFAULT_SEED = 20261123

export type BenchProvider = {
	id: string
	name: string
	type: ProviderType
	cqcLocationId: string | null
	addressLine1: string
	town: string
	postcode: string
	website: string | null
	about: string
	verifiedAt: Date | null
	createdAt: Date
	updatedAt: Date
}

export type BenchVacancy = {
	providerId: string
	status: 'live'
	title: string
	roleId: string
	setting: string
	description: string
	requirements: string
	howToApply: string
	postcode: string
	outcode: string
	town: string
	lat: number
	lng: number
	payPeriod: 'hour' | 'year'
	payMin: number
	payMax: number
	hoursPerWeek: number | null
	fullTime: boolean
	partTime: boolean
	nights: boolean
	weekends: boolean
	flexible: boolean
	contract: string
	apprenticeship: boolean
	standardRef: string | null
	apprenticeshipLevel: number | null
	drivingLicenceRequired: boolean
	visaSponsorship: boolean
	closingDate: Date
	positions: number
	publishedAt: Date
	createdAt: Date
	updatedAt: Date
}

// ─── random numbers ─────────────────────────────────────────────────────────

/** mulberry32, as prisma/seed.ts uses: small, fast, and the same on every machine. */
export function random(seed: number) {
	return () => {
		seed |= 0
		seed = (seed + 0x6d2b79f5) | 0
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

type Rand = () => number

function pick<T>(rand: Rand, items: readonly T[]): T {
	return items[Math.floor(rand() * items.length)]
}

function weighted<T extends string>(rand: Rand, items: ReadonlyArray<readonly [T, number]>): T {
	const total = items.reduce((sum, [, w]) => sum + w, 0)
	let r = rand() * total
	for (const [item, w] of items) if ((r -= w) <= 0) return item
	return items[items.length - 1][0]
}

function between(rand: Rand, min: number, max: number) {
	return min + Math.floor(rand() * (max - min + 1))
}

function some<T>(rand: Rand, items: readonly T[], count: number) {
	const copy = [...items]
	const out: T[] = []
	while (out.length < count && copy.length) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0])
	return out
}

const roundTo = (value: number, step: number) => Math.round(value / step) * step
const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text)
const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
const article = (text: string) => (/^[aeiou]/i.test(text) ? 'an' : 'a')

// ─── places ─────────────────────────────────────────────────────────────────

type District = {
	outcode: string
	lat: number
	lng: number
	places: string[]
	county: string
	country: string
	units: number
	payFactor: number
}

// Higher pay where living costs are: London weighting, and a little around it.
const southEastCounties = new Set([
	'Surrey',
	'Berkshire',
	'Buckinghamshire',
	'Hertfordshire',
	'Oxfordshire',
	'Kent',
	'Hampshire',
	'West Sussex',
	'East Sussex',
	'Essex',
])

function loadDistricts() {
	const rows = parseCsv(fs.readFileSync(path.join(projectRoot, 'app', 'data', 'uk-postcode-districts.csv'), 'utf8'), {
		columns: true,
		skip_empty_lines: true,
	}) as Array<Record<string, string>>
	const districts: District[] = []
	for (const row of rows) {
		const units = Number(row.postcode_units_2014)
		const lat = Number(row.lat)
		const lng = Number(row.lng)
		if (row.status !== 'live' && row.status !== 'parent-of-subdistricts') continue
		// The UK's minimum wage and care regulators do not cover the Crown Dependencies.
		if (!['England', 'Scotland', 'Wales', 'Northern Ireland'].includes(row.country)) continue
		if (!(units > 0) || !(lat > 49 && lat < 61) || !(lng > -9 && lng < 2)) continue
		const places = row.places
			.split(';')
			.map((p) => p.trim())
			.filter(Boolean)
		if (!places.length) continue
		// Only districts the app itself can place a postcode in.
		if (!locateWorkplace(`${row.outcode} 1AB`, '')) continue
		districts.push({
			outcode: row.outcode,
			lat,
			lng,
			places,
			county: row.county,
			country: row.country,
			units,
			payFactor: row.county === 'Greater London' ? 1.1 : southEastCounties.has(row.county) ? 1.04 : 1,
		})
	}
	return districts
}

function weightedSampler<T>(items: T[], weight: (item: T) => number) {
	const cumulative = new Float64Array(items.length)
	let total = 0
	items.forEach((item, i) => (cumulative[i] = total += weight(item)))
	return (rand: Rand) => {
		const r = rand() * total
		let lo = 0
		let hi = items.length - 1
		while (lo < hi) {
			const mid = (lo + hi) >> 1
			if (cumulative[mid] < r) lo = mid + 1
			else hi = mid
		}
		return items[lo]
	}
}

const inwardLetters = [...'ABDEFGHJLNPQRSTUWXYZ']
function postcodeIn(rand: Rand, outcode: string) {
	return `${outcode} ${between(rand, 1, 9)}${pick(rand, inwardLetters)}${pick(rand, inwardLetters)}`
}

// ─── providers ──────────────────────────────────────────────────────────────

type ProviderType =
	'care-home' | 'nursing-home' | 'home-care' | 'supported-living' | 'day-service' | 'nhs-trust' | 'individual-employer'

/** Share of vacancies by provider type, and how many vacancies one provider has open. */
const providerPlans: Record<ProviderType, { share: number; vacancies: (rand: Rand) => number }> = {
	'home-care': { share: 0.34, vacancies: (r) => between(r, 6, 40) },
	'care-home': { share: 0.3, vacancies: (r) => between(r, 3, 20) },
	'supported-living': { share: 0.12, vacancies: (r) => between(r, 4, 26) },
	'nursing-home': { share: 0.1, vacancies: (r) => between(r, 4, 20) },
	'nhs-trust': { share: 0.08, vacancies: (r) => between(r, 60, 400) },
	'individual-employer': { share: 0.04, vacancies: (r) => (r() < 0.8 ? 1 : 2) },
	'day-service': { share: 0.02, vacancies: (r) => between(r, 2, 8) },
}

const settingFor: Record<ProviderType, string> = {
	'care-home': 'care-home',
	'nursing-home': 'nursing-home',
	'home-care': 'home-care',
	'supported-living': 'supported-living',
	'day-service': 'day-service',
	'nhs-trust': 'hospital-nhs',
	'individual-employer': 'personal-assistant',
}

const nameTrees = [
	'Oak Tree',
	'Willow',
	'Beech',
	'Cedar',
	'Rose',
	'Holly',
	'Chestnut',
	'Linden',
	'Elm',
	'Maple',
	'Lime Tree',
	'Ash',
	'Rowan',
	'Hawthorn',
	'Birch',
	'Laurel',
	'Magnolia',
	'Juniper',
	'Yew Tree',
	'Cherry Tree',
]
const nameWords = [
	'Meadow',
	'Riverside',
	'Park View',
	'Orchard',
	'Hillside',
	'Lavender',
	'Ashgrove',
	'Kingfisher',
	'Heron',
	"St Mary's",
	'Abbey',
	'Priory',
	'Fairfield',
	'Greenacres',
	'Primrose',
	'Sunnyside',
	'Woodlands',
	'Brookside',
	'Harbour',
	'Castle',
	'Bluebell',
	'Springfield',
	'Westfield',
	'Highfield',
	'Millbrook',
	'Oakwood',
	'Fernlea',
	'Heather',
	'Foxglove',
	'Swallow',
	'Summerfield',
	'Wellspring',
	'Lakeside',
	'Thornbury',
	'Redwood',
]
const homeSuffixes = [
	'House',
	'Lodge',
	'Court',
	'Grange',
	'Manor',
	'Gardens',
	'Hall',
	'View',
	'Place',
	'House',
	'Lodge',
]
const homeCareWords = [
	'Home Care',
	'Homecare',
	'Care at Home',
	'Home Support',
	'Care Services',
	'Community Care',
	'Domiciliary Care',
]
const homeCareBrands = [
	'Caring Hands',
	'Kind Hearts',
	'Helping Hands',
	'Bright Days',
	'Home Comforts',
	'Trusted Care',
	'Compassion',
	'Together',
	'Silver Lining',
	'Good Neighbour',
	'Heartbeat',
	'Evergreen',
	'Sunrise',
	'Lighthouse',
	'Acorn',
	'Harmony',
]
const supportedWords = [
	'Supported Living',
	'Community Support',
	'Support Services',
	'Independent Living',
	'Living Options',
	'Support Partnership',
]
const supportedBrands = [
	'Pathways',
	'Open Doors',
	'Horizons',
	'Stepping Stones',
	'New Leaf',
	'Bridges',
	'Compass',
	'Anchor',
	'Inspire',
	'Unity',
	'Keystone',
	'Brighter Futures',
	'Milestones',
	'Foundations',
	'Lifeways',
	'Discovery',
]
const dayWords = ['Day Centre', 'Day Opportunities', 'Day Service', 'Resource Centre', 'Community Hub']
const firstNames = [
	'Margaret',
	'David',
	'Jean',
	'Peter',
	'Susan',
	'John',
	'Patricia',
	'Michael',
	'Linda',
	'Robert',
	'Anne',
	'James',
	'Helen',
	'Tom',
	'Priya',
	'Aisha',
	'Mohammed',
	'Fiona',
	'Gareth',
	'Siobhan',
	'Ewan',
	'Rhian',
	'Kwame',
	'Grace',
	'Chloe',
	'Daniel',
	'Amir',
	'Joan',
	'Brian',
	'Carol',
]
const streets = [
	'Church Lane',
	'The Street',
	'Station Road',
	'Mill Road',
	'High Street',
	'London Road',
	'School Lane',
	'Market Place',
	'Victoria Road',
	'Park Road',
	'Queens Road',
	'Manor Road',
	'Green Lane',
	'Chapel Street',
	'North Road',
	'Kings Road',
	'Albert Street',
	'Castle Street',
	'Bridge Street',
	'New Road',
]

const specialismsBySetting: Record<string, string[]> = {
	'care-home': [
		'dementia',
		'older-people',
		'end-of-life',
		'physical-disabilities',
		'respite',
		'dementia',
		'older-people',
	],
	'nursing-home': [
		'dementia',
		'complex-care',
		'end-of-life',
		'older-people',
		'young-onset-dementia',
		'physical-disabilities',
	],
	'home-care': ['older-people', 'reablement', 'end-of-life', 'complex-care', 'live-in', 'dementia', 'older-people'],
	'supported-living': [
		'learning-disabilities',
		'autism',
		'mental-health',
		'brain-injury',
		'pbs',
		'learning-disabilities',
		'young-adults',
	],
	'day-service': ['learning-disabilities', 'older-people', 'dementia', 'autism'],
	'hospital-nhs': ['mental-health', 'community', 'acute', 'rehabilitation', 'older-people', 'discharge'],
	'personal-assistant': [
		'physical-disabilities',
		'learning-disabilities',
		'spinal-injury',
		'older-people',
		'young-adults',
		'sensory',
	],
}

/** How each specialism appears in a title ("Dementia care assistant", "Support worker – mental health") and in adverts. */
const specialisms: Record<string, { adjective: string; phrase: string; sentences: string[] }> = {
	dementia: {
		adjective: 'Dementia',
		phrase: 'dementia care',
		sentences: [
			'Most of the people we support are living with dementia, and our whole team is trained in person-centred dementia care.',
			'We are a specialist dementia service: you will help people stay connected to their memories, routines and the things they love.',
			'You will support older people living with dementia with personal care, eating and drinking, and staying active and calm.',
		],
	},
	'young-onset-dementia': {
		adjective: 'Young onset dementia',
		phrase: 'young onset dementia',
		sentences: [
			'Our unit supports younger adults living with young onset dementia and Huntington’s disease, many of them still active and independent.',
		],
	},
	'older-people': {
		adjective: 'Elderly',
		phrase: 'older people',
		sentences: [
			'We support older people, some with frailty, memory loss or long-term conditions, to live as well as they can.',
			'The people we care for are mostly in their eighties and nineties, and value a familiar face, a chat and a good cup of tea.',
		],
	},
	'end-of-life': {
		adjective: 'Palliative',
		phrase: 'end of life care',
		sentences: [
			'We provide palliative and end of life care, working closely with district nurses and the local hospice.',
			'You will help people at the end of their lives to be comfortable, dignified and surrounded by the people who matter to them.',
		],
	},
	'physical-disabilities': {
		adjective: 'Physical disability',
		phrase: 'physical disabilities',
		sentences: [
			'We support adults with physical disabilities, including people who use wheelchairs, hoists and other moving and handling equipment.',
			'Many of the people we support live with multiple sclerosis, cerebral palsy or the effects of a stroke.',
		],
	},
	respite: {
		adjective: 'Respite',
		phrase: 'respite care',
		sentences: ['We offer short respite stays, giving family carers a break, as well as long-term residential care.'],
	},
	'complex-care': {
		adjective: 'Complex care',
		phrase: 'complex care',
		sentences: [
			'We support people with complex health needs, including PEG feeding, tracheostomy care, catheter and stoma care, and epilepsy.',
			'You will work with people who have complex needs, with full clinical training from our nurses before you start.',
		],
	},
	reablement: {
		adjective: 'Reablement',
		phrase: 'reablement',
		sentences: [
			'Our reablement team helps people regain their confidence and independence at home after a stay in hospital, usually over six weeks.',
		],
	},
	'live-in': {
		adjective: 'Live-in',
		phrase: 'live-in care',
		sentences: [
			'Live-in carers stay with one person in their own home for two or three weeks at a time, with a private room and paid breaks.',
		],
	},
	'learning-disabilities': {
		adjective: 'Learning disability',
		phrase: 'learning disabilities',
		sentences: [
			'We support adults with learning disabilities to live in their own homes, go to college and work, and be part of their local community.',
			'You will help people with learning disabilities with cooking, budgeting, travel and keeping in touch with friends and family.',
			'The people we support have learning disabilities, and some also have autism or epilepsy.',
		],
	},
	autism: {
		adjective: 'Autism',
		phrase: 'autism',
		sentences: [
			'We specialise in supporting autistic adults, with calm, predictable routines and communication tools such as PECS and Makaton.',
			'You will support autistic young people to build daily living skills and try new things at their own pace.',
		],
	},
	'mental-health': {
		adjective: 'Mental health',
		phrase: 'mental health',
		sentences: [
			'We support people recovering from mental ill health, including schizophrenia, bipolar disorder and depression, to live independently.',
			'Our recovery-focused mental health service helps people build routines, manage their tenancy and stay well.',
		],
	},
	'brain-injury': {
		adjective: 'Brain injury',
		phrase: 'acquired brain injury',
		sentences: [
			'We support adults living with an acquired brain injury to rebuild skills and confidence, alongside therapists and neuropsychologists.',
		],
	},
	pbs: {
		adjective: 'Complex needs',
		phrase: 'behaviour that challenges',
		sentences: [
			'Some of the people we support can show behaviour that challenges; you will be trained in positive behaviour support (PBS) and never work alone until you are ready.',
		],
	},
	'young-adults': {
		adjective: 'Young adults',
		phrase: 'young adults',
		sentences: ['We support young adults moving on from children’s services as they start living more independently.'],
	},
	community: {
		adjective: 'Community',
		phrase: 'community services',
		sentences: ['You will work in the community team, visiting patients in their own homes across the area.'],
	},
	acute: {
		adjective: 'Ward',
		phrase: 'acute wards',
		sentences: [
			'You will work on a busy acute medical ward, caring for patients admitted from the emergency department.',
		],
	},
	rehabilitation: {
		adjective: 'Rehabilitation',
		phrase: 'rehabilitation',
		sentences: [
			'Our rehabilitation unit helps people recover after stroke, falls and orthopaedic surgery so they can go home safely.',
		],
	},
	discharge: {
		adjective: 'Discharge',
		phrase: 'hospital discharge',
		sentences: [
			'You will be part of the integrated discharge team, helping patients leave hospital with the right care in place.',
		],
	},
	'spinal-injury': {
		adjective: 'Spinal injury',
		phrase: 'spinal injury',
		sentences: [
			'I had a spinal cord injury a few years ago and use a wheelchair; I need help with personal care, transfers and getting out and about.',
		],
	},
	sensory: {
		adjective: 'Sensory impairment',
		phrase: 'sensory impairment',
		sentences: [
			'I am registered blind and need someone to help with correspondence, shopping, appointments and getting around.',
		],
	},
}

/** What an individual employer needs, by the focus they were given: said by the person, or by their family. */
const paNeeds: Record<string, { self: string; family: string }> = {
	'physical-disabilities': {
		self: 'I have multiple sclerosis and need help with personal care, meals and getting out and about.',
		family: 'has cerebral palsy and needs help with personal care, meals and getting out and about.',
	},
	'learning-disabilities': {
		self: 'I have a learning disability and want support to go to college, go swimming and see my friends.',
		family: 'has a learning disability and needs support to go to college, go swimming and see friends.',
	},
	'spinal-injury': {
		self: specialisms['spinal-injury'].sentences[0],
		family:
			'had a spinal cord injury and uses a wheelchair, and needs help with personal care, transfers and getting out.',
	},
	'older-people': {
		self: 'I need a hand in the mornings and evenings with washing, dressing and meals, and some company.',
		family: 'is living with early dementia and needs a hand with meals, medication prompts and some company.',
	},
	'young-adults': {
		self: 'I have cerebral palsy, and I want support to live more independently and finish my course.',
		family: 'is autistic and wants support to live more independently, travel on the bus and find work.',
	},
	sensory: {
		self: specialisms.sensory.sentences[0],
		family: 'is deafblind and needs someone who signs (or will learn) to help with communication and getting around.',
	},
}
const paDuties = [
	'helping with personal care, dressing and getting up in the morning',
	'preparing meals and helping with shopping and housework',
	'getting out and about: appointments, the shops, the gym, the pub',
	'prompting medication and keeping a simple daily diary',
	'supporting with hobbies, college and keeping in touch with friends',
]

function providerName(rand: Rand, type: ProviderType, d: District, town: string) {
	const local = pick(rand, [town, town, d.places[0], ...d.places.slice(1, 3)])
	switch (type) {
		case 'care-home':
			return weighted(rand, [
				[`${pick(rand, [...nameTrees, ...nameWords])} ${pick(rand, homeSuffixes)}`, 4],
				[`${pick(rand, [...nameTrees, ...nameWords])} ${pick(rand, homeSuffixes)} Care Home`, 3],
				[`The ${pick(rand, nameTrees)}s Residential Home`, 1],
				[`${local} ${pick(rand, ['House', 'Lodge', 'Court'])} Residential Care`, 1],
			])
		case 'nursing-home':
			return weighted(rand, [
				[`${pick(rand, [...nameTrees, ...nameWords])} Nursing Home`, 3],
				[`${pick(rand, [...nameTrees, ...nameWords])} ${pick(rand, homeSuffixes)} Nursing Centre`, 1],
				[`${local} Nursing and Residential Home`, 1],
			])
		case 'home-care':
			return weighted(rand, [
				[`${local} ${pick(rand, homeCareWords)}`, 3],
				[`${pick(rand, homeCareBrands)} ${pick(rand, homeCareWords)}`, 3],
				[`${pick(rand, homeCareBrands)} ${pick(rand, homeCareWords)} (${local})`, 2],
			])
		case 'supported-living':
			return weighted(rand, [
				[`${pick(rand, supportedBrands)} ${pick(rand, supportedWords)}`, 3],
				[`${local} ${pick(rand, supportedWords)}`, 2],
			])
		case 'day-service':
			return `${pick(rand, [...nameWords, local])} ${pick(rand, dayWords)}`
		case 'nhs-trust':
			if (d.country === 'Scotland') return `NHS ${d.county}`
			if (d.country === 'Wales') return `${d.county} University Health Board`
			if (d.country === 'Northern Ireland') return `${local} Health and Social Care Trust`
			return weighted(rand, [
				[`${local} Hospitals NHS Foundation Trust`, 3],
				[`${local} University Hospitals NHS Trust`, 2],
				[`${d.county} Community Health NHS Trust`, 2],
				[`${d.county} Partnership NHS Foundation Trust`, 1],
			])
		case 'individual-employer':
			return rand() < 0.8
				? `${pick(rand, firstNames)} (individual employer)`
				: `${pick(rand, firstNames)} and ${pick(rand, firstNames)} (individual employers)`
	}
}

function providerAbout(rand: Rand, type: ProviderType, name: string, town: string, focus: string[]) {
	const focusText = focus.map((f) => specialisms[f].phrase).join(' and ')
	switch (type) {
		case 'care-home':
			return `${name} is a ${pick(rand, ['family-run', 'friendly', 'small', 'modern', 'long-established'])} residential home in ${town} for ${between(rand, 18, 70)} older people, specialising in ${focusText}.`
		case 'nursing-home':
			return `${name} provides nursing and residential care in ${town} for adults with complex health needs, with registered nurses on duty day and night. We specialise in ${focusText}.`
		case 'home-care':
			return `${name} supports people to live well in their own homes around ${town}, with visits from 30 minutes to live-in care. We specialise in ${focusText}.`
		case 'supported-living':
			return `${name} supports adults with ${focusText} to live in their own homes around ${town} and take part in their communities.`
		case 'day-service':
			return `${name} offers day activities, skills and friendship in ${town} for adults with ${focusText}, Monday to Friday.`
		case 'nhs-trust':
			return `${name} runs hospital, community and mental health services for people in and around ${town}.`
		case 'individual-employer': {
			const needs = paNeeds[focus[0]] ?? paNeeds['older-people']
			const family = rand() < 0.35
			const relative = pick(rand, ['son', 'daughter', 'mum', 'dad'])
			return `${
				family
					? `We are a family in ${town} looking for a personal assistant for our ${relative}, who ${needs.family}`
					: `${pick(rand, [`I am ${between(rand, 24, 94)} and live in ${town}.`, `I live in ${town} and employ my own small team through a direct payment.`])} ${needs.self}`
			} ${pick(rand, [
				'I love music, gardening and getting out to the coast.',
				'Interests include swimming, football and films.',
				'I enjoy cooking, crosswords and visiting friends.',
			])}`
		}
	}
}

// ─── roles, pay and titles ─────────────────────────────────────────────────

type PayRange = { hour: [number, number] } | { year: [number, number] }
type RolePlan = {
	titles: string[]
	/** titles used in one setting instead of the general ones */
	titlesIn?: Record<string, string[]>
	nightTitles?: string[]
	pay: PayRange
	/** pay in a setting instead of the general range (registered nurses are salaried in the NHS) */
	payIn?: Record<string, PayRange>
	office?: boolean
	sponsorship?: number
	positions?: number
	duties: string[]
}

const careDuties = [
	'helping people with washing, dressing and personal care, always respecting their dignity',
	'supporting people to eat and drink well and to take their medication',
	'spending time talking, listening and doing the things people enjoy',
	'keeping clear, accurate care notes on our digital care planning system',
	'noticing changes in someone’s health or mood and reporting them',
	'moving and handling people safely using hoists and other equipment',
	'helping with light housework, laundry and preparing meals',
]
const supportDuties = [
	'supporting people with cooking, shopping, budgeting and household tasks',
	'helping people get to college, work, appointments and clubs',
	'following each person’s support plan and helping them set and reach goals',
	'supporting people to keep in touch with friends and family',
	'recording notes and incidents accurately',
	'administering medication once trained and signed off',
]
const seniorDuties = [
	'leading shifts and supporting a team of care workers',
	'administering medication and completing MAR charts',
	'writing and reviewing care plans with people and their families',
	'supervising and mentoring new colleagues',
	'liaising with GPs, district nurses and social workers',
]
const managerDuties = [
	'leading and developing the staff team, including supervisions and appraisals',
	'making sure the service meets CQC standards and is ready for inspection',
	'managing rotas, budgets and occupancy',
	'building good relationships with families, commissioners and health professionals',
	'overseeing care planning, audits, safeguarding and quality assurance',
	'recruiting and inducting new staff',
]
const nursingDuties = [
	'assessing, planning and evaluating nursing care',
	'administering medicines, including controlled drugs',
	'wound care, catheter care, PEG feeding and end of life care',
	'leading shifts and supervising healthcare assistants',
	'working with GPs, hospices and tissue viability nurses',
]
const hcaDuties = [
	'taking observations, blood glucose readings and recording fluid balance',
	'helping patients with personal care, eating and mobility',
	'supporting registered nurses with clinical tasks',
	'keeping accurate records and escalating concerns',
]
const officeDuties = [
	'planning rotas and care calls so visits are on time and travel is sensible',
	'answering calls from clients, families and care workers',
	'covering the on-call rota and occasional care calls',
	'keeping records up to date on our scheduling system',
]
const therapyDuties = [
	'assessing people’s needs for equipment and adaptations at home',
	'running rehabilitation programmes after hospital discharge',
	'working with physiotherapists, nurses and social workers',
	'teaching people and carers to use equipment safely',
]
const socialWorkDuties = [
	'carrying out Care Act assessments and reviews',
	'leading safeguarding enquiries',
	'working with people, families and providers to plan support',
	'applying the Mental Capacity Act and Deprivation of Liberty Safeguards',
]

// Pay in pence; hourly ranges are for 2026/27 (National Living Wage £12.71).
const rolePlans: Record<string, RolePlan> = {
	'care-worker': {
		titles: [
			'Care assistant',
			'Care worker',
			'Carer',
			'Healthcare assistant',
			'Residential care assistant',
			'Relief care assistant',
			'Care and support worker',
		],
		titlesIn: {
			'home-care': [
				'Home carer',
				'Domiciliary care worker',
				'Care worker',
				'Home care assistant',
				'Community carer',
				'Care at home worker',
			],
		},
		nightTitles: ['Night care assistant', 'Waking night care assistant', 'Night carer'],
		pay: { hour: [1275, 1480] },
		sponsorship: 0.03,
		positions: 5,
		duties: careDuties,
	},
	'support-worker': {
		titles: [
			'Support worker',
			'Care and support worker',
			'Learning disability support worker',
			'Mental health support worker',
			'Autism support worker',
			'Key worker',
		],
		nightTitles: ['Waking night support worker', 'Night support worker', 'Support worker (sleep-ins)'],
		pay: { hour: [1280, 1490] },
		sponsorship: 0.02,
		positions: 5,
		duties: supportDuties,
	},
	'community-support-outreach-worker': {
		titles: [
			'Community outreach worker',
			'Community support worker',
			'Floating support worker',
			'Outreach support worker',
		],
		pay: { hour: [1350, 1580] },
		duties: supportDuties,
	},
	'personal-assistant': {
		titles: ['Personal assistant', 'Personal assistant (PA)', 'PA', 'Personal care assistant'],
		nightTitles: ['Night personal assistant'],
		pay: { hour: [1300, 1650] },
		duties: paDuties,
	},
	'senior-care-worker': {
		titles: [
			'Senior care assistant',
			'Senior carer',
			'Senior support worker',
			'Senior care worker',
			'Senior healthcare assistant',
		],
		titlesIn: { 'supported-living': ['Senior support worker', 'Senior support worker', 'Shift lead support worker'] },
		nightTitles: ['Night senior carer', 'Senior night care assistant'],
		pay: { hour: [1380, 1680] },
		sponsorship: 0.03,
		positions: 2,
		duties: seniorDuties,
	},
	'activities-worker': {
		titles: ['Activities co-ordinator', 'Wellbeing co-ordinator', 'Lifestyle co-ordinator', 'Activities assistant'],
		pay: { hour: [1290, 1450] },
		duties: [
			'planning group and one-to-one activities, outings and events',
			'getting to know each person’s life story and interests',
			'working with local schools, churches and community groups',
			'keeping activity records',
		],
	},
	'team-leader': {
		titles: ['Team leader', 'Care team leader', 'Shift leader', 'Team leader – supported living'],
		pay: { hour: [1450, 1780] },
		duties: seniorDuties,
	},
	supervisor: {
		titles: ['Care supervisor', 'Field care supervisor', 'Field supervisor', 'Quality supervisor'],
		pay: { hour: [1420, 1680] },
		duties: [
			'carrying out spot checks and competency observations',
			'completing care assessments and reviews with clients',
			'supporting and supervising care workers',
			'covering care calls when needed',
		],
	},
	'care-coordinator': {
		titles: ['Care co-ordinator', 'Scheduling co-ordinator', 'Rota co-ordinator', 'Care co-ordinator (home care)'],
		pay: { year: [26_000, 31_000] },
		office: true,
		duties: officeDuties,
	},
	'deputy-manager': {
		titles: ['Deputy manager', 'Deputy home manager', 'Assistant manager', 'Deputy care manager'],
		pay: { year: [32_000, 40_000] },
		office: true,
		duties: managerDuties,
	},
	'registered-manager': {
		titles: ['Registered manager', 'Home manager', 'Branch manager', 'Service manager'],
		pay: { year: [42_000, 58_000] },
		office: true,
		duties: managerDuties,
	},
	'nursing-assistant': {
		titles: [
			'Healthcare assistant',
			'Nursing assistant',
			'Healthcare support worker',
			'Clinical support worker',
			'HCA',
		],
		nightTitles: ['HCA (nights)', 'Night healthcare assistant'],
		pay: { hour: [1275, 1500] },
		positions: 4,
		duties: hcaDuties,
	},
	'nursing-associate': {
		titles: ['Nursing associate', 'Registered nursing associate', 'Trainee nursing associate'],
		pay: { year: [28_000, 33_000] },
		sponsorship: 0.1,
		duties: nursingDuties,
	},
	'registered-nurse': {
		titles: [
			'Registered nurse (RGN)',
			'Staff nurse',
			'Registered general nurse',
			'Nurse',
			'Registered mental health nurse (RMN)',
			'Clinical lead nurse',
		],
		nightTitles: ['Night nurse (RGN)', 'Registered nurse – nights'],
		pay: { hour: [2050, 2550] },
		payIn: { 'hospital-nhs': { year: [31_049, 37_796] } },
		sponsorship: 0.35,
		positions: 2,
		duties: nursingDuties,
	},
	'occupational-therapist-assistant': {
		titles: ['Occupational therapy assistant', 'Reablement worker', 'Therapy assistant', 'OT assistant'],
		pay: { hour: [1300, 1520] },
		duties: therapyDuties,
	},
	'occupational-therapist': {
		titles: ['Occupational therapist', 'Community occupational therapist', 'Senior occupational therapist'],
		pay: { year: [31_049, 45_000] },
		office: true,
		sponsorship: 0.25,
		duties: therapyDuties,
	},
	'social-worker': {
		titles: ['Social worker', 'Adult social worker', 'Mental health social worker', 'Senior social worker'],
		pay: { year: [34_000, 45_000] },
		office: true,
		sponsorship: 0.2,
		duties: socialWorkDuties,
	},
	'assessment-officer': {
		titles: ['Community care assessor', 'Assessment officer', 'Social care assessor', 'Care and support assessor'],
		pay: { year: [27_500, 33_000] },
		office: true,
		duties: socialWorkDuties,
	},
	'safeguarding-reviewing-officer': {
		titles: ['Safeguarding and reviewing officer', 'Safeguarding officer', 'Reviewing officer'],
		pay: { year: [38_000, 46_000] },
		office: true,
		duties: socialWorkDuties,
	},
	'learning-development-lead': {
		titles: [
			'Learning and development lead',
			'Care trainer',
			'Training co-ordinator',
			'Learning and development officer',
		],
		pay: { year: [31_000, 38_000] },
		office: true,
		duties: [
			'delivering the Care Certificate and mandatory training',
			'running moving and handling, medication and first aid courses',
			'keeping training records and planning refreshers',
			'coaching new starters on shift',
		],
	},
	'middle-management': {
		titles: ['Area manager', 'Operations manager', 'Regional manager', 'Quality and compliance manager'],
		pay: { year: [45_000, 60_000] },
		office: true,
		duties: managerDuties,
	},
	'senior-management': {
		titles: ['Director of care', 'Head of operations', 'Nominated individual', 'Director of quality'],
		pay: { year: [60_000, 85_000] },
		office: true,
		duties: managerDuties,
	},
}

const rolesBySetting: Record<string, ReadonlyArray<readonly [string, number]>> = {
	'care-home': [
		['care-worker', 12],
		['senior-care-worker', 4],
		['team-leader', 1.5],
		['activities-worker', 1.5],
		['deputy-manager', 0.7],
		['registered-manager', 0.5],
		['learning-development-lead', 0.2],
		['nursing-assistant', 0.5],
	],
	'nursing-home': [
		['care-worker', 6],
		['nursing-assistant', 4],
		['registered-nurse', 4],
		['nursing-associate', 1.5],
		['senior-care-worker', 1],
		['deputy-manager', 0.6],
		['registered-manager', 0.3],
		['activities-worker', 0.8],
	],
	'home-care': [
		['care-worker', 14],
		['senior-care-worker', 2],
		['care-coordinator', 1.5],
		['supervisor', 1.5],
		['registered-manager', 0.3],
		['middle-management', 0.3],
		['senior-management', 0.1],
		['learning-development-lead', 0.2],
		['occupational-therapist-assistant', 0.2],
	],
	'supported-living': [
		['support-worker', 12],
		['senior-care-worker', 2],
		['team-leader', 2],
		['community-support-outreach-worker', 1.5],
		['deputy-manager', 0.4],
		['registered-manager', 0.3],
		['middle-management', 0.2],
	],
	'day-service': [
		['support-worker', 3],
		['activities-worker', 2],
		['team-leader', 0.8],
		['care-worker', 1],
	],
	'hospital-nhs': [
		['nursing-assistant', 6],
		['registered-nurse', 5],
		['nursing-associate', 1.5],
		['occupational-therapist-assistant', 1.5],
		['occupational-therapist', 1.5],
		['social-worker', 1.5],
		['assessment-officer', 0.8],
		['safeguarding-reviewing-officer', 0.5],
		['learning-development-lead', 0.3],
		['middle-management', 0.3],
		['senior-management', 0.1],
	],
	'personal-assistant': [['personal-assistant', 1]],
}

const nightSettings = new Set(['care-home', 'nursing-home', 'supported-living', 'hospital-nhs', 'personal-assistant'])

const benefits = [
	'Paid training, including the Care Certificate',
	'We pay for your DBS check',
	'28 days’ holiday including bank holidays, rising with service',
	'Workplace pension with employer contributions',
	'Free meals on shift',
	'Mileage paid at 45p a mile and paid travel time',
	'Blue Light Card discounts',
	'Employee assistance programme and wellbeing support',
	'£300 refer-a-friend bonus',
	'£500 welcome bonus',
	'Uniform provided',
	'Funded Level 2 and Level 3 diplomas',
	'Paid breaks',
	'Weekly pay available',
	'Free parking',
	'Company car or pool car for work journeys',
	'Enhanced pay for bank holidays',
	'Guaranteed hours contracts available',
	'Clear career progression to senior and management roles',
	'Cycle to work scheme',
	'NHS pension scheme and 27 days’ annual leave plus bank holidays',
]
const intros = [
	(p: string, r: string, t: string) => `${p} is looking for ${article(r)} ${r} to join the team in ${t}.`,
	(p: string, r: string, t: string) => `Join ${p} in ${t} as ${article(r)} ${r}.`,
	(p: string, r: string, t: string) => `We are recruiting ${article(r)} ${r} at ${p}, ${t}.`,
	(p: string, r: string, t: string) =>
		`Are you caring, reliable and ready to make a difference? ${p} in ${t} needs ${article(r)} ${r}.`,
	(p: string, r: string, t: string) => `${p} has an exciting opportunity for ${article(r)} ${r} in ${t}.`,
]
const cultureSentences = [
	'You will be part of a supportive team that puts the people we support first, with a named mentor for your first months.',
	'We are a small team where everyone knows each other, and your ideas about how we work are welcome.',
	'We support people with a wide range of needs, so no two days are the same.',
	'You will get a full induction, shadow shifts with experienced colleagues and regular supervision.',
	'We were rated Good by the CQC at our last inspection, and our staff tell us this is a great place to work.',
	'Many of our managers started with us as care workers: we will help you grow.',
	'We are proud to be a Disability Confident and Living Wage employer.',
]
const paWishes = [
	'I am looking for someone kind, patient and reliable who will respect my home and my choices.',
	'Experience is not needed: I will show you how I like things done. A sense of humour helps.',
	'You will be working for me, not an agency, so the hours and the way we work are agreed between us.',
]
const closings = [
	'Apply today: we will get back to you within two working days.',
	'Informal visits are welcome before you apply.',
	'Interviews are held weekly, and we can work around your current job.',
	'We welcome applications from people new to care as well as experienced staff.',
	'If this sounds like you, we would love to hear from you.',
]

// ─── the generator ─────────────────────────────────────────────────────────

export function createBenchData(options: { vacancies: number; seed?: number; now?: Date }) {
	const seed = options.seed ?? DEFAULT_SEED
	const now = options.now ?? new Date()
	const rand = random(seed)
	for (const role of careRoles)
		if (!rolePlans[role.id]) throw new Error(`bench data has no plan for the role ${role.id}: add one`)

	const districts = loadDistricts()
	const pickDistrict = weightedSampler(districts, (d) => d.units)
	const nearestCache = new Map<string, District[]>()
	/** Up to 8 districts within 20 miles: where a home-care agency or NHS trust also works. */
	const nearby = (d: District) => {
		let list = nearestCache.get(d.outcode)
		if (!list) {
			list = districts
				.filter((other) => Math.abs(other.lat - d.lat) < 0.3 && Math.abs(other.lng - d.lng) < 0.5)
				.map((other) => ({ other, miles: distanceMiles(d, other) }))
				.filter((x) => x.miles <= 20 && x.other !== d)
				.sort((a, b) => a.miles - b.miles)
				.slice(0, 8)
				.map((x) => x.other)
			nearestCache.set(d.outcode, list)
		}
		return list
	}
	const townIn = (d: District) => (rand() < 0.7 ? d.places[0] : pick(rand, d.places.slice(0, 4)))

	// Providers, until their open vacancies add up to the number asked for.
	type ProviderPlan = BenchProvider & { district: District; focus: string[]; vacancyCount: number }
	const providers: ProviderPlan[] = []
	const types = Object.keys(providerPlans) as ProviderType[]
	let assigned = 0
	for (const [t, type] of types.entries()) {
		let remaining =
			t === types.length - 1 ? options.vacancies - assigned : Math.round(options.vacancies * providerPlans[type].share)
		assigned += remaining
		while (remaining > 0) {
			const count = Math.min(remaining, providerPlans[type].vacancies(rand))
			remaining -= count
			const district = pickDistrict(rand)
			const town = district.places[0]
			const name = providerName(rand, type, district, town)
			const focus = [...new Set(some(rand, specialismsBySetting[settingFor[type]], rand() < 0.6 ? 1 : 2))]
			const createdAt = new Date(now.getTime() - between(rand, 60, 2000) * 86_400_000)
			const regulated = type !== 'individual-employer' && type !== 'nhs-trust'
			providers.push({
				id: `bench-provider-${String(providers.length + 1).padStart(6, '0')}`,
				name,
				type,
				cqcLocationId:
					regulated && district.country === 'England' ? `1-${100000000 + Math.floor(rand() * 899999999)}` : null,
				addressLine1: `${between(rand, 1, 180)} ${pick(rand, streets)}`,
				town,
				postcode: postcodeIn(rand, district.outcode),
				website:
					type === 'individual-employer'
						? null
						: `https://www.${name
								.toLowerCase()
								.replace(/[^a-z]+/g, '-')
								.replace(/^-|-$/g, '')}.example`,
				about: providerAbout(rand, type, name, town, focus),
				verifiedAt: type === 'individual-employer' ? null : createdAt,
				createdAt,
				updatedAt: createdAt,
				district,
				focus,
				vacancyCount: count,
			})
		}
	}

	// Closing days are whole London days: work them out once per day ahead.
	const todayLondon = londonDateString(now)
	const closingDays = Array.from({ length: 200 }, (_, days) => {
		const at = endOfLondonDayIn(days, now)
		return { at, london: londonDateString(at) }
	})

	function* vacancies(): Generator<BenchVacancy> {
		// One entry per vacancy, naming its provider, shuffled so ids are not grouped by provider.
		const order = new Int32Array(options.vacancies)
		let n = 0
		providers.forEach((p, i) => {
			for (let k = 0; k < p.vacancyCount; k++) order[n++] = i
		})
		for (let i = order.length - 1; i > 0; i--) {
			const j = Math.floor(rand() * (i + 1))
			;[order[i], order[j]] = [order[j], order[i]]
		}
		for (let i = 0; i < order.length; i++) yield makeVacancy(providers[order[i]])
	}

	function makeVacancy(provider: ProviderPlan): BenchVacancy {
		const setting = settingFor[provider.type]
		const isPa = setting === 'personal-assistant'
		const roleId = weighted(rand, rolesBySetting[setting])
		const plan = rolePlans[roleId]
		const role = careRoles.find((r) => r.id === roleId)!

		// Where: home care and NHS community jobs cover the districts around the base.
		const spreads = setting === 'home-care' || setting === 'hospital-nhs' || setting === 'supported-living'
		const district =
			spreads && rand() < 0.45 ? (pick(rand, nearby(provider.district)) ?? provider.district) : provider.district
		const town = isPa
			? provider.town
			: district === provider.district && rand() < 0.8
				? provider.town
				: townIn(district)
		const postcode = isPa ? provider.postcode : postcodeIn(rand, district.outcode)
		// Individual employers' homes are never shown: the app places them at the district centre.
		const located = locateWorkplace(postcode, isPa ? '' : town)
		if (!located) throw new Error(`bench postcode ${postcode} cannot be located`)

		// Apprenticeships: England's standards only, one that lists this role.
		const standards = (role.apprenticeships ?? [])
			.map((ref) => getStandard(ref))
			.filter((s): s is ApprenticeshipStandard => Boolean(s?.portal_roles?.includes(roleId)))
		const apprenticeship = district.country === 'England' && standards.length > 0 && rand() < 0.105
		const standard = apprenticeship ? (rand() < 0.75 ? standards[0] : pick(rand, standards)) : null

		const office = Boolean(plan.office)
		const nights = !office && !apprenticeship && nightSettings.has(setting) && rand() < (plan.nightTitles ? 0.2 : 0.05)
		const partTime = !apprenticeship && (isPa ? rand() < 0.7 : office ? rand() < 0.06 : rand() < 0.33)
		const fullTime = !partTime || rand() < 0.25
		const weekends = office ? rand() < 0.05 : rand() < 0.45
		const flexible = setting === 'home-care' || isPa ? rand() < 0.55 : rand() < 0.15
		const contract = apprenticeship
			? weighted(rand, [
					['permanent', 4],
					['fixed-term', 1],
				])
			: setting === 'home-care'
				? weighted(rand, [
						['permanent', 6],
						['zero-hours', 3],
						['bank', 1],
					])
				: setting === 'hospital-nhs'
					? weighted(rand, [
							['permanent', 6],
							['fixed-term', 2],
							['bank', 2],
						])
					: office
						? weighted(rand, [
								['permanent', 9],
								['fixed-term', 1],
							])
						: weighted(rand, [
								['permanent', 8],
								['bank', 1.5],
								['fixed-term', 0.7],
								['zero-hours', 0.5],
							])

		// Hours a week; bank and zero-hours jobs often give none.
		let hoursPerWeek: number | null = isPa
			? pick(rand, [6, 8, 10, 12, 15, 20, 25, 30])
			: fullTime && !partTime
				? office
					? pick(rand, [37, 37.5, 37.5, 40])
					: nights
						? pick(rand, [33, 36, 36, 38.5, 42])
						: pick(rand, [35, 36, 37.5, 37.5, 39, 40, 42, 45])
				: pick(rand, [12, 16, 20, 22.5, 24, 25, 30])
		if (apprenticeship) hoursPerWeek = pick(rand, [30, 35, 37.5, 37.5, 40])
		if ((contract === 'bank' || contract === 'zero-hours') && rand() < 0.55) hoursPerWeek = null

		// When: published over the last 60 days, closing in the future.
		const daysAgo = rand() * 60
		const publishedAt = new Date(Math.floor((now.getTime() - daysAgo * 86_400_000) / 1000) * 1000)
		const createdAt = new Date(publishedAt.getTime() - Math.floor(rand() * 2 * 86_400_000))
		const updatedAt =
			rand() < 0.15
				? new Date(publishedAt.getTime() + Math.floor(rand() * (now.getTime() - publishedAt.getTime())))
				: publishedAt
		const advertised = pick(rand, [14, 21, 28, 28, 30, 42, 56, 60, 90])
		let daysLeft = Math.round(advertised - daysAgo)
		if (daysLeft < 7) daysLeft = 7 + Math.floor(rand() * 50)
		const closing = closingDays[Math.min(daysLeft, closingDays.length - 1)]

		// Pay, at or above the minimum in force today and on the closing date.
		const payRange = plan.payIn?.[setting] ?? plan.pay
		let payPeriod: 'hour' | 'year'
		let payMin: number
		let payMax: number
		const skew = rand() ** 1.6
		if (apprenticeship && standard && standard.level >= 5 && 'hour' in payRange) {
			// Degree apprentices (nursing in a care home) are salaried.
			payPeriod = 'year'
			payMin = roundTo(between(rand, 23_500, 28_500), 500) * 100
			payMax = rand() < 0.5 ? payMin : payMin + roundTo(between(rand, 500, 3000), 500) * 100
		} else if (apprenticeship && 'hour' in payRange) {
			payPeriod = 'hour'
			payMin = rand() < 0.4 ? roundTo(between(rand, 800, 1150), 5) : roundTo(between(rand, 1271, 1400), 5)
			payMax = rand() < 0.6 ? payMin : roundTo(payMin + between(rand, 20, 150), 5)
		} else if ('hour' in payRange) {
			payPeriod = 'hour'
			const [lo, hi] = payRange.hour.map((p) => p * district.payFactor)
			payMin = roundTo(lo + skew * (hi - lo) * 0.75, 5)
			if (nights && rand() < 0.5) payMin = roundTo(payMin * (1.03 + rand() * 0.05), 5)
			payMax = rand() < 0.45 ? payMin : roundTo(payMin + 10 + rand() * Math.max(0, hi - payMin) * 0.8, 5)
		} else {
			payPeriod = 'year'
			const [lo, hi] = payRange.year.map((p) => p * district.payFactor * (apprenticeship ? 0.85 : 1))
			payMin = roundTo(lo + skew * (hi - lo) * 0.7, 500) * 100
			payMax = rand() < 0.3 ? payMin : roundTo(payMin / 100 + 500 + rand() * Math.max(0, hi - payMin / 100), 500) * 100
			if (!hoursPerWeek) hoursPerWeek = 37.5
		}
		const minimumOk = () =>
			checkMinimumPay({
				period: payPeriod,
				minPence: payMin,
				hoursPerWeek,
				apprenticeship,
				londonDates: [todayLondon, closing.london],
			}) === null
		while (!minimumOk()) payMin += payPeriod === 'hour' ? 5 : 50_000
		if (payMax < payMin) payMax = payMin

		const drivingLicenceRequired =
			setting === 'home-care'
				? roleId === 'care-coordinator' || roleId === 'learning-development-lead'
					? rand() < 0.4
					: rand() < 0.85
				: isPa || roleId === 'community-support-outreach-worker'
					? rand() < 0.5
					: setting === 'hospital-nhs' && office
						? rand() < 0.4
						: rand() < 0.05
		// Sponsored workers need guaranteed hours: never on bank or zero-hours contracts.
		const visaSponsorship =
			!apprenticeship && (contract === 'permanent' || contract === 'fixed-term') && rand() < (plan.sponsorship ?? 0.01)

		const specialism = specialisms[pick(rand, provider.focus)]
		const title = makeTitle({
			plan,
			setting,
			nights,
			partTime,
			fullTime,
			weekends,
			apprenticeship,
			standard,
			town,
			specialism,
			payPeriod,
			payMin,
		})

		const description = makeDescription({
			provider,
			role: role.name,
			roleDescription: role.description,
			town,
			setting,
			specialism,
			plan,
			nights,
			partTime,
			weekends,
			flexible,
			drivingLicenceRequired,
			visaSponsorship,
			standard,
			hoursPerWeek,
		})

		return {
			providerId: provider.id,
			status: 'live',
			title,
			roleId,
			setting,
			description,
			requirements: [
				...role.typical_entry.slice(0, 3),
				...(drivingLicenceRequired ? ['A full UK driving licence and use of a car for work'] : []),
			].join('\n'),
			howToApply: isPa
				? 'Send a message through the council’s Personal Assistant scheme, or call the number on your direct payment letter and quote this job.'
				: `Apply online, or call the recruitment team on 0${between(rand, 1200, 1999)} ${between(rand, 100000, 999999)} quoting “${title}”.`,
			postcode: located.postcode,
			outcode: located.outcode,
			town,
			lat: located.lat,
			lng: located.lng,
			payPeriod,
			payMin,
			payMax,
			hoursPerWeek,
			fullTime,
			partTime,
			nights,
			weekends,
			flexible,
			contract,
			apprenticeship,
			standardRef: standard?.reference ?? null,
			apprenticeshipLevel: standard?.level ?? null,
			drivingLicenceRequired,
			visaSponsorship,
			closingDate: closing.at,
			positions: plan.positions && !apprenticeship ? 1 + Math.floor(rand() ** 2 * plan.positions) : 1,
			publishedAt,
			createdAt,
			updatedAt,
		}
	}

	function makeTitle(v: {
		plan: RolePlan
		setting: string
		nights: boolean
		partTime: boolean
		fullTime: boolean
		weekends: boolean
		apprenticeship: boolean
		standard: ApprenticeshipStandard | null
		town: string
		specialism: (typeof specialisms)[string]
		payPeriod: 'hour' | 'year'
		payMin: number
	}) {
		const base =
			v.nights && v.plan.nightTitles && rand() < 0.6
				? pick(rand, v.plan.nightTitles)
				: pick(rand, v.plan.titlesIn?.[v.setting] ?? v.plan.titles)
		if (v.apprenticeship && v.standard) {
			return weighted(rand, [
				[`Apprentice ${lowerFirst(base)}`, 4],
				[`${base} apprenticeship (level ${v.standard.level})`, 2],
				[`Trainee ${lowerFirst(base)} – ${v.standard.title} apprenticeship`, 1],
			])
		}
		const shift =
			v.nights && !/night/i.test(base)
				? 'nights'
				: v.partTime && !v.fullTime
					? 'part-time'
					: v.weekends
						? 'weekends'
						: 'days'
		const pay = `${formatPence(v.payMin)} ${v.payPeriod === 'hour' ? 'an hour' : 'a year'}`
		const settingLabel = labelOf(settings, v.setting).toLowerCase()
		// "Dementia care assistant", but not "Dementia registered manager".
		const generic =
			/^(care|carer|support|healthcare|home carer|nurse|staff nurse)\b/i.test(base) && !/night/i.test(base)
		const sameWords = (a: string, b: string) =>
			a
				.toLowerCase()
				.split(/\W+/)
				.some((w) => w.length > 3 && b.toLowerCase().includes(w))
		return weighted(rand, [
			[base, 40],
			[`${base} – ${v.specialism.phrase}`, sameWords(v.specialism.phrase, base) ? 0 : 14],
			[`${v.specialism.adjective} ${lowerFirst(base)}`, generic ? 10 : 0],
			[`${base} – ${settingLabel}`, sameWords(settingLabel, base) || v.setting === 'personal-assistant' ? 0 : 8],
			[base.endsWith(')') ? `${base} – ${shift}` : `${base} (${shift})`, v.nights ? 25 : 9],
			[`${base} – ${v.town}`, 8],
			[`${base} – ${pay}`, 5],
			[`${base} – £500 welcome bonus`, 2],
			[`${base}, ${v.partTime ? 'part-time' : 'full-time'}, ${v.town}`, 4],
		])
	}

	function makeDescription(v: {
		provider: ProviderPlan
		role: string
		roleDescription: string
		town: string
		setting: string
		specialism: (typeof specialisms)[string]
		plan: RolePlan
		nights: boolean
		partTime: boolean
		weekends: boolean
		flexible: boolean
		drivingLicenceRequired: boolean
		visaSponsorship: boolean
		standard: ApprenticeshipStandard | null
		hoursPerWeek: number | null
	}) {
		const isPa = v.setting === 'personal-assistant'
		const parts: string[] = []
		parts.push(isPa ? v.provider.about : pick(rand, intros)(v.provider.name, lowerFirst(v.role), v.town))
		if (isPa) parts.push(pick(rand, paWishes))
		else {
			parts.push(pick(rand, v.specialism.sentences))
			parts.push(rand() < 0.3 ? `About the role: ${v.roleDescription}` : pick(rand, cultureSentences))
		}
		parts.push(
			`What you will do:\n${some(rand, v.plan.duties, between(rand, 2, 4))
				.map((d) => `• ${upperFirst(d)}`)
				.join('\n')}`,
		)
		const hours = v.hoursPerWeek ? `${v.hoursPerWeek} hours a week` : 'hours to suit you'
		parts.push(
			v.nights
				? `This role is on nights (${hours}), with a night enhancement on top of the base rate.`
				: v.partTime
					? `Part-time, ${hours}, to fit around family and studies; tell us what works for you.`
					: v.weekends
						? `Full-time, ${hours}, including alternate weekends. Rotas are planned four weeks ahead.`
						: `Full-time, ${hours}. Shifts are planned four weeks ahead so you can plan your life around work.`,
		)
		if (v.flexible)
			parts.push(
				pick(rand, [
					'We are flexible about hours: school-hours and term-time patterns are possible.',
					'Choose the shifts that suit you through our app.',
				]),
			)
		if (v.drivingLicenceRequired) {
			parts.push(
				isPa
					? pick(rand, [
							'You will need to drive, ideally in your own car, to take me to appointments and out and about.',
							'A driving licence is essential: you will drive my adapted car.',
						])
					: v.setting === 'home-care'
						? pick(rand, [
								'You will need a full UK driving licence and your own car; mileage is paid.',
								'Drivers only, please: calls are spread across rural villages.',
							])
						: pick(rand, [
								'A driving licence and access to a car are essential for this role.',
								'You will need to drive to visit people across the area.',
							]),
			)
		} else if (v.setting === 'home-care') parts.push('No car? Our walking and cycling rounds in town may suit you.')
		if (v.standard) {
			parts.push(
				`This is an apprenticeship: you will work towards the ${v.standard.title} standard (level ${v.standard.level}, ${v.standard.reference})${v.standard.on_programme_qualification ? `, including the ${v.standard.on_programme_qualification}` : ''}, with at least 20% of your paid hours for off-the-job training.`,
			)
		}
		if (v.visaSponsorship) parts.push('We can offer Skilled Worker visa sponsorship to the right candidate.')
		if (isPa)
			parts.push(
				pick(rand, [
					'I pay through a payroll service, with holiday pay and a pension.',
					'Paid through my direct payment, with holiday pay, a pension and training.',
				]),
			)
		else
			parts.push(
				`What we offer:\n${some(rand, benefits, between(rand, 2, 5))
					.map((b) => `• ${b}`)
					.join('\n')}`,
			)
		parts.push(isPa ? 'If you would like to meet for a cup of tea first, just say.' : pick(rand, closings))
		return parts.join('\n\n')
	}

	return {
		seed,
		now,
		districts: districts.length,
		providers: providers.map(({ district: _d, focus: _f, vacancyCount: _c, ...row }) => row) as BenchProvider[],
		vacancies,
	}
}
