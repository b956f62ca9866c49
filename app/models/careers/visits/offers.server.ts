import { z } from 'zod'
import { notifyEmailOutbox, queueEmail } from '#app/background/email-outbox.server.ts'
import { endOfLondonDay, formatDate } from '#app/utils/dates.ts'
import { prisma, type Tx } from '#app/utils/db.server.ts'
import { NotFoundError } from '#app/utils/domain-error.ts'
import { distanceMiles, formatMiles } from '#app/utils/geo.ts'
import { offerEmail, queueSchoolEmail, schoolEmail, teamEmails } from './emails.server.ts'
import { OFFER_DAYS, VisitError } from './vocabulary.ts'

// A request is offered to one ambassador at a time, nearest first; a decline or
// no answer in OFFER_DAYS passes it on; with nobody left the regional team has it.

/**
 * The next ambassador to ask: willing to visit, within the distance they said
 * they would travel, not asked before for this request, nearest first.
 */
async function nextAmbassador(tx: Tx, request: { id: string; lat: number; lng: number }) {
	const asked = new Set(
		(await tx.visitOffer.findMany({ where: { visitRequestId: request.id }, select: { ambassadorId: true } })).map(
			(o) => o.ambassadorId,
		),
	)
	const candidates = await tx.ambassador.findMany({
		where: { willingToVisit: true },
		select: {
			id: true,
			firstName: true,
			lat: true,
			lng: true,
			visitRadiusMiles: true,
			user: { select: { email: true } },
		},
	})
	return candidates
		.filter((a) => !asked.has(a.id))
		.map((a) => ({ ambassador: a, miles: distanceMiles(request, a) }))
		.filter(({ ambassador, miles }) => miles <= ambassador.visitRadiusMiles)
		.sort((a, b) => a.miles - b.miles || a.ambassador.id.localeCompare(b.ambassador.id))[0]
}

/** Offers the request to the next ambassador; if nobody is left, tells the school. */
export async function offerToNext(requestId: string) {
	const request = await prisma.visitRequest.findUniqueOrThrow({ where: { id: requestId } })
	const next = await nextAmbassador(prisma, request)
	const offer = next ? await offerEmail(request, next.ambassador, next.miles) : null
	const unmatched = next ? null : await schoolEmail(request, 'unmatched')
	const forTeam = next ? [] : await teamEmails(request)
	await prisma.$transaction(async (tx) => {
		if (next && offer) {
			await tx.visitOffer.create({
				data: { visitRequestId: requestId, ambassadorId: next.ambassador.id, distanceMiles: next.miles },
			})
			await queueEmail(tx, offer)
		}
		if (unmatched) {
			await tx.visitRequest.update({ where: { id: requestId }, data: { status: 'unmatched' } })
			await queueSchoolEmail(tx, requestId, unmatched)
			for (const email of forTeam) await queueEmail(tx, email)
		}
	})
	notifyEmailOutbox()
	return next?.ambassador.id ?? null
}

/**
 * The regional team offers a request to an ambassador of their choosing (one
 * further away, or one asked before). Any offer still waiting is withdrawn.
 */
export async function offerToAmbassador(requestId: string, ambassadorId: string) {
	const request = await prisma.visitRequest.findUnique({ where: { id: requestId } })
	if (!request) throw new NotFoundError()
	if (request.status !== 'open' && request.status !== 'unmatched')
		throw new VisitError('This request already has an ambassador, or is closed')
	const ambassador = await prisma.ambassador.findUnique({
		where: { id: ambassadorId },
		select: {
			id: true,
			firstName: true,
			lat: true,
			lng: true,
			visitRadiusMiles: true,
			user: { select: { email: true } },
		},
	})
	if (!ambassador) throw new NotFoundError()
	const miles = distanceMiles(request, ambassador)
	const email = await offerEmail(request, ambassador, miles)
	await prisma.$transaction(async (tx) => {
		await tx.visitOffer.updateMany({
			where: { visitRequestId: requestId, status: 'offered' },
			data: { status: 'expired', respondedAt: new Date() },
		})
		await tx.visitOffer.upsert({
			where: { visitRequestId_ambassadorId: { visitRequestId: requestId, ambassadorId } },
			create: { visitRequestId: requestId, ambassadorId, distanceMiles: miles },
			update: { status: 'offered', createdAt: new Date(), respondedAt: null, distanceMiles: miles },
		})
		await tx.visitRequest.update({ where: { id: requestId }, data: { status: 'open' } })
		await queueEmail(tx, { ...email, key: `${email.key}:${Date.now().toString(36)}` })
	})
	notifyEmailOutbox()
}

/**
 * Every ambassador the regional team could offer a request to, nearest first,
 * those not taking visits and beyond their usual distance included (marked),
 * as choices for a select.
 */
export async function ambassadorChoicesFor(requests: Array<{ id: string; lat: number; lng: number }>) {
	const ambassadors = await prisma.ambassador.findMany({
		orderBy: { firstName: 'asc' },
		select: { id: true, firstName: true, town: true, lat: true, lng: true, willingToVisit: true },
	})
	return new Map(
		requests.map((r) => [
			r.id,
			ambassadors
				.map((a) => ({
					id: a.id,
					miles: distanceMiles(r, a),
					label: `${a.firstName}, ${a.town}${a.willingToVisit ? '' : ' (not taking visits)'}`,
				}))
				.sort((a, b) => a.miles - b.miles)
				.map((a) => ({ id: a.id, label: `${a.label}: ${formatMiles(a.miles)} away` })),
		]),
	)
}

async function currentOffer(requestId: string, ambassadorId: string) {
	const offer = await prisma.visitOffer.findFirst({
		where: { visitRequestId: requestId, ambassadorId, status: 'offered' },
		include: { visitRequest: true },
	})
	if (!offer) throw new NotFoundError()
	return offer
}

export async function acceptVisit(requestId: string, ambassadorId: string) {
	const offer = await currentOffer(requestId, ambassadorId)
	const ambassador = await prisma.ambassador.findUniqueOrThrow({
		where: { id: ambassadorId },
		select: { firstName: true },
	})
	const email = await schoolEmail(offer.visitRequest, 'accepted', ambassador.firstName)
	await prisma.$transaction(async (tx) => {
		const taken = await tx.visitRequest.updateMany({
			where: { id: requestId, status: 'open' },
			data: { status: 'accepted', ambassadorId, acceptedAt: new Date() },
		})
		if (!taken.count) throw new VisitError('This request is no longer open')
		await tx.visitOffer.update({ where: { id: offer.id }, data: { status: 'accepted', respondedAt: new Date() } })
		await queueSchoolEmail(tx, requestId, email)
	})
	notifyEmailOutbox()
}

export async function declineVisit(requestId: string, ambassadorId: string) {
	const offer = await currentOffer(requestId, ambassadorId)
	await prisma.visitOffer.update({ where: { id: offer.id }, data: { status: 'declined', respondedAt: new Date() } })
	return offerToNext(requestId)
}

/** Requests left without an ambassador (one was removed from the programme) are offered to the next nearest. */
export async function reofferVisitRequests(requestIds: string[]) {
	for (const id of requestIds) await offerToNext(id)
}

/** Offers nobody answered within OFFER_DAYS pass to the next nearest ambassador. Run on a timer. */
export async function expireVisitOffers(now = new Date()) {
	const stale = await prisma.visitOffer.findMany({
		where: {
			status: 'offered',
			createdAt: { lt: new Date(now.getTime() - OFFER_DAYS * 86_400_000) },
			visitRequest: { status: 'open' },
		},
		select: { id: true, visitRequestId: true },
	})
	for (const offer of stale) {
		await prisma.visitOffer.update({ where: { id: offer.id }, data: { status: 'expired', respondedAt: now } })
		await offerToNext(offer.visitRequestId)
	}
	return stale.length
}

export const VisitRecordSchema = z
	.object({
		visitedDay: z.coerce.number({ error: 'Enter the date of the visit' }).int({ error: 'Enter a real date' }),
		visitedMonth: z.coerce.number({ error: 'Enter the date of the visit' }).int({ error: 'Enter a real date' }),
		visitedYear: z.coerce
			.number({ error: 'Enter the date of the visit' })
			.int({ error: 'Year must include 4 numbers' })
			.min(2000, { error: 'Year must include 4 numbers' })
			.max(2100, { error: 'Year must include 4 numbers' }),
		peopleReached: z.coerce
			.number({ error: 'Enter how many people you spoke to, as a number' })
			.int({ error: 'Enter a whole number of people' })
			.min(0, { error: 'Enter 0 or more' })
			.max(5000, { error: 'Enter 5,000 or fewer' }),
	})
	.transform((input, ctx) => {
		const end = endOfLondonDay(input.visitedYear, input.visitedMonth, input.visitedDay)
		if (!end) {
			ctx.addIssue({ code: 'custom', path: ['visitedDay'], message: 'The date of the visit must be a real date' })
			return z.NEVER
		}
		// Stored as the start of that London day.
		const visitedOn = new Date(end.getTime() - 86_399_000)
		if (visitedOn.getTime() > Date.now()) {
			ctx.addIssue({
				code: 'custom',
				path: ['visitedDay'],
				message: 'The date of the visit must be today or in the past',
			})
			return z.NEVER
		}
		return { visitedOn, peopleReached: input.peopleReached }
	})

export async function recordVisit(requestId: string, ambassadorId: string, visitedOn: Date, peopleReached: number) {
	const request = await prisma.visitRequest.findFirst({
		where: { id: requestId, ambassadorId, status: { in: ['accepted', 'fulfilled'] } },
	})
	if (!request) throw new NotFoundError()
	// A date that cannot be right is a mistake in the form (400), shown on the date.
	const onDate = { field: 'visitedDay', status: 400 }
	if (visitedOn.getTime() > Date.now())
		throw new VisitError('The date of the visit must be today or in the past', onDate)
	if (visitedOn.getTime() < request.createdAt.getTime() - 86_400_000)
		throw new VisitError(
			`The date of the visit must be on or after the day the request was sent, ${formatDate(request.createdAt)}`,
			onDate,
		)
	const ambassador = await prisma.ambassador.findUniqueOrThrow({
		where: { id: ambassadorId },
		select: { firstName: true },
	})
	const email = request.status === 'accepted' ? await schoolEmail(request, 'fulfilled', ambassador.firstName) : null
	await prisma.$transaction(async (tx) => {
		await tx.visitRequest.update({ where: { id: requestId }, data: { status: 'fulfilled', visitedOn, peopleReached } })
		if (email) await queueSchoolEmail(tx, requestId, email)
	})
	notifyEmailOutbox()
}

/**
 * What an ambassador may see of a request offered to them or accepted by them:
 * never the contact's email. The route shows the contact's name and the full
 * postcode only once they have accepted.
 */
export async function getAmbassadorVisit(requestId: string, ambassadorId: string) {
	const request = await prisma.visitRequest.findFirst({
		where: { id: requestId, OR: [{ ambassadorId }, { offers: { some: { ambassadorId, status: 'offered' } } }] },
		select: {
			id: true,
			organisation: true,
			organisationType: true,
			town: true,
			outcode: true,
			postcode: true,
			contactName: true,
			preferredDates: true,
			audience: true,
			ageGroup: true,
			numberOfPeople: true,
			topics: true,
			status: true,
			ambassadorId: true,
			visitedOn: true,
			peopleReached: true,
			messages: { orderBy: { createdAt: 'asc' }, select: { id: true, sender: true, body: true, createdAt: true } },
			offers: { where: { ambassadorId }, select: { status: true, distanceMiles: true } },
		},
	})
	return request
}

/** Why a request once offered to this ambassador is no longer theirs to answer, for a link followed late. */
export async function pastOffer(requestId: string, ambassadorId: string) {
	const offer = await prisma.visitOffer.findUnique({
		where: { visitRequestId_ambassadorId: { visitRequestId: requestId, ambassadorId } },
		select: { status: true, visitRequest: { select: { organisation: true, status: true } } },
	})
	if (!offer) return null
	const reason =
		offer.visitRequest.status === 'cancelled'
			? 'The school cancelled its request.'
			: offer.status === 'declined'
				? 'You declined this visit, so we offered it to another ambassador.'
				: `We did not hear from you within ${OFFER_DAYS} days, so we offered it to another ambassador.`
	return { organisation: offer.visitRequest.organisation, reason }
}

export async function listAmbassadorVisits(ambassadorId: string) {
	const [offered, mine] = await Promise.all([
		prisma.visitOffer.findMany({
			where: { ambassadorId, status: 'offered', visitRequest: { status: 'open' } },
			select: {
				distanceMiles: true,
				createdAt: true,
				visitRequest: { select: { id: true, organisation: true, town: true, preferredDates: true } },
			},
		}),
		prisma.visitRequest.findMany({
			where: { ambassadorId },
			orderBy: { acceptedAt: 'desc' },
			select: {
				id: true,
				organisation: true,
				town: true,
				status: true,
				preferredDates: true,
				visitedOn: true,
				peopleReached: true,
			},
		}),
	])
	return { offered, mine }
}
