import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation, useNavigation, useSubmit } from '@remix-run/react'
import { useEffect, useRef, type FormEvent } from 'react'
import { CountedCheckboxes, CountedToggle } from '#app/components/filters.tsx'
import { ErrorSummary } from '#app/components/forms.tsx'
import { JobCard } from '#app/components/job-card.tsx'
import { ImportantBanner } from '#app/components/notification-banner.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { SaveJobButton, SaveJobForms } from '#app/components/save-job.tsx'
import { standardOptions } from '#app/models/jobs/care-roles.server.ts'
import { searchUrl } from '#app/models/jobs/job-search-url.ts'
import {
	canonicalSearchUrl,
	describeSearch,
	PER_PAGE,
	runJobSearch,
	savedSearchQuery,
} from '#app/models/jobs/job-search.server.ts'
import { radiusChoices, sortOptions } from '#app/models/jobs/vocabulary.ts'
import { savedAmong } from '#app/models/saved-jobs/saved-jobs.server.ts'
import { getUserId } from '#app/utils/auth.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const url = new URL(request.url)
	const canonical = canonicalSearchUrl(url.searchParams)
	if (canonical) throw redirect(canonical)
	const [search, userId] = await Promise.all([runJobSearch(url.searchParams), getUserId(request)])
	if (search.total > 0 && search.page > search.totalPages) {
		throw redirect(searchUrl(search.form, { page: search.totalPages }))
	}
	const saved = await savedAmong(
		userId,
		search.results.map((r) => r.id),
	)
	const alertQuery = savedSearchQuery(search.form)
	const heading = describeSearch(search.total, search.form, search.place)
	const hasErrors = Object.keys(search.errors).length > 0
	const payload = {
		heading,
		form: search.form,
		errors: search.errors,
		suggestions: search.suggestions.map((name) => ({ name, href: searchUrl(search.form, { where: name, page: 1 }) })),
		clearFiltersHref: search.place ? `/jobs?where=${encodeURIComponent(search.form.where)}` : '/jobs',
		placeLabel: search.place?.label ?? null,
		filters: search.filters,
		understood: search.understood,
		showing:
			search.total > 0
				? {
						from: (search.page - 1) * PER_PAGE + 1,
						to: (search.page - 1) * PER_PAGE + search.results.length,
					}
				: null,
		sort: search.sort,
		mode: search.mode,
		total: search.total,
		page: search.page,
		totalPages: search.totalPages,
		results: search.results.map((r) => ({
			...r,
			href: `/jobs/${r.id}?${new URLSearchParams({ search: url.search.slice(1) })}`,
			saved: saved.has(r.id),
		})),
		returnTo: `${url.pathname}${url.search}`,
		// Only a search we could run can become an alert.
		alertHref: search.errors.where || search.errors.minpay ? null : `/alerts/new${alertQuery ? `?${alertQuery}` : ''}`,
		facets: search.facets,
		standards: standardOptions.filter((o) => search.form.standard?.includes(o.id)),
		wider:
			search.total === 0 && search.place && search.form.radius < 30
				? searchUrl(search.form, { radius: 30, page: 1 })
				: null,
	}
	return data(payload, {
		status: hasErrors ? 400 : 200,
		headers: { 'Cache-Control': 'no-cache' },
	})
}

export const handle: PageHandle = {
	title: (d: { heading: string; page: number; errors: object }) =>
		`${Object.keys(d.errors ?? {}).length ? 'Error: ' : ''}${d.heading}${d.page > 1 ? ` (page ${d.page})` : ''}`,
}

export const meta: MetaFunction = () => [
	{ name: 'description', content: 'Search care and health jobs and apprenticeships by place, role, hours and pay.' },
	{ name: 'robots', content: 'noindex, follow' },
]

export default function JobSearchRoute() {
	const d = useLoaderData<typeof loader>()
	const submit = useSubmit()
	const navigation = useNavigation()
	const location = useLocation()
	const busy = navigation.state === 'loading' && navigation.location?.pathname === '/jobs'
	const filtersRef = useRef<HTMLDetailsElement>(null)
	const headingRef = useRef<HTMLHeadingElement>(null)

	// Filters start open, so they work without JavaScript; on a phone, with
	// JavaScript, they fold away so the results come first.
	useEffect(() => {
		if (filtersRef.current && window.matchMedia('(max-width: 767px)').matches) filtersRef.current.open = false
	}, [])

	// After moving to another page of results, start reading from the top of them.
	useEffect(() => {
		if ((location.state as { focusResults?: boolean } | null)?.focusResults) headingRef.current?.focus()
	}, [location])

	// With JavaScript, ticking a filter box updates the results in place. Typed
	// fields and lists wait for a button, so moving through a list with the
	// keyboard never runs a search (WCAG 3.2.2).
	function onChange(event: FormEvent<HTMLFormElement>) {
		const target = event.target as HTMLInputElement
		// A history entry each time, so Back undoes the last filter.
		if (target.type === 'checkbox') submit(event.currentTarget, { preventScrollReset: true })
	}

	const errors = [
		d.errors.where ? { href: '#where', message: d.errors.where } : null,
		d.errors.minpay ? { href: '#minpay', message: d.errors.minpay } : null,
	].filter((e): e is { href: string; message: string } => e !== null)

	return (
		<>
			<Form method="get" action="/jobs" id="job-search" onChange={onChange} aria-label="Job search">
				<a href="#search-results" className="sr-only focus:not-sr-only">
					Skip to results
				</a>
				<ErrorSummary errors={errors} />
				<div role="search" className="mb-6 bg-brand-light p-4">
					<div className="grid gap-4 md:grid-cols-[2fr_2fr_1fr_auto] md:items-end">
						<div>
							<label htmlFor="q" className="mb-1 block font-bold">
								What
							</label>
							<p id="q-hint" className="mb-1 text-sm text-muted">
								Job title, skill or employer
							</p>
							<input
								id="q"
								name="q"
								type="search"
								defaultValue={d.form.q}
								aria-describedby="q-hint"
								className="input"
							/>
						</div>
						<div>
							<label htmlFor="where" className="mb-1 block font-bold">
								Where
							</label>
							<p id="where-hint" className="mb-1 text-sm text-muted">
								Town, village or postcode
							</p>
							{d.errors.where ? (
								<p id="where-error" className="mb-1 font-bold text-error">
									<span className="sr-only">Error: </span>
									{d.suggestions.length ? (
										<>
											We could not find that place. Did you mean{' '}
											{d.suggestions.map((s, i) => (
												<span key={s.name}>
													{i > 0 ? (i === d.suggestions.length - 1 ? ' or ' : ', ') : null}
													<Link to={s.href} className="text-error visited:text-error">
														{s.name}
													</Link>
												</span>
											))}
											?
										</>
									) : (
										d.errors.where
									)}
								</p>
							) : null}
							<input
								id="where"
								name="where"
								defaultValue={d.form.where}
								autoComplete="postal-code"
								aria-invalid={d.errors.where ? true : undefined}
								aria-describedby={d.errors.where ? 'where-hint where-error' : 'where-hint'}
								className={`input ${d.errors.where ? 'input-error' : ''}`}
							/>
						</div>
						<div>
							<label htmlFor="radius" className="mb-1 block font-bold">
								Distance
							</label>
							<select id="radius" name="radius" defaultValue={String(d.form.radius)} className="input">
								{radiusChoices.map((r) => (
									<option key={r} value={r}>
										Within {r} {r === 1 ? 'mile' : 'miles'}
									</option>
								))}
							</select>
						</div>
						{/* A new search starts at "most relevant": the sort chosen for the last one does not carry over. */}
						<button type="submit" name="search" value="new" className="btn">
							Search
						</button>
					</div>
				</div>

				{d.mode === 'reduced' ? (
					<ImportantBanner className="mb-4" role="status">
						<strong>Search is running in reduced mode.</strong> Results are complete and up to date, but spelling
						mistakes may not be matched as well and “most relevant” uses a simpler order until full search is back.
					</ImportantBanner>
				) : null}
				<h1 id="results-heading" ref={headingRef} tabIndex={-1} className="mb-2 text-3xl" aria-live="polite">
					{d.heading}
				</h1>
				{d.understood ? (
					<ImportantBanner className="mb-4 mt-2" tone="plain">
						<p className="mb-2">We used some of the words you typed to search better:</p>
						<ul className="mb-2 ml-6 list-disc">
							{d.understood.changes.map((c) => (
								<li key={c.words}>
									“{c.words}” became {c.became}
								</li>
							))}
						</ul>
						<p>
							<Link to={d.understood.typedHref}>Search for “{d.form.from}” as words instead</Link>
						</p>
					</ImportantBanner>
				) : null}
				{d.filters.length ? (
					<div className="mb-4">
						<h2 className="sr-only">Your search</h2>
						<ul className="flex flex-wrap gap-2" aria-label="Filters in use">
							{d.filters.map((f) => (
								<li key={f.href} className="max-w-full">
									<Link
										to={f.href}
										className="inline-block max-w-full border-2 [overflow-wrap:anywhere] border-ink bg-white px-2 py-1 text-ink no-underline visited:text-ink hover:bg-surface"
									>
										<span className="sr-only">Remove filter </span>
										{f.label} <span aria-hidden="true">×</span>
									</Link>
								</li>
							))}
						</ul>
					</div>
				) : null}
				{d.showing ? (
					<p className="mb-2 text-muted">
						Showing {d.showing.from.toLocaleString('en-GB')} to {d.showing.to.toLocaleString('en-GB')} of{' '}
						{d.total.toLocaleString('en-GB')}
					</p>
				) : null}
				{d.alertHref && d.total > 0 ? (
					<p className="mb-2">
						<Link to={d.alertHref}>Get these jobs by email</Link>
					</p>
				) : null}
				{d.errors.where ? (
					<p className="mb-1">Showing jobs anywhere in the region, because we could not find that place.</p>
				) : null}
				{d.errors.minpay ? (
					<p className="mb-1">Showing jobs at any pay, because the minimum pay was not a number.</p>
				) : null}

				<div className="mt-6 grid gap-8 md:grid-cols-[1fr_2fr]">
					<details ref={filtersRef} open className="self-start">
						<summary className="mb-4 cursor-pointer text-xl font-bold md:hidden">Filter jobs</summary>
						<h2 className="mb-4 hidden text-2xl md:block">Filter jobs</h2>
						<CountedToggle
							name="apprenticeship"
							label="Apprenticeships only"
							count={d.facets.apprenticeship}
							checked={d.form.apprenticeship}
						/>
						{d.standards.length ? (
							<fieldset className="mb-6">
								<legend className="mb-2 font-bold">Apprenticeship standard</legend>
								{d.standards.map((o) => (
									<div key={o.id} className="mb-2 flex items-center gap-2">
										<input
											type="checkbox"
											id={`standard-${o.id}`}
											name="standard"
											value={o.id}
											defaultChecked
											className="size-6 shrink-0 cursor-pointer accent-ink"
										/>
										<label htmlFor={`standard-${o.id}`} className="cursor-pointer">
											{o.label}
										</label>
									</div>
								))}
							</fieldset>
						) : null}
						<CountedToggle
							name="nodriving"
							label="No driving licence needed"
							count={d.facets.noDriving}
							checked={d.form.nodriving}
						/>
						<CountedToggle
							name="sponsorship"
							label="Visa sponsorship offered"
							count={d.facets.sponsorship}
							checked={d.form.sponsorship}
						/>
						<div className="mb-6 mt-6">
							<label htmlFor="minpay" className="mb-1 block font-bold">
								Minimum hourly pay
							</label>
							<p id="minpay-hint" className="mb-1 text-sm text-muted">
								For example, 12.50. Salaries are compared by their hourly equivalent.
							</p>
							{d.errors.minpay ? (
								<p id="minpay-error" className="mb-1 font-bold text-error">
									<span className="sr-only">Error: </span>
									{d.errors.minpay}
								</p>
							) : null}
							<div className="flex items-stretch">
								<span aria-hidden="true" className="border-2 border-r-0 border-ink bg-surface px-2 py-1.5">
									£
								</span>
								<input
									id="minpay"
									name="minpay"
									inputMode="decimal"
									defaultValue={d.form.minpay}
									aria-invalid={d.errors.minpay ? true : undefined}
									aria-describedby={d.errors.minpay ? 'minpay-hint minpay-error' : 'minpay-hint'}
									className={`input w-24 ${d.errors.minpay ? 'input-error' : ''}`}
								/>
							</div>
						</div>
						<CountedCheckboxes legend="Hours" name="hours" options={d.facets.hours} selected={d.form.hours} />
						<CountedCheckboxes legend="Setting" name="setting" options={d.facets.setting} selected={d.form.setting} />
						<CountedCheckboxes
							legend="Contract"
							name="contract"
							options={d.facets.contract}
							selected={d.form.contract}
						/>
						<CountedCheckboxes legend="Role" name="role" options={d.facets.role} selected={d.form.role} />
						<div className="flex flex-wrap items-center gap-4">
							<button type="submit" className="btn btn-secondary">
								Apply filters
							</button>
							<Link to={d.clearFiltersHref}>Clear filters</Link>
						</div>
					</details>

					<section id="search-results" aria-label="Results" aria-busy={busy}>
						<div className="mb-4 flex flex-wrap items-end gap-3 border-b border-line pb-4">
							<div>
								<label htmlFor="sort" className="mb-1 block font-bold">
									Sort by
								</label>
								<select id="sort" name="sort" defaultValue={d.sort} className="input w-auto">
									{sortOptions
										.filter((o) => (o.id === 'distance' ? Boolean(d.placeLabel) : true))
										.map((o) => (
											<option key={o.id} value={o.id}>
												{o.label}
											</option>
										))}
								</select>
							</div>
							<button type="submit" className="btn btn-secondary">
								Sort
							</button>
						</div>
						{d.results.length ? (
							<ul className={busy ? 'opacity-60' : undefined}>
								{d.results.map((job) => (
									<JobCard
										key={job.id}
										job={job}
										href={job.href}
										action={<SaveJobButton jobId={job.id} title={job.title} saved={job.saved} />}
									/>
								))}
							</ul>
						) : (
							<div className="py-4">
								<h2 className="mb-2 text-xl">No jobs match your search</h2>
								<p className="mb-2">You could:</p>
								<ul className="ml-6 list-disc space-y-1">
									{d.wider ? (
										<li>
											<Link to={d.wider}>search within 30 miles</Link>
										</li>
									) : null}
									<li>remove some filters</li>
									<li>check the spelling of your keywords, or use fewer</li>
									<li>
										<Link to="/jobs">see all jobs</Link>
									</li>
								</ul>
								{d.alertHref ? (
									<p className="mt-4">
										<Link to={d.alertHref}>Get an email when jobs like these are posted</Link>
									</p>
								) : null}
							</div>
						)}
						<Pagination page={d.page} totalPages={d.totalPages} hrefFor={(p) => searchUrl(d.form, { page: p })} />
					</section>
				</div>
			</Form>
			<SaveJobForms jobIds={d.results.map((job) => job.id)} returnTo={d.returnTo} />
		</>
	)
}
