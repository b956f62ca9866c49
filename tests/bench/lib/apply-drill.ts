/**
 * Apply load for the fault drills, and the check of what it left: each
 * applicant a new person from a new address (as behind a proxy), applying
 * without an account; afterwards, were the applications the app accepted all
 * stored, and did each applicant get exactly one confirmation email?
 */
import { prisma } from '#app/utils/db.server.ts'
import { applyForm } from '#tests/fixtures/applications.ts'
import type { startTestMailServer } from '#tests/mail-server.ts'

export type Attempt = { email: string; vacancyId: number; status: number | 'refused' }

/** Live vacancies that will not close during the drill. */
export async function drillVacancies() {
	return (
		await prisma.vacancy.findMany({
			where: { status: 'live', closingDate: { gt: new Date(Date.now() + 86_400_000) } },
			select: { id: true },
			take: 500,
			orderBy: { id: 'desc' },
		})
	).map((v) => v.id)
}

/** Applies until `until` resolves, on `connections` at once, each to the app `baseUrl()` gives. */
export async function applyLoad(options: {
	baseUrl: (n: number) => string
	connections: number
	until: Promise<void>
	runId: string
	vacancyIds: number[]
}) {
	const attempts: Attempt[] = []
	let applicant = 0
	let stopped = false
	void options.until.then(() => (stopped = true))
	const worker = async () => {
		while (!stopped) {
			const n = applicant++
			const email = `faults.${options.runId}.${n}@applicant.example`
			const vacancyId = options.vacancyIds[n % options.vacancyIds.length]
			const base = options.baseUrl(n)
			const body = new FormData()
			for (const [key, value] of Object.entries(
				applyForm([], { email, firstName: 'Drill', lastName: `Applicant ${n}` }),
			)) {
				for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
			}
			try {
				const response = await fetch(`${base}/jobs/${vacancyId}/apply`, {
					method: 'POST',
					redirect: 'manual',
					headers: { origin: base, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
					body,
				})
				await response.arrayBuffer()
				attempts.push({ email, vacancyId, status: response.status })
			} catch {
				// The app is not listening (it is restarting): the browser shows "can't connect", nothing was sent.
				attempts.push({ email, vacancyId, status: 'refused' })
				await new Promise((resolve) => setTimeout(resolve, 200))
			}
		}
	}
	await Promise.all(Array.from({ length: options.connections }, worker))
	return attempts
}

/** Waits (up to 3 minutes) for the drill's emails to leave the outbox; how many are still waiting. */
export async function waitForOutbox(runId: string) {
	const started = performance.now()
	let outstanding = Infinity
	while (performance.now() - started < 180_000) {
		outstanding = await prisma.emailOutbox.count({
			where: { status: { in: ['pending', 'sending'] }, toAddress: { startsWith: `faults.${runId}.` } },
		})
		if (outstanding === 0) break
		await new Promise((resolve) => setTimeout(resolve, 500))
	}
	return outstanding
}

/** Applications accepted but not stored, and confirmation emails lost or sent as two messages. */
export async function checkApplications(
	attempts: Attempt[],
	vacancyIds: number[],
	mail: Awaited<ReturnType<typeof startTestMailServer>>,
) {
	const accepted = attempts.filter((a) => a.status === 302)
	// Applications wait, unconfirmed, with what the applicant typed (email included).
	const stored = new Set(
		(
			await prisma.application.findMany({
				where: {
					vacancyId: { in: vacancyIds },
					candidateId: null,
					createdAt: { gte: new Date(Date.now() - 3_600_000) },
				},
				select: { vacancyId: true, pendingProfile: true },
			})
		).map((a) => `${(a.pendingProfile as { email?: string } | null)?.email}|${a.vacancyId}`),
	)
	// What each applicant's inbox shows: mail providers keep one message per Message-ID.
	const confirmations = new Map<string, Set<string>>()
	let redelivered = 0
	const seenIds = new Set<string>()
	for (const { mail: message } of mail.deliveries) {
		const to = JSON.stringify(message.to ?? '').match(/faults\.[\w.]+@applicant\.example/)?.[0]
		if (!to || !message.subject?.startsWith('Confirm your email')) continue
		const id = message.messageId ?? ''
		if (seenIds.has(id)) redelivered++
		seenIds.add(id)
		confirmations.set(to, (confirmations.get(to) ?? new Set()).add(id))
	}
	const statuses: Record<string, number> = {}
	for (const a of attempts) statuses[String(a.status)] = (statuses[String(a.status)] ?? 0) + 1
	return {
		accepted: accepted.length,
		applicationsLost: accepted.filter((a) => !stored.has(`${a.email}|${a.vacancyId}`)).length,
		emailsLost: accepted.filter((a) => !confirmations.has(a.email)).length,
		emailsTwice: [...confirmations.values()].filter((ids) => ids.size > 1).length,
		redelivered,
		statuses,
		serverErrors: attempts.filter((a) => typeof a.status === 'number' && a.status >= 500).length,
	}
}
