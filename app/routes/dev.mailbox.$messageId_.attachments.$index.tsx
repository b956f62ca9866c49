import type { LoaderFunctionArgs } from '@remix-run/node'
import { dataDir } from '#app/utils/data-dir.server.ts'
import { requireDevMailbox } from '#app/utils/dev-mailbox.server.ts'
import { readMailboxMessage } from '#emails/dev-sink.server.ts'

export async function loader({ params, context }: LoaderFunctionArgs) {
	requireDevMailbox(context)
	const mail = await readMailboxMessage(dataDir('mailbox'), params.messageId ?? '')
	const attachment = mail?.attachments[Number(params.index)]
	if (!attachment) throw new Response('Not found', { status: 404 })
	return new Response(new Uint8Array(attachment.content), {
		headers: {
			'Content-Type': attachment.contentType,
			'Content-Disposition': `attachment; filename="${(attachment.filename ?? 'attachment').replace(/[^\w.\- ]+/g, '_')}"`,
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
