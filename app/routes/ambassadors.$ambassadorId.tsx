import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Paragraphs } from '#app/components/text.tsx'
import { getPublicAmbassador } from '#app/models/careers/ambassadors.server.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'

// Public profile: first name, role, area, pathway and published stories. No
// contact details: schools reach ambassadors through a visit request.
export async function loader({ params }: LoaderFunctionArgs) {
	const ambassador = await getPublicAmbassador(params.ambassadorId ?? '')
	invariantResponse(ambassador)
	return { ambassador }
}

export const handle: PageHandle = {
	title: (d: { ambassador: { firstName: string; role: string } }) => `${d.ambassador.firstName}, ${d.ambassador.role}`,
}

export default function AmbassadorRoute() {
	const { ambassador: a } = useLoaderData<typeof loader>()
	return (
		<div className="max-w-3xl">
			<nav aria-label="Breadcrumb" className="mb-4 text-sm">
				<ol className="flex flex-wrap gap-2">
					<li>
						<Link to="/ambassadors">I Care Ambassadors</Link> <span aria-hidden="true">›</span>
					</li>
					<li aria-current="page">{a.firstName}</li>
				</ol>
			</nav>
			<div className="mb-6 flex flex-wrap items-start gap-6">
				{a.photo ? <img src={a.photo.url} alt={a.photo.alt} className="size-40 object-cover" /> : null}
				<div>
					<h1 className="mb-2 text-3xl md:text-4xl">{a.firstName}</h1>
					<p className="text-lg">
						<Link to={`/careers/${a.roleId}`}>{a.role}</Link>
						{a.employer ? ` at ${a.employer}` : ''}
					</p>
					<p className="text-muted">{a.area}</p>
				</div>
			</div>
			{a.bio ? <Paragraphs text={a.bio} className="prose-text mb-8" /> : null}
			{a.pathway.length ? (
				<section aria-labelledby="pathway-heading" className="mb-8">
					<h2 id="pathway-heading" className="mb-4 text-2xl">
						{a.firstName}’s pathway
					</h2>
					<ol className="border-l-4 border-brand pl-6">
						{a.pathway.map((step) => (
							<li key={step.position} className="mb-4">
								<p className="font-bold">
									{step.roleId ? <Link to={`/careers/${step.roleId}`}>{step.title}</Link> : step.title}
								</p>
								<p className="text-muted">{step.years}</p>
							</li>
						))}
					</ol>
				</section>
			) : null}
			{a.stories.length ? (
				<section aria-labelledby="stories-heading" className="mb-8">
					<h2 id="stories-heading" className="mb-2 text-2xl">
						Stories by {a.firstName}
					</h2>
					<ul className="ml-6 list-disc">
						{a.stories.map((s) => (
							<li key={s.id}>
								<Link to={`/stories/${s.id}`}>{s.title}</Link>
							</li>
						))}
					</ul>
				</section>
			) : null}
			{a.visits ? (
				<p>
					{a.firstName} visits schools, colleges and jobcentres.{' '}
					<Link to="/ambassadors/request-a-visit">Ask for a visit</Link>: we pass your request to the nearest ambassador
					who can come.
				</p>
			) : null}
		</div>
	)
}
