import { notifyEmailOutbox, queueEmail } from '#app/background/email-outbox.server.ts'
import { addDays } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import { publicUrl } from '#app/utils/env.server.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as jobsYouMaySuit from '#emails/templates/jobs-you-may-suit.tsx'
import { FOLLOW_WEEKS } from './continuing-matches.server.ts'
import { findMatches, textFor, toMatchCandidate } from './matching.server.ts'

/** How many jobs the email lists; the rest wait on the page it links to. */
export const EMAIL_MATCHES = 5

/**
 * The background task behind a redirect: finds the candidate's best matches
 * elsewhere, keeps them for their "Jobs that may suit you" page, and emails
 * them. Runs again safely (matches are replaced, the email key is per redirect).
 */
export async function buildRedirectMatches(redirectId: string) {
	const redirect = await prisma.redirect.findUnique({
		where: { id: redirectId },
		select: {
			id: true,
			candidateId: true,
			fromProviderId: true,
			roles: true,
			fromProvider: { select: { name: true } },
		},
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
	// Consent withdrawn since (or no details to match on): nothing is sent, and
	// there is no redirect to report on.
	if (!user?.candidate || !user.consents.length) {
		await prisma.redirect.deleteMany({ where: { id: redirectId, matchesReadyAt: null } })
		return
	}
	const matches = await findMatches({
		candidate: toMatchCandidate(user.candidate),
		suggestedRoles: (redirect.roles as string[]) ?? [],
		excludeProviderIds: [redirect.fromProviderId, ...user.employerBlocks.map((b) => b.providerId)],
		excludeVacancyIds: user.applications.map((a) => a.vacancyId),
		textFor,
	})
	const email = matches.length
		? await renderEmail(jobsYouMaySuit, {
				firstName: user.candidate.firstName,
				fromProviderName: redirect.fromProvider.name,
				total: matches.length,
				matches: matches.slice(0, EMAIL_MATCHES).map((m) => ({ ...m, url: `${publicUrl()}/jobs/${m.vacancyId}` })),
				matchesUrl: `${publicUrl()}/account/matches`,
			})
		: null
	await prisma.$transaction(async (tx) => {
		await tx.redirectMatch.deleteMany({ where: { redirectId } })
		await tx.redirectMatch.createMany({
			// what we told them at the time, cautions included
			data: matches.map((m, i) => ({
				redirectId,
				vacancyId: m.vacancyId,
				rank: i + 1,
				reasons: [...m.reasons, ...m.cautions],
				emailedAt: new Date(),
			})),
		})
		// From now on, new jobs that match are added too, for FOLLOW_WEEKS (continuing-matches.server.ts).
		const now = new Date()
		await tx.redirect.update({
			where: { id: redirectId },
			data: { matchesReadyAt: now, checkedUpTo: now, followUntil: addDays(now, FOLLOW_WEEKS * 7) },
		})
		if (email) await queueEmail(tx, { key: `redirect-matches:${redirectId}`, to: user.email, ...email })
	})
	if (email) notifyEmailOutbox()
}

/** Where the candidate stands, for the matches page when it has nothing to list. */
export async function matchesState(userId: string) {
	const [consent, redirects] = await Promise.all([
		prisma.consent.count({ where: { userId, kind: 'redirect', withdrawnAt: null } }),
		prisma.redirect.findMany({
			where: { candidateId: userId },
			select: { matchesReadyAt: true, _count: { select: { matches: true } } },
		}),
	])
	return {
		consented: consent > 0,
		finding: consent > 0 && redirects.some((r) => !r.matchesReadyAt),
		looked: redirects.some((r) => r.matchesReadyAt),
		everSuggested: redirects.some((r) => r._count.matches > 0),
	}
}

/** Opening the page, with jobs on it, counts as "viewed" for the outcome figures. */
export async function markMatchesViewed(userId: string) {
	await prisma.redirect.updateMany({
		where: { candidateId: userId, status: 'suggested', matchesReadyAt: { not: null }, matches: { some: {} } },
		data: { status: 'viewed', viewedAt: new Date() },
	})
}

/** What became of one redirect, in the provider's words. */
export function redirectOutcomeText(r: { status: string; matchesReadyAt: Date | null; _count: { matches: number } }) {
	if (r.status === 'hired') return 'hired by another employer'
	if (r.status === 'applied') return 'applied for a job with another employer'
	if (!r.matchesReadyAt) return 'we are looking for jobs with other employers that fit them'
	const n = r._count.matches
	return n
		? `we sent them ${n} ${n === 1 ? 'job' : 'jobs'} with other employers`
		: 'we found no jobs with other employers that fit them'
}

/**
 * A provider's redirects and what became of them: how many were sent jobs
 * (some get none: nothing near them fits), and how many applied or were hired
 * elsewhere (whether through those jobs or by searching).
 */
export async function redirectOutcomesFor(providerId: string) {
	const where = { fromProviderId: providerId }
	const [judged, sent, none, applied, hired] = await Promise.all([
		prisma.redirect.count({ where }),
		prisma.redirect.count({ where: { ...where, matches: { some: {} } } }),
		prisma.redirect.count({ where: { ...where, matchesReadyAt: { not: null }, matches: { none: {} } } }),
		prisma.redirect.count({ where: { ...where, appliedAt: { not: null } } }),
		prisma.redirect.count({ where: { ...where, hiredAt: { not: null } } }),
	])
	return { judged, sent, none, applied, hired }
}
