import { z } from 'zod'
import { notifyEmailOutbox, queueEmail } from '#app/background/email-outbox.server.ts'
import { INVITATION_DAYS } from '#app/models/accounts/link-lifetimes.ts'
import { careRoles, roleName } from '#app/models/jobs/care-roles.server.ts'
import { findDistrict, isInServiceArea, localAuthorityOf, locateWorkplace } from '#app/models/places/places.server.ts'
import {
	deleteUploadFiles,
	discardUpload,
	recordUpload,
	writeUpload,
	type Upload,
} from '#app/models/uploads/uploads.server.ts'
import { hashPassword } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { DomainError, NotFoundError } from '#app/utils/domain-error.ts'
import { getEnv, publicUrl } from '#app/utils/env.server.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'
import { isTokenShaped, newToken, tokenHash } from '#app/utils/tokens.server.ts'
import {
	containsContactDetails,
	EmailSchema,
	NewPasswordSchema,
	optionalText,
	requiredText,
	UkPostcodeSchema,
} from '#app/utils/validation.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as ambassadorInvitation from '#emails/templates/ambassador-invitation.tsx'

const roleIds = careRoles.map((r) => r.id) as [string, ...string[]]

export class AmbassadorError extends DomainError {}

export async function inviteAmbassador(invitedById: string, email: string) {
	const token = newToken()
	const message = await renderEmail(ambassadorInvitation, {
		acceptUrl: `${publicUrl()}/ambassadors/join/${token}`,
		expiresInDays: INVITATION_DAYS,
	})
	await prisma.$transaction(async (tx) => {
		if (await tx.ambassador.findFirst({ where: { user: { email } } }))
			throw new AmbassadorError('They are already an ambassador', { field: 'email' })
		// A new invitation replaces any earlier one still waiting.
		await tx.ambassadorInvitation.updateMany({
			where: { email, acceptedAt: null, expiresAt: { gt: new Date() } },
			data: { expiresAt: new Date() },
		})
		const invitation = await tx.ambassadorInvitation.create({
			data: {
				email,
				tokenHash: tokenHash(token),
				invitedById,
				expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
			},
		})
		await queueEmail(tx, { key: `ambassador-invitation:${invitation.id}`, to: email, ...message })
	})
	notifyEmailOutbox()
}

export const InviteAmbassadorSchema = z.object({ email: EmailSchema })

export async function findAmbassadorInvitation(token: string) {
	if (!isTokenShaped(token)) return null
	const invitation = await prisma.ambassadorInvitation.findUnique({ where: { tokenHash: tokenHash(token) } })
	if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() < Date.now()) return null
	if (await prisma.ambassador.findFirst({ where: { user: { email: invitation.email } }, select: { id: true } }))
		return null
	return invitation
}

export const AmbassadorProfileSchema = z.object({
	firstName: requiredText('your first name', 60),
	roleId: z.enum(roleIds, { error: 'Choose your role now' }),
	employer: optionalText('your employer', 120),
	town: requiredText('the town or village you are based in', 60, 2),
	postcode: UkPostcodeSchema,
	bio: optionalText('about you', 1500).refine((v) => !v || !containsContactDetails(v), {
		error:
			'Do not include phone numbers, email addresses, links or social media names: schools contact you through the portal',
	}),
	willingToVisit: z
		.enum(['yes', 'no'], { error: 'Say whether you can visit schools and colleges' })
		.transform((v) => v === 'yes'),
	visitRadiusMiles: z.coerce.number({ error: 'Choose how far you can travel for visits' }).int().min(1).max(60),
	photoAlt: optionalText('the photo description', 200),
})

export const JoinAmbassadorsSchema = AmbassadorProfileSchema.extend({ password: NewPasswordSchema })

/** Editing a profile: a blank postcode keeps the one given before. */
export const AmbassadorProfileUpdateSchema = AmbassadorProfileSchema.extend({
	postcode: z.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
		UkPostcodeSchema.optional(),
	),
})

type ProfileInput = z.infer<typeof AmbassadorProfileUpdateSchema>

/** A postcode we cannot use is a mistake in the form (400), shown on the postcode field. */
const postcodeProblem = { field: 'postcode', status: 400 }

function locate(input: ProfileInput) {
	if (!input.postcode) return { town: input.town }
	// Only the district is kept: ambassadors are found by area, never by address.
	const district = findDistrict(input.postcode.outcode)
	const at = locateWorkplace(input.postcode.postcode, input.town)
	if (!district || !at)
		throw new AmbassadorError(
			`We could not find the postcode ${input.postcode.postcode}. Check it and try again`,
			postcodeProblem,
		)
	if (!isInServiceArea(district.outcode))
		throw new AmbassadorError(
			`I Care Ambassadors work in and around ${getEnv().REGION_NAME}: enter a postcode there`,
			postcodeProblem,
		)
	return { town: input.town, outcode: input.postcode.outcode, lat: at.lat, lng: at.lng }
}

function profileData(input: ProfileInput) {
	return {
		firstName: input.firstName,
		roleId: input.roleId,
		employer: input.employer ?? null,
		bio: input.bio ?? '',
		willingToVisit: input.willingToVisit,
		visitRadiusMiles: input.visitRadiusMiles,
		...locate(input),
	}
}

/** Accepting an invitation makes the account (or upgrades the invited address's account) and the profile. */
export async function joinAmbassadors(
	token: string,
	input: z.infer<typeof JoinAmbassadorsSchema>,
	photo: { upload: Upload; mimeType: string } | null = null,
) {
	const invitation = await findAmbassadorInvitation(token)
	if (!invitation) return null
	const passwordHash = await hashPassword(input.password)
	const data = profileData(input) as ReturnType<typeof profileData> & { outcode: string; lat: number; lng: number }
	const file = photo ? await writeUpload(photo.upload, photo.mimeType) : null
	try {
		const joined = await prisma.$transaction(async (tx) => {
			const claimed = await tx.ambassadorInvitation.updateMany({
				where: { id: invitation.id, acceptedAt: null },
				data: { acceptedAt: new Date() },
			})
			if (!claimed.count) return null
			const existing = await tx.user.findUnique({
				where: { email: invitation.email },
				include: { ambassador: { select: { id: true } } },
			})
			// Invited twice and already joined with the other link: this one is spent too.
			if (existing?.ambassador) return null
			const user = existing
				? await tx.user.update({
						where: { id: existing.id },
						data: { passwordHash, emailVerifiedAt: new Date(), name: existing.name ?? input.firstName },
					})
				: await tx.user.create({
						data: { email: invitation.email, passwordHash, name: input.firstName, emailVerifiedAt: new Date() },
					})
			if (file) await recordUpload(tx, file, user.id)
			await tx.ambassador.create({
				data: {
					userId: user.id,
					...data,
					photoFileId: file?.id ?? null,
					photoAlt: file ? (input.photoAlt ?? null) : null,
				},
			})
			return { userId: user.id }
		})
		if (!joined) await discardUpload(file)
		return joined
	} catch (error) {
		await discardUpload(file)
		throw error
	}
}

/**
 * The signed-in user's ambassador profile, for the ambassador pages; anyone
 * else is refused (403). A request guard, like requireUserId: the only kind of
 * model function that throws a response.
 */
export async function requireAmbassador(userId: string) {
	const ambassador = await prisma.ambassador.findUnique({ where: { userId } })
	invariantResponse(ambassador, 'This account is not an I Care Ambassador', { status: 403 })
	return ambassador
}

async function ownAmbassador(userId: string) {
	const ambassador = await prisma.ambassador.findUnique({ where: { userId } })
	if (!ambassador) throw new NotFoundError()
	return ambassador
}

/** Saves the profile; a new photo replaces the old one, whose file is deleted. */
export async function updateAmbassadorProfile(
	userId: string,
	input: ProfileInput,
	photo: { upload: Upload; mimeType: string } | null,
	removePhoto = false,
) {
	const current = await ownAmbassador(userId)
	if (!input.postcode && input.town.toLowerCase() !== current.town.toLowerCase()) {
		throw new AmbassadorError(
			'Enter your postcode as well, so that visits are offered near your new town',
			postcodeProblem,
		)
	}
	const file = photo ? await writeUpload(photo.upload, photo.mimeType) : null
	const oldFileId = (file || removePhoto) && current.photoFileId ? current.photoFileId : null
	try {
		await prisma.$transaction(async (tx) => {
			if (file) await recordUpload(tx, file, userId)
			const photoData = file
				? { photoFileId: file.id, photoAlt: input.photoAlt ?? null }
				: removePhoto
					? { photoFileId: null, photoAlt: null }
					: { photoAlt: input.photoAlt ?? null }
			await tx.ambassador.update({ where: { userId }, data: { ...profileData(input), ...photoData } })
			if (oldFileId) await tx.storedFile.delete({ where: { id: oldFileId } })
		})
	} catch (error) {
		await discardUpload(file)
		throw error
	}
	if (oldFileId) await deleteUploadFiles([oldFileId])
}

export const MAX_PATHWAY_STEPS = 8

/**
 * Pathway rows: step1Title, step1Role, step1From, step1To … (blank rows are
 * ignored). Every row is checked in one pass, so all problems show at once.
 */
export function pathwayStepsSchema(now = new Date()) {
	const thisYear = now.getFullYear()
	const shape: Record<string, z.ZodTypeAny> = {}
	for (let i = 1; i <= MAX_PATHWAY_STEPS; i++) {
		shape[`step${i}Title`] = z
			.string()
			.trim()
			.max(100, { error: `What you did in step ${i} must be 100 characters or fewer` })
			.optional()
		shape[`step${i}Role`] = z
			.string()
			.optional()
			.transform((v) => (v && roleIds.includes(v) ? v : undefined))
		shape[`step${i}From`] = z.string().trim().optional()
		shape[`step${i}To`] = z.string().trim().optional()
	}
	const year = (value: unknown) => (typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : null)
	return z
		.object(shape)
		.superRefine((input: Record<string, unknown>, ctx) => {
			for (let i = 1; i <= MAX_PATHWAY_STEPS; i++) {
				const has = input[`step${i}Title`] || input[`step${i}Role`]
				const fromText = input[`step${i}From`] as string | undefined
				const toText = input[`step${i}To`] as string | undefined
				const from = year(fromText)
				const to = year(toText)
				if (!has) {
					if (fromText || toText)
						ctx.addIssue({
							code: 'custom',
							path: [`step${i}Title`],
							message: `Enter what you did in step ${i}, or clear its years`,
						})
					continue
				}
				if (!fromText)
					ctx.addIssue({ code: 'custom', path: [`step${i}From`], message: `Enter the year step ${i} started` })
				else if (from === null || from < 1960)
					ctx.addIssue({
						code: 'custom',
						path: [`step${i}From`],
						message: `The year step ${i} started must be a year, like 2019`,
					})
				else if (from > thisYear)
					ctx.addIssue({
						code: 'custom',
						path: [`step${i}From`],
						message: `The year step ${i} started must be ${thisYear} or earlier`,
					})
				if (toText) {
					if (to === null || to < 1960)
						ctx.addIssue({
							code: 'custom',
							path: [`step${i}To`],
							message: `The year step ${i} ended must be a year, like 2021`,
						})
					else if (to > thisYear)
						ctx.addIssue({
							code: 'custom',
							path: [`step${i}To`],
							message: `The year step ${i} ended must be ${thisYear} or earlier, or blank if you still do it`,
						})
					else if (from !== null && to < from)
						ctx.addIssue({
							code: 'custom',
							path: [`step${i}To`],
							message: `Step ${i} must end in or after the year it started`,
						})
				}
			}
		})
		.transform((input: Record<string, unknown>) =>
			Array.from({ length: MAX_PATHWAY_STEPS }, (_, j) => j + 1)
				.filter((i) => input[`step${i}Title`] || input[`step${i}Role`])
				.map((i, position) => {
					const roleId = input[`step${i}Role`] as string | undefined
					return {
						position: position + 1,
						roleId: roleId ?? null,
						title: (input[`step${i}Title`] as string | undefined) || roleName(roleId!),
						fromYear: year(input[`step${i}From`])!,
						toYear: year(input[`step${i}To`]),
					}
				}),
		)
}

export async function savePathway(
	userId: string,
	steps: Array<{ position: number; roleId: string | null; title: string; fromYear: number; toYear: number | null }>,
) {
	const ambassador = await ownAmbassador(userId)
	await prisma.$transaction([
		prisma.ambassadorPathwayStep.deleteMany({ where: { ambassadorId: ambassador.id } }),
		prisma.ambassadorPathwayStep.createMany({ data: steps.map((s) => ({ ...s, ambassadorId: ambassador.id })) }),
	])
}

const publicAmbassador = {
	id: true,
	firstName: true,
	roleId: true,
	employer: true,
	town: true,
	outcode: true,
	bio: true,
	photoFileId: true,
	photoAlt: true,
	willingToVisit: true,
	userId: true,
	pathwaySteps: {
		orderBy: { position: 'asc' as const },
		select: { position: true, roleId: true, title: true, fromYear: true, toYear: true },
	},
} as const

/** What the public sees of an ambassador: no surname, no contact details, no address. */
function toPublic(a: {
	id: string
	firstName: string
	roleId: string
	employer: string | null
	town: string
	outcode: string
	bio: string
	photoFileId: string | null
	photoAlt: string | null
	willingToVisit: boolean
	pathwaySteps: Array<{
		position: number
		roleId: string | null
		title: string
		fromYear: number
		toYear: number | null
	}>
}) {
	return {
		id: a.id,
		firstName: a.firstName,
		role: roleName(a.roleId),
		roleId: a.roleId,
		employer: a.employer,
		area:
			localAuthorityOf(a.outcode) && localAuthorityOf(a.outcode) !== a.town
				? `${a.town} (${localAuthorityOf(a.outcode)})`
				: a.town,
		localAuthority: localAuthorityOf(a.outcode),
		bio: a.bio,
		photo: a.photoFileId ? { url: `/photos/${a.photoFileId}`, alt: a.photoAlt ?? '' } : null,
		visits: a.willingToVisit,
		pathway: a.pathwaySteps.map((s) => ({
			...s,
			years: s.toYear ? `${s.fromYear}–${s.toYear}` : `${s.fromYear} to now`,
		})),
	}
}

export async function listAmbassadors(filter: { area?: string; roleId?: string }) {
	const rows = await prisma.ambassador.findMany({ orderBy: { firstName: 'asc' }, select: publicAmbassador })
	const all = rows.map(toPublic)
	return {
		ambassadors: all.filter(
			(a) => (!filter.area || a.localAuthority === filter.area) && (!filter.roleId || a.roleId === filter.roleId),
		),
		areas: [...new Set(all.map((a) => a.localAuthority))].sort(),
		roles: [...new Map(all.map((a) => [a.roleId, a.role])).entries()]
			.map(([id, label]) => ({ id, label }))
			.sort((a, b) => a.label.localeCompare(b.label)),
	}
}

export async function getPublicAmbassador(id: string) {
	const row = await prisma.ambassador.findUnique({ where: { id }, select: publicAmbassador })
	if (!row) return null
	const stories = await prisma.story.findMany({
		where: { authorId: row.userId, status: 'published' },
		orderBy: { publishedAt: 'desc' },
		select: { id: true, title: true },
	})
	return { ...toPublic(row), stories }
}

export async function getOwnAmbassador(userId: string) {
	return prisma.ambassador.findUnique({
		where: { userId },
		include: { pathwaySteps: { orderBy: { position: 'asc' } } },
	})
}

/** For the regional team: every ambassador with their visit counts, and invitations not yet used. */
export async function ambassadorsForAdmin() {
	const [ambassadors, invitations] = await Promise.all([
		prisma.ambassador.findMany({
			orderBy: { createdAt: 'asc' },
			select: {
				id: true,
				firstName: true,
				roleId: true,
				town: true,
				willingToVisit: true,
				user: { select: { email: true } },
				visits: { select: { status: true, peopleReached: true } },
			},
		}),
		prisma.ambassadorInvitation.findMany({
			where: { acceptedAt: null },
			orderBy: { createdAt: 'desc' },
			select: { id: true, email: true, expiresAt: true, createdAt: true },
		}),
	])
	const now = Date.now()
	return {
		ambassadors: ambassadors.map((a) => ({
			id: a.id,
			firstName: a.firstName,
			email: a.user.email,
			role: roleName(a.roleId),
			town: a.town,
			willingToVisit: a.willingToVisit,
			visitsDone: a.visits.filter((v) => v.status === 'fulfilled').length,
			peopleReached: a.visits.reduce((sum, v) => sum + (v.peopleReached ?? 0), 0),
		})),
		invitations: invitations.map((i) => ({ ...i, expired: i.expiresAt.getTime() < now })),
	}
}

/** Withdraws an invitation that has not been used. */
export async function cancelAmbassadorInvitation(id: string) {
	const changed = await prisma.ambassadorInvitation.updateMany({
		where: { id, acceptedAt: null },
		data: { expiresAt: new Date() },
	})
	return changed.count > 0
}

/**
 * Takes someone out of the programme: their profile leaves the directory and
 * visits waiting for their answer pass to the next nearest ambassador. Their
 * account stays; their stories stay published unless the team takes them down.
 */
export async function removeAmbassador(id: string) {
	const ambassador = await prisma.ambassador.findUnique({
		where: { id },
		select: {
			id: true,
			photoFileId: true,
			visitOffers: { where: { status: 'offered' }, select: { visitRequestId: true } },
			visits: { where: { status: 'accepted' }, select: { id: true } },
		},
	})
	if (!ambassador) return null
	await prisma.$transaction(async (tx) => {
		await tx.visitOffer.updateMany({
			where: { ambassadorId: id, status: 'offered' },
			data: { status: 'expired', respondedAt: new Date() },
		})
		// Visits they had accepted but not yet made go back to being found an ambassador.
		await tx.visitRequest.updateMany({
			where: { ambassadorId: id, status: 'accepted' },
			data: { status: 'open', ambassadorId: null, acceptedAt: null },
		})
		if (ambassador.photoFileId) await tx.storedFile.deleteMany({ where: { id: ambassador.photoFileId } })
		await tx.ambassador.delete({ where: { id } })
	})
	if (ambassador.photoFileId) await deleteUploadFiles([ambassador.photoFileId])
	return {
		requestsToOffer: [...ambassador.visitOffers.map((o) => o.visitRequestId), ...ambassador.visits.map((v) => v.id)],
	}
}
