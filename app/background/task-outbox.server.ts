import type { Tx } from '#app/utils/db.server.ts'
import { defineOutbox, nudge, type HandlerResult } from './outbox.server.ts'

// Background work that must survive a restart, written in the same transaction
// as the change that asks for it. What each kind does is in tasks.server.ts.

export type TaskKind = 'redirect-matches'
export type TaskHandlers = Record<TaskKind, (subjectId: string) => Promise<void>>

type TaskRow = { id: number; attempts: number; kind: string; subjectId: string }

export async function queueTask(tx: Tx, kind: TaskKind, subjectId: string) {
	await tx.taskOutbox.create({ data: { kind, subjectId } })
}

export function notifyTasks() {
	nudge('tasks')
}

async function runTasks(handlers: TaskHandlers, rows: TaskRow[]): Promise<HandlerResult> {
	const failed: NonNullable<HandlerResult['failed']> = []
	for (const row of rows) {
		try {
			await handlers[row.kind as TaskKind](row.subjectId)
		} catch (error) {
			failed.push({ id: row.id, error })
		}
	}
	return { failed }
}

/** The task outbox, running each kind with its handler. */
export function defineTaskOutbox(handlers: TaskHandlers) {
	return defineOutbox<TaskRow>({
		name: 'tasks',
		table: 'taskOutbox',
		leaseMs: 2 * 60_000,
		claimSize: 1,
		retry: { firstMs: 2000, maxMs: 30 * 60_000 },
		pollMs: 2000,
		select: { kind: true, subjectId: true },
		handle: (rows) => runTasks(handlers, rows),
	})
}
