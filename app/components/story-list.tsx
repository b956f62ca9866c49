import { Link } from '@remix-run/react'

export type StorySummary = {
	id: string
	title: string
	body: string
	authorName: string
	tellerRole: string
	employerName: string | null
	roles: Array<{ id: string; name: string }>
	photoFileId: string | null
	photoAlt: string | null
}

const excerpt = (text: string) => (text.length > 220 ? `${text.slice(0, text.lastIndexOf(' ', 220))}…` : text)

export function StoryList({ stories, headingLevel = 3 }: { stories: StorySummary[]; headingLevel?: 2 | 3 }) {
	const Heading = headingLevel === 2 ? 'h2' : 'h3'
	return (
		<ul className="grid gap-6 md:grid-cols-3">
			{stories.map((story) => (
				<li key={story.id} className="border-t-4 border-brand pt-3">
					{story.photoFileId ? (
						<img
							src={`/photos/${story.photoFileId}`}
							alt={story.photoAlt ?? ''}
							className="mb-3 aspect-[4/3] w-full object-cover"
							loading="lazy"
						/>
					) : null}
					<Heading className="mb-1 text-xl">
						<Link to={`/stories/${story.id}`}>{story.title}</Link>
					</Heading>
					<p className="mb-2 text-muted">
						{story.authorName}, {story.tellerRole}
						{story.employerName ? ` at ${story.employerName}` : ''}
					</p>
					<p>{excerpt(story.body)}</p>
				</li>
			))}
		</ul>
	)
}
