import careRolesData from '#app/data/care-roles.json' with { type: 'json' }
import {
	apprenticeshipStandards,
	careRoles,
	getRole,
	getStandard,
	roleName,
} from '#app/models/jobs/care-roles.server.ts'
import { hourlyEquivalent, type PayPeriod } from '#app/models/jobs/pay.ts'
import { liveVacancyWhere } from '#app/models/jobs/vacancy-rules.server.ts'
import { resolvePlace } from '#app/models/places/places.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { quartiles } from '#app/utils/stats.ts'
import { capitalise } from '#app/utils/validation.ts'
import { defaultQuery } from '#search/query.ts'
import { searchVacancies } from '#search/search.server.ts'

const qualificationNames = new Map(
	(careRolesData.qualifications as Array<{ id: string; name: string }>).map((q) => [q.id, q.name]),
)

// The pathway map's columns, from a first taste of care to management. Health roles sit
// beside social care ones: people move between them.
export const pathwayStages: Array<{ title: string; roles: string[] }> = [
	{ title: 'Trying care', roles: ['volunteering'] },
	{
		title: 'Starting out',
		roles: ['care-worker', 'support-worker', 'personal-assistant', 'activities-worker', 'nursing-assistant'],
	},
	{
		title: 'Experienced',
		roles: [
			'senior-care-worker',
			'community-support-outreach-worker',
			'occupational-therapist-assistant',
			'nursing-associate',
			'supervisor',
			'care-coordinator',
		],
	},
	{
		title: 'Senior and specialist',
		roles: [
			'team-leader',
			'registered-nurse',
			'occupational-therapist',
			'social-worker',
			'assessment-officer',
			'safeguarding-reviewing-officer',
			'learning-development-lead',
		],
	},
	{
		title: 'Leading and managing',
		roles: ['deputy-manager', 'registered-manager', 'middle-management', 'senior-management'],
	},
]

export const healthRoles = new Set([
	'nursing-assistant',
	'nursing-associate',
	'registered-nurse',
	'occupational-therapist-assistant',
	'occupational-therapist',
])

// Volunteering is a way in, not a job role: it has no page of its own.
const volunteering = {
	id: 'volunteering',
	name: 'Volunteering',
	next_roles: ['care-worker', 'support-worker', 'activities-worker'],
	description:
		'Volunteering at a day centre, care home or befriending service is a way to try care before applying for paid work.',
}

function stageOf(roleId: string) {
	return pathwayStages.findIndex((s) => s.roles.includes(roleId))
}

/** Nodes and forward links for the pathway map; the list version uses the same data. */
export function pathwayMap() {
	const nodes = pathwayStages.flatMap((stage, column) =>
		stage.roles.map((id, row) => ({
			id,
			name: id === 'volunteering' ? volunteering.name : roleName(id),
			column,
			row,
			health: healthRoles.has(id),
			hasPage: id !== 'volunteering',
		})),
	)
	const nextOf = (id: string) => (id === 'volunteering' ? volunteering.next_roles : (getRole(id)?.next_roles ?? []))
	const links = nodes.flatMap((node) =>
		nextOf(node.id)
			.filter((to) => stageOf(to) >= 0)
			.map((to) => ({ from: node.id, to })),
	)
	return {
		stages: pathwayStages.map((s) => s.title),
		nodes,
		links,
		list: pathwayStages.map((stage) => ({
			title: stage.title,
			roles: stage.roles.map((id) => ({
				id,
				name: id === 'volunteering' ? volunteering.name : roleName(id),
				hasPage: id !== 'volunteering',
				leadsTo: nextOf(id).map((to) => ({ id: to, name: roleName(to) })),
			})),
		})),
	}
}

/** Roles whose next step is this one. */
export function comesFrom(roleId: string) {
	const from = careRoles.filter((r) => r.next_roles.includes(roleId)).map((r) => ({ id: r.id, name: r.name }))
	if (volunteering.next_roles.includes(roleId)) from.unshift({ id: 'volunteering', name: volunteering.name })
	return from
}

/**
 * Hourly pay for a role across the region's live vacancies: each vacancy counts
 * once, at the middle of its range (salaries by their hourly equivalent). Pence.
 */
export async function payForRole(roleId: string, now = new Date()) {
	const rows = await prisma.vacancy.findMany({
		where: { ...liveVacancyWhere(now), roleId },
		select: { payPeriod: true, payMin: true, payMax: true, hoursPerWeek: true },
	})
	const hourly = rows.map((v) => {
		const min = hourlyEquivalent(v.payPeriod as PayPeriod, v.payMin, v.hoursPerWeek)
		const max = hourlyEquivalent(v.payPeriod as PayPeriod, v.payMax, v.hoursPerWeek)
		return (min + max) / 2
	})
	return quartiles(hourly)
}

export async function openVacanciesForRole(roleId: string, where: string, radius: number) {
	const lookup = where ? resolvePlace(where) : null
	const centre = lookup?.ok ? { lat: lookup.place.lat, lng: lookup.place.lng } : null
	const result = await searchVacancies(defaultQuery({ roles: [roleId], centre, radiusMiles: radius, perPage: 1 }))
	return {
		total: result.total,
		placeLabel: lookup?.ok ? lookup.place.label : null,
		placeError: lookup && !lookup.ok ? lookup.message : null,
		suggestions: lookup && !lookup.ok ? lookup.suggestions : [],
	}
}

export function roleDetails(roleId: string) {
	const role = getRole(roleId)
	if (!role) return null
	return {
		id: role.id,
		name: role.name,
		alsoKnownAs: role.also_known_as ?? [],
		description: role.description,
		typicalEntry: role.typical_entry,
		qualifications: (role.qualifications_to_progress ?? []).map((id) => qualificationNames.get(id) ?? id),
		apprenticeships: (role.apprenticeships ?? [])
			.map(getStandard)
			.filter((s): s is NonNullable<typeof s> => Boolean(s))
			.map((s) => ({ reference: s.reference, title: s.title, level: s.level })),
		leadsTo: role.next_roles.map((id) => ({ id, name: roleName(id) })),
		comesFrom: comesFrom(role.id),
		health: healthRoles.has(role.id),
		entryRole: stageOf(role.id) === 1,
	}
}

/**
 * The data's durations and qualifications in plain words: its notes on where a
 * figure came from are for us, not for someone choosing an apprenticeship.
 */
export function plainApprenticeshipText(text: string) {
	return capitalise(
		text
			.replace(/\s*\((?:[^)]*(?:reported|EPA|summary|version)[^)]*)\)/gi, '')
			.replace(/, (\d+)-month EPA period/i, ', then a $1-month end-point assessment')
			.replace(/ to gateway/i, ' of training before the end-point assessment')
			.replace(/^none mandatory/i, 'no set qualification')
			.replace(/(\d)-(\d)/g, '$1–$2')
			.trim(),
	)
}

/** Every apprenticeship standard with its live vacancies in the region. */
export async function apprenticeshipsWithVacancies(now = new Date()) {
	const vacancies = await prisma.vacancy.findMany({
		where: { ...liveVacancyWhere(now), apprenticeship: true },
		orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
		select: { id: true, title: true, town: true, standardRef: true, provider: { select: { name: true } } },
	})
	return apprenticeshipStandards.map((s) => {
		const live = vacancies.filter((v) => v.standardRef === s.reference)
		return {
			reference: s.reference,
			title: s.title,
			level: s.level,
			duration: s.typical_duration ? plainApprenticeshipText(s.typical_duration) : null,
			qualification: s.on_programme_qualification ? plainApprenticeshipText(s.on_programme_qualification) : null,
			jobTitles: s.typical_job_titles,
			leadsTo: (s.progression ?? [])
				.map(getStandard)
				.filter((p): p is NonNullable<typeof p> => Boolean(p))
				.map((p) => ({ reference: p.reference, title: p.title, level: p.level })),
			roles: (s.portal_roles ?? []).map((id) => ({ id, name: roleName(id) })),
			liveCount: live.length,
			examples: live
				.slice(0, 3)
				.map((v) => ({ id: v.id, title: v.title, town: v.town, providerName: v.provider.name })),
		}
	})
}
