import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { AmbassadorProfileFields, ambassadorFieldOrder } from '#app/components/ambassador-profile-fields.tsx'
import { ErrorSummary, TextField, useFormFields, useFormReply } from '#app/components/forms.tsx'
import {
	AmbassadorError,
	findAmbassadorInvitation,
	joinAmbassadors,
	JoinAmbassadorsSchema,
} from '#app/models/careers/ambassadors.server.ts'
import { roleOptions } from '#app/models/jobs/care-roles.server.ts'
import { readPhotoForm } from '#app/models/uploads/uploads.server.ts'
import { createSession } from '#app/utils/auth.server.ts'
import { hasFieldErrors, photoProblems, replyError, replyInvalid, withFieldErrors } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'

export async function loader({ params }: LoaderFunctionArgs) {
	const invitation = await findAmbassadorInvitation(params.token ?? '')
	return data(
		{ valid: Boolean(invitation), email: invitation?.email ?? null, roles: roleOptions },
		{ status: invitation ? 200 : 404, headers: { 'Referrer-Policy': 'same-origin' } },
	)
}

export async function action({ request, params }: ActionFunctionArgs) {
	const token = params.token ?? ''
	invariantResponse(await findAmbassadorInvitation(token))
	const form = await readPhotoForm(request)
	if (form.tooLarge) return replyError('join', 'The photo must be smaller than 2 MB', { field: 'photo', status: 413 })
	const submission = parseWithZod(form.formData, { schema: JoinAmbassadorsSchema })
	const extra = photoProblems({
		chosen: Boolean(form.photo || form.photoError),
		fileError: form.photoError,
		alt: form.formData.get('photoAlt')?.toString().trim() ?? '',
		hasCurrentPhoto: false,
		otherErrors: submission.status !== 'success',
	})
	if (submission.status !== 'success' || hasFieldErrors(extra)) {
		return replyInvalid('join', withFieldErrors(submission.reply({ hideFields: ['password'] }), extra))
	}
	let joined
	try {
		joined = await joinAmbassadors(token, submission.value, form.photo)
	} catch (error) {
		// Joining fails only over the postcode, which the error does not name: shown on that field, as invalid input.
		if (!(error instanceof AmbassadorError)) throw error
		return replyInvalid(
			'join',
			withFieldErrors(submission.reply({ hideFields: ['password'] }), { postcode: error.message }),
		)
	}
	invariantResponse(joined)
	return redirect('/ambassador?joined=1', { headers: { 'Set-Cookie': await createSession(joined.userId) } })
}

export const handle: PageHandle = { title: 'Join the I Care Ambassadors' }

export default function JoinAmbassadorsRoute() {
	const d = useLoaderData<typeof loader>()
	const fields = useFormFields('join', useFormReply('join'), { willingToVisit: 'yes', visitRadiusMiles: '20' })
	if (!d.valid) {
		return (
			<div className="max-w-2xl">
				<h1 className="mb-4 text-3xl">This invitation link has expired or been used</h1>
				<p className="mb-4">
					Ask the regional team for a new invitation. If you have already joined, <Link to="/login">sign in</Link>.
				</p>
			</div>
		)
	}
	return (
		<div className="max-w-2xl">
			<ErrorSummary errors={fields.summary(['password', ...ambassadorFieldOrder])} formError={fields.formError} />
			<h1 className="mb-4 text-3xl">Join the I Care Ambassadors</h1>
			<p className="mb-2">
				You have been invited as <strong>{d.email}</strong>.
			</p>
			<p className="mb-6">
				Your profile shows your first name, role, area and photo. Your email address, surname and postcode are never
				shown, and schools contact you only through the portal.
			</p>
			<Form method="post" encType="multipart/form-data" noValidate>
				<TextField
					fields={fields}
					name="password"
					label="Create a password"
					type="password"
					autoComplete="new-password"
					hint="At least 10 characters. A few random words work well."
					width="max-w-sm"
				/>
				<AmbassadorProfileFields fields={fields} roles={d.roles} />
				<button type="submit" className="btn">
					Join and create my profile
				</button>
			</Form>
		</div>
	)
}
