import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import { requireAdmin } from '#app/utils/admin.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAdmin(request)
	return null
}

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'font-bold no-underline text-ink' : '')

export default function AdminLayout() {
	return (
		<div>
			<p className="mb-1 text-muted">Regional team</p>
			<nav aria-label="Regional team" className="mb-6 border-b border-line pb-3">
				<ul className="flex flex-wrap gap-x-6 gap-y-2">
					<li>
						<NavLink to="/admin/redirects" className={navClass}>
							Redirects and hires
						</NavLink>
					</li>
					<li>
						<NavLink to="/admin/providers" className={navClass}>
							Providers
						</NavLink>
					</li>
					<li>
						<NavLink to="/admin/ambassadors" className={navClass}>
							Ambassadors
						</NavLink>
					</li>
					<li>
						<NavLink to="/admin/stories" className={navClass}>
							Stories
						</NavLink>
					</li>
					<li>
						<NavLink to="/admin/visits" className={navClass}>
							Visits
						</NavLink>
					</li>
					<li>
						<NavLink to="/admin/emails" className={navClass}>
							Email delivery
						</NavLink>
					</li>
				</ul>
			</nav>
			<Outlet />
		</div>
	)
}
