import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Paragraphs } from '#app/components/text.tsx'
import { getPublishedStory } from '#app/models/careers/stories.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'

// Only published stories exist here: anything else is a 404, whoever asks.
export async function loader({ params }: LoaderFunctionArgs) {
	const story = await getPublishedStory(params.storyId ?? '')
	invariantResponse(story)
	return { story: { ...story, published: story.publishedAt ? formatDate(story.publishedAt) : null } }
}

export const handle: PageHandle = { title: (d: { story: { title: string } }) => d.story.title }

export const meta: MetaFunction<typeof loader> = ({ data: d }) =>
	d ? [{ name: 'description', content: d.story.body.slice(0, 150) }] : []

export default function StoryRoute() {
	const { story } = useLoaderData<typeof loader>()
	return (
		<article className="max-w-3xl">
			<nav aria-label="Breadcrumb" className="mb-4 text-sm">
				<ol className="flex flex-wrap gap-2">
					<li>
						<Link to="/stories">Stories</Link> <span aria-hidden="true">›</span>
					</li>
					<li aria-current="page">{story.title}</li>
				</ol>
			</nav>
			<h1 className="mb-2 text-3xl md:text-4xl">{story.title}</h1>
			<p className="mb-6 text-lg text-muted">
				{story.authorName}, {story.tellerRole}
				{story.employerName ? ` at ${story.employerName}` : ''}
				{story.published ? ` · ${story.published}` : ''}
			</p>
			{story.photoFileId ? (
				<img
					src={`/photos/${story.photoFileId}`}
					alt={story.photoAlt ?? ''}
					className="mb-6 h-auto max-h-[28rem] max-w-full object-contain"
				/>
			) : null}
			<Paragraphs text={story.body} className="prose-text mb-4 text-lg" />
			<h2 className="mb-2 mt-8 text-xl">Roles in this story</h2>
			<ul className="ml-6 list-disc">
				{story.roles.map((r) => (
					<li key={r.id}>
						<Link to={`/careers/${r.id}`}>{r.name}</Link>
					</li>
				))}
			</ul>
		</article>
	)
}
