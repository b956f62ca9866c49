import { z } from 'zod'
import { notifyEmailOutbox, queueEmail } from '#app/background/email-outbox.server.ts'
import { findDistrict, isInServiceArea, locateWorkplace } from '#app/models/places/places.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { ids } from '#app/utils/options.ts'
import { isTokenShaped, newToken, tokenHash } from '#app/utils/tokens.server.ts'
import { EmailSchema, optionalText, requiredText, UkPostcodeSchema } from '#app/utils/validation.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as visitMessageForAmbassador from '#emails/templates/visit-message-for-ambassador.tsx'
import { offerUrl, queueSchoolEmail, schoolEmail } from './emails.server.ts'
import { offerToNext } from './offers.server.ts'
import { ageGroups, organisationTypes, visitTopics, VisitError } from './vocabulary.ts'

// A school, college or jobcentre asks for a visit (no account), follows it by its
// private link, and may cancel it.

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
			ctx.addIssue({
				code: 'custom',
				path: ['postcode'],
				message: 'Our ambassadors visit in and around the region: enter a postcode in the area',
			})
		}
	})

/** Records the request, emails the school its private link, and offers it to the nearest willing ambassador. */
export async function requestVisit(input: z.infer<typeof VisitRequestSchema>) {
	const at = locateWorkplace(input.postcode.postcode, input.town) ?? findDistrict(input.postcode.outcode)
	if (!at) throw new VisitError('We could not find that postcode', { field: 'postcode', status: 400 })
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

/** The school withdraws its request; an ambassador who had accepted it is told. */
export async function cancelVisitRequest(requestId: string) {
	const request = await prisma.visitRequest.findUniqueOrThrow({
		where: { id: requestId },
		include: { ambassador: { select: { firstName: true, user: { select: { email: true } } } } },
	})
	if (!['open', 'accepted', 'unmatched'].includes(request.status))
		throw new VisitError('This request can no longer be cancelled')
	const toAmbassador =
		request.status === 'accepted' && request.ambassador
			? await renderEmail(visitMessageForAmbassador, {
					firstName: request.ambassador.firstName,
					organisation: request.organisation,
					visitUrl: offerUrl(requestId),
					kind: 'cancelled',
				})
			: null
	await prisma.$transaction(async (tx) => {
		const changed = await tx.visitRequest.updateMany({
			where: { id: requestId, status: request.status },
			data: { status: 'cancelled' },
		})
		if (!changed.count) throw new VisitError('This request has just changed: check it again')
		await tx.visitOffer.updateMany({
			where: { visitRequestId: requestId, status: 'offered' },
			data: { status: 'expired', respondedAt: new Date() },
		})
		if (toAmbassador)
			await queueEmail(tx, { key: `visit-cancelled:${requestId}`, to: request.ambassador!.user.email, ...toAmbassador })
	})
	notifyEmailOutbox()
}

/** The school's view, by its private link. */
export async function findRequestByToken(token: string) {
	if (!isTokenShaped(token)) return null
	return prisma.visitRequest.findFirst({
		where: { links: { some: { tokenHash: tokenHash(token) } } },
		include: {
			ambassador: { select: { id: true, firstName: true, roleId: true } },
			messages: { orderBy: { createdAt: 'asc' } },
		},
	})
}
