import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { regionalOverview } from '#app/models/insight/regional-overview.server.ts'
import { requireAdmin } from '#app/utils/admin.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAdmin(request)
	return regionalOverview()
}

export const handle: PageHandle = { title: 'Regional team' }

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

export default function AdminStartRoute() {
	const d = useLoaderData<typeof loader>()
	const tasks = [
		d.unverified
			? {
					to: '/admin/providers',
					text: `${plural(d.unverified, 'provider is', 'providers are')} waiting to be checked`,
				}
			: null,
		d.storiesWaiting
			? { to: '/admin/stories', text: `${plural(d.storiesWaiting, 'story is', 'stories are')} waiting to be read` }
			: null,
		d.visitsUnmatched
			? {
					to: '/admin/visits',
					text: `${plural(d.visitsUnmatched, 'visit request has', 'visit requests have')} no ambassador`,
				}
			: null,
		d.emailsFailed
			? { to: '/admin/emails', text: `${plural(d.emailsFailed, 'email', 'emails')} could not be delivered` }
			: null,
	].filter((t): t is { to: string; text: string } => t !== null)
	return (
		<div className="max-w-3xl">
			<h1 className="mb-4 text-3xl">Regional team</h1>
			<h2 className="mb-3 text-2xl">Waiting for you</h2>
			{tasks.length ? (
				<ul className="mb-8 space-y-2">
					{tasks.map((t) => (
						<li key={t.to} className="border-l-4 border-attention pl-3">
							<Link to={t.to}>{t.text}</Link>
						</li>
					))}
				</ul>
			) : (
				<p className="mb-8">
					Nothing is waiting: every provider is checked, every story read and every visit has an ambassador.
				</p>
			)}
			<h2 className="mb-3 text-2xl">The portal today</h2>
			<ul className="mb-8 ml-6 list-disc space-y-1">
				<li>{plural(d.liveVacancies, 'live vacancy', 'live vacancies')}</li>
				<li>{plural(d.providers, 'provider', 'providers')}</li>
				<li>{plural(d.visitsOpen, 'visit request', 'visit requests')} waiting for an ambassador’s answer</li>
				<li>{plural(d.feedback, 'piece', 'pieces')} of feedback in the last 7 days (emailed to the team)</li>
			</ul>
			<p>
				<Link to="/admin/redirects">Redirects and hires</Link> shows what became of candidates passed on by employers.
			</p>
		</div>
	)
}
