// ESLint flat config: likely bugs, hook rules and one import order. Layout is
// Prettier's job (prettier.config.js). typescript-eslint runs without type
// information to keep `npm run lint` fast; `npm run typecheck` checks the types.
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig([
	// The same paths as .prettierignore that hold JavaScript or TypeScript.
	globalIgnores([
		'build/',
		'app/generated/',
		'data/',
		'tests/.tmp*/',
		'tests/.e2e-data/',
		'tests/bench/results/',
		'test-results/',
		'playwright-report/',
		'blob-report/',
		'prisma/migrations/',
	]),

	js.configs.recommended,
	tseslint.configs.recommended,

	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
		},
		plugins: {
			'import-x': importX,
			'react-hooks': reactHooks,
		},
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'warn',

			// One order everywhere: node:, packages, then our own #app/, #search/, #emails/,
			// #prisma/ and #tests/ modules, then relative paths; each group alphabetical.
			'import-x/order': [
				'error',
				{
					groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'],
					pathGroups: ['#app/**', '#search/**', '#emails/**', '#prisma/**', '#tests/**'].map((pattern) => ({
						pattern,
						group: 'internal',
					})),
					pathGroupsExcludedImportTypes: ['builtin'],
					'newlines-between': 'ignore',
					alphabetize: { order: 'asc', caseInsensitive: true },
				},
			],
			'import-x/no-duplicates': 'warn',

			'@typescript-eslint/no-explicit-any': 'warn',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{
					args: 'after-used',
					argsIgnorePattern: '^_',
					varsIgnorePattern: '^_',
					caughtErrorsIgnorePattern: '^_',
					destructuredArrayIgnorePattern: '^_',
					ignoreRestSiblings: true,
				},
			],
		},
	},

	{
		files: ['tests/**', '**/*.test.{ts,tsx}'],
		rules: {
			// Tests and benchmarks hold no React components: `useBenchDataDir()` and
			// Playwright's fixture `use()` are not hooks.
			'react-hooks/rules-of-hooks': 'off',
			'react-hooks/exhaustive-deps': 'off',
			// `while ((await processEmailOutbox()).claimed) {}` drains a queue on purpose.
			'no-empty': 'off',
		},
	},
])
