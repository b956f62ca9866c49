/// <reference types="vitest/config" />
import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'

declare module '@remix-run/node' {
	interface Future {
		v3_singleFetch: true
	}
}

export default defineConfig({
	plugins: [
		tailwindcss(),
		!process.env.VITEST &&
			remix({
				ignoredRouteFiles: ['**/*.test.{ts,tsx}', '**/__*.*'],
				future: {
					v3_fetcherPersist: true,
					v3_relativeSplatPath: true,
					v3_throwAbortReason: true,
					v3_singleFetch: true,
					v3_lazyRouteDiscovery: true,
					v3_routeConfig: true,
				},
			}),
	],
	build: { target: 'es2022' },
	// Server-only native packages: the dev dependency scanner finds them through
	// *.server.ts imports, but they never reach the browser.
	optimizeDeps: { exclude: ['@node-rs/argon2', 'sharp'] },
	server: { hmr: { port: 24679 } },
	test: {
		include: ['tests/**/*.test.ts', 'app/**/*.test.ts', 'search/**/*.test.ts', 'emails/**/*.test.ts'],
		exclude: ['tests/e2e/**', 'node_modules/**'],
		globalSetup: ['tests/setup/global-setup.ts'],
		setupFiles: ['tests/setup/setup-env.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
	},
})
