import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { liveVacancyTotals } from '#app/models/jobs/vacancies.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader(_: LoaderFunctionArgs) {
	return { region: getEnv().REGION_NAME, ...(await liveVacancyTotals()) }
}

export const handle: PageHandle = { title: 'Find a job in health and social care' }

export const meta: MetaFunction = () => [
	{
		name: 'description',
		content: 'Free job search for care and health jobs and apprenticeships. Pay shown on every job.',
	},
]

export default function HomeRoute() {
	const d = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	return (
		<div>
			{params.get('deleted') ? (
				<NotificationBanner>Your account and your details have been deleted.</NotificationBanner>
			) : null}
			<section className="-mx-4 mb-10 bg-brand px-4 py-10 text-white md:py-14">
				<div className="mx-auto max-w-6xl">
					<h1 className="mb-3 max-w-3xl text-3xl text-white md:text-5xl">Find a job in care in {d.region}</h1>
					<p className="mb-6 max-w-2xl text-lg">
						{d.vacancies.toLocaleString('en-GB')} live jobs with {d.providers} employers, including {d.apprenticeships}{' '}
						apprenticeships. Pay is shown on every job, and it is free to apply.
					</p>
					<Form
						method="get"
						action="/jobs"
						role="search"
						aria-label="Job search"
						className="grid max-w-4xl gap-4 bg-white p-4 text-ink md:grid-cols-[1fr_1fr_auto] md:items-end"
					>
						<div>
							<label htmlFor="home-q" className="mb-1 block font-bold">
								What
							</label>
							<p id="home-q-hint" className="mb-1 text-sm text-muted">
								For example, carer, senior carer or nights
							</p>
							<input id="home-q" name="q" type="search" className="input" aria-describedby="home-q-hint" />
						</div>
						<div>
							<label htmlFor="home-where" className="mb-1 block font-bold">
								Where
							</label>
							<p id="home-where-hint" className="mb-1 text-sm text-muted">
								Town, village or postcode
							</p>
							<input
								id="home-where"
								name="where"
								className="input"
								aria-describedby="home-where-hint"
								autoComplete="postal-code"
							/>
						</div>
						<button type="submit" className="btn">
							Search jobs
						</button>
					</Form>
				</div>
			</section>

			<div className="grid gap-8 md:grid-cols-3">
				<section>
					<h2 className="mb-2 text-2xl">New to care?</h2>
					<p className="mb-3">
						Most care worker jobs need no qualifications: you are trained on the job, and many employers pay for your
						Care Certificate.
					</p>
					<p>
						<Link to="/jobs?role=care-worker&sort=newest">See care worker jobs</Link>
					</p>
				</section>
				<section>
					<h2 className="mb-2 text-2xl">Apprenticeships</h2>
					<p className="mb-3">Earn while you learn, from adult care worker (level 2) to nursing associate (level 5).</p>
					<p>
						<Link to="/jobs?apprenticeship=1">See apprenticeships</Link>
					</p>
				</section>
				<section>
					<h2 className="mb-2 text-2xl">No car?</h2>
					<p className="mb-3">Many jobs in care homes and supported living need no driving licence.</p>
					<p>
						<Link to="/jobs?nodriving=1">Jobs with no driving needed</Link>
					</p>
				</section>
			</div>

			<section className="mt-12 border-t-4 border-brand pt-6">
				<h2 className="mb-2 text-2xl">Employers: post vacancies for free</h2>
				<p className="mb-4 max-w-3xl">
					Care homes, home-care agencies, supported living and day services, NHS employers and people hiring their own
					Personal Assistant can post vacancies and apprenticeships at no cost.
				</p>
				<Link to="/signup" className="btn">
					Create an employer account
				</Link>
			</section>
		</div>
	)
}
