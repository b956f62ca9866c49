import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { StageTag } from '#app/components/stage-tag.tsx'
import { listCandidateApplications } from '#app/models/applications/applications.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	const applications = await listCandidateApplications(userId)
	return {
		applications: applications.map((a) => ({
			id: a.id,
			stage: a.stage,
			title: a.vacancy.title,
			providerName: a.vacancy.provider.name,
			town: a.vacancy.town,
			sent: formatDate(a.submittedAt!),
			updated: formatDate(a.updatedAt),
		})),
	}
}

export const handle: PageHandle = { title: 'Your applications' }

export default function MyApplicationsRoute() {
	const d = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	return (
		<div className="max-w-3xl">
			{params.get('reset') ? (
				<NotificationBanner>Your new password is saved. You have been signed out everywhere else.</NotificationBanner>
			) : null}
			<h1 className="mb-6 text-3xl">Your applications</h1>
			{d.applications.length ? (
				<ul>
					{d.applications.map((a) => (
						<li key={a.id} className="border-b border-line py-4">
							<h2 className="mb-1 text-xl">
								<Link to={`/account/applications/${a.id}`}>{a.title}</Link>
							</h2>
							<p className="mb-2">
								{a.providerName}, {a.town}
							</p>
							<p>
								<StageTag stage={a.stage} />{' '}
								<span className="ml-2 text-muted">
									Sent {a.sent} · last update {a.updated}
								</span>
							</p>
						</li>
					))}
				</ul>
			) : (
				<p>
					You have not sent any applications yet. <Link to="/jobs">Find a job</Link>.
				</p>
			)}
		</div>
	)
}
