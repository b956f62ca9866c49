import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { JobCard } from '#app/components/job-card.tsx'
import { Paragraphs } from '#app/components/text.tsx'
import { toResultCard } from '#app/models/jobs/job-search.server.ts'
import { listLiveVacancies } from '#app/models/jobs/vacancies.server.ts'
import { getPublicProvider } from '#app/models/organisations/providers.server.ts'
import { providerTypes } from '#app/models/organisations/vocabulary.ts'
import { labelOf } from '#app/utils/options.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'

export async function loader({ params }: LoaderFunctionArgs) {
	const provider = await getPublicProvider(params.providerId ?? '')
	invariantResponse(provider)
	const vacancies = (await listLiveVacancies({ providerId: provider.id })).map((hit) => ({
		...toResultCard(hit),
		href: `/jobs/${hit.id}`,
	}))
	return { provider, typeLabel: labelOf(providerTypes, provider.type), vacancies }
}

export const handle: PageHandle = { title: (d: { provider: { name: string } }) => d.provider.name }

export default function ProviderProfileRoute() {
	const d = useLoaderData<typeof loader>()
	const p = d.provider
	return (
		<div>
			<h1 className="mb-1 text-3xl">{p.name}</h1>
			<p className="mb-6 text-lg text-muted">
				{d.typeLabel} · {p.individual ? `${p.town} area` : p.town}
			</p>
			<div className="grid gap-8 md:grid-cols-[2fr_1fr]">
				<div>
					{p.about ? (
						<Paragraphs text={p.about} />
					) : (
						<p className="mb-4 text-muted">This employer has not written a description yet.</p>
					)}
					<h2 className="mb-2 mt-8 text-2xl">Jobs with {p.name}</h2>
					{d.vacancies.length ? (
						<ul>
							{d.vacancies.map((job) => (
								<JobCard key={job.id} job={job} href={job.href} headingLevel={3} showProvider={false} />
							))}
						</ul>
					) : (
						<p>
							No live jobs at the moment. <Link to="/jobs">Search all jobs</Link>.
						</p>
					)}
				</div>
				<aside className="self-start border-t-4 border-brand bg-surface p-4">
					<h2 className="mb-2 text-xl">Details</h2>
					{p.address ? (
						<address className="mb-3 not-italic">
							{p.address.lines.map((l) => (
								<span key={l} className="block">
									{l}
								</span>
							))}
							<span className="block">{p.address.town}</span>
							<span className="block">{p.address.postcode}</span>
						</address>
					) : (
						<p className="mb-3">Works in the {p.town} area. Individual employers’ addresses are never shown.</p>
					)}
					{p.website ? (
						<p className="mb-3">
							<a href={p.website} rel="noopener noreferrer">
								Website<span className="sr-only"> of {p.name}</span>
							</a>
						</p>
					) : null}
					{p.cqcLocationId ? (
						<p className="mb-3">
							<a href={`https://www.cqc.org.uk/location/${p.cqcLocationId}`} rel="noopener noreferrer">
								CQC inspection reports<span className="sr-only"> for {p.name}</span>
							</a>
						</p>
					) : null}
				</aside>
			</div>
		</div>
	)
}
