import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { ErrorSummary, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { StoryFields, storyFieldOrder } from '#app/components/story-fields.tsx'
import { SubmittedStories } from '#app/components/submitted-stories.tsx'
import {
	ProviderStorySchema,
	readStorySubmission,
	storiesByAuthor,
	submitStory,
} from '#app/models/careers/stories.server.ts'
import { roleOptions } from '#app/models/jobs/care-roles.server.ts'
import { requireProviderMember } from '#app/models/organisations/providers.server.ts'
import { isIndividualEmployer } from '#app/models/organisations/vocabulary.ts'
import { replyInvalid } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { userId, provider } = await requireProviderMember(request)
	return {
		stories: await storiesByAuthor(userId),
		roles: roleOptions,
		defaults: { employerName: isIndividualEmployer(provider.type) ? '' : provider.name },
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const { userId } = await requireProviderMember(request)
	const story = await readStorySubmission(request, ProviderStorySchema)
	// readStorySubmission answers a form it cannot accept with Conform's result and its status (400, or 413 for a photo too large).
	if (story.reply) return replyInvalid('story', story.reply.data.result, story.reply.init?.status ?? 400)
	await submitStory({ userId, kind: 'provider', name: story.value.tellerName }, story.value, story.photo)
	return redirect('/provider/stories?sent=1')
}

export const handle: PageHandle = { title: 'Stories from your team' }

export default function ProviderStoriesRoute() {
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
					Thank you. The story has been sent to the regional team, who will read it before it is published.
				</NotificationBanner>
			) : null}
			<ErrorSummary errors={fields.summary(storyFieldOrder)} formError={fields.formError} />
			<h1 className="mb-4 text-3xl">Stories from your team</h1>
			<p className="mb-6">
				Real stories help people picture themselves in care. Share how someone in your team started and where it has
				taken them. Stories appear on the career pages for the roles they mention once the regional team has published
				them.
			</p>
			<SubmittedStories stories={d.stories} />
			<h2 className="mb-4 text-2xl">Send a story</h2>
			<Form key={formKey} method="post" encType="multipart/form-data" noValidate>
				<StoryFields fields={fields} roles={d.roles} forProvider />
				<button type="submit" className="btn">
					Send for publishing
				</button>
			</Form>
		</div>
	)
}
