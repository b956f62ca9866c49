import type { MetaFunction } from '@remix-run/node'
import { Link, useSearchParams } from '@remix-run/react'
import type { PageHandle } from '#app/utils/page.ts'

export const handle: PageHandle = { title: 'You have unsubscribed' }

export const meta: MetaFunction = () => [{ name: 'robots', content: 'noindex' }]

export default function UnsubscribedRoute() {
	const [params] = useSearchParams()
	const several = Number(params.get('alerts')) > 1
	return (
		<div className="max-w-2xl">
			<h1 className="mb-4 text-3xl">You have unsubscribed</h1>
			<p className="mb-4">
				{several
					? 'We have deleted the alerts and will not email you about them again.'
					: 'We have deleted the alert and will not email you about it again.'}
				{params.get('answered') ? ' Thank you for telling us how it went.' : null}
			</p>
			<p>
				<Link to="/jobs">Search for jobs</Link> to make a new alert at any time.
			</p>
		</div>
	)
}
