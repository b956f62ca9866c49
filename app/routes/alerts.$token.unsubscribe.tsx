import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Radios, useFormFields } from '#app/components/forms.tsx'
import { alertsForToken, unsubscribe } from '#app/models/alerts/job-alerts.server.ts'
import { foundJobAnswers } from '#app/models/alerts/vocabulary.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { ids } from '#app/utils/options.ts'
import type { PageHandle } from '#app/utils/page.ts'

// Two ways in. A mail program's Unsubscribe button POSTs
// "List-Unsubscribe=One-Click" here with no page in between (RFC 8058; the
// cross-site check lets this path through, as the signed token is the proof).
// Someone following the link in the email sees the page, with one optional question.

const UnsubscribeSchema = z.object({ foundJob: z.enum(ids(foundJobAnswers)).optional().catch(undefined) })

export async function loader({ params }: LoaderFunctionArgs) {
	const alerts = await alertsForToken(params.token ?? '').catch(() => {
		throw new Response('Not found', { status: 404 })
	})
	return { descriptions: alerts.map((a) => a.description) }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const token = params.token ?? ''
	const formData = await readFormData(request)
	if (formData.get('List-Unsubscribe') === 'One-Click') {
		await unsubscribe(token, null).catch(() => {
			throw new Response('Not found', { status: 404 })
		})
		return new Response('You have been unsubscribed.', { status: 200, headers: { 'Content-Type': 'text/plain' } })
	}
	const submission = parseWithZod(formData, { schema: UnsubscribeSchema })
	const foundJob = submission.status === 'success' ? (submission.value.foundJob ?? null) : null
	const removed = await unsubscribe(token, foundJob).catch(() => {
		throw new Response('Not found', { status: 404 })
	})
	const page = new URLSearchParams({ alerts: String(removed) })
	if (foundJob) page.set('answered', '1')
	return redirect(`/alerts/unsubscribed?${page}`)
}

export const handle: PageHandle = { title: 'Unsubscribe from job alerts' }

export const meta: MetaFunction = () => [{ name: 'robots', content: 'noindex' }]

export default function UnsubscribeRoute() {
	const d = useLoaderData<typeof loader>()
	const fields = useFormFields('unsubscribe', undefined)
	if (!d.descriptions.length) {
		return (
			<div className="max-w-2xl">
				<h1 className="mb-4 text-3xl">You have already unsubscribed</h1>
				<p className="mb-4">We will not send you any more emails about this alert.</p>
				<p>
					<Link to="/jobs">Search for jobs</Link>
				</p>
			</div>
		)
	}
	return (
		<div className="max-w-2xl">
			<h1 className="mb-4 text-3xl">
				{d.descriptions.length > 1 ? 'Unsubscribe from these job alerts' : 'Unsubscribe from this job alert'}
			</h1>
			<ul className="mb-6 space-y-2">
				{d.descriptions.map((description) => (
					<li key={description} className="border-l-4 border-line pl-3 text-lg font-bold">
						{description}
					</li>
				))}
			</ul>
			<Form method="post">
				<Radios
					fields={fields}
					name="foundJob"
					legend="Did you find a job? (optional)"
					hint="Your answer helps us understand how people find work in care. It is counted, not linked to you."
					options={foundJobAnswers}
				/>
				<button type="submit" className="btn">
					Unsubscribe
				</button>
			</Form>
		</div>
	)
}
