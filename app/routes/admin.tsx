import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { SectionNav } from '#app/components/section-nav.tsx'
import { requireAdmin } from '#app/utils/admin.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAdmin(request)
	return null
}

export default function AdminLayout() {
	return (
		<div>
			<p className="mb-1 text-muted">Regional team</p>
			<SectionNav
				label="Regional team"
				links={[
					{ to: '/admin', label: 'Overview', end: true },
					{ to: '/admin/redirects', label: 'Redirects and hires' },
					{ to: '/admin/providers', label: 'Providers' },
					{ to: '/admin/ambassadors', label: 'Ambassadors' },
					{ to: '/admin/stories', label: 'Stories' },
					{ to: '/admin/visits', label: 'Visits' },
					{ to: '/admin/emails', label: 'Email delivery' },
				]}
			/>
			<Outlet />
		</div>
	)
}
