import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { ErrorSummary, useFormFields } from '#app/components/forms.tsx'
import { StoryFields, storyFieldOrder } from '#app/components/story-fields.tsx'
import { SubmittedStories } from '#app/components/submitted-stories.tsx'
import { requireAmbassador } from '#app/models/careers/ambassadors.server.ts'
import { readStorySubmission, storiesByAuthor, StorySchema, submitStory } from '#app/models/careers/stories.server.ts'
import { roleOptions } from '#app/models/jobs/care-roles.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
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
	if ('reply' in story) return story.reply
	await submitStory({ userId, kind: 'ambassador', name: ambassador.firstName }, story.value, story.photo)
	return redirect('/ambassador/stories?sent=1')
}

export const handle: PageHandle = { title: 'Your stories' }

export default function AmbassadorStoriesRoute() {
	const d = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [params] = useSearchParams()
	// A new location (after a successful save) remounts the form, so it shows what was saved rather than what was typed.
	const { key: formKey } = useLocation()
	const fields = useFormFields('story', actionData?.result, d.defaults)
	return (
		<div className="max-w-2xl">
			{params.get('sent') && !actionData ? (
				<div className="mb-6 border-l-8 border-success bg-[#e6f4ec] p-4" role="status">
					Thank you. Your story has been sent to the regional team, who will read it before it is published.
				</div>
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
