import { notifyEmailOutbox, queueEmail } from '#app/background/email-outbox.server.ts'
import { liveVacancyWhere, vacancyHours } from '#app/models/jobs/vacancy-rules.server.ts'
import { findDistrict } from '#app/models/places/places.server.ts'
import { addDays, formatDate } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import { publicUrl } from '#app/utils/env.server.ts'
import { distanceMiles } from '#app/utils/geo.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as newJobsMaySuit from '#emails/templates/new-jobs-may-suit.tsx'
import { findMatches, scoreMatch, textFor, toMatchCandidate } from './matching.server.ts'

// A redirect is not a snapshot. While the candidate's consent holds, and for
// FOLLOW_WEEKS after it (which they can extend or stop), new vacancies that
// match them by the same rules join "Jobs that may suit you", and a weekly
// email sends the ones found since the last. The page is worked out from the
// vacancies live now, so a job posted after the redirect is on it at once.

export const FOLLOW_WEEKS = 8
export const MAX_FOLLOW_WEEKS = 26
// Jobs published a little before the last weekly look are looked at again
// (RedirectMatch keeps each job once per redirect).
const OVERLAP_MS = 60 * 60_000

async function hasRedirectConsent(userId: string) {
	return (await prisma.consent.count({ where: { userId, kind: 'redirect', withdrawnAt: null } })) > 0
}

const followedWhere = (now: Date) => ({ stoppedAt: null, followUntil: { gt: now }, matchesReadyAt: { not: null } })

/** Until when new jobs are being looked for, for this candidate (null: not now). */
export async function followingUntil(userId: string, now = new Date()) {
	if (!(await hasRedirectConsent(userId))) return null
	const latest = await prisma.redirect.findFirst({
		where: { candidateId: userId, ...followedWhere(now) },
		orderBy: { followUntil: 'desc' },
		select: { followUntil: true },
	})
	return latest?.followUntil ?? null
}

/** Until when "keep looking" would follow a redirect running until `until` (null: not running). */
export function extendedFollowUntil(until: Date | null, now = new Date()) {
	const longer = addDays(until && until > now ? until : now, FOLLOW_WEEKS * 7)
	const latest = addDays(now, MAX_FOLLOW_WEEKS * 7)
	return longer > latest ? latest : longer
}

/** Whether "keep looking" would add at least a week: not when already as far ahead as we look. */
export const canExtendFollowing = (until: Date | null, now = new Date()) =>
	extendedFollowUntil(until, now).getTime() - (until?.getTime() ?? 0) >= 7 * 24 * 3600_000

/**
 * "Keep looking": every redirect of theirs is followed for FOLLOW_WEEKS more,
 * from when it was due to end (or from now, if it had ended or they had
 * stopped), and never more than MAX_FOLLOW_WEEKS ahead.
 */
export async function extendFollowing(userId: string, now = new Date()) {
	const redirects = await prisma.redirect.findMany({
		where: { candidateId: userId, matchesReadyAt: { not: null } },
		select: { id: true, followUntil: true, stoppedAt: true },
	})
	for (const r of redirects) {
		const running = Boolean(!r.stoppedAt && r.followUntil && r.followUntil > now)
		await prisma.redirect.update({
			where: { id: r.id },
			data: {
				followUntil: extendedFollowUntil(running ? r.followUntil : null, now),
				stoppedAt: null,
				// starting again: jobs from now on, not the ones posted meanwhile
				...(running ? {} : { checkedUpTo: now }),
			},
		})
	}
}

/** "Stop looking": no new jobs are added or emailed. The ones already suggested stay on the page. */
export async function stopFollowing(userId: string, now = new Date()) {
	await prisma.redirect.updateMany({ where: { candidateId: userId, stoppedAt: null }, data: { stoppedAt: now } })
}

const vacancySelect = {
	id: true,
	title: true,
	town: true,
	roleId: true,
	lat: true,
	lng: true,
	requirements: true,
	description: true,
	payPeriod: true,
	payMin: true,
	payMax: true,
	hoursPerWeek: true,
	fullTime: true,
	partTime: true,
	nights: true,
	weekends: true,
	flexible: true,
	drivingLicenceRequired: true,
	visaSponsorship: true,
	closingDate: true,
	provider: { select: { name: true } },
	screeningQuestions: { orderBy: { position: 'asc' as const }, select: { id: true, text: true, kind: true } },
}

type RedirectFor = { id: string; fromProviderId: string; roles: unknown; fromProvider: { name: string } }

async function candidateFor(userId: string) {
	const [profile, blocks, applied] = await Promise.all([
		prisma.candidateProfile.findUnique({ where: { userId } }),
		prisma.employerBlock.findMany({ where: { userId }, select: { providerId: true } }),
		prisma.application.findMany({ where: { candidateId: userId }, select: { vacancyId: true } }),
	])
	return profile
		? {
				profile,
				candidate: toMatchCandidate(profile),
				blocked: blocks.map((b) => b.providerId),
				applied: applied.map((a) => a.vacancyId),
			}
		: null
}

/** The best jobs for a followed redirect among the vacancies live now (or only those published since `since`). */
async function currentMatches(
	redirect: RedirectFor,
	who: NonNullable<Awaited<ReturnType<typeof candidateFor>>>,
	options: { since?: Date; exclude?: number[]; limit?: number } = {},
) {
	return findMatches({
		candidate: who.candidate,
		suggestedRoles: (redirect.roles as string[]) ?? [],
		excludeProviderIds: [redirect.fromProviderId, ...who.blocked],
		excludeVacancyIds: [...who.applied, ...(options.exclude ?? [])],
		textFor,
		limit: options.limit ?? 20,
		publishedSince: options.since,
	})
}

/**
 * The candidate's "Jobs that may suit you": for each redirect still followed,
 * the best matches among the vacancies live now; and, from every redirect, the
 * jobs we sent them that are still open. Without jobs that have closed, they
 * applied for, or whose employer they blocked. Reasons are worked out again from
 * the vacancy and their details as they are now, so an edited advert or profile
 * never leaves an untrue reason on the page.
 */
export async function listMatches(userId: string, now = new Date()) {
	const who = await candidateFor(userId)
	if (!who) return []
	const [redirects, consented] = await Promise.all([
		prisma.redirect.findMany({
			where: { candidateId: userId, matchesReadyAt: { not: null } },
			orderBy: { createdAt: 'desc' },
			select: {
				id: true,
				fromProviderId: true,
				roles: true,
				stoppedAt: true,
				followUntil: true,
				fromProvider: { select: { name: true } },
				matches: { orderBy: { rank: 'asc' }, select: { vacancyId: true } },
			},
		}),
		hasRedirectConsent(userId),
	])
	// Which redirect each job is listed under: the newest that found it, live matches before ones sent earlier.
	const order: Array<{ vacancyId: number; redirect: (typeof redirects)[number] }> = []
	const seen = new Set<number>()
	const add = (vacancyId: number, redirect: (typeof redirects)[number]) => {
		if (seen.has(vacancyId)) return
		seen.add(vacancyId)
		order.push({ vacancyId, redirect })
	}
	for (const redirect of redirects) {
		const followed = consented && !redirect.stoppedAt && redirect.followUntil && redirect.followUntil > now
		if (followed) for (const m of await currentMatches(redirect, who)) add(m.vacancyId, redirect)
		for (const m of redirect.matches) add(m.vacancyId, redirect)
	}
	const vacancies = await prisma.vacancy.findMany({
		where: {
			id: { in: order.map((o) => o.vacancyId) },
			...liveVacancyWhere(now),
			applications: { none: { candidateId: userId } },
			provider: { blockedBy: { none: { userId } } },
		},
		select: vacancySelect,
	})
	const byId = new Map(vacancies.map((v) => [v.id, v]))
	const home = findDistrict(who.profile.outcode)
	return order
		.filter((o) => byId.has(o.vacancyId))
		.map(({ vacancyId, redirect }) => {
			const v = byId.get(vacancyId)!
			const { reasons, cautions } = scoreMatch(who.candidate, (redirect.roles as string[]) ?? [], {
				roleId: v.roleId,
				hours: vacancyHours(v),
				hoursPerWeek: v.hoursPerWeek,
				drivingLicenceRequired: v.drivingLicenceRequired,
				visaSponsorship: v.visaSponsorship,
				requirements: v.requirements,
				description: v.description,
				distanceMiles: home ? distanceMiles(home, v) : 0,
			})
			return { redirect: { id: redirect.id, fromProvider: redirect.fromProvider }, vacancy: v, reasons, cautions }
		})
}

/**
 * The weekly look: for each redirect still followed whose candidate still
 * consents, the jobs published since the last look that match and were not
 * suggested before are added to it, and each candidate gets one email of them.
 */
export async function sendContinuingMatches(now = new Date()) {
	const redirects = await prisma.redirect.findMany({
		where: { candidateId: { not: null }, ...followedWhere(now) },
		orderBy: { createdAt: 'desc' },
		select: {
			id: true,
			candidateId: true,
			fromProviderId: true,
			roles: true,
			checkedUpTo: true,
			matchesReadyAt: true,
			followUntil: true,
			fromProvider: { select: { name: true } },
		},
	})
	const byCandidate = new Map<string, typeof redirects>()
	for (const r of redirects) byCandidate.set(r.candidateId!, [...(byCandidate.get(r.candidateId!) ?? []), r])
	let emailed = 0
	for (const [userId, theirs] of byCandidate) {
		const [consented, who, user, suggested] = await Promise.all([
			hasRedirectConsent(userId),
			candidateFor(userId),
			prisma.user.findUnique({ where: { id: userId }, select: { email: true } }),
			prisma.redirectMatch.findMany({ where: { redirect: { candidateId: userId } }, select: { vacancyId: true } }),
		])
		if (!consented || !who || !user) continue
		const already = suggested.map((s) => s.vacancyId)
		const found: Array<{ redirectId: string; match: Awaited<ReturnType<typeof currentMatches>>[number] }> = []
		for (const redirect of theirs) {
			const mark = redirect.checkedUpTo ?? redirect.matchesReadyAt!
			const matches = await currentMatches(redirect, who, {
				since: new Date(mark.getTime() - OVERLAP_MS),
				exclude: [...already, ...found.map((f) => f.match.vacancyId)],
			})
			found.push(...matches.map((match) => ({ redirectId: redirect.id, match })))
		}
		const email = found.length
			? await renderEmail(newJobsMaySuit, {
					firstName: who.profile.firstName,
					matches: found.map(({ match }) => ({
						title: match.title,
						providerName: match.providerName,
						town: match.town,
						reasons: match.reasons,
						cautions: match.cautions,
						url: `${publicUrl()}/jobs/${match.vacancyId}`,
					})),
					matchesUrl: `${publicUrl()}/account/matches`,
					until: formatDate(theirs.reduce((a, r) => (r.followUntil! > a ? r.followUntil! : a), now)),
				})
			: null
		await prisma.$transaction(async (tx) => {
			for (const [i, { redirectId, match }] of found.entries()) {
				await tx.redirectMatch.upsert({
					where: { redirectId_vacancyId: { redirectId, vacancyId: match.vacancyId } },
					create: {
						redirectId,
						vacancyId: match.vacancyId,
						rank: 100 + i,
						reasons: [...match.reasons, ...match.cautions],
						foundAt: now,
						emailedAt: now,
					},
					update: {},
				})
			}
			await tx.redirect.updateMany({ where: { id: { in: theirs.map((r) => r.id) } }, data: { checkedUpTo: now } })
			if (email) await queueEmail(tx, { key: `new-matches:${userId}:${now.getTime()}`, to: user.email, ...email })
		})
		if (email) emailed++
	}
	if (emailed) notifyEmailOutbox()
	return { candidates: byCandidate.size, emailed }
}
