import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { recordAlertEngagement } from '#app/models/alerts/job-alerts.server.ts'

// Links in alert emails pass through here, so an alert whose emails nobody
// reads can pause itself (job-alerts pauseUnreadAlerts). /go is the alert's
// search, newest first; /go/<id> is one of the jobs. A link that is not one of
// ours still takes the person to the job, without counting.
export async function loader({ params }: LoaderFunctionArgs) {
	const alerts = await recordAlertEngagement(params.token ?? '')
	const job = params['*'] ?? ''
	if (/^[1-9]\d{0,9}$/.test(job)) return redirect(`/jobs/${job}`)
	const query = new URLSearchParams(alerts.length === 1 ? alerts[0].query : '')
	query.set('sort', 'newest')
	return redirect(`/jobs?${query}`)
}
