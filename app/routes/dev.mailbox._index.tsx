import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { dataDir } from '#app/utils/data-dir.server.ts'
import { formatDateTime } from '#app/utils/dates.ts'
import { emailsWaiting, requireDevMailbox } from '#app/utils/dev-mailbox.server.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { listMailbox } from '#emails/dev-sink.server.ts'

export async function loader({ context }: LoaderFunctionArgs) {
	requireDevMailbox(context)
	const [messages, waiting] = await Promise.all([listMailbox(dataDir('mailbox')), emailsWaiting()])
	return {
		messages: messages.map((m) => ({ ...m, date: formatDateTime(m.date) })),
		waiting,
	}
}

export const handle: PageHandle = { title: 'Development mailbox' }

export const meta = () => [{ name: 'robots', content: 'noindex' }]

export default function DevMailboxRoute() {
	const d = useLoaderData<typeof loader>()
	return (
		<div>
			<h1 className="mb-2 text-3xl">Development mailbox</h1>
			<p className="mb-6 max-w-3xl">
				Every email the portal sends arrives here, because no <code>SMTP_URL</code> is set. With <code>SMTP_URL</code>{' '}
				set this page is switched off.
			</p>
			{d.waiting.length ? (
				<section className="mb-8" aria-labelledby="waiting-heading">
					<h2 id="waiting-heading" className="mb-2 text-2xl">
						Waiting to be sent ({d.waiting.length})
					</h2>
					<ul className="ml-6 list-disc">
						{d.waiting.map((w) => (
							<li key={w.id}>
								{w.subject} to {w.toAddress}: {w.status}, {w.attempts} attempts{w.lastError ? ` (${w.lastError})` : ''}
							</li>
						))}
					</ul>
				</section>
			) : null}
			{d.messages.length ? (
				<table className="w-full border-collapse text-left">
					<thead>
						<tr className="border-b-2 border-ink">
							<th scope="col" className="py-2 pr-4">
								Subject
							</th>
							<th scope="col" className="py-2 pr-4">
								To
							</th>
							<th scope="col" className="py-2">
								Received
							</th>
						</tr>
					</thead>
					<tbody>
						{d.messages.map((m) => (
							<tr key={m.id} className="border-b border-line">
								<td className="py-2 pr-4">
									<Link to={`/dev/mailbox/${m.id}`}>{m.subject}</Link>
								</td>
								<td className="py-2 pr-4">{m.to}</td>
								<td className="py-2">{m.date}</td>
							</tr>
						))}
					</tbody>
				</table>
			) : (
				<p>No emails yet.</p>
			)}
		</div>
	)
}
