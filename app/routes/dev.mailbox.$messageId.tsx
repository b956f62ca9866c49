import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { SummaryList } from '#app/components/summary-list.tsx'
import { dataDir } from '#app/utils/data-dir.server.ts'
import { formatDateTime } from '#app/utils/dates.ts'
import { requireDevMailbox } from '#app/utils/dev-mailbox.server.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'
import { readMailboxMessage } from '#emails/dev-sink.server.ts'

export async function loader({ params, context }: LoaderFunctionArgs) {
	requireDevMailbox(context)
	const mail = await readMailboxMessage(dataDir('mailbox'), params.messageId ?? '')
	invariantResponse(mail)
	return {
		id: params.messageId!,
		subject: mail.subject ?? '(no subject)',
		from: mail.from?.text ?? '',
		to: mail.to ? (Array.isArray(mail.to) ? mail.to.map((t) => t.text).join(', ') : mail.to.text) : '',
		date: mail.date ? formatDateTime(mail.date) : '',
		messageId: mail.messageId ?? '',
		text: mail.text ?? '',
		html: typeof mail.html === 'string' ? mail.html : '',
		attachments: mail.attachments.map((a, index) => ({
			index,
			filename: a.filename ?? `attachment-${index}`,
			contentType: a.contentType,
			size: a.size,
		})),
	}
}

export const handle: PageHandle = { title: (d: { subject: string }) => d.subject }

export default function DevMailboxMessageRoute() {
	const d = useLoaderData<typeof loader>()
	return (
		<div>
			<p className="mb-4">
				<Link to="/dev/mailbox">‹ Mailbox</Link>
			</p>
			<h1 className="mb-4 text-3xl">{d.subject}</h1>
			<SummaryList
				className="mb-6"
				rows={[
					{ key: 'From', value: d.from },
					{ key: 'To', value: d.to },
					{ key: 'Date', value: d.date },
					{ key: 'Message-ID', value: <span className="break-all">{d.messageId}</span> },
				]}
			/>
			{d.attachments.length ? (
				<ul className="mb-6">
					{d.attachments.map((a) => (
						<li key={a.index}>
							<a href={`/dev/mailbox/${d.id}/attachments/${a.index}`}>{a.filename}</a> ({a.contentType}, {a.size} bytes)
						</li>
					))}
				</ul>
			) : null}
			<h2 className="mb-2 text-2xl">HTML part</h2>
			<iframe
				title={`HTML part of ${d.subject}`}
				srcDoc={d.html}
				sandbox=""
				className="mb-6 h-[60rem] w-full max-w-3xl border-2 border-line"
			/>
			<h2 className="mb-2 text-2xl">Plain-text part</h2>
			<pre className="max-w-3xl whitespace-pre-wrap border-2 border-line bg-surface p-4 font-mono text-sm">
				{d.text}
			</pre>
		</div>
	)
}
