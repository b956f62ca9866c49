import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { alertsForToken, confirmJobAlert, frequencyText } from '#app/models/alerts/job-alerts.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

// A button, not the link itself, confirms: email scanners open links too, and
// only a person should be able to say yes.
export async function loader({ params }: LoaderFunctionArgs) {
	const alerts = await alertsForToken(params.token ?? '').catch(() => {
		throw new Response('Not found', { status: 404 })
	})
	const alert = alerts.length === 1 ? alerts[0] : null
	if (alert && alert.status !== 'pending') throw redirect(`/alerts/${params.token}`)
	return alert
		? { found: true as const, description: alert.description, frequency: frequencyText(alert.frequency) }
		: { found: false as const }
}

export async function action({ params }: ActionFunctionArgs) {
	const confirmed = await confirmJobAlert(params.token ?? '')
	if (!confirmed) return redirect(`/alerts/${params.token}/confirm`)
	return redirect(`/alerts/${params.token}?confirmed=1`)
}

export const handle: PageHandle = { title: 'Confirm your job alert' }

export const meta: MetaFunction = () => [{ name: 'robots', content: 'noindex' }]

export default function ConfirmAlertRoute() {
	const d = useLoaderData<typeof loader>()
	if (!d.found) {
		return (
			<div className="max-w-2xl">
				<h1 className="mb-4 text-3xl">This alert no longer exists</h1>
				<p className="mb-4">
					Alerts that are not confirmed within 7 days are deleted, and so are alerts someone has unsubscribed from.
				</p>
				<p>
					<Link to="/jobs">Search for jobs</Link> and ask for the alert again.
				</p>
			</div>
		)
	}
	return (
		<div className="max-w-2xl">
			<h1 className="mb-4 text-3xl">Confirm your job alert</h1>
			<p className="mb-2">We will email you new jobs that match:</p>
			<p className="mb-2 border-l-4 border-line pl-3 text-lg font-bold">{d.description}</p>
			<p className="mb-6">{d.frequency}.</p>
			<Form method="post">
				<button type="submit" className="btn">
					Confirm my job alert
				</button>
			</Form>
		</div>
	)
}
