import type { LoaderFunctionArgs } from '@remix-run/node'
import { dataDir } from '#app/utils/data-dir.server.ts'
import { requireDevMailbox } from '#app/utils/dev-mailbox.server.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'
import { readMailboxMessage } from '#emails/dev-sink.server.ts'

export async function loader({ params, context }: LoaderFunctionArgs) {
	requireDevMailbox(context)
	const mail = await readMailboxMessage(dataDir('mailbox'), params.messageId ?? '')
	// An attachment's place in the message, from 0: digits only, so "1.0" or "1e0" names nothing.
	invariantResponse(/^(0|[1-9]\d{0,3})$/.test(params.index ?? ''))
	const attachment = mail?.attachments[Number(params.index)]
	invariantResponse(attachment)
	return new Response(new Uint8Array(attachment.content), {
		headers: {
			'Content-Type': attachment.contentType,
			'Content-Disposition': `attachment; filename="${(attachment.filename ?? 'attachment').replace(/[^\w.\- ]+/g, '_')}"`,
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
