import { defineConfig, devices } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3100)

// End-to-end tests drive Debian's Chromium (no browser download) against the
// production build, started the way `npm start` starts it, with its own data.
export default defineConfig({
	testDir: './tests/e2e',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: 1,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	reporter: [['list']],
	outputDir: 'test-results',
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-gpu',
			],
		},
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
	webServer: {
		command: 'rm -rf tests/.e2e-data && node --import tsx app/server/index.ts',
		url: `http://localhost:${port}/healthcheck`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			NODE_ENV: 'production',
			PORT: String(port),
			DATA_DIR: 'tests/.e2e-data',
			LOG_REQUESTS: 'false',
			SEED_DEMO_DATA: 'true',
			PUBLIC_URL: `http://localhost:${port}`,
		},
	},
})
