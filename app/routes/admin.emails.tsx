import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, useSearchParams } from '@remix-run/react'
import { notifyEmailOutbox, retryFailedEmails } from '#app/background/email-outbox.server.ts'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { emailDelivery } from '#app/models/insight/email-delivery.server.ts'
import { requireAdmin } from '#app/utils/admin.server.ts'
import { formatDateTime } from '#app/utils/dates.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAdmin(request)
	const { counts, problems } = await emailDelivery()
	return {
		counts,
		problems: problems.map((p) => ({
			...p,
			createdAt: formatDateTime(p.createdAt),
			nextTry: p.status === 'failed' ? null : formatDateTime(p.availableAt),
		})),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	await requireAdmin(request)
	const count = await retryFailedEmails()
	notifyEmailOutbox()
	return redirect(`/admin/emails?retried=${count}`)
}

export const handle: PageHandle = { title: 'Email delivery' }

export default function AdminEmailsRoute() {
	const d = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	return (
		<div>
			{params.get('retried') ? (
				<NotificationBanner>{params.get('retried')} failed emails are queued to be sent again.</NotificationBanner>
			) : null}
			<h1 className="mb-4 text-3xl">Email delivery</h1>
			<dl className="mb-6 flex flex-wrap gap-8">
				{['sent', 'pending', 'sending', 'failed'].map((status) => (
					<div key={status}>
						<dt className="capitalize text-muted">{status}</dt>
						<dd className="text-3xl font-bold">{d.counts[status] ?? 0}</dd>
					</div>
				))}
			</dl>
			<h2 className="mb-2 text-2xl">Failed or retrying</h2>
			{d.problems.length ? (
				<>
					<table className="mb-6 w-full border-collapse text-left">
						<thead>
							<tr className="border-b-2 border-ink">
								<th scope="col" className="py-2 pr-4">
									Email
								</th>
								<th scope="col" className="py-2 pr-4">
									Status
								</th>
								<th scope="col" className="py-2 pr-4">
									Attempts
								</th>
								<th scope="col" className="py-2">
									Last error
								</th>
							</tr>
						</thead>
						<tbody>
							{d.problems.map((p) => (
								<tr key={p.id} className="border-b border-line align-top">
									<td className="py-2 pr-4">
										{p.subject}
										<span className="block text-sm text-muted">queued {p.createdAt}</span>
									</td>
									<td className="py-2 pr-4">
										{p.status}
										{p.nextTry ? <span className="block text-sm text-muted">next try {p.nextTry}</span> : null}
									</td>
									<td className="py-2 pr-4">{p.attempts}</td>
									<td className="break-all py-2 font-mono text-sm">{p.lastError}</td>
								</tr>
							))}
						</tbody>
					</table>
					{d.counts.failed ? (
						<Form method="post">
							<button type="submit" className="btn">
								Try the failed emails again
							</button>
						</Form>
					) : null}
				</>
			) : (
				<p>Every email has been delivered.</p>
			)}
		</div>
	)
}
