import { z } from 'zod'
import { notifyEmailOutbox } from '#app/background/email-outbox.server.ts'
import { notifySearchOutbox, recordVacancyChange } from '#app/background/search-outbox.server.ts'
import { prepareEmailConfirmation } from '#app/models/accounts/email-confirmation.server.ts'
import { hashPassword, requireUserId } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { DomainError, NotFoundError } from '#app/utils/domain-error.ts'
import { ids } from '#app/utils/options.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'
import {
	EmailSchema,
	NewPasswordSchema,
	optionalText,
	requiredText,
	UkPostcodeSchema,
	UrlSchema,
} from '#app/utils/validation.ts'
import { providerTypes, isIndividualEmployer } from './vocabulary.ts'

const ProviderTypeSchema = z.enum(ids(providerTypes), { error: 'Choose what kind of employer you are' })

const CqcLocationIdSchema = z
	.string()
	.trim()
	.optional()
	.transform((v) => v || undefined)
	.refine((v) => v === undefined || /^1-\d{6,12}$/.test(v), {
		error: 'Enter a CQC location ID in the format 1-123456789, or leave it blank',
	})

export const ProviderProfileSchema = z.object({
	name: requiredText('the name candidates will see', 120, 2),
	type: ProviderTypeSchema,
	cqcLocationId: CqcLocationIdSchema,
	addressLine1: requiredText('the first line of the address', 120),
	addressLine2: optionalText('the second line of the address', 120),
	town: requiredText('the town or city', 60, 2),
	postcode: UkPostcodeSchema,
	website: UrlSchema,
	about: optionalText('about your organisation', 3000),
})

export const ProviderSignupSchema = ProviderProfileSchema.extend({
	contactName: requiredText('your name', 100),
	email: EmailSchema,
	password: NewPasswordSchema,
})

export type ProviderProfileInput = z.infer<typeof ProviderProfileSchema>
export type ProviderSignupInput = z.infer<typeof ProviderSignupSchema>

export async function emailIsTaken(email: string) {
	return Boolean(await prisma.user.findUnique({ where: { email }, select: { id: true } }))
}

function profileData(input: ProviderProfileInput) {
	return {
		name: input.name,
		type: input.type,
		cqcLocationId: isIndividualEmployer(input.type) ? null : (input.cqcLocationId ?? null),
		addressLine1: input.addressLine1,
		addressLine2: input.addressLine2 ?? null,
		town: input.town,
		postcode: input.postcode.postcode,
		website: isIndividualEmployer(input.type) ? null : (input.website ?? null),
		about: input.about ?? '',
	}
}

/**
 * Creates the user, the provider and the owner membership together, and emails
 * a link to confirm the address (the account works meanwhile, but the regional
 * team will not verify an organisation until its owner has confirmed).
 */
export async function signUpProvider(input: ProviderSignupInput) {
	const passwordHash = await hashPassword(input.password)
	const queueConfirmation = await prepareEmailConfirmation({
		email: input.email,
		name: input.contactName,
		organisation: input.name,
	})
	const created = await prisma.$transaction(async (tx) => {
		const user = await tx.user.create({
			data: { email: input.email, passwordHash, name: input.contactName },
			select: { id: true },
		})
		const provider = await tx.provider.create({ data: profileData(input), select: { id: true } })
		await tx.teamMember.create({ data: { providerId: provider.id, userId: user.id, role: 'owner' } })
		await queueConfirmation(tx, user.id)
		return { userId: user.id, providerId: provider.id }
	})
	notifyEmailOutbox()
	return created
}

export async function updateProviderProfile(providerId: string, input: ProviderProfileInput) {
	await prisma.$transaction(async (tx) => {
		await tx.provider.update({ where: { id: providerId }, data: profileData(input) })
		// The provider's name and type are part of every vacancy document.
		const vacancies = await tx.vacancy.findMany({ where: { providerId, status: 'live' }, select: { id: true } })
		await recordVacancyChange(
			tx,
			vacancies.map((v) => v.id),
		)
	})
	notifySearchOutbox()
}

export type ProviderMember = {
	userId: string
	role: string
	provider: { id: string; name: string; type: string; town: string; postcode: string }
}

/**
 * The signed-in team member and their provider; sends everyone else to sign in,
 * and refuses (403) a signed-in account that is in no team. A request guard,
 * like requireUserId: the only kind of model function that throws a response.
 */
export async function requireProviderMember(request: Request): Promise<ProviderMember> {
	const userId = await requireUserId(request)
	const membership = await prisma.teamMember.findFirst({
		where: { userId },
		orderBy: { createdAt: 'asc' },
		select: {
			role: true,
			provider: { select: { id: true, name: true, type: true, town: true, postcode: true } },
		},
	})
	invariantResponse(membership, 'This account is not part of a provider’s team.', { status: 403 })
	return { userId, role: membership.role, provider: membership.provider }
}

export async function getProviderProfile(providerId: string) {
	return prisma.provider.findUnique({
		where: { id: providerId },
		select: {
			id: true,
			name: true,
			type: true,
			cqcLocationId: true,
			addressLine1: true,
			addressLine2: true,
			town: true,
			postcode: true,
			website: true,
			about: true,
		},
	})
}

/** What anyone may see of a provider. Individual employers show only their area. */
export async function getPublicProvider(providerId: string) {
	const provider = await prisma.provider.findUnique({
		where: { id: providerId },
		select: {
			id: true,
			name: true,
			type: true,
			cqcLocationId: true,
			addressLine1: true,
			addressLine2: true,
			town: true,
			postcode: true,
			website: true,
			about: true,
			verifiedAt: true,
		},
	})
	if (!provider) return null
	return toPublicProvider(provider)
}

export function toPublicProvider(provider: {
	id: string
	name: string
	type: string
	cqcLocationId: string | null
	addressLine1: string
	addressLine2: string | null
	town: string
	postcode: string
	website: string | null
	about: string
	verifiedAt?: Date | null
}) {
	const individual = isIndividualEmployer(provider.type)
	return {
		id: provider.id,
		name: provider.name,
		type: provider.type,
		individual,
		about: provider.about,
		town: provider.town,
		area: `${provider.town} area`,
		address: individual
			? null
			: {
					lines: [provider.addressLine1, provider.addressLine2].filter(Boolean) as string[],
					town: provider.town,
					postcode: provider.postcode,
				},
		website: individual ? null : provider.website,
		cqcLocationId: individual ? null : provider.cqcLocationId,
		verified: Boolean(provider.verifiedAt),
	}
}

export type PublicProvider = ReturnType<typeof toPublicProvider>

/** Where a provider stands with verification, for the pages that depend on it. */
export async function verificationState(providerId: string, userId: string) {
	const [provider, you] = await Promise.all([
		prisma.provider.findUniqueOrThrow({
			where: { id: providerId },
			select: {
				type: true,
				cqcLocationId: true,
				verifiedAt: true,
				members: { where: { role: 'owner' }, select: { user: { select: { emailVerifiedAt: true } } } },
			},
		}),
		prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } }),
	])
	return {
		verified: Boolean(provider.verifiedAt),
		individual: isIndividualEmployer(provider.type),
		cqcLocationId: provider.cqcLocationId,
		ownerConfirmed: provider.members.some((m) => m.user.emailVerifiedAt),
		yourEmail: you.email,
		yourEmailConfirmed: Boolean(you.emailVerifiedAt),
	}
}

export type VerificationState = Awaited<ReturnType<typeof verificationState>>

/**
 * Every provider for the regional team, in a stable order (by name), with who
 * signed it up and whether their email address is confirmed.
 */
export async function listProvidersForVerification() {
	return prisma.provider.findMany({
		orderBy: [{ name: 'asc' }, { createdAt: 'asc' }],
		select: {
			id: true,
			name: true,
			type: true,
			town: true,
			cqcLocationId: true,
			verifiedAt: true,
			createdAt: true,
			members: {
				where: { role: 'owner' },
				orderBy: { createdAt: 'asc' },
				select: { user: { select: { name: true, email: true, emailVerifiedAt: true } } },
			},
		},
	})
}

export class VerificationError extends DomainError {}

/**
 * Verifies a provider, or takes verification away. Only an organisation with
 * an owner whose email address is confirmed can be verified: a name and a CQC
 * location ID are public, so they prove nothing by themselves.
 */
export async function setProviderVerified(providerId: string, verified: boolean) {
	const provider = await prisma.provider.findUnique({
		where: { id: providerId },
		select: {
			name: true,
			verifiedAt: true,
			members: { where: { role: 'owner', user: { emailVerifiedAt: { not: null } } }, select: { id: true } },
		},
	})
	if (!provider) throw new NotFoundError()
	if (verified && !provider.members.length) {
		throw new VerificationError(
			`${provider.name} cannot be verified yet: nobody who owns the account has confirmed their email address`,
		)
	}
	await prisma.provider.update({
		where: { id: providerId },
		data: { verifiedAt: verified ? (provider.verifiedAt ?? new Date()) : null },
	})
	return provider.name
}
