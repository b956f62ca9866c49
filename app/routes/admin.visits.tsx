import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { offerToAmbassador } from '#app/models/careers/visits/offers.server.ts'
import { visitTotals } from '#app/models/careers/visits/statistics.server.ts'
import { describeVisit, VisitError } from '#app/models/careers/visits/vocabulary.ts'
import { requireAdmin } from '#app/utils/admin.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import { distanceMiles, formatMiles } from '#app/utils/geo.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAdmin(request)
	const [totals, ambassadors] = await Promise.all([
		visitTotals(),
		prisma.ambassador.findMany({
			orderBy: { firstName: 'asc' },
			select: { id: true, firstName: true, town: true, lat: true, lng: true, willingToVisit: true },
		}),
	])
	return {
		...totals,
		requests: totals.requests.map((r) => ({
			id: r.id,
			organisation: r.organisation,
			town: r.town,
			status: r.status,
			statusLabel: describeVisit({ status: r.status, ageGroup: '', topics: [], organisationType: '' }).statusLabel,
			sent: formatDate(r.createdAt),
			dates: r.preferredDates,
			contact: `${r.contactName}, ${r.contactEmail}`,
			ambassador: r.ambassador?.firstName ?? null,
			waitingFor: r.offers.find((o) => o.status === 'offered')?.ambassador.firstName ?? null,
			asked: r.offers.length,
			declined: r.offers.filter((o) => o.status === 'declined' || o.status === 'expired').length,
			// Nearest first, so the team can see who is closest even beyond their usual distance.
			choices: ambassadors
				.map((a) => ({
					id: a.id,
					miles: distanceMiles(r, a),
					label: `${a.firstName}, ${a.town}${a.willingToVisit ? '' : ' (not taking visits)'}`,
				}))
				.sort((a, b) => a.miles - b.miles)
				.map((a) => ({ id: a.id, label: `${a.label}: ${formatMiles(a.miles)} away` })),
		})),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	await requireAdmin(request)
	const form = await request.formData()
	const requestId = String(form.get('requestId') ?? '')
	const ambassadorId = String(form.get('ambassadorId') ?? '')
	if (!ambassadorId) return data({ requestId, error: 'Choose an ambassador to offer the visit to' }, { status: 400 })
	try {
		await offerToAmbassador(requestId, ambassadorId)
	} catch (error) {
		if (error instanceof VisitError) return data({ requestId, error: error.message }, { status: 409 })
		throw error
	}
	return redirect(`/admin/visits?offered=${requestId}#request-${requestId}`)
}

export const handle: PageHandle = { title: 'School and college visits' }

export default function AdminVisitsRoute() {
	const d = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [params] = useSearchParams()
	const figures = [
		{ label: 'Waiting for an ambassador', value: d.open },
		{ label: 'Accepted, not yet done', value: d.accepted },
		{ label: 'Visits done', value: d.fulfilled },
		{ label: 'People reached', value: d.peopleReached },
		{ label: 'With the regional team', value: d.unmatched },
	]
	return (
		<div>
			{params.get('offered') && !actionData ? (
				<div className="mb-6 border-l-8 border-success bg-[#e6f4ec] p-4" role="status">
					The visit has been offered. We have emailed the ambassador.
				</div>
			) : null}
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
				<ul className="space-y-6">
					{d.requests.map((r) => (
						<li key={r.id} id={`request-${r.id}`} className="border-t-4 border-brand pt-3">
							<h3 className="mb-1 text-xl">
								{r.organisation}, {r.town}
							</h3>
							<p className="mb-2">
								<strong className="tag bg-brand-light text-brand-dark">{r.statusLabel}</strong>{' '}
								{r.ambassador
									? `${r.ambassador} is going`
									: r.waitingFor
										? `offered to ${r.waitingFor}, who has not answered yet`
										: ''}
							</p>
							<dl className="mb-3 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
								<dt className="font-bold">Sent</dt>
								<dd>{r.sent}</dd>
								<dt className="font-bold">Contact</dt>
								<dd className="break-all">{r.contact}</dd>
								<dt className="font-bold">Dates</dt>
								<dd className="whitespace-pre-line">{r.dates}</dd>
								<dt className="font-bold">Ambassadors asked</dt>
								<dd>
									{r.asked}, of whom {r.declined} declined or did not answer
								</dd>
							</dl>
							{r.status === 'open' || r.status === 'unmatched' ? (
								<Form method="post" noValidate className="flex flex-wrap items-end gap-3">
									<input type="hidden" name="requestId" value={r.id} />
									<div className={actionData?.requestId === r.id ? 'border-l-4 border-error pl-4' : undefined}>
										<label htmlFor={`offer-${r.id}`} className="mb-1 block font-bold">
											Offer {r.organisation} to
										</label>
										{actionData?.requestId === r.id ? (
											<p id={`offer-${r.id}-error`} className="mb-1 font-bold text-error">
												<span className="sr-only">Error: </span>
												{actionData.error}
											</p>
										) : null}
										<select
											id={`offer-${r.id}`}
											name="ambassadorId"
											defaultValue=""
											className="input w-auto max-w-full"
											aria-describedby={actionData?.requestId === r.id ? `offer-${r.id}-error` : undefined}
										>
											<option value="">Choose an ambassador</option>
											{r.choices.map((c) => (
												<option key={c.id} value={c.id}>
													{c.label}
												</option>
											))}
										</select>
									</div>
									<button type="submit" className="btn btn-secondary">
										Offer the visit
									</button>
								</Form>
							) : null}
						</li>
					))}
				</ul>
			) : (
				<p>There are no open requests.</p>
			)}
		</div>
	)
}
