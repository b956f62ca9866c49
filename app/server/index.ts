// Entry point for `npm start` and `npm run dev`. The environment is checked
// before anything else loads, so a bad value stops the app with a clear message
// naming the variable instead of a stack trace.
import fs from 'node:fs'
import { EnvError, getEnv } from '#app/utils/env.server.ts'

// A .env file is optional; real environment variables win over it.
if (fs.existsSync('.env')) process.loadEnvFile('.env')

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
