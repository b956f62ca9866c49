import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, useSearchParams } from '@remix-run/react'
import { ErrorSummary, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { ProviderProfileFields, profileFieldOrder } from '#app/components/provider-profile-fields.tsx'
import {
	getProviderProfile,
	ProviderProfileSchema,
	requireProviderMember,
	updateProviderProfile,
} from '#app/models/organisations/providers.server.ts'
import { isIndividualEmployer } from '#app/models/organisations/vocabulary.ts'
import { replyInvalid } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { provider } = await requireProviderMember(request)
	const profile = await getProviderProfile(provider.id)
	invariantResponse(profile)
	return { profile }
}

export async function action({ request }: ActionFunctionArgs) {
	const { provider } = await requireProviderMember(request)
	const submission = parseWithZod(await request.formData(), { schema: ProviderProfileSchema })
	if (submission.status !== 'success') return replyInvalid('profile', submission)
	await updateProviderProfile(provider.id, submission.value)
	return redirect('/provider/profile?saved=1')
}

export const handle: PageHandle = { title: 'Organisation profile' }

export default function ProviderProfileRoute() {
	const { profile } = useLoaderData<typeof loader>()
	const result = useFormReply('profile')
	const [params] = useSearchParams()
	const fields = useFormFields('profile', result, profile)
	return (
		<div className="max-w-2xl">
			{params.get('saved') && !result ? <NotificationBanner>Your profile has been saved.</NotificationBanner> : null}
			<ErrorSummary errors={fields.summary(profileFieldOrder)} formError={fields.formError} />
			<h1 className="mb-2 text-3xl">Organisation profile</h1>
			<p className="mb-6">
				Candidates see your name, type, website and description on your vacancies and{' '}
				<a href={`/providers/${profile.id}`}>public profile</a>.
				{isIndividualEmployer(profile.type)
					? ' As an individual employer, your address is never shown: only your area.'
					: ''}
			</p>
			<Form method="post" noValidate>
				<ProviderProfileFields fields={fields} />
				<button type="submit" className="btn">
					Save profile
				</button>
			</Form>
		</div>
	)
}
