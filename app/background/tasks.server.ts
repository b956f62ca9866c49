import { remember } from '@epic-web/remember'
import { prisma, type Tx } from '#app/utils/db.server.ts'
import { describeError, log } from '#app/utils/log.server.ts'
import { startLoop } from '#app/utils/loop.server.ts'

// Background work that must survive a restart, with the same claim, lease and
// backoff as the email and search outboxes.

export type TaskKind = 'redirect-matches'

const LEASE_MS = 2 * 60_000
const nudge = remember('task-nudge', () => ({ listeners: new Set<() => void>() }))

export async function queueTask(tx: Tx, kind: TaskKind, subjectId: string) {
	await tx.taskOutbox.create({ data: { kind, subjectId } })
}

export function notifyTasks() {
	for (const listener of nudge.listeners) listener()
}

function backoffMs(attempts: number) {
	return Math.min(30 * 60_000, 1000 * 2 ** attempts)
}

type Handlers = Record<TaskKind, (subjectId: string) => Promise<void>>

/** Runs due tasks, one claimed at a time. Returns how many ran. */
export async function processTasks(handlers: Handlers, limit = 20) {
	let ran = 0
	while (ran < limit) {
		const now = new Date()
		const task = await prisma.$transaction(async (tx) => {
			const row = await tx.taskOutbox.findFirst({ where: { availableAt: { lte: now } }, orderBy: { id: 'asc' } })
			if (!row) return null
			const claimed = await tx.taskOutbox.updateMany({
				where: { id: row.id, availableAt: row.availableAt },
				data: { availableAt: new Date(now.getTime() + LEASE_MS) },
			})
			return claimed.count ? row : null
		})
		if (!task) break
		ran++
		try {
			await handlers[task.kind as TaskKind](task.subjectId)
			await prisma.taskOutbox.delete({ where: { id: task.id } })
		} catch (error) {
			log.error('tasks', `${task.kind} ${task.subjectId}: ${describeError(error)}`)
			await prisma.taskOutbox.update({
				where: { id: task.id },
				data: { attempts: task.attempts + 1, availableAt: new Date(Date.now() + backoffMs(task.attempts + 1)), lastError: String(error instanceof Error ? error.name : error) },
			})
		}
	}
	return ran
}

export function startTaskWorker(handlers: Handlers, options: { pollMs?: number } = {}) {
	return startLoop({
		name: 'tasks',
		step: () => processTasks(handlers),
		pollMs: options.pollMs ?? 2000,
		subscribe: (wake) => {
			nudge.listeners.add(wake)
			return () => nudge.listeners.delete(wake)
		},
	})
}
