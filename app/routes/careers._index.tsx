import type { MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PathwayMap } from '#app/components/pathway-map.tsx'
import { StoryList } from '#app/components/story-list.tsx'
import { pathwayMap } from '#app/models/careers/careers.server.ts'
import { listPublishedStories } from '#app/models/careers/stories.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader() {
	return { map: pathwayMap(), stories: await listPublishedStories({ take: 3 }) }
}

export const handle: PageHandle = { title: 'Careers in care' }

export const meta: MetaFunction = () => [
	{
		name: 'description',
		content:
			'Where a job in adult social care can take you: roles, pay, qualifications, apprenticeships and the people doing them.',
	},
]

export default function CareersRoute() {
	const d = useLoaderData<typeof loader>()
	return (
		<div>
			<h1 className="mb-4 text-3xl md:text-4xl">Careers in care</h1>
			<p className="mb-4 max-w-3xl text-lg">
				Most people start as a care worker, support worker or personal assistant, often with no qualifications. From
				there you can become a senior, specialise, train as a nurse or social worker, or manage a service. Many people
				move between social care and the NHS.
			</p>
			<ul className="mb-8 flex flex-wrap gap-x-6 gap-y-2">
				<li>
					<Link to="/careers/apprenticeships">Apprenticeships in care</Link>
				</li>
				<li>
					<Link to="/stories">Stories from people in care</Link>
				</li>
				<li>
					<Link to="/ambassadors">Meet I Care Ambassadors</Link>
				</li>
				<li>
					<Link to="/ambassadors/request-a-visit">Ask an ambassador to visit your school or college</Link>
				</li>
			</ul>
			<PathwayMap map={d.map} />
			{d.stories.length ? (
				<section className="mt-10" aria-labelledby="careers-stories">
					<h2 id="careers-stories" className="mb-4 text-2xl">
						In their own words
					</h2>
					<StoryList stories={d.stories} />
					<p className="mt-4">
						<Link to="/stories">More stories</Link>
					</p>
				</section>
			) : null}
		</div>
	)
}
