import os from 'node:os'

/** What a result was measured on: cores, CPU model, memory, OS, Node version, and how busy the machine was. */
export function machineInfo() {
	const cpus = os.cpus()
	return {
		cpus: cpus.length,
		cpuModel: cpus[0]?.model.trim() ?? 'unknown',
		totalMemoryBytes: os.totalmem(),
		platform: `${os.type()} ${os.release()} ${os.arch()}`,
		node: process.version,
		/** 1, 5 and 15 minute load averages when the result was saved: other work skews timings */
		loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
	}
}
