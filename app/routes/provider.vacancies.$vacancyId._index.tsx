import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { roleName } from '#app/models/jobs/care-roles.server.ts'
import { formatPay } from '#app/models/jobs/pay.ts'
import {
	closeVacancy,
	duplicateVacancy,
	getVacancyForProvider,
	publishVacancy,
	VacancyStateError,
} from '#app/models/jobs/vacancies.server.ts'
import { shownStatus, vacancyHours } from '#app/models/jobs/vacancy-rules.server.ts'
import { contracts, hoursOptions, settings } from '#app/models/jobs/vocabulary.ts'
import { requireProviderMember } from '#app/models/organisations/providers.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import { labelOf } from '#app/utils/options.ts'
import type { PageHandle } from '#app/utils/page.ts'

async function requireOwnVacancy(request: Request, vacancyId: string | undefined) {
	const { provider } = await requireProviderMember(request)
	const id = Number(vacancyId)
	// Fetched by id and provider together: another provider's vacancy is a 404.
	const vacancy = Number.isInteger(id) ? await getVacancyForProvider(id, provider.id) : null
	if (!vacancy) throw new Response('Not found', { status: 404 })
	return { provider, vacancy }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { vacancy: v } = await requireOwnVacancy(request, params.vacancyId)
	const confirmClose = new URL(request.url).searchParams.get('close') === 'confirm'
	const applicants = await prisma.application.count({ where: { vacancyId: v.id, submittedAt: { not: null } } })
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
	if (!intent.success) return data({ error: 'Choose what to do with this vacancy' }, { status: 400 })
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
		return redirect(`/provider/vacancies/${copy!.id}/edit`)
	} catch (error) {
		if (error instanceof VacancyStateError) return data({ error: error.message }, { status: 409 })
		throw error
	}
}

export const handle: PageHandle = { title: (d: { title: string }) => d.title }

const statusLabel: Record<string, { text: string; className: string }> = {
	live: { text: 'Live', className: 'bg-[#cce2d8] text-[#005a30]' },
	draft: { text: 'Draft', className: 'bg-[#eeefef] text-[#383f43]' },
	closed: { text: 'Closed', className: 'bg-[#f4cdc6] text-[#942514]' },
}

export default function ManageVacancyRoute() {
	const d = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
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
			{notice && !actionData ? (
				<div className="mb-6 border-l-8 border-success bg-[#e6f4ec] p-4" role="status">
					{notice}
				</div>
			) : null}
			{actionData?.error ? (
				<div className="mb-6 border-4 border-error p-4" role="alert">
					<h2 className="mb-1 text-xl">There is a problem</h2>
					<p className="font-bold text-error">{actionData.error}</p>
				</div>
			) : null}
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
			<dl className="mb-8 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 border-t border-line pt-4">
				<dt className="font-bold">Role</dt>
				<dd>{d.role}</dd>
				<dt className="font-bold">Setting</dt>
				<dd>{d.setting}</dd>
				<dt className="font-bold">Location</dt>
				<dd>
					{d.town}, {d.postcode}
				</dd>
				<dt className="font-bold">Pay</dt>
				<dd>{d.pay}</dd>
				<dt className="font-bold">Hours</dt>
				<dd>{d.hours}</dd>
				<dt className="font-bold">Contract</dt>
				<dd>{d.contract}</dd>
				<dt className="font-bold">Driving licence</dt>
				<dd>{d.driving}</dd>
				<dt className="font-bold">Visa sponsorship</dt>
				<dd>{d.sponsorship}</dd>
				<dt className="font-bold">Positions</dt>
				<dd>{d.positions}</dd>
				<dt className="font-bold">Closing date</dt>
				<dd>{d.closing}</dd>
				{d.published ? (
					<>
						<dt className="font-bold">Published</dt>
						<dd>{d.published}</dd>
					</>
				) : null}
			</dl>
			{d.confirmClose && d.status === 'live' ? (
				<div className="mb-6 border-l-8 border-error bg-[#fbe9e7] p-4" role="region" aria-labelledby="close-heading">
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
