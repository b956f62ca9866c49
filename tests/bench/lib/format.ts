import fs from 'node:fs'
import path from 'node:path'

/** 1536 → "1.5 KiB" (powers of 1024). */
export function formatBytes(bytes: number) {
	const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
	let value = bytes
	let unit = 0
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024
		unit++
	}
	return `${value.toFixed(unit === 0 ? 0 : value < 10 ? 2 : 1)} ${units[unit]}`
}

/** 1234 → "1.23 s", 65000 → "1 min 5.0 s", 12.3 → "12.3 ms". */
export function formatMs(ms: number) {
	if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`
	if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`
	return `${Math.floor(ms / 60_000)} min ${((ms % 60_000) / 1000).toFixed(1)} s`
}

/** Bytes a file or directory tree takes: `disk` (allocated blocks, like du) and `apparent` (file lengths). */
export function diskUsage(target: string) {
	let disk = 0
	let apparent = 0
	const visit = (p: string) => {
		const stat = fs.lstatSync(p, { throwIfNoEntry: false })
		if (!stat) return
		if (stat.isDirectory()) {
			for (const name of fs.readdirSync(p)) visit(path.join(p, name))
		} else {
			disk += stat.blocks * 512
			apparent += stat.size
		}
	}
	visit(target)
	return { disk, apparent }
}

/** A SQLite database's bytes on disk, with its -wal and -shm files. */
export function sqliteBytes(file: string) {
	return ['', '-wal', '-shm'].reduce(
		(sum, suffix) => sum + (fs.statSync(file + suffix, { throwIfNoEntry: false })?.size ?? 0),
		0,
	)
}
