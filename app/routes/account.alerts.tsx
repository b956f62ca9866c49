import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { alertsForUser, frequencyText } from '#app/models/alerts/job-alerts.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	const alerts = await alertsForUser(userId)
	return {
		alerts: alerts.map((a) => ({
			id: a.id,
			description: a.description,
			frequency: frequencyText(a.frequency),
			status: a.status,
			lastSent: a.lastSentAt ? formatDate(a.lastSentAt) : null,
			manageHref: a.manageHref,
			searchHref: a.query ? `/jobs?${a.query}` : '/jobs',
		})),
	}
}

export const handle: PageHandle = { title: 'Your job alerts' }

const statusText = { active: 'On', paused: 'Paused', pending: 'Waiting for you to confirm it by email' }

export default function AccountAlertsRoute() {
	const d = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	const created = d.alerts.find((a) => a.id === params.get('created'))
	return (
		<div className="max-w-3xl">
			{created ? (
				<NotificationBanner>
					Your job alert is set up. We will email you new jobs for: <strong>{created.description}</strong>.
				</NotificationBanner>
			) : null}
			<h1 className="mb-4 text-3xl">Your job alerts</h1>
			<p className="mb-6">
				We email you new jobs that match these searches. To make another, search for jobs and choose “Get these jobs by
				email”.
			</p>
			{d.alerts.length ? (
				<ul className="mb-6">
					{d.alerts.map((alert) => (
						<li key={alert.id} className="border-b border-line py-4">
							<h2 className="mb-1 text-xl">
								<Link to={alert.searchHref}>{alert.description}</Link>
							</h2>
							<p className="mb-1">
								{alert.frequency}. {statusText[alert.status as keyof typeof statusText] ?? alert.status}.
								{alert.lastSent ? ` Last sent ${alert.lastSent}.` : ''}
							</p>
							<Link to={alert.manageHref}>
								Change, pause or delete<span className="sr-only"> the alert for {alert.description}</span>
							</Link>
						</li>
					))}
				</ul>
			) : (
				<p className="mb-6 text-muted">You have no job alerts.</p>
			)}
			<p>
				<Link to="/jobs">Search for jobs</Link>
			</p>
		</div>
	)
}
