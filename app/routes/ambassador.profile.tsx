import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { AmbassadorProfileFields, ambassadorFieldOrder } from '#app/components/ambassador-profile-fields.tsx'
import { Checkbox, ErrorSummary, useFormFields } from '#app/components/forms.tsx'
import {
	AmbassadorError,
	AmbassadorProfileUpdateSchema,
	requireAmbassador,
	updateAmbassadorProfile,
} from '#app/models/careers/ambassadors.server.ts'
import { roleOptions } from '#app/models/jobs/care-roles.server.ts'
import { readPhotoForm } from '#app/models/uploads/uploads.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { hasFieldErrors, photoProblems, withFieldErrors } from '#app/utils/form-reply.ts'
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
		return data(
			{ result: { status: 'error' as const, error: { photo: ['The photo must be smaller than 2 MB'] } } },
			{ status: 413 },
		)
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
		return data({ result: withFieldErrors(submission.reply(), extra) }, { status: 400 })
	try {
		await updateAmbassadorProfile(userId, submission.value, form.photo, removePhoto && !form.photo)
	} catch (error) {
		if (error instanceof AmbassadorError)
			return data({ result: withFieldErrors(submission.reply(), { postcode: error.message }) }, { status: 400 })
		throw error
	}
	return redirect('/ambassador/profile?saved=1')
}

export const handle: PageHandle = { title: 'Your ambassador profile' }

export default function AmbassadorProfileRoute() {
	const d = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [params] = useSearchParams()
	// A new location (after a successful save) remounts the form, so it shows what was saved rather than what was typed.
	const { key: formKey } = useLocation()
	const fields = useFormFields('profile', actionData?.result, d.defaults)
	return (
		<div className="max-w-2xl">
			{params.get('saved') && !actionData ? (
				<div className="mb-6 border-l-8 border-success bg-[#e6f4ec] p-4" role="status">
					Your profile has been saved.
				</div>
			) : null}
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
