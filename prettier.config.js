// Prettier settings for the whole repository. What is not formatted is listed in
// .prettierignore (Prettier also skips what .gitignore lists).

/** @type {import('prettier').Config} */
const config = {
	useTabs: true,
	singleQuote: true,
	semi: false,
	printWidth: 120,
	trailingComma: 'all',
	arrowParens: 'always',
	overrides: [
		// npm rewrites package.json with two spaces on every install; formatting it with
		// tabs would only make each install a diff.
		{ files: ['**/package.json'], options: { useTabs: false } },
	],
}

export default config
