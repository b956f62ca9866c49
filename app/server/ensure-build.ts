// `npm start` runs this first: builds the app when there is no build yet or the
// sources are newer than it, so a fresh clone needs only `npm install && npm start`.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const output = path.resolve('build/server/index.js')
const sources = ['app', 'search', 'emails', 'public', 'vite.config.ts', 'package.json']
const skip = new Set(['generated', 'node_modules', 'data'])

function newestMtime(target: string): number {
	if (!fs.existsSync(target)) return 0
	const stat = fs.statSync(target)
	if (!stat.isDirectory()) return stat.mtimeMs
	let newest = 0
	for (const entry of fs.readdirSync(target)) {
		if (skip.has(entry)) continue
		newest = Math.max(newest, newestMtime(path.join(target, entry)))
	}
	return newest
}

const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0
if (built < Math.max(...sources.map((s) => newestMtime(path.resolve(s))))) {
	console.log(built ? 'Sources changed since the last build: rebuilding…' : 'Building the app (first start only)…')
	const result = spawnSync(process.execPath, [path.resolve('node_modules/@remix-run/dev/dist/cli.js'), 'vite:build'], {
		stdio: 'inherit',
	})
	if (result.status !== 0) process.exit(result.status ?? 1)
}
