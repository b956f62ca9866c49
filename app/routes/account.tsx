import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import { requireUserId } from '#app/utils/auth.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserId(request)
	return null
}

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'font-bold no-underline text-ink' : '')

export default function AccountLayout() {
	return (
		<div>
			<nav aria-label="Your account" className="mb-6 border-b border-line pb-3">
				<ul className="flex flex-wrap gap-x-6 gap-y-2">
					<li>
						<NavLink to="/account/applications" className={navClass}>
							Your applications
						</NavLink>
					</li>
					<li>
						<NavLink to="/account/matches" className={navClass}>
							Jobs that may suit you
						</NavLink>
					</li>
					<li>
						<NavLink to="/account/profile" className={navClass}>
							Your details
						</NavLink>
					</li>
					<li>
						<NavLink to="/account/sharing" className={navClass}>
							Sharing your details
						</NavLink>
					</li>
					<li>
						<NavLink to="/account" end className={navClass}>
							Account and data
						</NavLink>
					</li>
				</ul>
			</nav>
			<Outlet />
		</div>
	)
}
