import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { redirectTotals } from '#app/models/insight/redirect-totals.server.ts'
import { requireAdmin } from '#app/utils/admin.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAdmin(request)
	return redirectTotals()
}

export const handle: PageHandle = { title: 'Redirects and hires' }

type Row = { label: string; judged: number; sent: number; viewed: number; applied: number; hired: number }

const columns = [
	['judged', 'Suitable for other roles'],
	['sent', 'Sent jobs'],
	['viewed', 'Viewed their jobs'],
	['applied', 'Applied elsewhere'],
	['hired', 'Hired elsewhere'],
] as const

function TotalsTable({ caption, rows }: { caption: string; rows: Row[] }) {
	return (
		<div className="mb-10">
			<table className="stack-table w-full border-collapse text-left">
				<caption className="mb-2 text-left text-2xl font-bold">{caption}</caption>
				<thead>
					<tr className="border-b-2 border-ink">
						<th scope="col" className="py-2 pr-4">
							{caption.replace('By ', '').replace(/^./, (c) => c.toUpperCase())}
						</th>
						{columns.map(([key, label]) => (
							<th key={key} scope="col" className="py-2 pr-4 text-right last:pr-0">
								{label}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{rows.map((r) => (
						<tr key={r.label} className="border-b border-line">
							<th scope="row" className="py-2 pr-4 font-normal">
								{r.label}
							</th>
							{columns.map(([key, label]) => (
								<td key={key} data-label={label} className="py-2 pr-4 text-right last:pr-0">
									{r[key]}
								</td>
							))}
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

export default function AdminRedirectsRoute() {
	const d = useLoaderData<typeof loader>()
	return (
		<div>
			<h1 className="mb-2 text-3xl">Redirects and hires</h1>
			<p className="mb-2 max-w-3xl">
				Applications an employer turned down but judged suitable for other roles, from candidates who had asked to be
				sent jobs with other employers, and what happened next. Each turned-down application counts once in each column
				it reached.
			</p>
			<ul className="mb-6 ml-6 max-w-3xl list-disc">
				<li>“Sent jobs” counts only those we found jobs for; the others had nothing near them that fitted.</li>
				<li>“Applied elsewhere” and “hired elsewhere” include candidates who found the job by searching themselves.</li>
				<li>Everyone hired elsewhere is also counted as having applied elsewhere.</li>
			</ul>
			<dl className="mb-8 flex flex-wrap gap-8">
				{columns.map(([key, label]) => (
					<div key={key}>
						<dt className="text-muted">{label}</dt>
						<dd className="text-3xl font-bold">{d.total[key]}</dd>
					</div>
				))}
			</dl>
			<TotalsTable caption="By month" rows={d.byMonth} />
			<TotalsTable caption="By role" rows={d.byRole} />
			<TotalsTable caption="By area" rows={d.byArea} />
		</div>
	)
}
