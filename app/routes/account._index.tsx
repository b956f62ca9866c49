import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { SummaryList } from '#app/components/summary-list.tsx'
import { getAccountOverview } from '#app/models/accounts/account.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	const { createdAt, ...account } = await getAccountOverview(userId)
	return { ...account, since: formatDate(createdAt) }
}

export const handle: PageHandle = { title: 'Your account' }

export default function AccountRoute() {
	const d = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	return (
		<div className="max-w-2xl">
			{params.get('password') ? (
				<NotificationBanner>Your password has been saved. You have been signed out everywhere else.</NotificationBanner>
			) : null}
			<h1 className="mb-4 text-3xl">Your account</h1>
			<SummaryList
				rows={[
					{ key: 'Name', value: d.name || 'Not given' },
					{ key: 'Email', value: d.email },
					{ key: 'Since', value: d.since },
				]}
			/>
			<h2 className="mb-2 text-2xl">Signing in</h2>
			<p className="mb-6">
				{d.hasPassword ? 'You sign in with your email and password. ' : 'You sign in with a link we email you. '}
				<Link to="/account/password">{d.hasPassword ? 'Change your password' : 'Set a password'}</Link>
			</p>
			<h2 className="mb-2 text-2xl">Your data</h2>
			<p className="mb-2">See everything we hold about you, or download it as a file (JSON).</p>
			<ul className="mb-6 space-y-1">
				<li>
					<Link to="/account/data">See your data</Link>
				</li>
				<li>
					<a href="/account/download" download>
						Download your data
					</a>
				</li>
			</ul>
			{d.isTeamMember ? null : (
				<>
					<h2 className="mb-2 text-2xl">Delete your account</h2>
					<p className="mb-2">
						This removes your details, CV and answers. Employers you applied to will see only “withdrawn candidate”.
					</p>
					<p>
						<Link to="/account/delete">Delete your account</Link>
					</p>
				</>
			)}
		</div>
	)
}
