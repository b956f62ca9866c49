import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, useSearchParams } from '@remix-run/react'
import { CandidateProfileFields, profileFieldOrder } from '#app/components/candidate-profile-fields.tsx'
import { ErrorSummary, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import {
	CandidateProfileSchema,
	getCandidateProfile,
	profileFormValues,
	updateCandidateProfile,
} from '#app/models/applications/candidate-profile.server.ts'
import { roleOptions } from '#app/models/jobs/care-roles.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { replyInvalid } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	const profile = await getCandidateProfile(userId)
	return { roles: roleOptions, defaults: profile ? profileFormValues(profile) : {}, hasProfile: Boolean(profile) }
}

export async function action({ request }: ActionFunctionArgs) {
	const userId = await requireUserId(request)
	const submission = parseWithZod(await readFormData(request), { schema: CandidateProfileSchema })
	if (submission.status !== 'success') return replyInvalid('profile', submission)
	await updateCandidateProfile(userId, submission.value)
	return redirect('/account/profile?saved=1')
}

export const handle: PageHandle = { title: 'Your details' }

export default function CandidateProfileRoute() {
	const d = useLoaderData<typeof loader>()
	const reply = useFormReply('profile')
	const [params] = useSearchParams()
	const fields = useFormFields('profile', reply, d.defaults)
	return (
		<div className="max-w-2xl">
			{params.get('saved') && !reply ? (
				<NotificationBanner>
					Your details have been saved. Employers you apply to from now on will see them.
				</NotificationBanner>
			) : null}
			<ErrorSummary errors={fields.summary(profileFieldOrder)} formError={fields.formError} />
			<h1 className="mb-2 text-3xl">Your details</h1>
			<p className="mb-6">We use these to fill in your applications. Employers see them only when you apply.</p>
			<Form method="post" noValidate>
				<CandidateProfileFields fields={fields} roles={d.roles} />
				<button type="submit" className="btn">
					Save details
				</button>
			</Form>
		</div>
	)
}
