import type { MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { SummaryList } from '#app/components/summary-list.tsx'
import { apprenticeshipsWithVacancies } from '#app/models/careers/careers.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader() {
	const standards = await apprenticeshipsWithVacancies()
	return {
		standards: standards.map((s) => ({
			...s,
			jobsHref: `/jobs?${new URLSearchParams({ apprenticeship: '1', standard: s.reference })}`,
		})),
	}
}

export const handle: PageHandle = { title: 'Apprenticeships in care' }

export const meta: MetaFunction = () => [
	{
		name: 'description',
		content:
			'Apprenticeships in adult social care and health: levels, how long they take, where they lead, and live vacancies.',
	},
]

export default function ApprenticeshipsRoute() {
	const { standards } = useLoaderData<typeof loader>()
	const levels = [...new Set(standards.map((s) => s.level))].sort((a, b) => a - b)
	return (
		<div className="max-w-4xl">
			<nav aria-label="Breadcrumb" className="mb-4 text-sm">
				<ol className="flex flex-wrap gap-2">
					<li>
						<Link to="/careers">Careers in care</Link> <span aria-hidden="true">›</span>
					</li>
					<li aria-current="page">Apprenticeships</li>
				</ol>
			</nav>
			<h1 className="mb-4 text-3xl md:text-4xl">Apprenticeships in care</h1>
			<p className="mb-4 text-lg">
				An apprenticeship is a paid job with training. You work alongside experienced staff and spend at least 20% of
				your time learning, and you finish with a qualification. There is no upper age limit.
			</p>
			<p className="mb-4">
				Level 2 is like GCSEs, level 3 like A levels, level 4 like the first year of a degree, level 5 like a foundation
				degree and level 6 like a degree. <Link to="/jobs?apprenticeship=1">See every apprenticeship vacancy</Link>.
			</p>
			<details className="mb-8">
				<summary className="cursor-pointer font-bold text-brand underline">What the abbreviations mean</summary>
				<SummaryList
					className="mt-3"
					rows={[
						{ key: 'End-point assessment', value: 'the final test at the end of an apprenticeship' },
						{ key: 'NMC', value: 'Nursing and Midwifery Council, which registers nurses and nursing associates' },
						{ key: 'HCPC', value: 'Health and Care Professions Council, which registers occupational therapists' },
						{ key: 'RCOT', value: 'Royal College of Occupational Therapists' },
						{ key: 'FdSc, BSc (Hons)', value: 'a foundation degree and a bachelor’s degree in science' },
						{
							key: 'ST0005 and so on',
							value: 'the apprenticeship standard’s reference number, which colleges and employers use',
						},
					]}
				/>
			</details>
			{levels.map((level) => (
				<section key={level} aria-labelledby={`level-${level}`} className="mb-10">
					<h2 id={`level-${level}`} className="mb-4 text-2xl">
						Level {level}
					</h2>
					<ul className="space-y-8">
						{standards
							.filter((s) => s.level === level)
							.map((s) => (
								<li key={s.reference} id={s.reference} className="border-t-4 border-brand pt-3">
									<h3 className="mb-2 text-xl">{s.title}</h3>
									<SummaryList
										className="mb-3"
										rows={[
											{ key: 'Level', value: s.level },
											{ key: 'How long', value: s.duration },
											{ key: 'Qualification', value: s.qualification },
											{ key: 'Standard', value: s.reference },
										]}
									/>
									{s.jobTitles.length ? <p className="mb-2">Typical jobs: {s.jobTitles.join(', ')}.</p> : null}
									{s.roles.length ? (
										<p className="mb-2">
											Read about these roles:{' '}
											{s.roles.map((r, i) => (
												<span key={r.id}>
													{i > 0 ? (i === s.roles.length - 1 ? ' and ' : ', ') : null}
													<Link to={`/careers/${r.id}`}>{r.name}</Link>
												</span>
											))}
											.
										</p>
									) : null}
									{s.leadsTo.length ? (
										<p className="mb-2">
											Leads on to:{' '}
											{s.leadsTo.map((p, i) => (
												<span key={p.reference}>
													{i > 0 ? ', ' : null}
													<a href={`#${p.reference}`}>
														{p.title} (level {p.level})
													</a>
												</span>
											))}
										</p>
									) : null}
									{s.liveCount ? (
										<>
											<p className="mb-1 font-bold">
												<Link to={s.jobsHref}>
													{s.liveCount} live {s.liveCount === 1 ? 'vacancy' : 'vacancies'} for this apprenticeship
												</Link>
											</p>
											<ul className="ml-6 list-disc">
												{s.examples.map((v) => (
													<li key={v.id}>
														<Link to={`/jobs/${v.id}`}>{v.title}</Link>, {v.providerName}, {v.town}
													</li>
												))}
											</ul>
										</>
									) : (
										<p className="text-muted">No live vacancies for this apprenticeship right now.</p>
									)}
								</li>
							))}
					</ul>
				</section>
			))}
		</div>
	)
}
