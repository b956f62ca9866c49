/**
 * Demo data for a fresh database: about 40 providers across Norfolk and Waveney
 * and about 300 live vacancies. Deterministic (a seeded random sequence), so
 * every fresh clone shows the same portal. Run by start-up when the database has
 * no providers; `npm run db:seed` runs it by hand.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { notifySearchOutbox, recordVacancyChange } from '#app/background/search-outbox.server.ts'
import { careRoles, getStandard } from '#app/models/jobs/care-roles.server.ts'
import { drivingCue } from '#app/models/jobs/vacancy-rules.server.ts'
import { locateWorkplace } from '#app/models/places/places.server.ts'
import { consentWording, type ConsentKind } from '#app/models/redirect/consent.server.ts'
import { hashPassword } from '#app/utils/auth.server.ts'
import { addDays, endOfLondonDayIn } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import { seedCareersDemo } from './seed-careers.ts'
import { demoOutcode, demoPostcode, demoText, demoTown } from './seed-region.ts'

export const DEMO_PASSWORD = 'care-careers-demo'
// Demo candidates have reserved example.* addresses; the local mailbox is the only place their email goes.
export const DEMO_ACCOUNTS = [
	{ email: 'manager@wensum-lodge.example', provider: 'Wensum Lodge Care Home' },
	{ email: 'margaret@pa-employer.example', provider: 'Margaret (individual employer)' },
]
export const DEMO_ADMIN = 'admin@carecareers.example'

// Candidates with applications to Wensum Lodge, so its team has applicants to work with.
const demoCandidates = [
	{
		email: 'sam.taylor@candidate.example',
		firstName: 'Sam',
		lastName: 'Taylor',
		postcode: 'NR3 2AB',
		stage: 'new',
		password: true,
		consents: ['redirect', 'talent-pool'],
	},
	{
		email: 'priya.shah@candidate.example',
		firstName: 'Priya',
		lastName: 'Shah',
		postcode: 'NR5 9CD',
		stage: 'reviewing',
		password: false,
		consents: ['talent-pool'],
	},
	{
		email: 'jo.adeyemi@candidate.example',
		firstName: 'Jo',
		lastName: 'Adeyemi',
		postcode: 'NR18 0EF',
		stage: 'new',
		password: false,
		consents: [],
	},
]

// People in the talent pool who have not applied anywhere yet.
const poolCandidates: Array<[first: string, last: string, postcode: string, roles: string[], experience: string]> = [
	['Alex', 'Reed', 'NR30 2AA', ['care-worker'], 'none'],
	['Bea', 'Clarke', 'NR32 1BB', ['support-worker', 'care-worker'], '1-2'],
	['Chris', 'Okafor', 'PE30 4CC', ['senior-care-worker'], '3-5'],
	['Dana', 'Price', 'NR19 1DD', ['care-worker', 'nursing-assistant'], 'under-1'],
	['Eli', 'Moss', 'IP24 2EE', ['support-worker'], 'none'],
	['Fay', 'Hughes', 'NR27 9FF', ['registered-nurse'], 'over-5'],
	['Gus', 'Mensah', 'NR2 3GG', ['personal-assistant', 'care-worker'], '1-2'],
	['Hana', 'Kowalska', 'NR31 6HH', ['nursing-assistant'], '3-5'],
	['Ivo', 'Brennan', 'IP22 4JJ', ['activities-worker'], 'under-1'],
	['Jas', 'Singh', 'NR28 0KK', ['care-worker'], 'none'],
	['Kim', 'Foster', 'NR34 9LL', ['team-leader', 'senior-care-worker'], 'over-5'],
	['Lee', 'Watts', 'PE37 7MM', ['support-worker'], '1-2'],
]

function random(seed: number) {
	// mulberry32: a tiny, well-known seeded generator; demo data must not change between runs.
	return () => {
		seed |= 0
		seed = (seed + 0x6d2b79f5) | 0
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

type Town = { name: string; outcode: string }

// Towns and villages across Norfolk and Waveney, each with a postcode district it lies in.
const towns: Town[] = [
	{ name: 'Norwich', outcode: 'NR1' },
	{ name: 'Norwich', outcode: 'NR3' },
	{ name: 'Norwich', outcode: 'NR4' },
	{ name: 'Great Yarmouth', outcode: 'NR30' },
	{ name: 'Gorleston-on-Sea', outcode: 'NR31' },
	{ name: 'Lowestoft', outcode: 'NR32' },
	{ name: 'Lowestoft', outcode: 'NR33' },
	{ name: "King's Lynn", outcode: 'PE30' },
	{ name: 'Thetford', outcode: 'IP24' },
	{ name: 'Dereham', outcode: 'NR19' },
	{ name: 'Wymondham', outcode: 'NR18' },
	{ name: 'Attleborough', outcode: 'NR17' },
	{ name: 'Aylsham', outcode: 'NR11' },
	{ name: 'Cromer', outcode: 'NR27' },
	{ name: 'North Walsham', outcode: 'NR28' },
	{ name: 'Fakenham', outcode: 'NR21' },
	{ name: 'Diss', outcode: 'IP22' },
	{ name: 'Swaffham', outcode: 'PE37' },
	{ name: 'Downham Market', outcode: 'PE38' },
	{ name: 'Hunstanton', outcode: 'PE36' },
	{ name: 'Holt', outcode: 'NR25' },
	{ name: 'Sheringham', outcode: 'NR26' },
	{ name: 'Watton', outcode: 'IP25' },
	{ name: 'Harleston', outcode: 'IP20' },
	{ name: 'Beccles', outcode: 'NR34' },
	{ name: 'Bungay', outcode: 'NR35' },
	{ name: 'Halesworth', outcode: 'IP19' },
	{ name: 'Southwold', outcode: 'IP18' },
	{ name: 'Acle', outcode: 'NR13' },
	{ name: 'Stalham', outcode: 'NR12' },
	{ name: 'Loddon', outcode: 'NR14' },
	{ name: 'Long Stratton', outcode: 'NR15' },
	{ name: 'Taverham', outcode: 'NR8' },
	{ name: 'Hethersett', outcode: 'NR9' },
	{ name: 'Caister-on-Sea', outcode: 'NR30' },
	{ name: 'Wells-next-the-Sea', outcode: 'NR23' },
	{ name: 'Reepham', outcode: 'NR10' },
]

type ProviderSeed = { name: string; type: string; town: number; cqc?: boolean; vacancies: number; about: string }

const careHomeNames = [
	'Wensum Lodge Care Home',
	'Yare Valley House',
	'The Beeches Residential Home',
	'Marram Court',
	'Broadland Meadows',
	'Saxon House',
	'Holly Tree Lodge',
	'Cedar Gardens',
	'Bure View',
	'Waveney Grange',
	'Seaview Court',
	'Priory Fields',
	'Mill House Residential Care',
	'The Old Rectory',
]
const nursingHomeNames = [
	'Oak Tree Nursing Home',
	'St Benet’s Nursing Centre',
	'Rosewood Nursing Home',
	'Kingfisher Nursing Home',
	'Fenland Lodge Nursing Home',
]
const homeCareNames = [
	'Broadland Home Care',
	'Coastline Care at Home',
	'Waveney Home Support',
	'Breckland Care Services',
	'North Norfolk Homecare',
	'Fine City Home Care',
	'West Norfolk Community Care',
	'South Norfolk Care Partners',
]
const supportedLivingNames = [
	'Pathways Supported Living',
	'Open Doors Community Support',
	'Harbour Supported Living',
	'Horizons Support Services',
	'Riverside Independent Living',
]
const dayServiceNames = ['Sunflower Day Centre', 'Meadow View Day Opportunities', 'The Hub Day Service']

const providerSeeds: ProviderSeed[] = [
	...careHomeNames.map((name, i) => ({
		name,
		type: 'care-home',
		town: [0, 3, 5, 7, 8, 9, 10, 12, 13, 14, 24, 26, 15, 20][i],
		cqc: true,
		vacancies: 8,
		about: `${name} is a family-run residential home for older people, many living with dementia. We are a small, friendly team and we train everyone who joins us, from their first day.`,
	})),
	...nursingHomeNames.map((name, i) => ({
		name,
		type: 'nursing-home',
		town: [1, 21, 6, 17, 18][i],
		cqc: true,
		vacancies: 8,
		about: `${name} provides nursing and residential care for adults with complex health needs, with registered nurses on duty day and night.`,
	})),
	...homeCareNames.map((name, i) => ({
		name,
		type: 'home-care',
		town: [2, 4, 25, 16, 11, 0, 19, 31][i],
		cqc: true,
		vacancies: 9,
		about: `${name} supports people to live well in their own homes, with visits from 15 minutes to live-in care. Rounds are planned so you spend time with people, not on the road.`,
	})),
	...supportedLivingNames.map((name, i) => ({
		name,
		type: 'supported-living',
		town: [1, 23, 27, 29, 32][i],
		cqc: true,
		vacancies: 6,
		about: `${name} supports adults with learning disabilities, autism and mental health needs to live in their own homes and take part in their communities.`,
	})),
	...dayServiceNames.map((name, i) => ({
		name,
		type: 'day-service',
		town: [22, 28, 30][i],
		vacancies: 3,
		about: `${name} offers day activities, skills and friendship for adults with learning disabilities and older people, Monday to Friday.`,
	})),
	{
		name: 'Norfolk Coast and Broads NHS Foundation Trust (demo)',
		type: 'nhs-trust',
		town: 0,
		vacancies: 18,
		about: 'An NHS trust running acute hospital and community health services. Demo data: not a real organisation.',
	},
	{
		name: 'Waveney Community Health NHS Trust (demo)',
		type: 'nhs-trust',
		town: 6,
		vacancies: 18,
		about:
			'An NHS trust providing community nursing, therapy and mental health services. Demo data: not a real organisation.',
	},
	{
		name: 'Margaret (individual employer)',
		type: 'individual-employer',
		town: 12,
		vacancies: 1,
		about:
			'I am 78 and live on my own with my cat. I am looking for a cheerful Personal Assistant to help me with mornings and getting out and about.',
	},
	{
		name: 'Tom and Priya (individual employers)',
		type: 'individual-employer',
		town: 20,
		vacancies: 1,
		about:
			'We are looking for a Personal Assistant for our son, who is 24, loves music and swimming, and has a learning disability.',
	},
	{
		name: 'David (individual employer)',
		type: 'individual-employer',
		town: 33,
		vacancies: 2,
		about:
			'I use a wheelchair after a spinal injury and employ a small team of Personal Assistants through my direct payment.',
	},
]

type RoleSeed = {
	titles: string[]
	pay: [number, number] | { annual: [number, number] }
	apprenticeship?: string
	sponsorship?: number
}

const rolePlans: Record<string, RoleSeed> = {
	'care-worker': {
		titles: ['Care assistant', 'Care worker', 'Carer', 'Night care assistant', 'Home carer'],
		pay: [1275, 1450],
		apprenticeship: 'ST0005',
		sponsorship: 0.15,
	},
	'support-worker': {
		titles: ['Support worker', 'Learning disability support worker', 'Mental health support worker'],
		pay: [1280, 1460],
		apprenticeship: 'ST0005',
	},
	'community-support-outreach-worker': {
		titles: ['Community outreach worker', 'Community support worker'],
		pay: [1350, 1550],
	},
	'personal-assistant': { titles: ['Personal Assistant', 'Personal Assistant (PA)'], pay: [1300, 1550] },
	'senior-care-worker': {
		titles: ['Senior care assistant', 'Senior carer', 'Senior support worker'],
		pay: [1380, 1620],
		apprenticeship: 'ST0006',
		sponsorship: 0.25,
	},
	'activities-worker': { titles: ['Activities co-ordinator', 'Wellbeing co-ordinator'], pay: [1290, 1420] },
	'team-leader': { titles: ['Team leader', 'Care team leader'], pay: [1450, 1720], apprenticeship: 'ST0007' },
	supervisor: { titles: ['Care supervisor', 'Field care supervisor'], pay: [1420, 1620] },
	'care-coordinator': { titles: ['Care co-ordinator', 'Scheduling co-ordinator'], pay: { annual: [26_500, 30_500] } },
	'deputy-manager': {
		titles: ['Deputy manager', 'Deputy home manager'],
		pay: { annual: [32_000, 38_500] },
		apprenticeship: 'ST0008',
	},
	'registered-manager': { titles: ['Registered manager', 'Home manager'], pay: { annual: [42_000, 55_000] } },
	'nursing-assistant': {
		titles: ['Healthcare assistant', 'Nursing assistant', 'HCA (nights)'],
		pay: [1275, 1470],
		apprenticeship: 'ST0216',
	},
	'nursing-associate': {
		titles: ['Nursing associate', 'Trainee nursing associate'],
		pay: { annual: [27_500, 31_500] },
		apprenticeship: 'ST0827',
	},
	'registered-nurse': {
		titles: ['Registered nurse (RGN)', 'Staff nurse', 'Night nurse (RGN)'],
		pay: [2050, 2450],
		apprenticeship: 'ST0781',
		sponsorship: 0.6,
	},
	'occupational-therapist-assistant': {
		titles: ['Occupational therapy assistant', 'Reablement worker'],
		pay: [1300, 1500],
	},
	'occupational-therapist': {
		titles: ['Occupational therapist'],
		pay: { annual: [31_000, 38_000] },
		apprenticeship: 'ST0517',
		sponsorship: 0.4,
	},
	'social-worker': {
		titles: ['Social worker', 'Mental health social worker'],
		pay: { annual: [34_000, 43_000] },
		apprenticeship: 'ST0510',
		sponsorship: 0.3,
	},
	'assessment-officer': {
		titles: ['Community care assessor', 'Assessment officer'],
		pay: { annual: [27_500, 32_000] },
	},
	'safeguarding-reviewing-officer': {
		titles: ['Safeguarding and reviewing officer'],
		pay: { annual: [38_000, 44_000] },
	},
	'learning-development-lead': {
		titles: ['Learning and development lead', 'Care trainer'],
		pay: { annual: [31_000, 37_000] },
	},
	'middle-management': { titles: ['Area manager', 'Operations manager'], pay: { annual: [45_000, 55_000] } },
	'senior-management': { titles: ['Director of care', 'Head of operations'], pay: { annual: [60_000, 75_000] } },
}

const rolesBySetting: Record<string, Array<[string, number]>> = {
	'care-home': [
		['care-worker', 10],
		['senior-care-worker', 4],
		['team-leader', 2],
		['activities-worker', 2],
		['deputy-manager', 1],
		['registered-manager', 1],
		['learning-development-lead', 0.3],
	],
	'nursing-home': [
		['care-worker', 6],
		['nursing-assistant', 4],
		['registered-nurse', 4],
		['nursing-associate', 2],
		['deputy-manager', 1],
		['activities-worker', 1],
	],
	'home-care': [
		['care-worker', 12],
		['senior-care-worker', 3],
		['care-coordinator', 2],
		['supervisor', 2],
		['registered-manager', 0.5],
		['middle-management', 0.5],
		['senior-management', 0.3],
	],
	'supported-living': [
		['support-worker', 10],
		['senior-care-worker', 2],
		['team-leader', 2],
		['community-support-outreach-worker', 2],
		['deputy-manager', 0.5],
	],
	'day-service': [
		['support-worker', 3],
		['activities-worker', 2],
		['team-leader', 1],
	],
	'hospital-nhs': [
		['nursing-assistant', 5],
		['registered-nurse', 4],
		['nursing-associate', 2],
		['occupational-therapist-assistant', 2],
		['occupational-therapist', 2],
		['social-worker', 2],
		['assessment-officer', 1],
		['safeguarding-reviewing-officer', 1],
		['learning-development-lead', 1],
		['middle-management', 0.5],
	],
	'personal-assistant': [['personal-assistant', 1]],
}

const settingFor: Record<string, string> = {
	'care-home': 'care-home',
	'nursing-home': 'nursing-home',
	'home-care': 'home-care',
	'supported-living': 'supported-living',
	'day-service': 'day-service',
	'nhs-trust': 'hospital-nhs',
	'individual-employer': 'personal-assistant',
}

const benefits = [
	'Paid training, including the Care Certificate',
	'We pay for your DBS check',
	'28 days’ holiday including bank holidays, rising with service',
	'Workplace pension',
	'Free meals on shift',
	'Mileage paid at 45p a mile and paid travel time',
	'Blue Light Card discounts',
	'Employee assistance programme and wellbeing support',
	'£300 refer-a-friend bonus',
	'Uniform provided',
	'Funded Level 2 and Level 3 diplomas',
	'Paid breaks',
	'Weekly pay available',
]

function pick<T>(rand: () => number, items: readonly T[]) {
	return items[Math.floor(rand() * items.length)]
}

function weighted(rand: () => number, items: Array<[string, number]>) {
	const total = items.reduce((sum, [, w]) => sum + w, 0)
	let r = rand() * total
	for (const [item, w] of items) {
		if ((r -= w) <= 0) return item
	}
	return items[items.length - 1][0]
}

function postcodeIn(rand: () => number, outcode: string) {
	const letters = 'ABDEFGHJLNPQRSTUWXYZ'
	return `${outcode} ${Math.floor(rand() * 9) + 1}${pick(rand, [...letters])}${pick(rand, [...letters])}`
}

const streets = [
	'Church Lane',
	'The Street',
	'Station Road',
	'Mill Road',
	'High Street',
	'Norwich Road',
	'London Road',
	'Yarmouth Road',
	'School Lane',
	'Market Place',
]

function roundTo(value: number, step: number) {
	return Math.round(value / step) * step
}

/** Writes the demo providers, accounts and vacancies. Only for an empty database. */
export async function seedDemoData(now = new Date()) {
	const rand = random(20261123)
	const passwordHash = await hashPassword(DEMO_PASSWORD)
	const vacancies: Array<Record<string, unknown>> = []
	const providers: Array<{ id: string; data: Record<string, unknown>; seed: ProviderSeed; town: Town }> = []

	// The same towns and addresses in the configured region (seed-region.ts).
	const townsHere = towns.map((t) => ({ name: demoTown(t.name, t.outcode), outcode: demoOutcode(t.outcode) }))
	for (const [i, seed] of providerSeeds.entries()) {
		const town = townsHere[seed.town]
		const name = demoText(seed.name, towns[seed.town].outcode)
		const postcode = postcodeIn(rand, town.outcode)
		const id = `demo-provider-${String(i + 1).padStart(2, '0')}`
		providers.push({
			id,
			seed,
			town,
			data: {
				id,
				name,
				type: seed.type,
				cqcLocationId: seed.cqc ? `1-${100000000 + Math.floor(rand() * 899999999)}` : null,
				addressLine1: `${Math.floor(rand() * 120) + 1} ${pick(rand, streets)}`,
				town: town.name,
				postcode,
				website:
					seed.type === 'individual-employer'
						? null
						: `https://www.${name
								.toLowerCase()
								.replace(/[^a-z]+/g, '-')
								.replace(/^-|-$/g, '')}.example`,
				about: demoText(seed.about, towns[seed.town].outcode),
				verifiedAt: seed.cqc || seed.type === 'nhs-trust' ? now : null,
			},
		})
	}

	const uncovered = new Set(careRoles.map((r) => r.id))
	for (const provider of providers) {
		const setting = settingFor[provider.seed.type]
		for (let n = 0; n < provider.seed.vacancies; n++) {
			// The first vacancies walk through every role once, so each role has jobs.
			const missing = rolesBySetting[setting].find(([r]) => uncovered.has(r))?.[0]
			const roleId = missing ?? weighted(rand, rolesBySetting[setting])
			uncovered.delete(roleId)
			const plan = rolePlans[roleId]
			const role = careRoles.find((r) => r.id === roleId)!
			// Home care and NHS community jobs cover several towns around the base.
			const town =
				setting === 'home-care' || setting === 'hospital-nhs'
					? rand() < 0.5
						? provider.town
						: pick(rand, townsHere)
					: provider.town
			const postcode =
				setting === 'personal-assistant' ? (provider.data.postcode as string) : postcodeIn(rand, town.outcode)
			const located = locateWorkplace(postcode, setting === 'personal-assistant' ? '' : town.name)
			if (!located) throw new Error(`demo postcode ${postcode} cannot be located`)
			const apprenticeship =
				Boolean(plan.apprenticeship) &&
				rand() <
					(roleId === 'care-worker' || roleId === 'support-worker' || roleId === 'nursing-assistant' ? 0.2 : 0.12)
			const standard = apprenticeship ? getStandard(plan.apprenticeship!) : null
			const nights = /night/i.test(plan.titles.join(' ')) ? rand() < 0.35 : rand() < 0.15
			let title = pick(rand, plan.titles)
			if (nights && !/night/i.test(title) && rand() < 0.6) title = `${title} (nights)`
			if (!nights && /night/i.test(title)) title = plan.titles[0]
			// Lower-case the first word only when it is an ordinary word (not HCA or RGN).
			if (apprenticeship)
				title = `Apprentice ${/^[A-Z][a-z]/.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title}`
			const partTime = !apprenticeship && rand() < 0.35
			const fullTime = !partTime || rand() < 0.3
			let payPeriod = 'hour'
			let payMin: number
			let payMax: number
			let hoursPerWeek: number | null = fullTime ? pick(rand, [36, 37.5, 40, 42]) : pick(rand, [16, 20, 24, 30])
			if (apprenticeship) {
				payMin = roundTo(850 + rand() * 350, 5)
				payMax = rand() < 0.5 ? payMin : roundTo(payMin + 50 + rand() * 150, 5)
			} else if (Array.isArray(plan.pay)) {
				payMin = roundTo(plan.pay[0] + rand() * (plan.pay[1] - plan.pay[0]) * 0.6, 5)
				payMax = rand() < 0.45 ? payMin : roundTo(payMin + rand() * (plan.pay[1] - payMin), 5)
				if (setting === 'personal-assistant') hoursPerWeek = pick(rand, [10, 15, 20, 25])
			} else {
				payPeriod = 'year'
				hoursPerWeek = 37.5
				payMin = roundTo(plan.pay.annual[0] + rand() * (plan.pay.annual[1] - plan.pay.annual[0]) * 0.5, 500) * 100
				payMax = rand() < 0.3 ? payMin : roundTo(payMin / 100 + rand() * (plan.pay.annual[1] - payMin / 100), 500) * 100
			}
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
						: weighted(rand, [
								['permanent', 8],
								['bank', 1.5],
								['fixed-term', 0.7],
								['zero-hours', 0.5],
							])
			// An advert whose requirements say a licence is needed says so in its answer too.
			const drivingLicenceRequired =
				(setting === 'home-care' ? rand() < 0.85 : setting === 'personal-assistant' ? rand() < 0.5 : rand() < 0.08) ||
				drivingCue(role.typical_entry.slice(0, 3).join('\n')) === 'needed'
			// Sponsored workers need guaranteed hours: never on bank or zero-hours contracts.
			const visaSponsorship =
				(contract === 'permanent' || contract === 'fixed-term') && rand() < (plan.sponsorship ?? 0.03)
			const chosenBenefits = benefits.filter(() => rand() < 0.35).slice(0, 5)
			const daysAgo = Math.floor(rand() * 30)
			const description = [
				setting === 'personal-assistant'
					? (provider.data.about as string)
					: `${provider.data.name as string} is looking for ${/^[aeiou]/i.test(role.name) ? 'an' : 'a'} ${role.name.toLowerCase()} to join the team in ${town.name}.`,
				pick(rand, [
					'You will be part of a supportive team that puts the people we support first, with a named mentor for your first months.',
					'We are a small team where everyone knows each other, and your ideas about how we work are welcome.',
					'We support people with a wide range of needs, so no two days are the same.',
					'You will get a full induction, shadow shifts with experienced colleagues, and regular supervision.',
				]),
				nights
					? 'This role includes night shifts, with a night enhancement on top of the base rate.'
					: partTime
						? 'Part-time hours to fit around family and studies; tell us what works for you.'
						: 'Shifts are planned four weeks ahead so you can plan your life around work.',
				chosenBenefits.length ? `What we offer:\n${chosenBenefits.map((b) => `• ${b}`).join('\n')}` : '',
			]
				.filter(Boolean)
				.join('\n\n')
			vacancies.push({
				providerId: provider.id,
				status: 'live',
				title,
				roleId,
				setting,
				description,
				requirements: role.typical_entry.slice(0, 3).join('\n'),
				howToApply:
					setting === 'personal-assistant'
						? 'Send a message through the council’s Personal Assistant scheme, or call the number on your direct payment letter and quote this job.'
						: `Call the recruitment team on 01603 ${String(400000 + Math.floor(rand() * 99999)).slice(0, 6)} or email jobs@${String(provider.data.website ?? 'example.example').replace(/^https:\/\/www\./, '')}, quoting “${title}”. Informal visits welcome.`,
				postcode,
				outcode: located.outcode,
				town: town.name,
				lat: located.lat,
				lng: located.lng,
				payPeriod,
				payMin,
				payMax,
				hoursPerWeek,
				fullTime,
				partTime,
				nights,
				weekends: rand() < 0.4,
				flexible: setting === 'home-care' || setting === 'personal-assistant' ? rand() < 0.6 : rand() < 0.2,
				contract,
				apprenticeship,
				standardRef: standard?.reference ?? null,
				apprenticeshipLevel: standard?.level ?? null,
				drivingLicenceRequired,
				visaSponsorship,
				closingDate: endOfLondonDayIn(5 + Math.floor(rand() * 50), now),
				positions: roleId === 'care-worker' || roleId === 'support-worker' ? 1 + Math.floor(rand() * 4) : 1,
				publishedAt: addDays(now, -daysAgo),
				createdAt: addDays(now, -daysAgo - 1),
			})
		}
	}
	// A few drafts and vacancies that closed, as a provider's list would have.
	for (const v of vacancies.slice(0, 12)) {
		vacancies.push({
			...v,
			status: 'closed',
			closedAt: addDays(now, -5),
			closedReason: 'expired',
			closingDate: endOfLondonDayIn(-5, now),
			publishedAt: addDays(now, -40),
		})
	}
	for (const v of vacancies.slice(20, 25)) {
		vacancies.push({ ...v, status: 'draft', publishedAt: null })
	}

	await prisma.$transaction(async (tx) => {
		await tx.provider.createMany({ data: providers.map((p) => p.data as never) })
		for (const account of DEMO_ACCOUNTS) {
			const provider = providers.find((p) => p.seed.name === account.provider)!
			const user = await tx.user.create({
				data: { email: account.email, passwordHash, name: 'Demo account', emailVerifiedAt: now },
			})
			await tx.teamMember.create({ data: { providerId: provider.id, userId: user.id, role: 'owner' } })
		}
		await tx.user.create({
			data: { email: DEMO_ADMIN, passwordHash, name: 'Regional team (demo)', isAdmin: true, emailVerifiedAt: now },
		})
		await tx.vacancy.createMany({ data: vacancies as never })
		const wensum = await tx.vacancy.findMany({
			where: { providerId: providers.find((p) => p.seed.name === DEMO_ACCOUNTS[0].provider)!.id, status: 'live' },
			orderBy: { id: 'asc' },
			take: 2,
		})
		for (const [i, c] of demoCandidates.entries()) {
			const user = await tx.user.create({
				data: {
					email: c.email,
					name: `${c.firstName} ${c.lastName}`,
					passwordHash: c.password ? passwordHash : null,
					emailVerifiedAt: now,
					consents: {
						create: c.consents.map((kind) => ({ kind, wording: consentWording[kind as ConsentKind], source: 'apply' })),
					},
				},
			})
			await tx.candidateProfile.create({
				data: {
					userId: user.id,
					firstName: c.firstName,
					lastName: c.lastName,
					phone: `07700 900${String(100 + i)}`,
					postcode: demoPostcode(c.postcode),
					outcode: demoOutcode(c.postcode.split(' ')[0]),
					rightToWork: 'yes',
					drivingLicence: i !== 1,
					hasCar: i === 0,
					availableDays: true,
					availableWeekends: i !== 2,
					availableNights: i === 1,
					hoursWanted: i === 2 ? 'part-time' : 'full-time',
					roles: ['care-worker', 'support-worker'],
					experienceYears: ['1-2', 'none', '3-5'][i],
					experienceSettings: i === 1 ? [] : ['care-home'],
					qualifications:
						i === 2 ? ['care-certificate', 'level-2-diploma-in-care'] : i === 0 ? ['care-certificate'] : [],
					travelMiles: 10,
				},
			})
			const submittedAt = addDays(now, -(3 - i))
			await tx.application.create({
				data: {
					vacancyId: wensum[i % wensum.length].id,
					candidateId: user.id,
					stage: c.stage,
					submittedAt,
					supportingStatement: 'I looked after my grandmother for two years and would like to make caring my career.',
					events: {
						create: [
							{ stage: 'new', actor: 'candidate', at: submittedAt },
							...(c.stage === 'reviewing'
								? [{ stage: 'reviewing', actor: 'provider', at: addDays(submittedAt, 1) }]
								: []),
						],
					},
				},
			})
		}
		for (const [i, [firstName, lastName, postcode, roles, experienceYears]] of poolCandidates.entries()) {
			await tx.user.create({
				data: {
					email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@pool.example`,
					name: `${firstName} ${lastName}`,
					emailVerifiedAt: now,
					consents: {
						create: [
							{ kind: 'talent-pool', wording: consentWording['talent-pool'], source: 'account' },
							{ kind: 'redirect', wording: consentWording.redirect, source: 'account' },
						],
					},
					candidate: {
						create: {
							firstName,
							lastName,
							phone: `07700 900${String(200 + i)}`,
							postcode: demoPostcode(postcode),
							outcode: demoOutcode(postcode.split(' ')[0]),
							rightToWork: i === 5 ? 'needs-sponsorship' : 'yes',
							drivingLicence: i % 3 !== 0,
							hasCar: i % 3 === 1,
							availableDays: true,
							availableNights: i % 4 === 0,
							availableWeekends: i % 2 === 0,
							hoursWanted: ['full-time', 'part-time', 'either'][i % 3],
							roles,
							experienceYears,
							experienceSettings: experienceYears === 'none' ? [] : ['care-home'],
							qualifications: experienceYears === 'none' ? [] : ['care-certificate'],
							travelMiles: [5, 10, 15, 20][i % 4],
						},
					},
				},
			})
		}
		await seedCareersDemo(tx, passwordHash, now)
		// Index them like any other change (start-up would reconcile anyway).
		const live = await tx.vacancy.findMany({ where: { status: 'live' }, select: { id: true } })
		await recordVacancyChange(
			tx,
			live.map((v) => v.id),
		)
	})
	notifySearchOutbox()
	return { providers: providers.length, vacancies: vacancies.filter((v) => v.status === 'live').length }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const { loadDotEnv } = await import('#app/utils/env.server.ts')
	const { projectRoot } = await import('#app/utils/project-root.server.ts')
	loadDotEnv(projectRoot)
	const { applyMigrations } = await import('./migrate.ts')
	const { databaseUrl } = await import('#app/utils/data-dir.server.ts')
	await applyMigrations(databaseUrl())
	if ((await prisma.provider.count()) > 0) {
		console.log('The database already has providers: not seeding. Delete data/ to start again.')
	} else {
		const result = await seedDemoData()
		console.log(`Seeded ${result.providers} providers and ${result.vacancies} live vacancies.`)
	}
	await prisma.$disconnect()
}
