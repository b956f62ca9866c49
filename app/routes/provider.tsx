import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { requireProviderMember } from '#app/models/providers.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const member = await requireProviderMember(request)
	return { providerName: member.provider.name, role: member.role }
}

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'font-bold no-underline text-ink' : '')

export default function ProviderLayout() {
	const d = useLoaderData<typeof loader>()
	return (
		<div>
			<p className="mb-1 text-muted">{d.providerName}</p>
			<nav aria-label="Employer" className="mb-6 border-b border-line pb-3">
				<ul className="flex flex-wrap gap-x-6 gap-y-2">
					<li>
						<NavLink to="/provider" end className={navClass}>
							Vacancies
						</NavLink>
					</li>
					<li>
						<NavLink to="/provider/applications" className={navClass}>
							Applicants
						</NavLink>
					</li>
					<li>
						<NavLink to="/provider/vacancies/new" className={navClass}>
							Post a vacancy
						</NavLink>
					</li>
					<li>
						<NavLink to="/provider/talent-pool" className={navClass}>
							Talent pool
						</NavLink>
					</li>
					<li>
						<NavLink to="/provider/stories" className={navClass}>
							Stories
						</NavLink>
					</li>
					<li>
						<NavLink to="/provider/team" className={navClass}>
							Team
						</NavLink>
					</li>
					<li>
						<NavLink to="/provider/profile" className={navClass}>
							Organisation profile
						</NavLink>
					</li>
				</ul>
			</nav>
			<Outlet />
		</div>
	)
}
