import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { AmbassadorProfileFields, ambassadorFieldOrder } from '#app/components/ambassador-profile-fields.tsx'
import { Checkbox, ErrorSummary, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import {
	AmbassadorProfileUpdateSchema,
	requireAmbassador,
	updateAmbassadorProfile,
} from '#app/models/careers/ambassadors.server.ts'
import { roleOptions } from '#app/models/jobs/care-roles.server.ts'
import { readPhotoForm } from '#app/models/uploads/uploads.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import {
	hasFieldErrors,
	photoProblems,
	replyError,
	replyInvalid,
	replyToDomainError,
	withFieldErrors,
} from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const a = await requireAmbassador(await requireUserId(request))
	return {
		roles: roleOptions,
		photo: a.photoFileId ? { url: `/photos/${a.photoFileId}`, alt: a.photoAlt ?? '' } : null,
		defaults: {
			firstName: a.firstName,
			roleId: a.roleId,
			employer: a.employer ?? '',
			town: a.town,
			// Only the district is kept; a new full postcode moves them.
			postcode: '',
			bio: a.bio,
			willingToVisit: a.willingToVisit ? 'yes' : 'no',
			visitRadiusMiles: String(a.visitRadiusMiles),
			photoAlt: a.photoAlt ?? '',
		},
		outcode: a.outcode,
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const userId = await requireUserId(request)
	const current = await requireAmbassador(userId)
	const form = await readPhotoForm(request)
	if (form.tooLarge)
		return replyError('profile', 'The photo must be smaller than 2 MB', { field: 'photo', status: 413 })
	const removePhoto = form.formData.get('removePhoto') === 'on'
	const willHavePhoto = Boolean(form.photo) || (Boolean(current.photoFileId) && !removePhoto)
	const submission = parseWithZod(form.formData, { schema: AmbassadorProfileUpdateSchema })
	const alt = form.formData.get('photoAlt')?.toString().trim() ?? ''
	const extra = {
		...photoProblems({
			chosen: Boolean(form.photo || form.photoError),
			fileError: form.photoError,
			alt,
			hasCurrentPhoto: Boolean(current.photoFileId) && !removePhoto,
			otherErrors: submission.status !== 'success',
		}),
		...(willHavePhoto && !alt && !form.photo ? { photoAlt: 'Describe your photo for people who cannot see it' } : {}),
	}
	if (submission.status !== 'success' || hasFieldErrors(extra))
		return replyInvalid('profile', withFieldErrors(submission.reply(), extra))
	try {
		await updateAmbassadorProfile(userId, submission.value, form.photo, removePhoto && !form.photo)
	} catch (error) {
		return replyToDomainError(error, 'profile', submission)
	}
	return redirect('/ambassador/profile?saved=1')
}

export const handle: PageHandle = { title: 'Your ambassador profile' }

export default function AmbassadorProfileRoute() {
	const d = useLoaderData<typeof loader>()
	const result = useFormReply('profile')
	const [params] = useSearchParams()
	// A new location (after a successful save) remounts the form, so it shows what was saved rather than what was typed.
	const { key: formKey } = useLocation()
	const fields = useFormFields('profile', result, d.defaults)
	return (
		<div className="max-w-2xl">
			{params.get('saved') && !result ? <NotificationBanner>Your profile has been saved.</NotificationBanner> : null}
			<ErrorSummary errors={fields.summary(ambassadorFieldOrder)} formError={fields.formError} />
			<h1 className="mb-4 text-3xl">Your ambassador profile</h1>
			<p className="mb-6">
				Everyone can see your first name, role, employer, town, photo and what you write about yourself. Your postcode
				is never shown.
			</p>
			<Form key={formKey} method="post" encType="multipart/form-data" noValidate>
				<AmbassadorProfileFields fields={fields} roles={d.roles} currentPhoto={d.photo} currentOutcode={d.outcode} />
				{d.photo ? <Checkbox fields={fields} name="removePhoto" label="Remove my photo" /> : null}
				<button type="submit" className="btn">
					Save profile
				</button>
			</Form>
		</div>
	)
}
