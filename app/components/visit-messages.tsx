import { Form } from '@remix-run/react'
import { ErrorSummary, TextArea, type FieldState } from './forms.tsx'

export type VisitMessage = { id: number; mine: boolean; from: string; body: string; sent: string }

/** The message thread between a school and its ambassador, with a form to add to it. */
export function VisitMessages({
	messages,
	fields,
	canSend,
	otherParty,
}: {
	messages: VisitMessage[]
	fields: FieldState
	canSend: boolean
	otherParty: string
}) {
	return (
		<section aria-labelledby="messages-heading" className="mb-8">
			<h2 id="messages-heading" className="mb-2 text-2xl">
				Messages
			</h2>
			<p className="mb-4 text-muted">
				Messages go through the portal. Do not share personal phone numbers or email addresses.
			</p>
			{messages.length ? (
				<ol className="mb-6 space-y-4">
					{messages.map((m) => (
						<li
							key={m.id}
							className={`max-w-xl border-l-4 p-3 ${m.mine ? 'ml-auto border-brand bg-brand-light' : 'border-line bg-surface'}`}
						>
							<p className="mb-1 text-sm font-bold">
								{m.from} <span className="font-normal text-muted">· {m.sent}</span>
							</p>
							<p className="whitespace-pre-line">{m.body}</p>
						</li>
					))}
				</ol>
			) : (
				<p className="mb-6">No messages yet.</p>
			)}
			{canSend ? (
				<Form key={messages.length} method="post" noValidate>
					<ErrorSummary errors={fields.summary(['body'])} />
					<input type="hidden" name="intent" value="message" />
					<TextArea fields={fields} name="body" label={`Send a message to ${otherParty}`} rows={4} maxLength={2000} />
					<button type="submit" className="btn btn-secondary">
						Send message
					</button>
				</Form>
			) : null}
		</section>
	)
}
