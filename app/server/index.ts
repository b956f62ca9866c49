// Entry point for `npm start` and `npm run dev`. The environment is checked
// before anything else loads, so a bad value stops the app with a clear message
// naming the variable instead of a stack trace.
import { EnvError, getEnv, loadDotEnv } from '#app/utils/env.server.ts'
import { projectRoot } from '#app/utils/project-root.server.ts'

loadDotEnv(projectRoot)

try {
	getEnv()
} catch (error) {
	if (error instanceof EnvError) {
		console.error(error.message)
		process.exit(1)
	}
	throw error
}

await import('./http.server.ts')
