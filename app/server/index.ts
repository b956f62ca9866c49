// Entry point for `npm start` and `npm run dev`. The environment is checked
// before anything else loads, so a bad value stops the app with a clear message
// naming the variable instead of a stack trace.
import { EnvError, getEnv, loadDotEnv } from '#app/utils/env.server.ts'
import { projectRoot } from '#app/utils/project-root.server.ts'

loadDotEnv(projectRoot)

function exitOnEnvError(error: unknown) {
	if (error instanceof EnvError) {
		console.error(error.message)
		process.exit(1)
	}
	throw error
}

try {
	// React and Remix choose their production builds from process.env.NODE_ENV
	// when first loaded, so the checked value (production unless set) goes there
	// before they are.
	process.env.NODE_ENV = getEnv().NODE_ENV
} catch (error) {
	exitOnEnvError(error)
}

// Some settings can only be checked against the data they name (the region's areas).
await import('./http.server.ts').catch(exitOnEnvError)
