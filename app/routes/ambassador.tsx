import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { SectionNav } from '#app/components/section-nav.tsx'
import { requireAmbassador } from '#app/models/careers/ambassadors.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const ambassador = await requireAmbassador(await requireUserId(request))
	return { firstName: ambassador.firstName, id: ambassador.id }
}

export default function AmbassadorLayout() {
	const d = useLoaderData<typeof loader>()
	return (
		<div>
			<p className="mb-1 text-muted">I Care Ambassador: {d.firstName}</p>
			<SectionNav
				label="Ambassador"
				links={[
					{ to: '/ambassador', label: 'Visits', end: true },
					{ to: '/ambassador/profile', label: 'Profile' },
					{ to: '/ambassador/pathway', label: 'Your pathway' },
					{ to: '/ambassador/stories', label: 'Your stories' },
					{ to: `/ambassadors/${d.id}`, label: 'Your public profile' },
				]}
			/>
			<Outlet />
		</div>
	)
}
