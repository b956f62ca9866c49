import type { ReactNode } from 'react'

/**
 * GOV.UK's success notification banner: what just happened, at the top of the
 * page after a form was sent. Announced by screen readers (role="status").
 */
export function NotificationBanner({ children, className = 'mb-6' }: { children: ReactNode; className?: string }) {
	return (
		<div className={`${className} border-l-8 border-success bg-success-light p-4`} role="status">
			{children}
		</div>
	)
}

/**
 * Something the person should know before carrying on (not an error): an
 * orange bar, as GOV.UK's "important" notification banner.
 */
export function ImportantBanner({
	children,
	className = 'mb-6',
	tone = 'warn',
	...rest
}: {
	children: ReactNode
	className?: string
	tone?: 'warn' | 'plain'
	role?: 'status' | 'region'
	'aria-labelledby'?: string
}) {
	return (
		<div
			className={`${className} border-l-8 border-attention p-4 ${tone === 'warn' ? 'bg-warn-bg' : 'bg-white'}`}
			{...rest}
		>
			{children}
		</div>
	)
}
