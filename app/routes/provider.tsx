import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { SectionNav } from '#app/components/section-nav.tsx'
import { requireProviderMember } from '#app/models/organisations/providers.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const member = await requireProviderMember(request)
	return { providerName: member.provider.name, role: member.role }
}

export default function ProviderLayout() {
	const d = useLoaderData<typeof loader>()
	return (
		<div>
			<p className="mb-1 text-muted">{d.providerName}</p>
			<SectionNav
				label="Employer"
				links={[
					{ to: '/provider', label: 'Vacancies', end: true },
					{ to: '/provider/applications', label: 'Applicants' },
					{ to: '/provider/vacancies/new', label: 'Post a vacancy' },
					{ to: '/provider/talent-pool', label: 'Talent pool' },
					{ to: '/provider/stories', label: 'Stories' },
					{ to: '/provider/team', label: 'Team' },
					{ to: '/provider/profile', label: 'Organisation profile' },
				]}
			/>
			<Outlet />
		</div>
	)
}
