import type { Tx } from '#app/utils/db.server.ts'

/**
 * Moves a redirected candidate's outcome along: they applied to another
 * provider after being passed on, or were hired there. Called in the same
 * transaction as the application or the hire.
 */
export async function recordRedirectProgress(
	tx: Tx,
	candidateId: string,
	application: { id: string; providerId: string },
	step: 'applied' | 'hired',
) {
	const elsewhere = { candidateId, fromProviderId: { not: application.providerId } }
	if (step === 'applied') {
		await tx.redirect.updateMany({
			where: { ...elsewhere, status: { in: ['suggested', 'viewed'] } },
			data: { status: 'applied', appliedAt: new Date(), appliedApplicationId: application.id },
		})
		return
	}
	const now = new Date()
	await tx.redirect.updateMany({
		where: { ...elsewhere, status: { in: ['suggested', 'viewed', 'applied'] } },
		data: { status: 'hired', hiredAt: now },
	})
	await tx.redirect.updateMany({
		where: { ...elsewhere, status: 'hired', appliedAt: null },
		data: { appliedAt: now, appliedApplicationId: application.id },
	})
}
