import * as jobsYouMaySuit from '#emails/templates/jobs-you-may-suit.tsx'
import { notifyEmailOutbox, queueEmail } from '#emails/outbox.server.ts'
import { renderEmail } from '#emails/render.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { publicUrl } from '#app/utils/env.server.ts'
import { findMatches, type MatchCandidate } from './matching.server.ts'

async function requirementsFor(ids: number[]) {
	const rows = await prisma.vacancy.findMany({ where: { id: { in: ids } }, select: { id: true, requirements: true, description: true } })
	return new Map(rows.map((r) => [r.id, `${r.requirements}\n${r.description}`]))
}

export function toMatchCandidate(profile: {
	outcode: string
	travelMiles: number
	roles: unknown
	hoursWanted: string
	availableNights: boolean
	availableWeekends: boolean
	drivingLicence: boolean
	hasCar: boolean
	rightToWork: string
	qualifications: unknown
}): MatchCandidate {
	return {
		outcode: profile.outcode,
		travelMiles: profile.travelMiles,
		roles: (profile.roles as string[]) ?? [],
		hoursWanted: profile.hoursWanted,
		availableNights: profile.availableNights,
		availableWeekends: profile.availableWeekends,
		drivingLicence: profile.drivingLicence,
		hasCar: profile.hasCar,
		rightToWork: profile.rightToWork,
		qualifications: (profile.qualifications as string[]) ?? [],
	}
}

/**
 * The background task behind a redirect: finds the candidate's best matches
 * elsewhere, keeps them for their "Jobs you may be suited to" page, and emails
 * them. Runs again safely (matches are replaced, the email key is per redirect).
 */
export async function buildRedirectMatches(redirectId: string) {
	const redirect = await prisma.redirect.findUnique({
		where: { id: redirectId },
		select: { id: true, candidateId: true, fromProviderId: true, roles: true, fromProvider: { select: { name: true } } },
	})
	if (!redirect?.candidateId) return
	const user = await prisma.user.findUnique({
		where: { id: redirect.candidateId },
		select: {
			email: true,
			candidate: true,
			employerBlocks: { select: { providerId: true } },
			applications: { select: { vacancyId: true } },
			consents: { where: { kind: 'redirect', withdrawnAt: null }, select: { id: true } },
		},
	})
	// Consent withdrawn since: nothing is passed on.
	if (!user?.candidate || !user.consents.length) return
	const matches = await findMatches({
		candidate: toMatchCandidate(user.candidate),
		suggestedRoles: (redirect.roles as string[]) ?? [],
		excludeProviderIds: [redirect.fromProviderId, ...user.employerBlocks.map((b) => b.providerId)],
		excludeVacancyIds: user.applications.map((a) => a.vacancyId),
		requirementsFor,
	})
	const email = matches.length
		? await renderEmail(jobsYouMaySuit, {
				firstName: user.candidate.firstName,
				fromProviderName: redirect.fromProvider.name,
				matches: matches.map((m) => ({ ...m, url: `${publicUrl()}/jobs/${m.vacancyId}` })),
				matchesUrl: `${publicUrl()}/account/matches`,
			})
		: null
	await prisma.$transaction(async (tx) => {
		await tx.redirectMatch.deleteMany({ where: { redirectId } })
		await tx.redirectMatch.createMany({
			data: matches.map((m, i) => ({ redirectId, vacancyId: m.vacancyId, rank: i + 1, reasons: m.reasons })),
		})
		await tx.redirect.update({ where: { id: redirectId }, data: { matchesReadyAt: new Date() } })
		if (email) await queueEmail(tx, { key: `redirect-matches:${redirectId}`, to: user.email, ...email })
	})
	if (email) notifyEmailOutbox()
}

/** The candidate's matches from every redirect, best first, without jobs that have closed or they applied for. */
export async function listMatches(userId: string) {
	const rows = await prisma.redirectMatch.findMany({
		where: {
			redirect: { candidateId: userId },
			vacancy: { status: 'live', closingDate: { gte: new Date() }, applications: { none: { candidateId: userId } } },
		},
		orderBy: [{ redirect: { createdAt: 'desc' } }, { rank: 'asc' }],
		select: {
			reasons: true,
			redirect: { select: { id: true, fromProvider: { select: { name: true } } } },
			vacancy: {
				select: {
					id: true,
					title: true,
					town: true,
					payPeriod: true,
					payMin: true,
					payMax: true,
					hoursPerWeek: true,
					closingDate: true,
					provider: { select: { name: true } },
					screeningQuestions: { orderBy: { position: 'asc' }, select: { id: true, text: true, kind: true } },
				},
			},
		},
	})
	const seen = new Set<number>()
	return rows.filter((r) => !seen.has(r.vacancy.id) && seen.add(r.vacancy.id))
}

/** Opening the page counts as "viewed" for the outcome figures. */
export async function markMatchesViewed(userId: string) {
	await prisma.redirect.updateMany({ where: { candidateId: userId, status: 'suggested', matchesReadyAt: { not: null } }, data: { status: 'viewed', viewedAt: new Date() } })
}

/** A provider's redirects and what became of them. */
export async function redirectOutcomesFor(providerId: string) {
	const rows = await prisma.redirect.groupBy({ by: ['status'], where: { fromProviderId: providerId }, _count: true })
	const count = (status: string) => rows.find((r) => r.status === status)?._count ?? 0
	const passedOn = rows.reduce((sum, r) => sum + r._count, 0)
	return { passedOn, applied: count('applied') + count('hired'), hired: count('hired') }
}
