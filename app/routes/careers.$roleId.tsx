import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { StoryList } from '#app/components/story-list.tsx'
import { openVacanciesForRole, payForRole, roleDetails } from '#app/models/careers/careers.server.ts'
import { listPublishedStories } from '#app/models/careers/stories.server.ts'
import { searchUrl, type JobSearchForm } from '#app/models/jobs/job-search-url.ts'
import { formatPence } from '#app/models/jobs/pay.ts'
import { defaultRadius, radiusChoices } from '#app/models/jobs/vocabulary.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'

const jobsForm = (role: string, changes: Partial<JobSearchForm> = {}): JobSearchForm => ({
	q: '',
	where: '',
	radius: defaultRadius,
	role: [role],
	setting: [],
	hours: [],
	contract: [],
	apprenticeship: false,
	nodriving: false,
	sponsorship: false,
	minpay: '',
	page: 1,
	...changes,
})

// The same rounded amount the page shows, so the link finds exactly the jobs it names.
const poundsForUrl = (pence: number) => (Math.round(pence) / 100).toFixed(2)

export async function loader({ params, request }: LoaderFunctionArgs) {
	const role = roleDetails(params.roleId ?? '')
	invariantResponse(role)
	const url = new URL(request.url)
	const where = (url.searchParams.get('where') ?? '').trim().slice(0, 100)
	const askedNear = url.searchParams.has('where')
	const radiusParam = Number(url.searchParams.get('radius'))
	const radius = (radiusChoices as readonly number[]).includes(radiusParam) ? radiusParam : defaultRadius
	const [pay, region, near, stories] = await Promise.all([
		payForRole(role.id),
		openVacanciesForRole(role.id, '', radius),
		where
			? openVacanciesForRole(role.id, where, radius)
			: askedNear
				? { total: 0, placeLabel: null, placeError: 'Enter a town, village or postcode', suggestions: [] }
				: null,
		listPublishedStories({ roleId: role.id, take: 6 }),
	])
	const figures =
		pay.median === null || pay.lower === null || pay.upper === null
			? null
			: {
					count: pay.count,
					median: formatPence(Math.round(pay.median)),
					lower: formatPence(Math.round(pay.lower)),
					upper: formatPence(Math.round(pay.upper)),
					atLeastMedianHref: searchUrl(jobsForm(role.id, { minpay: poundsForUrl(pay.median) })),
					atLeastUpperHref: searchUrl(jobsForm(role.id, { minpay: poundsForUrl(pay.upper) })),
					// Quartiles of a handful of jobs say little: below this, only the middle rate is shown.
					enough: pay.count >= 5,
				}
	return data(
		{
			role,
			pay: figures,
			region: { total: region.total, href: searchUrl(jobsForm(role.id)) },
			near: near && {
				where,
				radius,
				total: near.total,
				placeLabel: near.placeLabel,
				error: near.placeError,
				suggestions: near.suggestions.map((name) => ({
					name,
					href: `?${new URLSearchParams({ where: name, radius: String(radius) })}#open-near-you`,
				})),
				href: near.placeLabel ? searchUrl(jobsForm(role.id, { where, radius })) : null,
			},
			apprenticeshipHref: searchUrl(jobsForm(role.id, { apprenticeship: true })),
			radiusChoices,
			stories,
		},
		{ status: near?.placeError ? 400 : 200 },
	)
}

export const handle: PageHandle = { title: (d: { role: { name: string } }) => `${d.role.name}: careers in care` }

export const meta: MetaFunction<typeof loader> = ({ data: d }) =>
	d ? [{ name: 'description', content: d.role.description }] : []

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

export default function CareerRoleRoute() {
	const d = useLoaderData<typeof loader>()
	const { role } = d
	return (
		<div>
			<nav aria-label="Breadcrumb" className="mb-4 text-sm">
				<ol className="flex flex-wrap gap-2">
					<li>
						<Link to="/careers">Careers in care</Link> <span aria-hidden="true">›</span>
					</li>
					<li aria-current="page">{role.name}</li>
				</ol>
			</nav>
			<h1 className="mb-2 text-3xl md:text-4xl">{role.name}</h1>
			{role.alsoKnownAs.length ? <p className="mb-4 text-muted">Also called: {role.alsoKnownAs.join(', ')}</p> : null}
			{role.health ? <p className="mb-4 tag tag-health">Health role: often in the NHS as well as in care</p> : null}
			<div className="grid gap-10 md:grid-cols-[2fr_1fr]">
				<div>
					<h2 className="mb-2 text-2xl">What the job is like</h2>
					<p className="mb-6">{role.description}</p>
					<h2 className="mb-2 text-2xl">How to get in</h2>
					<ul className="mb-6 ml-6 list-disc space-y-1">
						{role.typicalEntry.map((line) => (
							<li key={line}>{line}</li>
						))}
					</ul>
					{role.qualifications.length ? (
						<>
							<h2 className="mb-2 text-2xl">Qualifications that help you progress</h2>
							<ul className="mb-6 ml-6 list-disc space-y-1">
								{role.qualifications.map((q) => (
									<li key={q}>{q}</li>
								))}
							</ul>
						</>
					) : null}
					{role.apprenticeships.length ? (
						<>
							<h2 className="mb-2 text-2xl">Related apprenticeships</h2>
							<ul className="mb-2 ml-6 list-disc space-y-1">
								{role.apprenticeships.map((a) => (
									<li key={a.reference}>
										<Link to={`/careers/apprenticeships#${a.reference}`}>{a.title}</Link> (level {a.level})
									</li>
								))}
							</ul>
							<p className="mb-6">
								<Link to={d.apprenticeshipHref}>Apprenticeship vacancies in this role</Link>
							</p>
						</>
					) : null}
					<h2 className="mb-2 text-2xl">Where it can lead</h2>
					{role.leadsTo.length ? (
						<ul className="mb-6 ml-6 list-disc space-y-1">
							{role.leadsTo.map((r) => (
								<li key={r.id}>
									<Link to={`/careers/${r.id}`}>{r.name}</Link>
								</li>
							))}
						</ul>
					) : (
						<p className="mb-6">This is one of the most senior roles in care.</p>
					)}
					<h2 className="mb-2 text-2xl">Where people come from</h2>
					{role.entryRole ? <p className="mb-2">Many people start here, with no experience in care.</p> : null}
					{role.comesFrom.length ? (
						<ul className="mb-6 ml-6 list-disc space-y-1">
							{role.comesFrom.map((r) =>
								r.id === 'volunteering' ? (
									<li key={r.id}>Volunteering</li>
								) : (
									<li key={r.id}>
										<Link to={`/careers/${r.id}`}>{r.name}</Link>
									</li>
								),
							)}
						</ul>
					) : role.entryRole ? null : (
						<p className="mb-6">People come to this role from many backgrounds.</p>
					)}
				</div>

				<aside className="space-y-8">
					<section aria-labelledby="pay-heading" className="border-t-4 border-brand pt-3">
						<h2 id="pay-heading" className="mb-2 text-xl">
							Pay in live vacancies
						</h2>
						{d.pay ? (
							<>
								<p className="mb-1 text-3xl font-bold">{d.pay.median} an hour</p>
								{d.pay.enough ? (
									<p className="mb-3">
										is the middle (median) rate. Half of the {plural(d.pay.count, 'vacancy', 'vacancies')} pay between{' '}
										{d.pay.lower} and {d.pay.upper} an hour.
									</p>
								) : (
									<p className="mb-3">
										is the middle rate of only {plural(d.pay.count, 'vacancy', 'vacancies')}, so treat it as a rough
										guide.
									</p>
								)}
								<ul className="mb-3 space-y-1">
									<li>
										<Link to={d.pay.atLeastMedianHref}>Jobs that can pay {d.pay.median} an hour or more</Link>
									</li>
									{d.pay.enough ? (
										<li>
											<Link to={d.pay.atLeastUpperHref}>Jobs that can pay {d.pay.upper} an hour or more</Link>
										</li>
									) : null}
								</ul>
								<p className="text-sm text-muted">
									From vacancies open now across the region. Each counts once, at the middle of its pay range; salaries
									are converted to an hourly rate using the job’s hours. The links find jobs whose pay can reach that
									rate.
								</p>
							</>
						) : (
							<p>There are no live vacancies for this role right now, so we cannot show pay.</p>
						)}
					</section>

					<section id="open-near-you" aria-labelledby="near-heading" className="border-t-4 border-brand pt-3">
						<h2 id="near-heading" className="mb-2 text-xl">
							Open vacancies
						</h2>
						<p className="mb-3">
							<Link to={d.region.href}>{plural(d.region.total, 'job', 'jobs')} across the region</Link>
						</p>
						{d.near && d.near.href ? (
							<p className="mb-3" role="status">
								<Link to={d.near.href}>
									{plural(d.near.total, 'job', 'jobs')} within {plural(d.near.radius, 'mile', 'miles')} of{' '}
									{d.near.placeLabel}
								</Link>
							</p>
						) : null}
						<Form method="get" action="#open-near-you" noValidate>
							<div className={`mb-3 ${d.near?.error ? 'border-l-4 border-error pl-4' : ''}`}>
								<label htmlFor="near-where" className="mb-1 block font-bold">
									Jobs near
								</label>
								<p id="near-where-hint" className="mb-1 text-sm text-muted">
									Town, village or postcode
								</p>
								{d.near?.error ? (
									<p id="near-where-error" className="mb-1 font-bold text-error">
										<span className="sr-only">Error: </span>
										{d.near.suggestions.length ? (
											<>
												We could not find that place. Did you mean{' '}
												{d.near.suggestions.map((s, i) => (
													<span key={s.name}>
														{i > 0 ? ' or ' : null}
														<Link to={s.href} className="text-error visited:text-error">
															{s.name}
														</Link>
													</span>
												))}
												?
											</>
										) : (
											d.near.error
										)}
									</p>
								) : null}
								<input
									id="near-where"
									name="where"
									defaultValue={d.near?.where ?? ''}
									autoComplete="postal-code"
									aria-invalid={d.near?.error ? true : undefined}
									aria-describedby={d.near?.error ? 'near-where-hint near-where-error' : 'near-where-hint'}
									className={`input ${d.near?.error ? 'input-error' : ''}`}
								/>
							</div>
							<div className="mb-3">
								<label htmlFor="near-radius" className="mb-1 block font-bold">
									Distance
								</label>
								<select id="near-radius" name="radius" defaultValue={String(d.near?.radius ?? 10)} className="input">
									{d.radiusChoices.map((r) => (
										<option key={r} value={r}>
											Within {plural(r, 'mile', 'miles')}
										</option>
									))}
								</select>
							</div>
							<button type="submit" className="btn btn-secondary">
								Count jobs
							</button>
						</Form>
					</section>
				</aside>
			</div>

			{d.stories.length ? (
				<section className="mt-10" aria-labelledby="role-stories">
					<h2 id="role-stories" className="mb-4 text-2xl">
						Stories about this role
					</h2>
					<StoryList stories={d.stories} />
				</section>
			) : null}
		</div>
	)
}
