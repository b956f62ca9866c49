import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, Radios, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { ImportantBanner, NotificationBanner } from '#app/components/notification-banner.tsx'
import { SummaryList } from '#app/components/summary-list.tsx'
import {
	alertsForToken,
	changeAlertFrequency,
	deleteAlert,
	frequencyText,
	pauseAlert,
	recordAlertEngagement,
	resumeAlert,
	canSendAsPosted,
} from '#app/models/alerts/job-alerts.server.ts'
import { alertFrequencies, alertRules } from '#app/models/alerts/vocabulary.ts'
import { formatDate } from '#app/utils/dates.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { replyInvalid, replyToDomainError } from '#app/utils/form-reply.ts'
import { ids } from '#app/utils/options.ts'
import type { PageHandle } from '#app/utils/page.ts'

const ChangeSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('frequency'),
		alertId: z.string().max(40),
		frequency: z.enum(ids(alertFrequencies), { error: 'Choose how often you want to get these jobs' }),
	}),
	z.object({ intent: z.enum(['pause', 'resume', 'delete']), alertId: z.string().max(40) }),
])

export async function loader({ params }: LoaderFunctionArgs) {
	const token = params.token ?? ''
	const alerts = await alertsForToken(token).catch(() => {
		throw new Response('Not found', { status: 404 })
	})
	// Managing an alert shows someone is reading its emails.
	if (alerts.length) await recordAlertEngagement(token)
	const canBeImmediate = await Promise.all(alerts.map((a) => a.frequency === 'immediate' || canSendAsPosted(a.query)))
	return {
		alerts: alerts.map((a, i) => ({
			canBeImmediate: canBeImmediate[i],
			id: a.id,
			description: a.description,
			frequency: a.frequency,
			frequencyText: frequencyText(a.frequency),
			status: a.status,
			pausedForInactivity: a.pauseReason === 'unread',
			since: formatDate(a.createdAt),
			lastSent: a.lastSentAt ? formatDate(a.lastSentAt) : null,
			searchHref: a.query ? `/jobs?${a.query}` : '/jobs',
		})),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const token = params.token ?? ''
	const formData = await readFormData(request)
	const submission = parseWithZod(formData, { schema: ChangeSchema })
	const form = `alert-${String(formData.get('alertId') ?? '').slice(0, 40)}`
	if (submission.status !== 'success') return replyInvalid(form, submission)
	const { intent, alertId } = submission.value
	try {
		if (intent === 'frequency') await changeAlertFrequency(token, alertId, submission.value.frequency)
		else if (intent === 'pause') await pauseAlert(token, alertId)
		else if (intent === 'resume') await resumeAlert(token, alertId)
		else await deleteAlert(token, alertId)
	} catch (error) {
		return replyToDomainError(error, form, submission)
	}
	return redirect(`/alerts/${token}?done=${intent}`)
}

export const handle: PageHandle = { title: 'Your job alert' }

export const meta: MetaFunction = () => [{ name: 'robots', content: 'noindex' }]

const doneText: Record<string, string> = {
	frequency: 'How often you get this alert has been changed.',
	pause: 'Your alert is paused. We will not email you about it until you start it again.',
	resume: 'Your alert has started again. We will send jobs posted from now on.',
	delete: 'Your alert has been deleted. We will not email you about it again.',
}

export default function ManageAlertRoute() {
	const d = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	const done = doneText[params.get('done') ?? '']
	return (
		<div className="max-w-2xl">
			{d.alerts.map((alert) => (
				<AlertErrors key={alert.id} alert={alert} />
			))}
			{done ? <NotificationBanner>{done}</NotificationBanner> : null}
			{params.get('confirmed') ? (
				<NotificationBanner>
					Your job alert is confirmed. We will email you when new jobs match it. You can change it here at any time,
					using the link in any of its emails.
				</NotificationBanner>
			) : null}
			<h1 className="mb-4 text-3xl">{d.alerts.length > 1 ? 'Your job alerts' : 'Your job alert'}</h1>
			{d.alerts.length ? (
				d.alerts.map((alert) => <AlertPanel key={alert.id} alert={alert} headingLevel={d.alerts.length > 1} />)
			) : (
				<>
					<p className="mb-4">
						{params.get('done') === 'delete' ? 'There is nothing more to manage here.' : 'This alert has been deleted.'}
					</p>
					<p>
						<Link to="/jobs">Search for jobs</Link> to make a new alert.
					</p>
				</>
			)}
		</div>
	)
}

type AlertView = ReturnType<typeof useLoaderData<typeof loader>>['alerts'][number]

/** At the top of the page, as GOV.UK places it: what went wrong with the alert just changed. */
function AlertErrors({ alert }: { alert: AlertView }) {
	const form = `alert-${alert.id}`
	const fields = useFormFields(form, useFormReply(form), { frequency: alert.frequency })
	return <ErrorSummary errors={fields.summary(['frequency'])} formError={fields.formError} />
}

function AlertPanel({ alert, headingLevel }: { alert: AlertView; headingLevel: boolean }) {
	const form = `alert-${alert.id}`
	const reply = useFormReply(form)
	const fields = useFormFields(form, reply, { frequency: alert.frequency })
	// "As soon as posted" only for a search narrow enough (or one already sent that way).
	const options = alertFrequencies
		.filter((f) => f.id !== 'immediate' || alert.canBeImmediate)
		.map((f) => ({ id: f.id, label: f.label, hint: f.hint }))
	return (
		<section aria-label={alert.description} className="mb-10">
			{headingLevel ? <h2 className="mb-2 text-2xl">{alert.description}</h2> : null}
			{alert.pausedForInactivity ? (
				<ImportantBanner className="mb-4">
					We paused this alert because no one had opened its emails for {alertRules.pauseUnreadMonths} months.
				</ImportantBanner>
			) : null}
			<SummaryList
				rows={[
					{ key: 'Jobs', value: <Link to={alert.searchHref}>{alert.description}</Link> },
					{ key: 'How often', value: alert.frequencyText },
					{
						key: 'Status',
						value:
							alert.status === 'active' ? 'On' : alert.status === 'paused' ? 'Paused' : 'Waiting for you to confirm it',
					},
					{ key: 'Made on', value: alert.since },
					{ key: 'Last sent', value: alert.lastSent ?? 'Nothing sent yet' },
				]}
			/>
			{alert.status === 'pending' ? null : (
				<Form method="post" noValidate className="mb-6">
					<input type="hidden" name="alertId" value={alert.id} />
					<Radios fields={fields} name="frequency" legend="How often do you want these jobs?" options={options} />
					<button type="submit" name="intent" value="frequency" className="btn btn-secondary">
						Save how often
					</button>
				</Form>
			)}
			<div className="flex flex-wrap gap-4">
				{alert.status === 'active' ? (
					<Form method="post">
						<input type="hidden" name="alertId" value={alert.id} />
						<button type="submit" name="intent" value="pause" className="btn btn-secondary">
							Pause alert
						</button>
					</Form>
				) : alert.status === 'paused' ? (
					<Form method="post">
						<input type="hidden" name="alertId" value={alert.id} />
						<button type="submit" name="intent" value="resume" className="btn">
							Start alert again
						</button>
					</Form>
				) : null}
				<Form method="post">
					<input type="hidden" name="alertId" value={alert.id} />
					<button type="submit" name="intent" value="delete" className="btn btn-warning">
						Delete alert
					</button>
				</Form>
			</div>
		</section>
	)
}
