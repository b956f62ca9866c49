import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { SectionNav } from '#app/components/section-nav.tsx'
import { requireUserId } from '#app/utils/auth.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserId(request)
	return null
}

export default function AccountLayout() {
	return (
		<div>
			<SectionNav
				label="Your account"
				links={[
					{ to: '/account/applications', label: 'Your applications' },
					{ to: '/account/matches', label: 'Jobs that may suit you' },
					{ to: '/account/saved', label: 'Saved jobs' },
					{ to: '/account/alerts', label: 'Job alerts' },
					{ to: '/account/profile', label: 'Your details' },
					{ to: '/account/sharing', label: 'Sharing your details' },
					{ to: '/account', label: 'Account and data', end: true },
				]}
			/>
			<Outlet />
		</div>
	)
}
