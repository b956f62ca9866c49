import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

function findRoot(start: string) {
	for (let dir = start; ; dir = path.dirname(dir)) {
		const manifest = path.join(dir, 'package.json')
		if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'care-careers') return dir
		if (path.dirname(dir) === dir) return process.cwd()
	}
}

// Found from this file, not the working directory, so the source (tsx, vitest)
// and the built server (build/server) agree wherever the app is started from.
export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)))

export function fromRoot(...parts: string[]) {
	return path.join(projectRoot, ...parts)
}
