import { z } from 'zod'
import { notifyEmailOutbox, queueEmail } from '#app/background/email-outbox.server.ts'
import { INVITATION_DAYS } from '#app/models/accounts/link-lifetimes.ts'
import { hashPassword } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { DomainError, NotFoundError } from '#app/utils/domain-error.ts'
import { publicUrl } from '#app/utils/env.server.ts'
import { ids } from '#app/utils/options.ts'
import { isTokenShaped, newToken, tokenHash } from '#app/utils/tokens.server.ts'
import { EmailSchema, NewPasswordSchema, requiredText } from '#app/utils/validation.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as teamInvitation from '#emails/templates/team-invitation.tsx'
import { teamRoles } from './vocabulary.ts'

export const InviteSchema = z.object({
	email: EmailSchema,
	role: z.enum(ids(teamRoles), { error: 'Choose what they can do' }),
})

export const AcceptInvitationSchema = z.object({
	name: requiredText('your name', 100),
	password: NewPasswordSchema,
})

export async function listTeam(providerId: string) {
	const [members, invitations] = await Promise.all([
		prisma.teamMember.findMany({
			where: { providerId },
			orderBy: { createdAt: 'asc' },
			select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
		}),
		prisma.teamInvitation.findMany({
			where: { providerId, acceptedAt: null, expiresAt: { gt: new Date() } },
			orderBy: { createdAt: 'desc' },
			select: { id: true, email: true, role: true, expiresAt: true },
		}),
	])
	return { members, invitations }
}

export class TeamError extends DomainError {}

/** Only an owner may invite; the invitation email goes through the outbox. */
export async function inviteColleague(
	providerId: string,
	inviter: { userId: string; role: string },
	input: z.infer<typeof InviteSchema>,
) {
	requireOwner(inviter)
	const token = newToken()
	await prisma.$transaction(async (tx) => {
		const already = await tx.teamMember.findFirst({ where: { providerId, user: { email: input.email } } })
		if (already) throw new TeamError('They are already in your team', { field: 'email' })
		const provider = await tx.provider.findUniqueOrThrow({ where: { id: providerId }, select: { name: true } })
		const inviterUser = await tx.user.findUniqueOrThrow({
			where: { id: inviter.userId },
			select: { name: true, email: true },
		})
		const invitation = await tx.teamInvitation.create({
			data: {
				providerId,
				email: input.email,
				role: input.role,
				tokenHash: tokenHash(token),
				invitedById: inviter.userId,
				expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
			},
		})
		const email = await renderEmail(teamInvitation, {
			providerName: provider.name,
			inviterName: inviterUser.name ?? inviterUser.email,
			role: input.role,
			acceptUrl: `${publicUrl()}/invitations/${token}`,
			expiresInDays: INVITATION_DAYS,
		})
		await queueEmail(tx, { key: `team-invitation:${invitation.id}`, to: input.email, ...email })
	})
	notifyEmailOutbox()
}

export async function findInvitation(token: string) {
	if (!isTokenShaped(token)) return null
	const invitation = await prisma.teamInvitation.findUnique({
		where: { tokenHash: tokenHash(token) },
		select: {
			id: true,
			email: true,
			role: true,
			acceptedAt: true,
			expiresAt: true,
			providerId: true,
			provider: { select: { name: true } },
		},
	})
	if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() < Date.now()) return null
	const existingUser = await prisma.user.findUnique({
		where: { email: invitation.email },
		select: { id: true, passwordHash: true },
	})
	return { ...invitation, hasAccount: Boolean(existingUser?.passwordHash), existingUserId: existingUser?.id ?? null }
}

/**
 * Accepts an invitation. Someone new sets their name and password; someone who
 * already has an account must be signed in as the invited email.
 */
export async function acceptInvitation(
	token: string,
	options: { signedInUserId: string | null; newAccount?: z.infer<typeof AcceptInvitationSchema> },
) {
	const invitation = await findInvitation(token)
	if (!invitation) return null
	const passwordHash = options.newAccount ? await hashPassword(options.newAccount.password) : null
	return prisma.$transaction(async (tx) => {
		const claimed = await tx.teamInvitation.updateMany({
			where: { id: invitation.id, acceptedAt: null },
			data: { acceptedAt: new Date() },
		})
		if (!claimed.count) return null
		let userId = options.signedInUserId
		const elsewhere = await tx.teamMember.findFirst({
			where: { user: { email: invitation.email }, providerId: { not: invitation.providerId } },
			select: { provider: { select: { name: true } } },
		})
		// One account recruits for one provider, so what it can see is never in doubt.
		if (elsewhere)
			throw new TeamError(
				`${invitation.email} already recruits for ${elsewhere.provider.name}. Use a different email address for this team.`,
			)
		if (userId) {
			const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })
			if (user.email !== invitation.email)
				throw new TeamError(`This invitation is for ${invitation.email}. Sign out, then open the link again.`)
		} else if (invitation.existingUserId && !invitation.hasAccount && passwordHash && options.newAccount) {
			// A candidate without a password joins a team: they choose one now.
			await tx.user.update({
				where: { id: invitation.existingUserId },
				data: { passwordHash, name: options.newAccount.name, emailVerifiedAt: new Date() },
			})
			userId = invitation.existingUserId
		} else if (!invitation.existingUserId && passwordHash && options.newAccount) {
			const user = await tx.user.create({
				data: { email: invitation.email, name: options.newAccount.name, passwordHash, emailVerifiedAt: new Date() },
			})
			userId = user.id
		} else {
			throw new TeamError('Sign in with your existing account to accept this invitation')
		}
		await tx.teamMember.upsert({
			where: { providerId_userId: { providerId: invitation.providerId, userId } },
			create: { providerId: invitation.providerId, userId, role: invitation.role },
			update: { role: invitation.role },
		})
		return { userId, providerName: invitation.provider.name }
	})
}

function requireOwner(inviter: { role: string }) {
	if (inviter.role !== 'owner') throw new TeamError('Only owners can change the team', { status: 403 })
}

/** Someone who leaves loses access at once: their membership goes, and so do their sessions' rights to this provider. */
export async function removeMember(providerId: string, by: { userId: string; role: string }, memberId: string) {
	requireOwner(by)
	await prisma.$transaction(async (tx) => {
		const member = await tx.teamMember.findFirst({ where: { id: memberId, providerId } })
		if (!member) throw new NotFoundError()
		if (member.role === 'owner' && (await tx.teamMember.count({ where: { providerId, role: 'owner' } })) === 1) {
			throw new TeamError('A team needs at least one owner: make someone else an owner first')
		}
		await tx.teamMember.delete({ where: { id: member.id } })
	})
}

export async function cancelInvitation(providerId: string, by: { userId: string; role: string }, invitationId: string) {
	requireOwner(by)
	const cancelled = await prisma.teamInvitation.deleteMany({
		where: { id: invitationId, providerId, acceptedAt: null },
	})
	if (!cancelled.count) throw new NotFoundError()
}
