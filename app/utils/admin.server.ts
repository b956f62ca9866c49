import { requireUserId } from './auth.server.ts'
import { prisma } from './db.server.ts'
import { invariantResponse } from './responses.server.ts'

/** The regional team only; anyone else is told the page does not exist. */
export async function requireAdmin(request: Request) {
	const userId = await requireUserId(request)
	const user = await prisma.user.findUnique({ where: { id: userId }, select: { isAdmin: true } })
	invariantResponse(user?.isAdmin)
	return userId
}
