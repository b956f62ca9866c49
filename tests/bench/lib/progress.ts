import cliProgress from 'cli-progress'

export type Progress = {
	/** Sets how many are done (and optionally a new total). */
	update: (done: number, total?: number) => void
	increment: (by?: number) => void
	stop: () => void
}

/**
 * A progress bar on stderr: "Inserting vacancies [████░░░] 42% 42000/100000 | 1.2 s | ETA 2 s".
 * When stderr is not a terminal (CI, logs) it prints a line every 2 s instead.
 */
export function createProgress(label: string, total: number): Progress {
	const started = Date.now()
	const bar = new cliProgress.SingleBar(
		{
			format: `${label.padEnd(22)} [{bar}] {percentage}% {value}/{total} | {elapsed} | ETA {eta_formatted}`,
			barCompleteChar: '█',
			barIncompleteChar: '░',
			hideCursor: true,
			noTTYOutput: true,
			notTTYSchedule: 2000,
			etaBuffer: 50,
			fps: 10,
		},
		cliProgress.Presets.shades_classic,
	)
	const elapsed = () => ({ elapsed: `${((Date.now() - started) / 1000).toFixed(1)} s` })
	bar.start(total, 0, elapsed())
	return {
		update(done, newTotal) {
			if (newTotal !== undefined && newTotal !== bar.getTotal()) bar.setTotal(newTotal)
			bar.update(done, elapsed())
		},
		increment(by = 1) {
			bar.increment(by, elapsed())
		},
		stop() {
			bar.stop()
		},
	}
}
