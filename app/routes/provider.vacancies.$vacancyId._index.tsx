import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary } from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { SummaryList } from '#app/components/summary-list.tsx'
import { countApplicants } from '#app/models/applications/pipeline.server.ts'
import { roleName } from '#app/models/jobs/care-roles.server.ts'
import { formatPay } from '#app/models/jobs/pay.ts'
import {
	closeVacancy,
	duplicateVacancy,
	getVacancyForProvider,
	publishVacancy,
} from '#app/models/jobs/vacancies.server.ts'
import { shownStatus, vacancyHours } from '#app/models/jobs/vacancy-rules.server.ts'
import { contracts, hoursOptions, settings } from '#app/models/jobs/vocabulary.ts'
import { requireProviderMember } from '#app/models/organisations/providers.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { replyError, replyToDomainError } from '#app/utils/form-reply.ts'
import { labelOf } from '#app/utils/options.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { invariantResponse, parseIdParam } from '#app/utils/responses.server.ts'

async function requireOwnVacancy(request: Request, vacancyId: string | undefined) {
	const { provider } = await requireProviderMember(request)
	// Fetched by id and provider together: another provider's vacancy is a 404.
	const vacancy = await getVacancyForProvider(parseIdParam(vacancyId), provider.id)
	invariantResponse(vacancy)
	return { provider, vacancy }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { vacancy: v } = await requireOwnVacancy(request, params.vacancyId)
	const confirmClose = new URL(request.url).searchParams.get('close') === 'confirm'
	const applicants = await countApplicants(v.id)
	const shown = shownStatus(v)
	return {
		id: v.id,
		title: v.title,
		status: shown.status,
		closedReason: shown.closedReason,
		role: roleName(v.roleId),
		setting: labelOf(settings, v.setting),
		town: v.town,
		postcode: v.postcode,
		pay: formatPay(v),
		hours: vacancyHours(v)
			.map((h) => labelOf(hoursOptions, h))
			.join(', '),
		driving: v.drivingLicenceRequired ? 'Needed' : 'Not needed',
		sponsorship: v.visaSponsorship ? 'Offered' : 'Not offered',
		confirmClose,
		applicants,
		contract: labelOf(contracts, v.contract),
		closing: formatDate(v.closingDate),
		published: v.publishedAt ? formatDate(v.publishedAt) : null,
		positions: v.positions,
		apprenticeship: v.apprenticeship,
	}
}

const IntentSchema = z.enum(['publish', 'close', 'duplicate'])

export async function action({ request, params }: ActionFunctionArgs) {
	const { provider, vacancy } = await requireOwnVacancy(request, params.vacancyId)
	const intent = IntentSchema.safeParse((await request.formData()).get('intent'))
	if (!intent.success) return replyError('vacancy', 'Choose what to do with this vacancy', { status: 400 })
	try {
		if (intent.data === 'publish') {
			await publishVacancy(vacancy.id, provider.id)
			return redirect(`/provider/vacancies/${vacancy.id}?published=1`)
		}
		if (intent.data === 'close') {
			await closeVacancy(vacancy.id, provider.id)
			return redirect(`/provider/vacancies/${vacancy.id}?closed=1`)
		}
		const copy = await duplicateVacancy(vacancy.id, provider.id)
		invariantResponse(copy)
		return redirect(`/provider/vacancies/${copy.id}/edit`)
	} catch (error) {
		return replyToDomainError(error, intent.data)
	}
}

export const handle: PageHandle = { title: (d: { title: string }) => d.title }

const statusLabel: Record<string, { text: string; className: string }> = {
	live: { text: 'Live', className: 'tag-green' },
	draft: { text: 'Draft', className: 'tag-grey' },
	closed: { text: 'Closed', className: 'tag-red' },
}

export default function ManageVacancyRoute() {
	const d = useLoaderData<typeof loader>()
	// Publish, close and duplicate are three small forms; any of them can only fail as a whole.
	const reply = useActionData<typeof action>()
	const formError = reply?.result.error?.['']?.[0]
	const [params] = useSearchParams()
	const notice = params.get('published')
		? 'Your vacancy is live. It shows in search within seconds.'
		: params.get('closed')
			? 'The vacancy is closed and has been taken out of search.'
			: params.get('saved')
				? 'Your changes have been saved.'
				: null
	const status = statusLabel[d.status] ?? statusLabel.draft
	return (
		<div className="max-w-3xl">
			{notice && !reply ? <NotificationBanner>{notice}</NotificationBanner> : null}
			<ErrorSummary errors={[]} formError={formError} />
			<p className="mb-4">
				<Link to="/provider">‹ All your vacancies</Link>
			</p>
			<h1 className="mb-2 text-3xl">{d.title}</h1>
			<p className="mb-4">
				<strong className={`tag ${status.className}`}>{status.text}</strong>
				{d.apprenticeship ? <span className="ml-2 text-muted">Apprenticeship</span> : null}
			</p>
			<p className="mb-6">
				<Link to={`/provider/applications?vacancy=${d.id}`}>
					{d.applicants === 1 ? '1 applicant' : `${d.applicants} applicants`}
				</Link>
			</p>
			<SummaryList
				rows={[
					{ key: 'Role', value: d.role },
					{ key: 'Setting', value: d.setting },
					{ key: 'Location', value: `${d.town}, ${d.postcode}` },
					{ key: 'Pay', value: d.pay },
					{ key: 'Hours', value: d.hours },
					{ key: 'Contract', value: d.contract },
					{ key: 'Driving licence', value: d.driving },
					{ key: 'Visa sponsorship', value: d.sponsorship },
					{ key: 'Positions', value: d.positions },
					{ key: 'Closing date', value: d.closing },
					{ key: 'Published', value: d.published },
				]}
			/>
			{d.confirmClose && d.status === 'live' ? (
				<div className="mb-6 border-l-8 border-error bg-error-light p-4" role="region" aria-labelledby="close-heading">
					<h2 id="close-heading" className="mb-2 text-xl">
						Close this vacancy now?
					</h2>
					<p className="mb-4">
						It will leave search straight away and stop taking applications. You cannot reopen it, but you can duplicate
						it to post it again.
					</p>
					<div className="flex flex-wrap items-center gap-4">
						<Form method="post">
							<button type="submit" name="intent" value="close" className="btn btn-warning">
								Yes, close this vacancy
							</button>
						</Form>
						<Link to={`/provider/vacancies/${d.id}`}>No, keep it open</Link>
					</div>
				</div>
			) : null}
			<div className="flex flex-wrap items-center gap-4">
				{d.status === 'draft' ? (
					<Form method="post">
						<button type="submit" name="intent" value="publish" className="btn">
							Publish vacancy
						</button>
					</Form>
				) : null}
				{d.status !== 'closed' ? (
					<Link to={`/provider/vacancies/${d.id}/edit`} className="btn btn-secondary">
						Edit
					</Link>
				) : null}
				<Form method="post">
					<button type="submit" name="intent" value="duplicate" className="btn btn-secondary">
						Duplicate
					</button>
				</Form>
				{d.status === 'live' ? (
					<>
						<Link to={`/jobs/${d.id}`}>View as candidates see it</Link>
						{d.confirmClose ? null : (
							<Link to={`/provider/vacancies/${d.id}?close=confirm`} className="btn btn-warning">
								Close early
							</Link>
						)}
					</>
				) : null}
			</div>
		</div>
	)
}
