import { NavLink } from '@remix-run/react'

export type SectionLink = { to: string; label: string; end?: boolean }

const linkClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'font-bold no-underline text-ink' : '')

/** The row of links under a signed-in area's heading (account, employer, ambassador, regional team); the current page's link is bold. */
export function SectionNav({ label, links }: { label: string; links: SectionLink[] }) {
	return (
		<nav aria-label={label} className="mb-6 border-b border-line pb-3">
			<ul className="flex flex-wrap gap-x-6 gap-y-2">
				{links.map((link) => (
					<li key={link.to}>
						<NavLink to={link.to} end={link.end} className={linkClass}>
							{link.label}
						</NavLink>
					</li>
				))}
			</ul>
		</nav>
	)
}
