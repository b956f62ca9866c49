import { z } from 'zod'
import * as visitMessageForAmbassador from '#emails/templates/visit-message-for-ambassador.tsx'
import * as visitNeedsAmbassador from '#emails/templates/visit-needs-ambassador.tsx'
import * as visitOfferEmail from '#emails/templates/visit-offer.tsx'
import * as visitRequestUpdate from '#emails/templates/visit-request-update.tsx'
import { notifyEmailOutbox, queueEmail, type QueuedEmail } from '#emails/outbox.server.ts'
import { renderEmail } from '#emails/render.server.ts'
import { prisma, type Tx } from '#app/utils/db.server.ts'
import { publicUrl } from '#app/utils/env.server.ts'
import { endOfLondonDay, formatDate, formatDateTime } from '#app/utils/dates.ts'
import { distanceMiles, formatMiles } from '#app/utils/geo.ts'
import { isTokenShaped, newToken, tokenHash } from '#app/utils/tokens.server.ts'
import { EmailSchema, optionalText, requiredText, UkPostcodeSchema } from '#app/utils/validation.ts'
import { findDistrict, isInServiceArea, locateWorkplace } from './places.server.ts'

export const OFFER_DAYS = 3

export const organisationTypes = [
	{ id: 'school', label: 'School' },
	{ id: 'college', label: 'College or sixth form' },
	{ id: 'jobcentre', label: 'Jobcentre' },
	{ id: 'other', label: 'Another organisation' },
] as const

export const ageGroups = [
	{ id: '11-14', label: 'Years 7 to 9 (11 to 14)' },
	{ id: '14-16', label: 'Years 10 and 11 (14 to 16)' },
	{ id: '16-18', label: 'Sixth form or college (16 to 18)' },
	{ id: 'adults', label: 'Adults' },
] as const

export const visitTopics = [
	{ id: 'careers-in-care', label: 'What working in care is like' },
	{ id: 'apprenticeships', label: 'Apprenticeships' },
	{ id: 'nursing', label: 'Routes into nursing' },
	{ id: 'qualifications', label: 'Qualifications and training' },
	{ id: 'values', label: 'Values and skills care needs' },
	{ id: 'interviews', label: 'Applying and interviews' },
] as const

const ids = <T extends readonly { id: string }[]>(list: T) => list.map((i) => i.id) as [T[number]['id'], ...T[number]['id'][]]

export class VisitError extends Error {}

export const VisitRequestSchema = z
	.object({
		organisation: requiredText('the name of your school, college or organisation', 150, 2),
		organisationType: z.enum(ids(organisationTypes), { error: 'Choose what kind of organisation you are' }),
		contactName: requiredText('your name', 100),
		contactEmail: EmailSchema,
		postcode: UkPostcodeSchema,
		town: requiredText('the town or village', 60, 2),
		preferredDates: requiredText('the dates or weeks that suit you', 500),
		audience: requiredText('who the visit is for', 200),
		ageGroup: z.enum(ids(ageGroups), { error: 'Choose the age group' }),
		numberOfPeople: z.coerce
			.number({ error: 'Enter how many people, as a number' })
			.int({ error: 'Enter a whole number of people' })
			.min(1, { error: 'Enter at least 1 person' })
			.max(2000, { error: 'Enter 2,000 people or fewer' }),
		topics: z
			.preprocess((v) => (v == null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(ids(visitTopics))))
			.refine((v) => v.length > 0, { error: 'Choose at least one topic' }),
		notes: optionalText('anything else', 1000),
	})
	.superRefine((input, ctx) => {
		if (input.postcode && typeof input.postcode === 'object' && !isInServiceArea(input.postcode.outcode)) {
			ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'Our ambassadors visit in and around the region: enter a postcode in the area' })
		}
	})

type Ambassadorish = { id: string; firstName: string; lat: number; lng: number; visitRadiusMiles: number; user: { email: string } }

/**
 * The next ambassador to ask: willing to visit, within the distance they said
 * they would travel, not asked before for this request, nearest first.
 */
async function nextAmbassador(tx: Tx, request: { id: string; lat: number; lng: number }) {
	const asked = new Set((await tx.visitOffer.findMany({ where: { visitRequestId: request.id }, select: { ambassadorId: true } })).map((o) => o.ambassadorId))
	const candidates = await tx.ambassador.findMany({
		where: { willingToVisit: true },
		select: { id: true, firstName: true, lat: true, lng: true, visitRadiusMiles: true, user: { select: { email: true } } },
	})
	return candidates
		.filter((a) => !asked.has(a.id))
		.map((a) => ({ ambassador: a, miles: distanceMiles(request, a) }))
		.filter(({ ambassador, miles }) => miles <= ambassador.visitRadiusMiles)
		.sort((a, b) => a.miles - b.miles || a.ambassador.id.localeCompare(b.ambassador.id))[0]
}

const requestUrl = (token: string) => `${publicUrl()}/visits/${token}`
const offerUrl = (requestId: string) => `${publicUrl()}/ambassador/visits/${requestId}`

async function offerEmail(request: { id: string; organisation: string; town: string; preferredDates: string; audience: string; numberOfPeople: number }, ambassador: Ambassadorish, miles: number): Promise<QueuedEmail> {
	const email = await renderEmail(visitOfferEmail, {
		firstName: ambassador.firstName,
		organisation: request.organisation,
		town: request.town,
		distance: `${formatMiles(miles)} away`,
		dates: request.preferredDates,
		audience: request.audience,
		people: request.numberOfPeople,
		offerUrl: offerUrl(request.id),
	})
	return { key: `visit-offer:${request.id}:${ambassador.id}`, to: ambassador.user.email, ...email }
}

type SchoolEmail = { email: QueuedEmail; linkHash: string }

/** Every email to the school carries its own private link to the request. */
async function schoolEmail(request: { contactName: string; organisation: string; contactEmail: string; id: string }, kind: 'received' | 'accepted' | 'unmatched' | 'message' | 'fulfilled', ambassadorName?: string): Promise<SchoolEmail> {
	const token = newToken()
	const email = await renderEmail(visitRequestUpdate, { contactName: request.contactName, organisation: request.organisation, kind, ambassadorName, requestUrl: requestUrl(token) })
	return { email: { key: `visit-${kind}:${request.id}:${tokenHash(token).slice(0, 16)}`, to: request.contactEmail, ...email }, linkHash: tokenHash(token) }
}

async function queueSchoolEmail(tx: Tx, requestId: string, prepared: SchoolEmail) {
	await tx.visitAccessLink.create({ data: { visitRequestId: requestId, tokenHash: prepared.linkHash } })
	await queueEmail(tx, prepared.email)
}

/** Records the request, emails the school its private link, and offers it to the nearest willing ambassador. */
export async function requestVisit(input: z.infer<typeof VisitRequestSchema>) {
	const at = locateWorkplace(input.postcode.postcode, input.town) ?? findDistrict(input.postcode.outcode)
	if (!at) throw new VisitError('We could not find that postcode')
	const token = newToken()
	const created = await prisma.$transaction(async (tx) => {
		const request = await tx.visitRequest.create({
			data: {
				organisation: input.organisation,
				organisationType: input.organisationType,
				contactName: input.contactName,
				contactEmail: input.contactEmail,
				postcode: input.postcode.postcode,
				outcode: input.postcode.outcode,
				town: input.town,
				lat: at.lat,
				lng: at.lng,
				preferredDates: input.preferredDates,
				audience: input.audience + (input.notes ? `\n\n${input.notes}` : ''),
				ageGroup: input.ageGroup,
				numberOfPeople: input.numberOfPeople,
				topics: input.topics,
				links: { create: { tokenHash: tokenHash(token) } },
			},
		})
		await queueSchoolEmail(tx, request.id, await schoolEmail(request, 'received'))
		return request
	})
	notifyEmailOutbox()
	await offerToNext(created.id)
	// The token lets the person who sent the request go straight to its page.
	return { token, id: created.id }
}

/** Offers the request to the next ambassador; if nobody is left, tells the school. */
async function offerToNext(requestId: string) {
	const request = await prisma.visitRequest.findUniqueOrThrow({ where: { id: requestId } })
	const next = await nextAmbassador(prisma, request)
	const offer = next ? await offerEmail(request, next.ambassador, next.miles) : null
	const unmatched = next ? null : await schoolEmail(request, 'unmatched')
	const forTeam = next ? [] : await teamEmails(request)
	await prisma.$transaction(async (tx) => {
		if (next && offer) {
			await tx.visitOffer.create({ data: { visitRequestId: requestId, ambassadorId: next.ambassador.id, distanceMiles: next.miles } })
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

/** The regional team hears about a request no ambassador could take. */
async function teamEmails(request: { id: string; organisation: string; town: string; preferredDates: string }) {
	const [admins, asked] = await Promise.all([
		prisma.user.findMany({ where: { isAdmin: true }, select: { email: true } }),
		prisma.visitOffer.count({ where: { visitRequestId: request.id } }),
	])
	const message = await renderEmail(visitNeedsAmbassador, {
		organisation: request.organisation,
		town: request.town,
		dates: request.preferredDates,
		asked,
		adminUrl: `${publicUrl()}/admin/visits#request-${request.id}`,
	})
	return admins.map((a) => ({ key: `visit-unmatched:${request.id}:${asked}:${a.email}`, to: a.email, ...message }) satisfies QueuedEmail)
}

/**
 * The regional team offers a request to an ambassador of their choosing (one
 * further away, or one asked before). Any offer still waiting is withdrawn.
 */
export async function offerToAmbassador(requestId: string, ambassadorId: string) {
	const request = await prisma.visitRequest.findUniqueOrThrow({ where: { id: requestId } })
	if (request.status !== 'open' && request.status !== 'unmatched') throw new VisitError('This request already has an ambassador, or is closed')
	const ambassador = await prisma.ambassador.findUniqueOrThrow({
		where: { id: ambassadorId },
		select: { id: true, firstName: true, lat: true, lng: true, visitRadiusMiles: true, user: { select: { email: true } } },
	})
	const miles = distanceMiles(request, ambassador)
	const email = await offerEmail(request, ambassador, miles)
	await prisma.$transaction(async (tx) => {
		await tx.visitOffer.updateMany({ where: { visitRequestId: requestId, status: 'offered' }, data: { status: 'expired', respondedAt: new Date() } })
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

async function currentOffer(requestId: string, ambassadorId: string) {
	const offer = await prisma.visitOffer.findFirst({ where: { visitRequestId: requestId, ambassadorId, status: 'offered' }, include: { visitRequest: true } })
	if (!offer) throw new Response('Not found', { status: 404 })
	return offer
}

export async function acceptVisit(requestId: string, ambassadorId: string) {
	const offer = await currentOffer(requestId, ambassadorId)
	const ambassador = await prisma.ambassador.findUniqueOrThrow({ where: { id: ambassadorId }, select: { firstName: true } })
	const email = await schoolEmail(offer.visitRequest, 'accepted', ambassador.firstName)
	await prisma.$transaction(async (tx) => {
		const taken = await tx.visitRequest.updateMany({ where: { id: requestId, status: 'open' }, data: { status: 'accepted', ambassadorId, acceptedAt: new Date() } })
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
		where: { status: 'offered', createdAt: { lt: new Date(now.getTime() - OFFER_DAYS * 86_400_000) }, visitRequest: { status: 'open' } },
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
		visitedYear: z.coerce.number({ error: 'Enter the date of the visit' }).int({ error: 'Year must include 4 numbers' }).min(2000, { error: 'Year must include 4 numbers' }).max(2100, { error: 'Year must include 4 numbers' }),
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
			ctx.addIssue({ code: 'custom', path: ['visitedDay'], message: 'The date of the visit must be today or in the past' })
			return z.NEVER
		}
		return { visitedOn, peopleReached: input.peopleReached }
	})

export async function recordVisit(requestId: string, ambassadorId: string, visitedOn: Date, peopleReached: number) {
	const request = await prisma.visitRequest.findFirst({ where: { id: requestId, ambassadorId, status: { in: ['accepted', 'fulfilled'] } } })
	if (!request) throw new Response('Not found', { status: 404 })
	if (visitedOn.getTime() > Date.now()) throw new VisitError('The date of the visit must be today or in the past')
	if (visitedOn.getTime() < request.createdAt.getTime() - 86_400_000) throw new VisitError(`The date of the visit must be on or after the day the request was sent, ${formatDate(request.createdAt)}`)
	const ambassador = await prisma.ambassador.findUniqueOrThrow({ where: { id: ambassadorId }, select: { firstName: true } })
	const email = request.status === 'accepted' ? await schoolEmail(request, 'fulfilled', ambassador.firstName) : null
	await prisma.$transaction(async (tx) => {
		await tx.visitRequest.update({ where: { id: requestId }, data: { status: 'fulfilled', visitedOn, peopleReached } })
		if (email) await queueSchoolEmail(tx, requestId, email)
	})
	notifyEmailOutbox()
}

export const MessageSchema = z.object({
	body: z.string({ error: 'Write your message' }).trim().min(1, { error: 'Write your message' }).max(2000, { error: 'Messages must be 2,000 characters or fewer' }),
})

/** Messages go through the portal: neither side sees the other's email address. */
export async function postMessage(requestId: string, sender: 'school' | 'ambassador', body: string) {
	const request = await prisma.visitRequest.findUniqueOrThrow({ where: { id: requestId }, include: { ambassador: { select: { firstName: true, user: { select: { email: true } } } } } })
	if (!request.ambassador) throw new VisitError('Messages open once an ambassador has accepted')
	const toAmbassador =
		sender === 'school'
			? await renderEmail(visitMessageForAmbassador, { firstName: request.ambassador.firstName, organisation: request.organisation, visitUrl: offerUrl(requestId), kind: 'message' })
			: null
	const toSchool = sender === 'ambassador' ? await schoolEmail(request, 'message', request.ambassador.firstName) : null
	await prisma.$transaction(async (tx) => {
		const message = await tx.visitMessage.create({ data: { visitRequestId: requestId, sender, body } })
		if (toAmbassador) await queueEmail(tx, { key: `visit-message:${message.id}`, to: request.ambassador!.user.email, ...toAmbassador })
		if (toSchool) await queueSchoolEmail(tx, requestId, toSchool)
	})
	notifyEmailOutbox()
}

/** The school withdraws its request; an ambassador who had accepted it is told. */
export async function cancelVisitRequest(requestId: string) {
	const request = await prisma.visitRequest.findUniqueOrThrow({ where: { id: requestId }, include: { ambassador: { select: { firstName: true, user: { select: { email: true } } } } } })
	if (!['open', 'accepted', 'unmatched'].includes(request.status)) throw new VisitError('This request can no longer be cancelled')
	const toAmbassador =
		request.status === 'accepted' && request.ambassador
			? await renderEmail(visitMessageForAmbassador, { firstName: request.ambassador.firstName, organisation: request.organisation, visitUrl: offerUrl(requestId), kind: 'cancelled' })
			: null
	await prisma.$transaction(async (tx) => {
		const changed = await tx.visitRequest.updateMany({ where: { id: requestId, status: request.status }, data: { status: 'cancelled' } })
		if (!changed.count) throw new VisitError('This request has just changed: check it again')
		await tx.visitOffer.updateMany({ where: { visitRequestId: requestId, status: 'offered' }, data: { status: 'expired', respondedAt: new Date() } })
		if (toAmbassador) await queueEmail(tx, { key: `visit-cancelled:${requestId}`, to: request.ambassador!.user.email, ...toAmbassador })
	})
	notifyEmailOutbox()
}

/** The school's view, by its private link. */
export async function findRequestByToken(token: string) {
	if (!isTokenShaped(token)) return null
	return prisma.visitRequest.findFirst({
		where: { links: { some: { tokenHash: tokenHash(token) } } },
		include: { ambassador: { select: { id: true, firstName: true, roleId: true } }, messages: { orderBy: { createdAt: 'asc' } } },
	})
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
			select: { distanceMiles: true, createdAt: true, visitRequest: { select: { id: true, organisation: true, town: true, preferredDates: true } } },
		}),
		prisma.visitRequest.findMany({
			where: { ambassadorId },
			orderBy: { acceptedAt: 'desc' },
			select: { id: true, organisation: true, town: true, status: true, preferredDates: true, visitedOn: true, peopleReached: true },
		}),
	])
	return { offered, mine }
}

export async function visitTotals() {
	const [byStatus, reached, open] = await Promise.all([
		prisma.visitRequest.groupBy({ by: ['status'], _count: true }),
		prisma.visitRequest.aggregate({ where: { status: 'fulfilled' }, _sum: { peopleReached: true } }),
		prisma.visitRequest.findMany({
			where: { status: { in: ['open', 'accepted', 'unmatched'] } },
			orderBy: { createdAt: 'asc' },
			select: {
				id: true,
				organisation: true,
				town: true,
				lat: true,
				lng: true,
				status: true,
				createdAt: true,
				contactName: true,
				contactEmail: true,
				preferredDates: true,
				ambassador: { select: { firstName: true } },
				offers: { select: { status: true, ambassador: { select: { firstName: true } } } },
			},
		}),
	])
	const count = (status: string) => byStatus.find((s) => s.status === status)?._count ?? 0
	return {
		open: count('open'),
		accepted: count('accepted'),
		fulfilled: count('fulfilled'),
		unmatched: count('unmatched'),
		peopleReached: reached._sum.peopleReached ?? 0,
		requests: open,
	}
}

const statusLabels: Record<string, string> = {
	open: 'Waiting for an ambassador',
	accepted: 'An ambassador is coming',
	fulfilled: 'Visit done',
	unmatched: 'With the regional team',
	cancelled: 'Cancelled',
}

/** The same statuses as the ambassador sees them. */
export const ambassadorStatusLabels: Record<string, string> = {
	accepted: 'Accepted',
	fulfilled: 'Visit recorded',
	cancelled: 'Cancelled by the school',
	open: 'Waiting for your answer',
}

const labelFrom = (list: readonly { id: string; label: string }[], id: string) => list.find((i) => i.id === id)?.label ?? id

/** The parts of a request both sides may see, in words. */
export function describeVisit(request: { status: string; ageGroup: string; topics: unknown; organisationType: string }) {
	return {
		statusLabel: statusLabels[request.status] ?? request.status,
		ageGroupLabel: labelFrom(ageGroups, request.ageGroup),
		organisationTypeLabel: labelFrom(organisationTypes, request.organisationType),
		topicLabels: ((request.topics as string[]) ?? []).map((t) => labelFrom(visitTopics, t)),
	}
}

/** A thread as one side sees it: their own messages are "You". */
export function messageThread(messages: Array<{ id: number; sender: string; body: string; createdAt: Date }>, viewer: 'school' | 'ambassador', names: { school: string; ambassador: string }) {
	return messages.map((m) => ({
		id: m.id,
		mine: m.sender === viewer,
		from: m.sender === viewer ? 'You' : names[m.sender as 'school' | 'ambassador'],
		body: m.body,
		sent: formatDateTime(m.createdAt),
	}))
}
