import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { projectRoot } from './bench-env.ts'
import { machineInfo } from './machine.ts'

export const resultsDir = path.join(projectRoot, 'tests', 'bench', 'results')

/** The commit measured, and whether the working tree had changes on top of it. */
function revision() {
	try {
		const git = (...args: string[]) =>
			execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
		return {
			commit: git('rev-parse', '--short', 'HEAD'),
			uncommittedChanges: git('status', '--porcelain', '--untracked-files=no') !== '',
		}
	} catch {
		return null
	}
}

/**
 * Writes `tests/bench/results/<name>-<YYYY-MM-DDTHH-MM>.json` (UTC) holding
 * `{ benchmark, savedAt, revision, machine, ...data }` and returns its path. A
 * second result in the same minute gets `-2`, `-3`… rather than overwriting.
 */
export function saveResult(name: string, data: Record<string, unknown>) {
	fs.mkdirSync(resultsDir, { recursive: true })
	const now = new Date()
	const stamp = now.toISOString().slice(0, 16).replace(':', '-')
	let file = path.join(resultsDir, `${name}-${stamp}.json`)
	for (let n = 2; fs.existsSync(file); n++) file = path.join(resultsDir, `${name}-${stamp}-${n}.json`)
	const result = { benchmark: name, savedAt: now.toISOString(), revision: revision(), machine: machineInfo(), ...data }
	fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n')
	return file
}
