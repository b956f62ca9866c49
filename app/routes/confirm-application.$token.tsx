import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import {
	confirmApplicationEmail,
	getApplicationAwaitingConfirmation,
} from '#app/models/applications/applications.server.ts'
import { createSession } from '#app/utils/auth.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

// The link in the email opens this page; the button sends the application.
// (Email scanners follow links, so a GET must never use the token up.)
export async function loader({ params }: LoaderFunctionArgs) {
	const application = await getApplicationAwaitingConfirmation(params.token ?? '')
	return {
		valid: Boolean(application),
		title: application?.title ?? null,
		providerName: application?.providerName ?? null,
	}
}

export async function action({ params }: ActionFunctionArgs) {
	const confirmed = await confirmApplicationEmail(params.token ?? '')
	if (!confirmed) return redirect(`/confirm-application/${params.token}`)
	// The job closed before they confirmed: its page explains and suggests others.
	if (confirmed.outcome === 'closed') return redirect(`/jobs/${confirmed.vacancyId}`)
	const query = confirmed.outcome === 'sent' ? 'sent=1' : 'already=1'
	return redirect(`/account/applications/${confirmed.applicationId}?${query}`, {
		headers: { 'Set-Cookie': await createSession(confirmed.userId) },
	})
}

export const handle: PageHandle = { title: 'Confirm your email' }

export default function ConfirmApplicationRoute() {
	const d = useLoaderData<typeof loader>()
	if (!d.valid) {
		return (
			<div className="max-w-2xl">
				<h1 className="mb-4 text-3xl">This link has expired or has been used</h1>
				<p className="mb-4">
					If you have already confirmed, your application has been sent: <Link to="/login">sign in</Link> to see it.
				</p>
				<p>Otherwise, apply again from the job’s page and we will send you a new link.</p>
			</div>
		)
	}
	return (
		<div className="max-w-2xl">
			<h1 className="mb-4 text-3xl">Confirm your email to send your application</h1>
			<p className="mb-6">
				Your application for {d.title} with {d.providerName} is ready to send.
			</p>
			<Form method="post">
				<button type="submit" className="btn">
					Confirm and send my application
				</button>
			</Form>
		</div>
	)
}
