import { describeError, log } from './log.server.ts'

/** A sleep that can be cut short: workers sleep between polls and wake when nudged. */
export function createSleeper() {
	let wake: (() => void) | null = null
	return {
		sleep(ms: number) {
			return new Promise<void>((resolve) => {
				const timer = setTimeout(done, ms)
				function done() {
					clearTimeout(timer)
					wake = null
					resolve()
				}
				wake = done
			})
		},
		wake() {
			wake?.()
		},
	}
}

/**
 * A background worker: runs `step` until it reports no work (0), then sleeps
 * for `pollMs` or until nudged. Errors are logged (without their messages,
 * which can carry personal data) and the loop carries on.
 */
export function startLoop(options: { name: string; step: () => Promise<number>; pollMs: number; subscribe?: (wake: () => void) => () => void }) {
	const sleeper = createSleeper()
	let running = true
	const unsubscribe = options.subscribe?.(() => sleeper.wake())
	const loop = (async () => {
		while (running) {
			try {
				if ((await options.step()) === 0) await sleeper.sleep(options.pollMs)
			} catch (error) {
				log.error(options.name, describeError(error))
				await sleeper.sleep(options.pollMs)
			}
		}
	})()
	return {
		async stop() {
			running = false
			unsubscribe?.()
			sleeper.wake()
			await loop
		},
	}
}
