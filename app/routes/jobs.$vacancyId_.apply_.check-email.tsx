import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useParams } from '@remix-run/react'
import { CONFIRM_TTL_HOURS } from '#app/models/accounts/link-lifetimes.ts'
import { recallApplyEmail } from '#app/utils/apply-email.server.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { parseIdParam } from '#app/utils/responses.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	return { hours: CONFIRM_TTL_HOURS, email: await recallApplyEmail(request, parseIdParam(params.vacancyId)) }
}

export const handle: PageHandle = { title: 'Check your email' }

export default function CheckEmailRoute() {
	const { vacancyId } = useParams()
	const { hours, email } = useLoaderData<typeof loader>()
	return (
		<div className="max-w-2xl">
			{/* Nothing has been sent yet: a heading and the next step, not a green "done" panel. */}
			<h1 className="mb-2 text-3xl">Check your email</h1>
			<p className="mb-4 text-lg">
				Your application is saved, but <strong>not sent yet</strong>. It will be sent when you confirm your email
				address.
			</p>
			<p className="mb-4">
				We have sent a link to {email ? <strong className="break-all">{email}</strong> : 'the email address you gave'}.
				Open it on any device within {hours} hours to send your application.
			</p>
			<h2 className="mb-2 text-xl">If it has not arrived</h2>
			<ul className="mb-6 ml-6 list-disc space-y-1">
				<li>wait a few minutes, and check your junk or spam folder</li>
				<li>
					check you typed your email correctly, then <Link to={`/jobs/${vacancyId}/apply`}>apply again</Link> to send a
					new link
				</li>
			</ul>
			<p>
				<Link to="/jobs">Look at other jobs</Link>
			</p>
		</div>
	)
}
