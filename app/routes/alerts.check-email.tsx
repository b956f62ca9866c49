import type { MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import type { PageHandle } from '#app/utils/page.ts'

export const handle: PageHandle = { title: 'Check your email to confirm your job alert' }

export const meta: MetaFunction = () => [{ name: 'robots', content: 'noindex' }]

export default function CheckEmailRoute() {
	return (
		<div className="max-w-2xl">
			<h1 className="mb-4 text-3xl">Check your email</h1>
			<p className="mb-4">
				We have sent you an email with a link to confirm your job alert. We will not send any jobs until you confirm it.
				If you already get this alert, the email has a link to manage it instead.
			</p>
			<p className="mb-4">
				If it has not arrived in a few minutes, check your spam or junk folder. The link keeps working for 7 days.
			</p>
			<p>
				<Link to="/jobs">Back to job search</Link>
			</p>
		</div>
	)
}
