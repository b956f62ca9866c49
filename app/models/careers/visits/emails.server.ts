import { queueEmail, type QueuedEmail } from '#app/background/email-outbox.server.ts'
import { prisma, type Tx } from '#app/utils/db.server.ts'
import { publicUrl } from '#app/utils/env.server.ts'
import { formatMiles } from '#app/utils/geo.ts'
import { newToken, tokenHash } from '#app/utils/tokens.server.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as visitNeedsAmbassador from '#emails/templates/visit-needs-ambassador.tsx'
import * as visitOfferEmail from '#emails/templates/visit-offer.tsx'
import * as visitRequestUpdate from '#emails/templates/visit-request-update.tsx'

// The emails a visit request sends. Neither side ever sees the other's address:
// the school's emails carry a private link, the ambassador's a link to sign in.

export type Ambassadorish = {
	id: string
	firstName: string
	lat: number
	lng: number
	visitRadiusMiles: number
	user: { email: string }
}

const requestUrl = (token: string) => `${publicUrl()}/visits/${token}`
export const offerUrl = (requestId: string) => `${publicUrl()}/ambassador/visits/${requestId}`

export async function offerEmail(
	request: {
		id: string
		organisation: string
		town: string
		preferredDates: string
		audience: string
		numberOfPeople: number
	},
	ambassador: Ambassadorish,
	miles: number,
): Promise<QueuedEmail> {
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
export async function schoolEmail(
	request: { contactName: string; organisation: string; contactEmail: string; id: string },
	kind: 'received' | 'accepted' | 'unmatched' | 'message' | 'fulfilled',
	ambassadorName?: string,
): Promise<SchoolEmail> {
	const token = newToken()
	const email = await renderEmail(visitRequestUpdate, {
		contactName: request.contactName,
		organisation: request.organisation,
		kind,
		ambassadorName,
		requestUrl: requestUrl(token),
	})
	return {
		email: { key: `visit-${kind}:${request.id}:${tokenHash(token).slice(0, 16)}`, to: request.contactEmail, ...email },
		linkHash: tokenHash(token),
	}
}

export async function queueSchoolEmail(tx: Tx, requestId: string, prepared: SchoolEmail) {
	await tx.visitAccessLink.create({ data: { visitRequestId: requestId, tokenHash: prepared.linkHash } })
	await queueEmail(tx, prepared.email)
}

/** The regional team hears about a request no ambassador could take. */
export async function teamEmails(request: { id: string; organisation: string; town: string; preferredDates: string }) {
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
	return admins.map(
		(a) =>
			({ key: `visit-unmatched:${request.id}:${asked}:${a.email}`, to: a.email, ...message }) satisfies QueuedEmail,
	)
}
