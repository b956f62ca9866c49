import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { StageTag } from '#app/components/stage-tag.tsx'
import { listProviderApplications } from '#app/models/applications/applications.server.ts'
import { vacanciesWithApplicants } from '#app/models/applications/pipeline.server.ts'
import { stages } from '#app/models/applications/vocabulary.ts'
import { requireProviderMember } from '#app/models/organisations/providers.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { labelOf } from '#app/utils/options.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { provider } = await requireProviderMember(request)
	const url = new URL(request.url)
	const stage = stages.some((s) => s.id === url.searchParams.get('stage')) ? url.searchParams.get('stage')! : undefined
	const vacancyId = Number(url.searchParams.get('vacancy')) || undefined
	const vacancies = await vacanciesWithApplicants(provider.id)
	const vacancy = vacancies.find((v) => v.id === vacancyId)
	const { rows, counts } = await listProviderApplications(provider.id, { stage, vacancyId: vacancy?.id })
	return {
		stage: stage ?? null,
		vacancy: vacancy ? { id: vacancy.id, title: vacancy.title } : null,
		vacancies: vacancies.map((v) => ({ id: v.id, label: `${v.title}, ${v.town}` })),
		counts,
		total: Object.values(counts).reduce((a, b) => a + b, 0),
		rows: rows.map((r) => ({
			id: r.id,
			stage: r.stage,
			name: r.candidate?.candidate
				? `${r.candidate.candidate.firstName} ${r.candidate.candidate.lastName}`
				: (r.candidate?.name ?? 'Withdrawn candidate'),
			area: r.candidate?.candidate?.outcode ?? '',
			vacancyTitle: r.vacancy.title,
			sent: formatDate(r.submittedAt!),
		})),
	}
}

export const handle: PageHandle = {
	title: (d: { vacancy: { title: string } | null; stage: string | null }) =>
		`Applicants${d.vacancy ? ` for ${d.vacancy.title}` : ''}${d.stage ? `: ${labelOf(stages, d.stage).toLowerCase()}` : ''}`,
}

export default function ProviderApplicationsRoute() {
	const d = useLoaderData<typeof loader>()
	const hrefFor = (stage: string | null) => {
		const params = new URLSearchParams()
		if (d.vacancy) params.set('vacancy', String(d.vacancy.id))
		if (stage) params.set('stage', stage)
		return `/provider/applications${params.size ? `?${params}` : ''}`
	}
	return (
		<div>
			<h1 className="mb-4 text-3xl">Applicants{d.vacancy ? ` for ${d.vacancy.title}` : ''}</h1>
			<Form method="get" className="mb-6 flex flex-wrap items-end gap-3">
				{d.stage ? <input type="hidden" name="stage" value={d.stage} /> : null}
				<div className="min-w-0 max-w-full">
					<label htmlFor="vacancy" className="mb-1 block font-bold">
						Vacancy
					</label>
					<select id="vacancy" name="vacancy" defaultValue={d.vacancy?.id ?? ''} className="input w-auto max-w-full">
						<option value="">All vacancies</option>
						{d.vacancies.map((v) => (
							<option key={v.id} value={v.id}>
								{v.label}
							</option>
						))}
					</select>
				</div>
				<button type="submit" className="btn btn-secondary">
					Show
				</button>
			</Form>
			<nav aria-label="Filter by stage" className="mb-6">
				<ul className="flex flex-wrap gap-x-5 gap-y-2 border-b border-line pb-3">
					<li>
						<Link
							to={hrefFor(null)}
							aria-current={d.stage ? undefined : 'page'}
							className={d.stage ? '' : 'font-bold text-ink no-underline'}
						>
							All ({d.total})
						</Link>
					</li>
					{stages.map((s) => (
						<li key={s.id}>
							<Link
								to={hrefFor(s.id)}
								aria-current={d.stage === s.id ? 'page' : undefined}
								className={d.stage === s.id ? 'font-bold text-ink no-underline' : ''}
							>
								{s.label} ({d.counts[s.id] ?? 0})
							</Link>
						</li>
					))}
				</ul>
			</nav>
			{d.rows.length ? (
				<table className="stack-table w-full border-collapse text-left">
					<thead>
						<tr className="border-b-2 border-ink">
							<th scope="col" className="py-2 pr-4">
								Candidate
							</th>
							<th scope="col" className="py-2 pr-4">
								Vacancy
							</th>
							<th scope="col" className="py-2 pr-4">
								Stage
							</th>
							<th scope="col" className="py-2">
								Applied
							</th>
						</tr>
					</thead>
					<tbody>
						{d.rows.map((r) => (
							<tr key={r.id} className="border-b border-line">
								<td data-label="Candidate" className="py-2 pr-4">
									<Link to={`/provider/applications/${r.id}`}>{r.name}</Link>
									{r.area ? <span className="block text-sm text-muted">{r.area}</span> : null}
								</td>
								<td data-label="Vacancy" className="py-2 pr-4">
									{r.vacancyTitle}
								</td>
								<td data-label="Stage" className="py-2 pr-4">
									<StageTag stage={r.stage} />
								</td>
								<td data-label="Applied" className="py-2">
									{r.sent}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			) : (
				<p>No applicants {d.stage ? `at “${labelOf(stages, d.stage)}”` : 'yet'}.</p>
			)}
		</div>
	)
}
