import { Link, useLoaderData } from '@remix-run/react'
import { getEnv } from '#app/utils/env.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

export function loader() {
	const env = getEnv()
	return { serviceName: env.SERVICE_NAME, region: env.REGION_NAME }
}

export const handle: PageHandle = { title: 'For employers' }

export default function ForEmployersRoute() {
	const d = useLoaderData<typeof loader>()
	return (
		<div className="max-w-3xl">
			<h1 className="mb-4 text-3xl">Advertise care jobs for free</h1>
			<p className="mb-6 text-lg">
				{d.serviceName} is the free jobs site for health and social care in {d.region}: care homes, home care, supported
				living, day services, NHS employers, and people employing their own Personal Assistant.
			</p>
			<h2 className="mb-3 text-2xl">What you get</h2>
			<ul className="mb-6 ml-6 list-disc space-y-2">
				<li>Vacancies and apprenticeships posted in minutes, free, found by job seekers searching near them.</li>
				<li>
					Applications in one place: move each applicant from new to interview, conditional offer and hired, with
					calendar invitations and the pre-employment checks.
				</li>
				<li>
					Candidates another employer could not offer a job but thought would suit others, passed on to you with their
					permission.
				</li>
				<li>
					Once the regional team has checked your organisation, the talent pool: find local people who want care work
					and invite them to apply.
				</li>
				<li>Your team’s stories on the careers pages, where school leavers and career changers read them.</li>
			</ul>
			<h2 className="mb-3 text-2xl">How to start</h2>
			<ol className="mb-6 ml-6 list-decimal space-y-2">
				<li>Create an employer account with your organisation’s details.</li>
				<li>Confirm your email address from the link we send you.</li>
				<li>Post your first vacancy. The regional team checks new organisations.</li>
			</ol>
			<p className="mb-6">
				Hiring your own Personal Assistant, for example with a direct payment? Choose “Individual employer” when you
				sign up: your address is never shown, only your area.
			</p>
			<div className="flex flex-wrap items-center gap-4">
				<Link to="/signup" className="btn">
					Create an employer account
				</Link>
				<Link to="/login?redirectTo=%2Fprovider">Sign in</Link>
			</div>
		</div>
	)
}
