import { notifyEmailOutbox, queueEmail } from '#app/background/email-outbox.server.ts'
import { availabilityOptions, candidateQualifications } from '#app/models/applications/vocabulary.ts'
import { roleName } from '#app/models/jobs/care-roles.server.ts'
import { resolvePlace } from '#app/models/places/places.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { DomainError } from '#app/utils/domain-error.ts'
import { publicUrl } from '#app/utils/env.server.ts'
import { labelOf } from '#app/utils/options.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as poolSearchMatches from '#emails/templates/pool-search-matches.tsx'
import { PoolSearchSchema, requireVerifiedProvider, searchPool, type PoolSearch } from './talent-pool.server.ts'

// A verified provider's saved talent-pool search, emailed weekly when new
// candidates match it. The email says how many and links to the search: who
// they are stays hidden, as on the page, until they accept an invitation and apply.

export const MAX_POOL_SEARCHES = 10

const orList = (items: string[]) =>
	items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`

/** "Care worker or support worker candidates within 10 miles of Norwich: can work nights, drives with a car". */
export function describePoolSearch(search: PoolSearch) {
	const place = search.where ? resolvePlace(search.where) : null
	const roles = orList(search.role.map((id) => roleName(id).toLowerCase()))
	const near = place?.ok
		? ` within ${search.radius} ${search.radius === 1 ? 'mile' : 'miles'} of ${place.place.label}`
		: ''
	const conditions = [
		...(search.availability.length
			? [`can work ${search.availability.map((a) => labelOf(availabilityOptions, a).toLowerCase()).join(' and ')}`]
			: []),
		...(search.driving ? ['drives, with a car'] : []),
		...search.qualification.map((q) => `has ${labelOf(candidateQualifications, q)}`),
	]
	const text = `${roles ? `${roles} candidates` : 'candidates'}${near}${conditions.length ? `: ${conditions.join(', ')}` : ''}`
	return text.charAt(0).toUpperCase() + text.slice(1)
}

export function poolSearchQuery(search: PoolSearch) {
	const params = new URLSearchParams()
	if (search.where) params.set('where', search.where)
	if (search.where) params.set('radius', String(search.radius))
	for (const role of search.role) params.append('role', role)
	for (const a of search.availability) params.append('availability', a)
	if (search.driving) params.set('driving', '1')
	for (const q of search.qualification) params.append('qualification', q)
	return params.toString()
}

export function readPoolSearch(query: string) {
	const params = new URLSearchParams(query)
	return PoolSearchSchema.parse({
		...Object.fromEntries(params),
		role: params.getAll('role'),
		availability: params.getAll('availability'),
		qualification: params.getAll('qualification'),
	})
}

/** Saves the search; the candidates it finds now count as seen, so the first email is only of new ones. */
export async function savePoolSearch(providerId: string, userId: string, search: PoolSearch) {
	if (!(await requireVerifiedProvider(providerId)))
		throw new DomainError('Only verified employers can search the talent pool')
	const query = poolSearchQuery(search)
	const existing = await prisma.poolSearchAlert.findFirst({ where: { providerId, userId, query } })
	if (existing) return existing
	if ((await prisma.poolSearchAlert.count({ where: { providerId } })) >= MAX_POOL_SEARCHES)
		throw new DomainError(
			`Your organisation already has ${MAX_POOL_SEARCHES} saved searches. Stop the emails for one you no longer need first.`,
		)
	const found = await searchPool(providerId, search)
	if (found.placeError) throw new DomainError(found.placeError, { field: 'where', status: 400 })
	return prisma.poolSearchAlert.create({
		data: {
			providerId,
			userId,
			query,
			description: describePoolSearch(search),
			seen: { create: found.cards.map((c) => ({ poolId: c.poolId })) },
		},
	})
}

export async function listPoolSearches(providerId: string) {
	return prisma.poolSearchAlert.findMany({
		where: { providerId },
		orderBy: { createdAt: 'asc' },
		select: {
			id: true,
			description: true,
			query: true,
			lastSentAt: true,
			user: { select: { name: true, email: true } },
		},
	})
}

export async function deletePoolSearch(providerId: string, alertId: string) {
	await prisma.poolSearchAlert.deleteMany({ where: { id: alertId, providerId } })
}

/**
 * The weekly email: for each saved search of a provider that is still verified,
 * by someone still on its team, the candidates who match now and were not seen
 * before. Nothing is sent when there is nobody new.
 */
export async function sendPoolSearchAlerts(now = new Date()) {
	const alerts = await prisma.poolSearchAlert.findMany({
		where: { provider: { verifiedAt: { not: null } } },
		select: {
			id: true,
			providerId: true,
			userId: true,
			query: true,
			description: true,
			user: { select: { email: true, memberships: { select: { providerId: true } } } },
			seen: { select: { poolId: true } },
		},
	})
	let emailed = 0
	for (const alert of alerts) {
		// Someone who has left the team gets nothing more; the search stays for the team to see and stop.
		if (!alert.user.memberships.some((m) => m.providerId === alert.providerId)) continue
		const found = await searchPool(alert.providerId, readPoolSearch(alert.query))
		const seen = new Set(alert.seen.map((s) => s.poolId))
		const fresh = found.cards.filter((c) => !seen.has(c.poolId))
		if (!fresh.length) continue
		const email = await renderEmail(poolSearchMatches, {
			description: alert.description,
			count: fresh.length,
			searchUrl: `${publicUrl()}/provider/talent-pool${alert.query ? `?${alert.query}` : ''}`,
		})
		await prisma.$transaction(async (tx) => {
			await tx.poolAlertSeen.createMany({ data: fresh.map((c) => ({ alertId: alert.id, poolId: c.poolId })) })
			await tx.poolSearchAlert.update({ where: { id: alert.id }, data: { lastSentAt: now } })
			await queueEmail(tx, { key: `pool-search:${alert.id}:${now.getTime()}`, to: alert.user.email, ...email })
		})
		emailed++
	}
	if (emailed) notifyEmailOutbox()
	return { alerts: alerts.length, emailed }
}
