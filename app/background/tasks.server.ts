import { buildRedirectMatches } from '#app/models/redirect/redirects.server.ts'
import { defineTaskOutbox, type TaskHandlers } from './task-outbox.server.ts'

/** What each kind of task does. A new kind is a line here and a name in TaskKind. */
export const taskHandlers: TaskHandlers = {
	'redirect-matches': buildRedirectMatches,
}

export const taskOutbox = defineTaskOutbox(taskHandlers)

/** Runs due tasks now (tests and scripts), with these handlers. Returns how many ran. */
export async function processTasks(handlers: TaskHandlers = taskHandlers, limit = 20) {
	return defineTaskOutbox(handlers).processDue(limit)
}
