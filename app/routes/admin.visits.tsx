import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { describeVisit, visitTotals } from '#app/models/visits.server.ts'
import { requireAdmin } from '#app/utils/admin.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAdmin(request)
	const totals = await visitTotals()
	return {
		...totals,
		requests: totals.requests.map((r) => ({
			id: r.id,
			organisation: r.organisation,
			town: r.town,
			status: r.status,
			statusLabel: describeVisit({ status: r.status, ageGroup: '', topics: [], organisationType: '' }).statusLabel,
			sent: formatDate(r.createdAt),
			ambassador: r.ambassador?.firstName ?? null,
			asked: r.offers.length,
			declined: r.offers.filter((o) => o.status === 'declined' || o.status === 'expired').length,
		})),
	}
}

export const handle: PageHandle = { title: 'School and college visits' }

export default function AdminVisitsRoute() {
	const d = useLoaderData<typeof loader>()
	const figures = [
		{ label: 'Waiting for an ambassador', value: d.open },
		{ label: 'Accepted, not yet done', value: d.accepted },
		{ label: 'Visits done', value: d.fulfilled },
		{ label: 'People reached', value: d.peopleReached },
		{ label: 'No ambassador available', value: d.unmatched },
	]
	return (
		<div>
			<h1 className="mb-6 text-3xl">School and college visits</h1>
			<dl className="mb-10 grid grid-cols-2 gap-4 md:grid-cols-5">
				{figures.map((f) => (
					<div key={f.label} className="border-t-4 border-brand pt-2">
						<dt className="text-muted">{f.label}</dt>
						<dd className="text-3xl font-bold">{f.value.toLocaleString('en-GB')}</dd>
					</div>
				))}
			</dl>
			<h2 className="mb-4 text-2xl">Requests still open</h2>
			{d.requests.length ? (
				<div className="overflow-x-auto">
					<table className="w-full border-collapse text-left">
						<thead>
							<tr className="border-b-2 border-ink">
								<th scope="col" className="py-2 pr-4">Organisation</th>
								<th scope="col" className="py-2 pr-4">Sent</th>
								<th scope="col" className="py-2 pr-4">Status</th>
								<th scope="col" className="py-2 pr-4 text-right">Ambassadors asked</th>
								<th scope="col" className="py-2 text-right">Declined or did not answer</th>
							</tr>
						</thead>
						<tbody>
							{d.requests.map((r) => (
								<tr key={r.id} className="border-b border-line">
									<td className="py-2 pr-4">
										{r.organisation}, {r.town}
									</td>
									<td className="py-2 pr-4">{r.sent}</td>
									<td className="py-2 pr-4">
										{r.statusLabel}
										{r.ambassador ? ` (${r.ambassador})` : ''}
									</td>
									<td className="py-2 pr-4 text-right">{r.asked}</td>
									<td className="py-2 text-right">{r.declined}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : (
				<p>There are no open requests.</p>
			)}
		</div>
	)
}
