import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { requireAmbassador } from '#app/models/ambassadors.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const ambassador = await requireAmbassador(await requireUserId(request))
	return { firstName: ambassador.firstName, id: ambassador.id }
}

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'font-bold no-underline text-ink' : '')

export default function AmbassadorLayout() {
	const d = useLoaderData<typeof loader>()
	return (
		<div>
			<p className="mb-1 text-muted">I Care Ambassador: {d.firstName}</p>
			<nav aria-label="Ambassador" className="mb-6 border-b border-line pb-3">
				<ul className="flex flex-wrap gap-x-6 gap-y-2">
					<li>
						<NavLink to="/ambassador" end className={navClass}>
							Visits
						</NavLink>
					</li>
					<li>
						<NavLink to="/ambassador/profile" className={navClass}>
							Profile
						</NavLink>
					</li>
					<li>
						<NavLink to="/ambassador/pathway" className={navClass}>
							Your pathway
						</NavLink>
					</li>
					<li>
						<NavLink to="/ambassador/stories" className={navClass}>
							Your stories
						</NavLink>
					</li>
					<li>
						<NavLink to={`/ambassadors/${d.id}`}>Your public profile</NavLink>
					</li>
				</ul>
			</nav>
			<Outlet />
		</div>
	)
}
