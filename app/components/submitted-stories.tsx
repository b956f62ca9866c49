import { Link } from '@remix-run/react'
import { formatDate } from '#app/utils/dates.ts'

const statusLabels: Record<string, string> = {
	submitted: 'Waiting to be checked',
	published: 'Published',
	rejected: 'Not published',
	withdrawn: 'Taken down',
}

export function SubmittedStories({
	stories,
}: {
	stories: Array<{ id: string; title: string; status: string; reviewNote: string | null; submittedAt: string | Date }>
}) {
	if (!stories.length) return null
	return (
		<section aria-labelledby="submitted-heading" className="mb-10">
			<h2 id="submitted-heading" className="mb-4 text-2xl">
				Stories you have sent
			</h2>
			<ul className="space-y-3">
				{stories.map((s) => (
					<li key={s.id} className="border-b border-line pb-3">
						<p className="font-bold">
							{s.status === 'published' ? <Link to={`/stories/${s.id}`}>{s.title}</Link> : s.title}
						</p>
						<p>
							<span className="tag bg-brand-light text-brand-dark">{statusLabels[s.status] ?? s.status}</span>{' '}
							<span className="text-muted">sent {formatDate(s.submittedAt)}</span>
						</p>
						{(s.status === 'rejected' || s.status === 'withdrawn') && s.reviewNote ? (
							<p className="mt-1">Reason: {s.reviewNote}</p>
						) : null}
					</li>
				))}
			</ul>
		</section>
	)
}
