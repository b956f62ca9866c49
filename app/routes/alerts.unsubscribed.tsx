import type { MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import type { PageHandle } from '#app/utils/page.ts'

export const handle: PageHandle = { title: 'You have unsubscribed' }

export const meta: MetaFunction = () => [{ name: 'robots', content: 'noindex' }]

export default function UnsubscribedRoute() {
	return (
		<div className="max-w-2xl">
			<h1 className="mb-4 text-3xl">You have unsubscribed</h1>
			<p className="mb-4">
				We have deleted the alert and will not email you about it again. Thank you for telling us how it went.
			</p>
			<p>
				<Link to="/jobs">Search for jobs</Link> to make a new alert at any time.
			</p>
		</div>
	)
}
