import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary } from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { SummaryList } from '#app/components/summary-list.tsx'
import { ambassadorChoicesFor, offerToAmbassador } from '#app/models/careers/visits/offers.server.ts'
import { visitTotals } from '#app/models/careers/visits/statistics.server.ts'
import { describeVisit } from '#app/models/careers/visits/vocabulary.ts'
import { requireAdmin } from '#app/utils/admin.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { replyError, replyToDomainError } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAdmin(request)
	const totals = await visitTotals()
	// Nearest first, so the team can see who is closest even beyond their usual distance.
	const choices = await ambassadorChoicesFor(totals.requests)
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
			choices: choices.get(r.id) ?? [],
		})),
	}
}

const OfferSchema = z.object({ requestId: z.string().min(1), ambassadorId: z.string().optional() })

/** Each open request has its own form to offer it; a reply names the request it is for. */
const offerForm = (requestId: string) => `offer:${requestId}`

export async function action({ request }: ActionFunctionArgs) {
	await requireAdmin(request)
	const parsed = OfferSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return replyError('offer', 'Choose a request to offer', { status: 400 })
	const { requestId, ambassadorId } = parsed.data
	if (!ambassadorId)
		return replyError(offerForm(requestId), 'Choose an ambassador to offer the visit to', {
			field: 'ambassadorId',
			status: 400,
		})
	try {
		await offerToAmbassador(requestId, ambassadorId)
	} catch (error) {
		return replyToDomainError(error, offerForm(requestId))
	}
	return redirect(`/admin/visits?offered=${requestId}#request-${requestId}`)
}

export const handle: PageHandle = { title: 'School and college visits' }

export default function AdminVisitsRoute() {
	const d = useLoaderData<typeof loader>()
	const reply = useActionData<typeof action>()
	// The request whose offer failed, and why: no ambassador chosen, or the request has moved on.
	const failedId = reply?.form.startsWith('offer:') ? reply.form.slice('offer:'.length) : null
	const failure = reply?.result.error?.ambassadorId?.[0] ?? reply?.result.error?.['']?.[0]
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
			{params.get('offered') && !reply ? (
				<NotificationBanner>The visit has been offered. We have emailed the ambassador.</NotificationBanner>
			) : null}
			<ErrorSummary
				errors={failedId && failure ? [{ href: `#offer-${failedId}`, message: failure }] : []}
				formError={reply?.form === 'offer' ? reply.result.error?.['']?.[0] : undefined}
			/>
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
							<SummaryList
								className="mb-3"
								rows={[
									{ key: 'Sent', value: r.sent },
									{ key: 'Contact', value: <span className="break-all">{r.contact}</span> },
									{ key: 'Dates', value: <span className="whitespace-pre-line">{r.dates}</span> },
									{ key: 'Ambassadors asked', value: `${r.asked}, of whom ${r.declined} declined or did not answer` },
								]}
							/>
							{r.status === 'open' || r.status === 'unmatched' ? (
								<Form method="post" noValidate className="flex flex-wrap items-end gap-3">
									<input type="hidden" name="requestId" value={r.id} />
									<div className={failedId === r.id ? 'border-l-4 border-error pl-4' : undefined}>
										<label htmlFor={`offer-${r.id}`} className="mb-1 block font-bold">
											Offer {r.organisation} to
										</label>
										{failedId === r.id ? (
											<p id={`offer-${r.id}-error`} className="mb-1 font-bold text-error">
												<span className="sr-only">Error: </span>
												{failure}
											</p>
										) : null}
										<select
											id={`offer-${r.id}`}
											name="ambassadorId"
											defaultValue=""
											className="input w-auto max-w-full"
											aria-invalid={failedId === r.id ? true : undefined}
											aria-describedby={failedId === r.id ? `offer-${r.id}-error` : undefined}
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
