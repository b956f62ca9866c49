import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useFormReply } from '#app/components/forms.tsx'
import { ImportantBanner, NotificationBanner } from '#app/components/notification-banner.tsx'
import { resendEmailConfirmation } from '#app/models/accounts/email-confirmation.server.ts'
import { CONFIRM_EMAIL_HOURS } from '#app/models/accounts/link-lifetimes.ts'
import { listProviderVacancies, vacanciesToCheckForDriving } from '#app/models/jobs/vacancies.server.ts'
import { requireProviderMember, verificationState } from '#app/models/organisations/providers.server.ts'
import { redirectOutcomesFor } from '#app/models/redirect/redirects.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { replyRateLimited } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { consumeRateLimit, rateLimits, retryAfterText } from '#app/utils/rate-limit.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { provider, userId } = await requireProviderMember(request)
	const [vacancies, outcomes, verification, toCheck] = await Promise.all([
		listProviderVacancies(provider.id),
		redirectOutcomesFor(provider.id),
		verificationState(provider.id, userId),
		vacanciesToCheckForDriving(provider.id),
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
		toCheck,
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
		return replyRateLimited(
			'confirm-email',
			limit.retryAfterSeconds,
			`You have asked for several links already. Try again ${retryAfterText(limit.retryAfterSeconds)}.`,
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
				<table className="stack-table w-full border-collapse text-left">
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
								<td data-label="Vacancy" className="py-2 pr-4">
									<Link to={`/provider/vacancies/${r.id}`}>{r.title}</Link>
									{r.apprenticeship ? <span className="ml-2 text-sm text-muted">Apprenticeship</span> : null}
								</td>
								<td data-label="Town" className="py-2 pr-4">
									{r.town}
								</td>
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
	const linkError = useFormReply('confirm-email')?.error?.['']?.[0]
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
			{notice ? <NotificationBanner>{notice}</NotificationBanner> : null}
			{d.toCheck.length ? (
				<ImportantBanner tone="plain" role="region" aria-labelledby="driving-check-heading">
					<h2 id="driving-check-heading" className="mb-2 text-xl">
						Check what these adverts say about driving
					</h2>
					<p className="mb-2">
						You said they do not need a driving licence, but their words say a licence is needed. Until you check them,
						we do not tell job seekers “no driving licence needed”.
					</p>
					<ul className="ml-6 list-disc">
						{d.toCheck.map((v) => (
							<li key={v.id}>
								<Link to={`/provider/vacancies/${v.id}/edit`}>{v.title}</Link>
							</li>
						))}
					</ul>
				</ImportantBanner>
			) : null}
			{d.email ? (
				<ImportantBanner tone="plain" role="region" aria-labelledby="confirm-email-heading">
					<h2 id="confirm-email-heading" className="mb-2 text-xl">
						Confirm your email address
					</h2>
					<p className="mb-2">
						We sent a link to {d.email.address}. Open it to confirm the address is yours: the regional team cannot
						verify your organisation for the talent pool until you do. Links last {d.email.hours} hours.
					</p>
					{linkError ? (
						<p className="mb-2 font-bold text-error" role="alert">
							{linkError}
						</p>
					) : null}
					<Form method="post">
						<button type="submit" className="cursor-pointer text-brand underline">
							Send me a new link
						</button>
					</Form>
				</ImportantBanner>
			) : null}
			<div className="mb-6 flex flex-wrap items-center justify-between gap-4">
				<h1 className="text-3xl">Your vacancies</h1>
				<Link to="/provider/vacancies/new" className="btn">
					Post a vacancy
				</Link>
			</div>
			{d.outcomes.judged ? (
				<section aria-labelledby="other-roles-heading" className="mb-8 border-t-4 border-brand bg-surface p-4">
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
