import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, useFormReply } from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { Paragraphs } from '#app/components/text.tsx'
import { moderateStory, publishedStoriesForAdmin, storiesForModeration } from '#app/models/careers/stories.server.ts'
import { roleName } from '#app/models/jobs/care-roles.server.ts'
import { requireAdmin } from '#app/utils/admin.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { replyError } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { optionalText } from '#app/utils/validation.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAdmin(request)
	const [stories, published] = await Promise.all([storiesForModeration(), publishedStoriesForAdmin()])
	return {
		published: published.map((s) => ({
			id: s.id,
			title: s.title,
			authorName: s.authorName,
			published: s.publishedAt ? formatDate(s.publishedAt) : '',
		})),
		stories: stories.map((s) => ({
			id: s.id,
			title: s.title,
			body: s.body,
			authorName: `${s.authorName}, ${roleName(s.tellerRoleId)}`,
			authorKind: s.authorKind === 'ambassador' ? 'Ambassador' : 'Employer',
			employerName: s.employerName,
			roles: ((s.roleIds as string[]) ?? []).map(roleName),
			photo: s.photoFileId ? { url: `/admin/stories/${s.id}/photo`, alt: s.photoAlt ?? '' } : null,
			submitted: formatDate(s.submittedAt),
		})),
	}
}

const ModerationSchema = z.discriminatedUnion('decision', [
	z.object({ decision: z.literal('publish'), storyId: z.string() }),
	z.object({ decision: z.literal('reject'), storyId: z.string(), note: optionalText('the reason', 500) }),
	z.object({ decision: z.literal('withdraw'), storyId: z.string(), note: optionalText('the reason', 500) }),
])

export async function action({ request }: ActionFunctionArgs) {
	await requireAdmin(request)
	const submission = parseWithZod(await request.formData(), { schema: ModerationSchema })
	// The three decisions are buttons with hidden fields, so a bad submission has no field to point at.
	if (submission.status !== 'success')
		return replyError('moderate', 'Choose to publish or not publish the story', { status: 400 })
	const { decision, storyId } = submission.value
	const note = decision === 'publish' ? undefined : submission.value.note
	const done = await moderateStory(storyId, decision, note)
	if (!done)
		return replyError('moderate', 'That story has already been dealt with: the list now shows where things stand')
	const outcome = decision === 'publish' ? 'published' : decision === 'reject' ? 'rejected' : 'withdrawn'
	return redirect(`/admin/stories?${outcome}=${storyId}${note ? '&reason=1' : ''}`)
}

export const handle: PageHandle = { title: 'Stories to check' }

export default function AdminStoriesRoute() {
	const d = useLoaderData<typeof loader>()
	const result = useFormReply('moderate')
	const [params] = useSearchParams()
	const published = params.get('published')
	return (
		<div className="max-w-3xl">
			{published && !result ? (
				<NotificationBanner>
					The story is published. <Link to={`/stories/${published}`}>See it</Link>.
				</NotificationBanner>
			) : null}
			{(params.get('rejected') || params.get('withdrawn')) && !result ? (
				<NotificationBanner>
					{params.get('rejected') ? 'The story will not be published.' : 'The story has been taken down.'} We have
					emailed its author
					{params.get('reason') ? ' with your reason' : ''}.
				</NotificationBanner>
			) : null}
			<ErrorSummary errors={[]} formError={result?.error?.['']?.[0]} />
			<h1 className="mb-4 text-3xl">Stories to check</h1>
			<p className="mb-6">
				Nothing is public until you publish it. Check that it names no one who receives care and that the photo is
				suitable.
			</p>
			{d.stories.length ? (
				<ol className="space-y-10">
					{d.stories.map((s) => (
						<li key={s.id} className="border-t-4 border-brand pt-4">
							<h2 className="mb-1 text-2xl">{s.title}</h2>
							<p className="mb-4 text-muted">
								{s.authorKind}: {s.authorName}
								{s.employerName ? `, ${s.employerName}` : ''} · sent {s.submitted} · roles: {s.roles.join(', ')}
							</p>
							{s.photo ? (
								<figure className="mb-4">
									<img src={s.photo.url} alt={s.photo.alt} className="max-h-64" />
									<figcaption className="text-sm text-muted">Description: {s.photo.alt || '(none)'}</figcaption>
								</figure>
							) : null}
							<Paragraphs text={s.body} className="prose-text mb-6" />
							<div className="flex flex-wrap items-start gap-6">
								<Form method="post">
									<input type="hidden" name="storyId" value={s.id} />
									<input type="hidden" name="decision" value="publish" />
									<button type="submit" className="btn">
										Publish “{s.title}”
									</button>
								</Form>
								<Form method="post" className="flex-1">
									<input type="hidden" name="storyId" value={s.id} />
									<input type="hidden" name="decision" value="reject" />
									<label htmlFor={`note-${s.id}`} className="mb-1 block font-bold">
										Reason for not publishing (optional, the author sees it)
									</label>
									<textarea id={`note-${s.id}`} name="note" rows={2} maxLength={500} className="input mb-2" />
									<button type="submit" className="btn btn-secondary">
										Do not publish<span className="sr-only"> “{s.title}”</span>
									</button>
								</Form>
							</div>
						</li>
					))}
				</ol>
			) : (
				<p>There are no stories waiting.</p>
			)}
			{d.published.length ? (
				<section aria-labelledby="published-heading" className="mt-12">
					<h2 id="published-heading" className="mb-4 text-2xl">
						Published stories
					</h2>
					<ul className="space-y-4">
						{d.published.map((s) => (
							<li key={s.id} className="border-b border-line pb-4">
								<p className="mb-2">
									<Link to={`/stories/${s.id}`}>{s.title}</Link> by {s.authorName}, published {s.published}
								</p>
								<Form method="post" className="flex flex-wrap items-end gap-3">
									<input type="hidden" name="storyId" value={s.id} />
									<input type="hidden" name="decision" value="withdraw" />
									<div className="min-w-0 max-w-full">
										<label htmlFor={`withdraw-${s.id}`} className="mb-1 block">
											Reason for taking it down (optional, the author sees it)
										</label>
										<input id={`withdraw-${s.id}`} name="note" maxLength={500} className="input w-96 max-w-full" />
									</div>
									<button type="submit" className="btn btn-warning">
										Take down<span className="sr-only"> “{s.title}”</span>
									</button>
								</Form>
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}
