import { TZDate } from '@date-fns/tz'
import { z } from 'zod'
import { notifyEmailOutbox, queueEmail } from '#app/background/email-outbox.server.ts'
import { applyWithProfile } from '#app/models/applications/applications.server.ts'
import {
	availabilityOptions,
	candidateQualifications,
	experienceOptions,
	hoursWantedOptions,
} from '#app/models/applications/vocabulary.ts'
import { careRoles, roleName } from '#app/models/jobs/care-roles.server.ts'
import { liveVacancyWhere } from '#app/models/jobs/vacancy-rules.server.ts'
import { radiusChoices } from '#app/models/jobs/vocabulary.ts'
import { resolvePlace } from '#app/models/places/places.server.ts'
import { formatDate, londonDateString, LONDON } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import { DomainError, NotFoundError } from '#app/utils/domain-error.ts'
import { getEnv, publicUrl } from '#app/utils/env.server.ts'
import { distanceMiles, formatMiles } from '#app/utils/geo.ts'
import { ids, labelOf } from '#app/utils/options.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as poolInvitationEmail from '#emails/templates/pool-invitation.tsx'
import type { PoolDocument } from '#search/pool-projection.server.ts'
import { searchPoolDocuments } from '#search/pool-search.server.ts'
import { blockProvider, isBlocked } from './consent.server.ts'
import { poolLabel } from './pool-id.server.ts'

export class PoolError extends DomainError {}

const list = <T extends [string, ...string[]]>(values: T) =>
	z
		.preprocess((v) => (v == null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))
		.transform((items) => items.filter((item): item is T[number] => (values as string[]).includes(item)))

export const PoolSearchSchema = z.object({
	where: z.string().trim().max(60).catch('').default(''),
	radius: z.coerce
		.number()
		.refine((r) => (radiusChoices as readonly number[]).includes(r))
		.catch(10)
		.default(10),
	role: list(careRoles.map((r) => r.id) as [string, ...string[]]),
	availability: list(ids(availabilityOptions)),
	driving: z.preprocess((v) => v === '1' || v === 'on', z.boolean()),
	qualification: list(ids(candidateQualifications)),
})

export type PoolSearch = z.infer<typeof PoolSearchSchema>

/** What a provider may see of a pool candidate before they accept: nothing that identifies them. */
export type PoolCard = {
	poolId: string
	/** "Candidate 4F7KQ": stable across searches, derived from the random pool id */
	label: string
	area: string
	distance: string | null
	roles: string
	availability: string
	hours: string
	driving: string
	experience: string
	qualifications: string
	travel: string
	/** this provider's invitations to this candidate since they (last) joined the pool */
	invited: Array<{ vacancyTitle: string; on: string }>
}

function toCard(doc: PoolDocument, centre: { lat: number; lng: number } | null): Omit<PoolCard, 'invited'> {
	return {
		poolId: doc.id,
		label: poolLabel(doc.id),
		area: `${doc.outcode} area`,
		distance: centre && doc._geo ? formatMiles(distanceMiles(centre, doc._geo)) : null,
		roles: doc.roles.map(roleName).join(', ') || 'Open to any role',
		availability: doc.availability.map((a) => labelOf(availabilityOptions, a)).join(', '),
		hours: labelOf(hoursWantedOptions, doc.hoursWanted),
		driving:
			doc.drivingLicence && doc.hasCar
				? 'Driving licence and a car'
				: doc.drivingLicence
					? 'Driving licence, no car'
					: 'Does not drive',
		experience: labelOf(experienceOptions, doc.experienceYears),
		qualifications: doc.qualifications.map((q) => labelOf(candidateQualifications, q)).join(', ') || 'None yet',
		travel: `Travels up to ${doc.travelMiles} miles`,
	}
}

/**
 * Searches candidates who chose to be in the talent pool, for a verified
 * provider (search/pool-search). Candidates who blocked this provider never appear.
 */
export async function searchPool(providerId: string, search: PoolSearch) {
	const place = search.where ? resolvePlace(search.where) : null
	// A place we cannot find: say so, and show nobody rather than everybody.
	if (place && !place.ok) return { placeError: place.message, placeLabel: null, cards: [] as PoolCard[] }
	const centre = place?.ok ? { lat: place.place.lat, lng: place.place.lng } : null
	const docs = await searchPoolDocuments({
		providerId,
		centre,
		radiusMiles: search.radius,
		roles: search.role,
		availability: search.availability,
		drivingWithCar: search.driving,
		qualifications: search.qualification,
	})
	const invited = await invitationsByPoolId(
		providerId,
		docs.map((d) => d.id),
	)
	return {
		placeError: null,
		placeLabel: place?.ok ? place.place.label : null,
		cards: docs.map((doc): PoolCard => ({ ...toCard(doc, centre), invited: invited.get(doc.id) ?? [] })),
	}
}

/**
 * What this provider has already invited each candidate to, resolved on the
 * server (the page never holds an account id). Only invitations made since the
 * candidate last joined the pool: an older one would link the new card to the old.
 */
async function invitationsByPoolId(providerId: string, poolIds: string[]) {
	const result = new Map<string, Array<{ vacancyTitle: string; on: string }>>()
	if (!poolIds.length) return result
	const profiles = await prisma.candidateProfile.findMany({
		where: { poolId: { in: poolIds } },
		select: {
			poolId: true,
			user: {
				select: {
					consents: { where: { kind: 'talent-pool', withdrawnAt: null }, select: { grantedAt: true } },
					poolInvitations: {
						where: { providerId },
						orderBy: { createdAt: 'asc' },
						select: { createdAt: true, vacancy: { select: { title: true } } },
					},
				},
			},
		},
	})
	for (const profile of profiles) {
		const joined = profile.user.consents[0]?.grantedAt
		if (!joined) continue
		const list = profile.user.poolInvitations
			.filter((i) => i.createdAt >= joined)
			.map((i) => ({ vacancyTitle: i.vacancy.title, on: formatDate(i.createdAt) }))
		if (list.length) result.set(profile.poolId, list)
	}
	return result
}

export async function requireVerifiedProvider(providerId: string) {
	const provider = await prisma.provider.findUniqueOrThrow({ where: { id: providerId }, select: { verifiedAt: true } })
	return Boolean(provider.verifiedAt)
}

function startOfLondonDay(now = new Date()) {
	const [y, m, d] = londonDateString(now).split('-').map(Number)
	return new Date(new TZDate(y, m - 1, d, 0, 0, 0, LONDON).getTime())
}

export async function invitationsLeftToday(providerId: string) {
	const used = await prisma.poolInvitation.count({ where: { providerId, createdAt: { gte: startOfLondonDay() } } })
	return Math.max(0, getEnv().POOL_INVITES_PER_DAY - used)
}

/** Whether this provider already holds the candidate's details, from an application they sent it. */
export async function hasAppliedToProvider(
	candidateId: string,
	providerId: string,
	db: Pick<typeof prisma, 'application'> = prisma,
) {
	return (
		(await db.application.count({ where: { candidateId, submittedAt: { not: null }, vacancy: { providerId } } })) > 0
	)
}

/**
 * Invites a pool candidate to apply for one of the provider's live vacancies.
 * Checked again at the moment of inviting: still in the pool, not blocking
 * this provider, not already invited since they joined, and within today's
 * limit.
 *
 * The answer never tells the provider anything about who the candidate is: if
 * they have already applied for that vacancy, the invitation is recorded as
 * answered by that application and nothing is sent, and the provider sees the
 * same "invitation sent" as for anyone else.
 */
export async function inviteFromPool(providerId: string, poolId: string, vacancyId: number) {
	if (!(await requireVerifiedProvider(providerId)))
		throw new PoolError('Only verified providers can invite candidates from the talent pool')
	const vacancy = await prisma.vacancy.findFirst({
		where: { id: vacancyId, providerId, ...liveVacancyWhere() },
		select: { id: true, title: true, town: true, provider: { select: { name: true } } },
	})
	if (!vacancy) throw new PoolError('Choose one of your live vacancies')
	const profile = await prisma.candidateProfile.findFirst({
		where: {
			poolId,
			user: {
				consents: { some: { kind: 'talent-pool', withdrawnAt: null } },
				employerBlocks: { none: { providerId } },
			},
		},
		select: {
			userId: true,
			firstName: true,
			user: {
				select: {
					email: true,
					consents: { where: { kind: 'talent-pool', withdrawnAt: null }, select: { grantedAt: true } },
				},
			},
		},
	})
	if (!profile) throw new NotFoundError()
	const joinedPoolAt = profile.user.consents[0]!.grantedAt
	const key = { candidateId_vacancyId: { candidateId: profile.userId, vacancyId } }
	const earlier = await prisma.poolInvitation.findUnique({ where: key, select: { id: true } })
	// One row per candidate and vacancy: inviting again after they rejoined the pool reuses it.
	const invitationId = earlier?.id ?? `p${crypto.randomUUID().replace(/-/g, '')}`
	const email = await renderEmail(poolInvitationEmail, {
		firstName: profile.firstName,
		providerName: vacancy.provider.name,
		vacancyTitle: vacancy.title,
		town: vacancy.town,
		invitationUrl: `${publicUrl()}/account/invitations/${invitationId}`,
		appliedBefore: await hasAppliedToProvider(profile.userId, providerId),
	})
	const sent = await prisma.$transaction(async (tx) => {
		const used = await tx.poolInvitation.count({ where: { providerId, createdAt: { gte: startOfLondonDay() } } })
		if (used >= getEnv().POOL_INVITES_PER_DAY)
			throw new PoolError(
				`You have used today’s ${getEnv().POOL_INVITES_PER_DAY} invitations. You can invite more tomorrow.`,
			)
		const existing = await tx.poolInvitation.findUnique({ where: key, select: { id: true, createdAt: true } })
		if (existing && existing.createdAt >= joinedPoolAt) {
			// The card already shows this invitation, so saying so tells them nothing new.
			throw new PoolError('You have already invited this candidate to apply for that vacancy')
		}
		const application = await tx.application.findFirst({
			where: { vacancyId, candidateId: profile.userId },
			select: { id: true },
		})
		const now = new Date()
		const data = application
			? { status: 'accepted', applicationId: application.id, createdAt: now, respondedAt: now }
			: { status: 'sent', applicationId: null, createdAt: now, respondedAt: null }
		if (existing) await tx.poolInvitation.update({ where: { id: existing.id }, data })
		else
			await tx.poolInvitation.create({
				data: { id: invitationId, providerId, candidateId: profile.userId, vacancyId, ...data },
			})
		if (application) return false
		await queueEmail(tx, {
			key: `pool-invitation:${invitationId}:${now.getTime().toString(36)}`,
			to: profile.user.email,
			...email,
		})
		return true
	})
	if (sent) notifyEmailOutbox()
}

export async function getCandidateInvitation(invitationId: string, userId: string) {
	return prisma.poolInvitation.findFirst({
		where: { id: invitationId, candidateId: userId },
		select: {
			id: true,
			status: true,
			createdAt: true,
			applicationId: true,
			providerId: true,
			provider: { select: { name: true } },
			vacancy: {
				select: {
					id: true,
					title: true,
					town: true,
					status: true,
					closingDate: true,
					payPeriod: true,
					payMin: true,
					payMax: true,
					screeningQuestions: { orderBy: { position: 'asc' }, select: { id: true, text: true, kind: true } },
				},
			},
		},
	})
}

export async function listCandidateInvitations(userId: string) {
	return prisma.poolInvitation.findMany({
		where: { candidateId: userId, status: 'sent', vacancy: liveVacancyWhere() },
		orderBy: { createdAt: 'desc' },
		select: {
			id: true,
			createdAt: true,
			provider: { select: { name: true } },
			vacancy: { select: { title: true, town: true } },
		},
	})
}

/**
 * The candidate's answer to an invitation: apply in one step, say no, or say no
 * and block the employer (which closes every other open invitation of theirs).
 */
export async function respondToInvitation(
	invitationId: string,
	userId: string,
	response: { accept: true; answers: Record<number, string> } | { accept: false; block: boolean },
) {
	const invitation = await getCandidateInvitation(invitationId, userId)
	if (!invitation) throw new NotFoundError()
	if (invitation.status !== 'sent') throw new PoolError('You have already answered this invitation')
	if (response.accept) {
		if (await isBlocked(userId, invitation.providerId)) {
			throw new PoolError(`You have blocked ${invitation.provider.name}, so you cannot apply through their invitation`)
		}
		const { applicationId } = await applyWithProfile(userId, invitation.vacancy.id, response.answers)
		await prisma.poolInvitation.update({
			where: { id: invitationId },
			data: { status: 'accepted', respondedAt: new Date(), applicationId },
		})
		return { applicationId, otherInvitationsClosed: 0 }
	}
	if (response.block) {
		// Closes this invitation along with the rest.
		const closed = await blockProvider(userId, invitation.providerId)
		return { applicationId: null, otherInvitationsClosed: Math.max(0, closed - 1) }
	}
	await prisma.poolInvitation.update({
		where: { id: invitationId },
		data: { status: 'declined', respondedAt: new Date() },
	})
	return { applicationId: null, otherInvitationsClosed: 0 }
}
