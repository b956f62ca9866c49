import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { resendEmailConfirmation } from '#app/models/accounts/email-confirmation.server.ts'
import { CONFIRM_EMAIL_HOURS } from '#app/models/accounts/link-lifetimes.ts'
import { listProviderVacancies } from '#app/models/jobs/vacancies.server.ts'
import { requireProviderMember, verificationState } from '#app/models/organisations/providers.server.ts'
import { redirectOutcomesFor } from '#app/models/redirect/redirects.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { consumeRateLimit, rateLimits, retryAfterText } from '#app/utils/rate-limit.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { provider, userId } = await requireProviderMember(request)
	const [vacancies, outcomes, verification] = await Promise.all([
		listProviderVacancies(provider.id),
		redirectOutcomesFor(provider.id),
		verificationState(provider.id, userId),
	])
	const rows = vacancies.map((v) => ({
		id: v.id,
		title: v.title,
		town: v.town,
		status: v.status,
		closing: formatDate(v.closingDate),
		closed: v.closedAt ? formatDate(v.closedAt) : formatDate(v.closingDate),
		closedReason: v.closedReason,
		apprenticeship: v.apprenticeship,
	}))
	return {
		outcomes,
		email: verification.yourEmailConfirmed ? null : { address: verification.yourEmail, hours: CONFIRM_EMAIL_HOURS },
		live: rows.filter((r) => r.status === 'live'),
		drafts: rows.filter((r) => r.status === 'draft'),
		closed: rows.filter((r) => r.status === 'closed').reverse(),
	}
}

/** A new link to confirm the signed-in team member's email address. */
export async function action({ request }: ActionFunctionArgs) {
	const { userId } = await requireProviderMember(request)
	const limit = await consumeRateLimit(rateLimits.emailLink, `confirm-email:${userId}`)
	if (!limit.ok)
		return data(
			{ error: `You have asked for several links already. Try again ${retryAfterText(limit.retryAfterSeconds)}.` },
			{ status: 429 },
		)
	await resendEmailConfirmation(userId)
	return redirect('/provider?link=sent')
}

export const handle: PageHandle = { title: 'Your vacancies' }

type Row = Awaited<ReturnType<typeof loader>>['live'][number]

const closedReasons: Record<string, string> = {
	expired: 'Closing date passed',
	closed_early: 'Closed early',
	filled: 'Filled',
}

function VacancyTable({ caption, rows, empty }: { caption: string; rows: Row[]; empty: string }) {
	return (
		<section className="mb-10">
			<h2 className="mb-3 text-2xl">
				{caption} <span className="text-muted">({rows.length})</span>
			</h2>
			{rows.length ? (
				<table className="w-full border-collapse text-left">
					<thead>
						<tr className="border-b-2 border-ink">
							<th scope="col" className="py-2 pr-4">
								Vacancy
							</th>
							<th scope="col" className="py-2 pr-4">
								Town
							</th>
							<th scope="col" className="py-2 pr-4">
								{caption === 'Closed' ? 'Closed' : 'Closing date'}
							</th>
						</tr>
					</thead>
					<tbody>
						{rows.map((r) => (
							<tr key={r.id} className="border-b border-line">
								<td className="py-2 pr-4">
									<Link to={`/provider/vacancies/${r.id}`}>{r.title}</Link>
									{r.apprenticeship ? <span className="ml-2 text-sm text-muted">Apprenticeship</span> : null}
								</td>
								<td className="py-2 pr-4">{r.town}</td>
								<td className="py-2 pr-4">
									{r.status === 'closed'
										? `${r.closed} (${(closedReasons[r.closedReason ?? ''] ?? 'closed').toLowerCase()})`
										: r.closing}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			) : (
				<p className="text-muted">{empty}</p>
			)}
		</section>
	)
}

export default function ProviderVacanciesRoute() {
	const d = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [params] = useSearchParams()
	const notice =
		params.get('link') && d.email
			? `We have sent a new link to ${d.email.address}. Links sent before no longer work.`
			: params.get('joined')
				? 'Welcome to the team. You can now post vacancies and see applicants.'
				: params.get('reset')
					? 'Your new password is saved. You have been signed out everywhere else.'
					: null
	return (
		<div>
			{notice ? (
				<div className="mb-6 border-l-8 border-success bg-[#e6f4ec] p-4" role="status">
					{notice}
				</div>
			) : null}
			{d.email ? (
				<section aria-labelledby="confirm-email-heading" className="mb-6 border-l-8 border-[#f47738] bg-white p-4">
					<h2 id="confirm-email-heading" className="mb-2 text-xl">
						Confirm your email address
					</h2>
					<p className="mb-2">
						We sent a link to {d.email.address}. Open it to confirm the address is yours: the regional team cannot
						verify your organisation for the talent pool until you do. Links last {d.email.hours} hours.
					</p>
					{actionData?.error ? (
						<p className="mb-2 font-bold text-error" role="alert">
							{actionData.error}
						</p>
					) : null}
					<Form method="post">
						<button type="submit" className="cursor-pointer text-brand underline">
							Send me a new link
						</button>
					</Form>
				</section>
			) : null}
			<div className="mb-6 flex flex-wrap items-center justify-between gap-4">
				<h1 className="text-3xl">Your vacancies</h1>
				<Link to="/provider/vacancies/new" className="btn">
					Post a vacancy
				</Link>
			</div>
			{d.outcomes.judged ? (
				<section aria-labelledby="other-roles-heading" className="mb-8 border-t-4 border-brand bg-[#f3f2f1] p-4">
					<h2 id="other-roles-heading" className="mb-1 text-xl">
						Candidates you said would suit other roles
					</h2>
					<p className="mb-3">
						{d.outcomes.judged} {d.outcomes.judged === 1 ? 'candidate' : 'candidates'} you turned down had asked to be
						sent jobs with other employers.
						{d.outcomes.none
							? ` We found no jobs near ${d.outcomes.none === 1 ? 'one of them' : `${d.outcomes.none} of them`} that fit.`
							: ''}
					</p>
					<dl className="flex flex-wrap gap-8">
						<div>
							<dt className="text-muted">Sent jobs elsewhere</dt>
							<dd className="text-3xl font-bold">{d.outcomes.sent}</dd>
						</div>
						<div>
							<dt className="text-muted">Applied elsewhere</dt>
							<dd className="text-3xl font-bold">{d.outcomes.applied}</dd>
						</div>
						<div>
							<dt className="text-muted">Hired elsewhere</dt>
							<dd className="text-3xl font-bold" data-testid="hired-elsewhere">
								{d.outcomes.hired}
							</dd>
						</div>
					</dl>
				</section>
			) : null}
			<VacancyTable caption="Live" rows={d.live} empty="No live vacancies. Post one: it is free." />
			<VacancyTable caption="Drafts" rows={d.drafts} empty="No drafts." />
			<VacancyTable caption="Closed" rows={d.closed} empty="No closed vacancies." />
		</div>
	)
}
