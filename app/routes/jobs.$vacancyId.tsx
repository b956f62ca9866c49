import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Badges, JobCard } from '#app/components/job-card.tsx'
import { SaveJobForm } from '#app/components/save-job.tsx'
import { SummaryList } from '#app/components/summary-list.tsx'
import { Paragraphs } from '#app/components/text.tsx'
import { findSubmittedApplication } from '#app/models/applications/applications.server.ts'
import { getRole, getStandard } from '#app/models/jobs/care-roles.server.ts'
import { jobPostingJsonLd } from '#app/models/jobs/job-posting.server.ts'
import { toResultCard } from '#app/models/jobs/job-search.server.ts'
import { formatHourlyEquivalent, formatPay } from '#app/models/jobs/pay.ts'
import { getPublicVacancy, similarVacancies } from '#app/models/jobs/vacancies.server.ts'
import { noDrivingNeeded, publicLocation, vacancyHours } from '#app/models/jobs/vacancy-rules.server.ts'
import { contracts, hoursOptions, settings } from '#app/models/jobs/vocabulary.ts'
import { toPublicProvider } from '#app/models/organisations/providers.server.ts'
import { providerTypes } from '#app/models/organisations/vocabulary.ts'
import { resolvePlace } from '#app/models/places/places.server.ts'
import { savedAmong } from '#app/models/saved-jobs/saved-jobs.server.ts'
import { getUserId } from '#app/utils/auth.server.ts'
import { formatDate, formatDateLong } from '#app/utils/dates.ts'
import { distanceMiles, formatMiles } from '#app/utils/geo.ts'
import { labelOf } from '#app/utils/options.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { invariantResponse, parseIdParam } from '#app/utils/responses.server.ts'

export async function loader({ params, request }: LoaderFunctionArgs) {
	const found = await getPublicVacancy(parseIdParam(params.vacancyId))
	invariantResponse(found)
	const { vacancy: v, isLive } = found
	const provider = toPublicProvider(v.provider)

	const url = new URL(request.url)
	const searchQuery = url.searchParams.get('search') ?? ''
	const where = new URLSearchParams(searchQuery).get('where')
	const from = where ? resolvePlace(where) : null
	const distance = from?.ok ? { miles: formatMiles(distanceMiles(from.place, v)), from: from.place.label } : null

	const userId = await getUserId(request)
	const [applied, saved] = await Promise.all([
		userId ? findSubmittedApplication(v.id, userId) : null,
		savedAmong(userId, [v.id]),
	])
	const role = getRole(v.roleId)
	const standard = v.standardRef ? getStandard(v.standardRef) : null
	const base = {
		id: v.id,
		title: v.title,
		isLive,
		backHref: searchQuery ? `/jobs?${searchQuery}` : '/jobs',
		// The apply page keeps the search, so its "Back to the job" leads back to it.
		applyHref: `/jobs/${v.id}/apply${searchQuery ? `?${new URLSearchParams({ search: searchQuery })}` : ''}`,
		provider,
		providerTypeLabel: labelOf(providerTypes, provider.type),
		town: v.town,
		location: publicLocation(v, provider.type),
		distance,
		closing: formatDate(v.closingDate),
		closed: formatDate(v.closedAt && v.closedAt < v.closingDate ? v.closedAt : v.closingDate),
	}
	if (!isLive) {
		const similar = await similarVacancies(v)
		return data(
			{
				...base,
				similar: similar.map((h) => ({ ...toResultCard(h), href: `/jobs/${h.id}` })),
				details: null,
				jsonLd: null,
			},
			{ status: 410 },
		)
	}
	const hours = vacancyHours(v).map((h) => labelOf(hoursOptions, h))
	return {
		...base,
		similar: [],
		applied: applied ? { id: applied.id, on: formatDate(applied.submittedAt!) } : null,
		saved: saved.has(v.id),
		returnTo: `${url.pathname}${url.search}`,
		jsonLd: jobPostingJsonLd(v, provider),
		details: {
			role: role?.name ?? v.roleId,
			roleDescription: role?.description ?? null,
			setting: labelOf(settings, v.setting),
			pay: formatPay(v),
			payHourly: formatHourlyEquivalent(v),
			hours: hours.join(', '),
			hoursPerWeek: v.hoursPerWeek,
			contract: labelOf(contracts, v.contract),
			positions: v.positions,
			apprenticeship: v.apprenticeship,
			standard: standard
				? {
						title: standard.title,
						reference: standard.reference,
						level: standard.level,
						duration: standard.typical_duration?.replace(/(\d)-(\d)/g, '$1–$2') ?? null,
						qualification: standard.on_programme_qualification ?? null,
					}
				: null,
			noDrivingNeeded: noDrivingNeeded(v),
			// The answer was no, but the advert's words say a licence is needed: say neither.
			drivingUnclear: !v.drivingLicenceRequired && !noDrivingNeeded(v),
			visaSponsorship: v.visaSponsorship,
			description: v.description,
			requirements: v.requirements,
			howToApply: v.howToApply,
			posted: v.publishedAt ? formatDate(v.publishedAt) : null,
			closingLong: formatDateLong(v.closingDate),
		},
	}
}

export const handle: PageHandle = {
	title: (d: { title: string; provider: { name: string }; isLive: boolean }) =>
		d.isLive ? `${d.title} – ${d.provider.name}` : `This job has closed: ${d.title}`,
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
	data?.isLive
		? [
				{
					name: 'description',
					content: `${data.title} with ${data.provider.name} in ${data.town}. ${data.details?.pay ?? ''}`,
				},
			]
		: [{ name: 'robots', content: 'noindex' }]

function ApplyAction({ href, applied }: { href: string; applied: { id: string; on: string } | null }) {
	if (applied) {
		return (
			<p className="mb-6 border-l-8 border-success bg-success-light p-3">
				You applied for this job on {applied.on}.{' '}
				<Link to={`/account/applications/${applied.id}`}>See your application</Link>
			</p>
		)
	}
	return (
		<p className="mb-6">
			<Link to={href} className="btn">
				Apply for this job
			</Link>
		</p>
	)
}

export default function VacancyRoute() {
	const d = useLoaderData<typeof loader>()
	if (!d.details) {
		return (
			<div>
				<p className="mb-4">
					<Link to={d.backHref}>‹ Back to search results</Link>
				</p>
				<h1 className="mb-4 text-3xl">This job has closed</h1>
				<p className="mb-2">
					<strong>{d.title}</strong> with {d.provider.name} in {d.town} closed on {d.closed} and is no longer taking
					applications.
				</p>
				<h2 className="mb-2 mt-8 text-2xl">Similar jobs you can apply for</h2>
				{d.similar.length ? (
					<ul>
						{d.similar.map((job) => (
							<JobCard key={job.id} job={job} href={job.href} />
						))}
					</ul>
				) : (
					<p>
						There are no similar jobs nearby at the moment. <Link to="/jobs">Search all jobs</Link>.
					</p>
				)}
			</div>
		)
	}
	const v = d.details
	return (
		<article>
			{d.jsonLd ? (
				<script
					type="application/ld+json"
					dangerouslySetInnerHTML={{ __html: JSON.stringify(d.jsonLd).replace(/</g, '\\u003c') }}
				/>
			) : null}
			<p className="mb-4">
				<Link to={d.backHref}>‹ Back to search results</Link>
			</p>
			<span className="mb-1 block text-lg text-muted">{d.provider.name}</span>
			<h1 className="mb-3 text-3xl md:text-4xl">{d.title}</h1>
			<Badges
				job={{
					apprenticeship: v.apprenticeship,
					noDrivingNeeded: v.noDrivingNeeded,
					visaSponsorship: v.visaSponsorship,
				}}
			/>
			<ApplyAction href={d.applyHref} applied={d.applied} />
			{d.saved ? (
				<p className="mb-2">
					You have saved this job. <Link to="/account/saved">See your saved jobs</Link>
				</p>
			) : null}
			<SaveJobForm jobId={d.id} saved={d.saved} returnTo={d.returnTo} />
			<div className="grid gap-8 md:grid-cols-[2fr_1fr]">
				<div>
					<SummaryList
						rows={[
							{
								key: 'Pay',
								value: (
									<>
										{v.pay}
										{v.payHourly ? <span className="block text-muted">{v.payHourly}</span> : null}
									</>
								),
							},
							{
								key: 'Location',
								value: (
									<>
										{d.location}
										{d.distance ? (
											<span className="block text-muted">
												{d.distance.miles} from {d.distance.from}
											</span>
										) : null}
									</>
								),
							},
							{
								key: 'Hours',
								value: (
									<>
										{v.hours}
										{v.hoursPerWeek ? <span className="block text-muted">{v.hoursPerWeek} hours a week</span> : null}
									</>
								),
							},
							{ key: 'Contract', value: v.contract },
							{ key: 'Role', value: v.role },
							{ key: 'Setting', value: v.setting },
							{
								key: 'Driving licence',
								value: v.noDrivingNeeded
									? 'Not needed'
									: v.drivingUnclear
										? 'The advert mentions driving: ask the employer'
										: 'Needed for this job',
							},
							{ key: 'Visa sponsorship', value: v.visaSponsorship ? 'Available for this job' : 'Not available' },
							{ key: 'Positions', value: v.positions },
							{ key: 'Date posted', value: v.posted },
							{
								key: 'Closing date',
								value: (
									<>
										{d.closing} <span className="text-muted">(applications close at 23:59 UK time)</span>
									</>
								),
							},
						]}
					/>

					<h2 className="mb-3 text-2xl">About the job</h2>
					<Paragraphs text={v.description} />

					{v.requirements ? (
						<>
							<h2 className="mb-3 mt-6 text-2xl">What you will need</h2>
							<Paragraphs text={v.requirements} />
						</>
					) : null}

					{v.standard ? (
						<>
							<h2 className="mb-3 mt-6 text-2xl">The apprenticeship</h2>
							<p className="mb-2">
								{v.standard.title} apprenticeship, level {v.standard.level} ({v.standard.reference})
								{v.standard.duration ? `, usually ${v.standard.duration}` : ''}.
							</p>
							{v.standard.qualification ? (
								<p className="mb-2">You will work towards: {v.standard.qualification}.</p>
							) : null}
							<p className="mb-2">You are paid while you learn, with time set aside for training.</p>
						</>
					) : null}

					{v.roleDescription ? (
						<>
							<h2 className="mb-3 mt-6 text-2xl">About the role: {v.role}</h2>
							<p className="mb-4 max-w-3xl">{v.roleDescription}</p>
						</>
					) : null}

					<h2 className="mb-3 mt-6 text-2xl" id="how-to-apply">
						How to apply
					</h2>
					<p className="mb-4">
						Apply on this site in about three minutes. You do not need an account or a CV. Apply by {v.closingLong}.
					</p>
					<ApplyAction href={d.applyHref} applied={d.applied} />
					{v.howToApply ? (
						<>
							<h3 className="mb-2 text-xl">Questions before you apply?</h3>
							<Paragraphs text={v.howToApply} />
						</>
					) : null}
				</div>

				<aside aria-labelledby="provider-heading" className="self-start border-t-4 border-brand bg-surface p-4">
					<h2 id="provider-heading" className="mb-2 text-xl">
						About the employer
					</h2>
					<p className="mb-1 font-bold">{d.provider.name}</p>
					<p className="mb-3 text-muted">{d.providerTypeLabel}</p>
					{d.provider.about ? (
						<p className="mb-3">
							{d.provider.about.slice(0, 300)}
							{d.provider.about.length > 300 ? '…' : ''}
						</p>
					) : null}
					{d.provider.individual ? <p className="mb-3">Based in the {d.provider.town} area.</p> : null}
					{d.provider.cqcLocationId ? <p className="mb-3">CQC location ID: {d.provider.cqcLocationId}</p> : null}
					<p>
						<Link to={`/providers/${d.provider.id}`}>See this employer’s profile and other jobs</Link>
					</p>
				</aside>
			</div>
		</article>
	)
}
