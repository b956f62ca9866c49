import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { ErrorSummary, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { StoryFields, storyFieldOrder } from '#app/components/story-fields.tsx'
import { SubmittedStories } from '#app/components/submitted-stories.tsx'
import { requireAmbassador } from '#app/models/careers/ambassadors.server.ts'
import { readStorySubmission, storiesByAuthor, StorySchema, submitStory } from '#app/models/careers/stories.server.ts'
import { roleOptions } from '#app/models/jobs/care-roles.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { replyInvalid } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	const ambassador = await requireAmbassador(userId)
	return {
		stories: await storiesByAuthor(userId),
		roles: roleOptions,
		defaults: { tellerRoleId: ambassador.roleId, employerName: ambassador.employer ?? '' },
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const userId = await requireUserId(request)
	const ambassador = await requireAmbassador(userId)
	const story = await readStorySubmission(request, StorySchema)
	// readStorySubmission answers a form it cannot accept with Conform's result and its status (400, or 413 for a photo too large).
	if (story.reply) return replyInvalid('story', story.reply.data.result, story.reply.init?.status ?? 400)
	await submitStory({ userId, kind: 'ambassador', name: ambassador.firstName }, story.value, story.photo)
	return redirect('/ambassador/stories?sent=1')
}

export const handle: PageHandle = { title: 'Your stories' }

export default function AmbassadorStoriesRoute() {
	const d = useLoaderData<typeof loader>()
	const result = useFormReply('story')
	const [params] = useSearchParams()
	// A new location (after a successful save) remounts the form, so it shows what was saved rather than what was typed.
	const { key: formKey } = useLocation()
	const fields = useFormFields('story', result, d.defaults)
	return (
		<div className="max-w-2xl">
			{params.get('sent') && !result ? (
				<NotificationBanner>
					Thank you. Your story has been sent to the regional team, who will read it before it is published.
				</NotificationBanner>
			) : null}
			<ErrorSummary errors={fields.summary(storyFieldOrder)} formError={fields.formError} />
			<h1 className="mb-6 text-3xl">Your stories</h1>
			<SubmittedStories stories={d.stories} />
			<h2 className="mb-2 text-2xl">Tell a new story</h2>
			<p className="mb-6">
				The regional team reads every story before it is published. It appears with your first name.
			</p>
			<Form key={formKey} method="post" encType="multipart/form-data" noValidate>
				<StoryFields fields={fields} roles={d.roles} />
				<button type="submit" className="btn">
					Send for publishing
				</button>
			</Form>
		</div>
	)
}
