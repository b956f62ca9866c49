import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { redirectTotals } from '#app/models/insight.server.ts'
import { requireAdmin } from '#app/utils/admin.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAdmin(request)
	return redirectTotals()
}

export const handle: PageHandle = { title: 'Redirects and hires' }

type Row = { label: string; suggested: number; viewed: number; applied: number; hired: number }

function TotalsTable({ caption, rows }: { caption: string; rows: Row[] }) {
	return (
		<table className="mb-10 w-full border-collapse text-left">
			<caption className="mb-2 text-left text-2xl font-bold">{caption}</caption>
			<thead>
				<tr className="border-b-2 border-ink">
					<th scope="col" className="py-2 pr-4">
						{caption.replace('By ', '').replace(/^./, (c) => c.toUpperCase())}
					</th>
					<th scope="col" className="py-2 pr-4 text-right">Passed on</th>
					<th scope="col" className="py-2 pr-4 text-right">Viewed</th>
					<th scope="col" className="py-2 pr-4 text-right">Applied elsewhere</th>
					<th scope="col" className="py-2 text-right">Hired elsewhere</th>
				</tr>
			</thead>
			<tbody>
				{rows.map((r) => (
					<tr key={r.label} className="border-b border-line">
						<th scope="row" className="py-2 pr-4 font-normal">{r.label}</th>
						<td className="py-2 pr-4 text-right">{r.suggested}</td>
						<td className="py-2 pr-4 text-right">{r.viewed}</td>
						<td className="py-2 pr-4 text-right">{r.applied}</td>
						<td className="py-2 text-right">{r.hired}</td>
					</tr>
				))}
			</tbody>
		</table>
	)
}

export default function AdminRedirectsRoute() {
	const d = useLoaderData<typeof loader>()
	return (
		<div>
			<h1 className="mb-2 text-3xl">Redirects and hires</h1>
			<p className="mb-6 max-w-3xl">
				Candidates one employer turned down but judged suitable for other roles, passed on with their consent, and what became
				of them. A candidate counts once at the furthest step they reached.
			</p>
			<dl className="mb-8 flex flex-wrap gap-8">
				{(['suggested', 'viewed', 'applied', 'hired'] as const).map((k) => (
					<div key={k}>
						<dt className="text-muted">{{ suggested: 'Passed on', viewed: 'Viewed their matches', applied: 'Applied elsewhere', hired: 'Hired elsewhere' }[k]}</dt>
						<dd className="text-3xl font-bold">{d.total[k]}</dd>
					</div>
				))}
			</dl>
			<TotalsTable caption="By month" rows={d.byMonth} />
			<TotalsTable caption="By role" rows={d.byRole} />
			<TotalsTable caption="By area" rows={d.byArea} />
		</div>
	)
}
