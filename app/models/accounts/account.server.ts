import { hashPassword, verifyPassword } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'

// A signed-in person's own account: what the header and the account pages show
// about it, and changing its password.

/** What the header needs to link to the person's own area; null when the session's user is gone. */
export async function getHeaderAccount(userId: string) {
	const user = await prisma.user.findUnique({
		where: { id: userId },
		select: {
			isAdmin: true,
			_count: { select: { memberships: true } },
			ambassador: { select: { id: true } },
		},
	})
	if (!user) return null
	return { isAdmin: user.isAdmin, isTeamMember: user._count.memberships > 0, isAmbassador: Boolean(user.ambassador) }
}

/** The facts on the "Your account" page. */
export async function getAccountOverview(userId: string) {
	const user = await prisma.user.findUniqueOrThrow({
		where: { id: userId },
		select: { email: true, name: true, passwordHash: true, createdAt: true, _count: { select: { memberships: true } } },
	})
	return {
		email: user.email,
		name: user.name,
		hasPassword: Boolean(user.passwordHash),
		createdAt: user.createdAt,
		isTeamMember: user._count.memberships > 0,
	}
}

/** Whether the person acts for a provider (then their account closes through their team, not by themselves). */
export async function isTeamMember(userId: string) {
	return (await prisma.teamMember.count({ where: { userId } })) > 0
}

/** Candidates who applied with an emailed link may never have set a password. */
export async function hasPassword(userId: string) {
	const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })
	return Boolean(user.passwordHash)
}

/** Whether `password` is the account's password (false when it has none). */
export async function isCurrentPassword(userId: string, password: string) {
	const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })
	return user.passwordHash ? verifyPassword(user.passwordHash, password) : false
}

/** Sets a new password and signs every session out (the caller starts a new one for this device). */
export async function changePassword(userId: string, password: string) {
	const passwordHash = await hashPassword(password)
	await prisma.$transaction([
		prisma.user.update({ where: { id: userId }, data: { passwordHash } }),
		prisma.session.deleteMany({ where: { userId } }),
	])
}
