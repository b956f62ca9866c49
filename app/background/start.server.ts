import { startFollowingSearchGeneration } from '#search/generation.server.ts'
import { emailOutbox } from './email-outbox.server.ts'
import { startSchedule } from './schedule.server.ts'
import { startSearchSync } from './search-outbox.server.ts'
import { taskOutbox } from './tasks.server.ts'

/** Starts every background worker: the outboxes (email, search sync, tasks), the schedule, and following other instances' search changes. */
export function startBackgroundWork() {
	const workers = [
		emailOutbox.start(),
		startSearchSync(),
		taskOutbox.start(),
		startSchedule(),
		startFollowingSearchGeneration(),
	]
	return {
		async stop() {
			await Promise.all(workers.map((worker) => worker.stop()))
		},
	}
}
