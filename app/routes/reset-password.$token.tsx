import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, TextField, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { isResetTokenValid, resetPassword } from '#app/models/accounts/account-recovery.server.ts'
import { createSession, homePathFor } from '#app/utils/auth.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { replyInvalid } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { NewPasswordSchema } from '#app/utils/validation.ts'

const Schema = z.object({ password: NewPasswordSchema })

export async function loader({ params }: LoaderFunctionArgs) {
	return { valid: await isResetTokenValid(params.token ?? '') }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const submission = parseWithZod(await readFormData(request), { schema: Schema })
	if (submission.status !== 'success') return replyInvalid('reset', submission.reply({ hideFields: ['password'] }))
	const userId = await resetPassword(params.token ?? '', submission.value.password)
	if (!userId) return redirect(`/reset-password/${params.token}`)
	return redirect(`${await homePathFor(userId)}?reset=1`, { headers: { 'Set-Cookie': await createSession(userId) } })
}

export const handle: PageHandle = { title: 'Choose a new password' }

export default function ResetPasswordRoute() {
	const { valid } = useLoaderData<typeof loader>()
	const fields = useFormFields('reset', useFormReply('reset'))
	if (!valid) {
		return (
			<div className="max-w-xl">
				<h1 className="mb-4 text-3xl">This link has expired or has been used</h1>
				<p>
					<Link to="/forgot-password">Ask for a new link</Link>
				</p>
			</div>
		)
	}
	return (
		<div className="max-w-xl">
			<ErrorSummary errors={fields.summary(['password'])} formError={fields.formError} />
			<h1 className="mb-4 text-3xl">Choose a new password</h1>
			<p className="mb-6">This signs you out everywhere else.</p>
			<Form method="post" noValidate>
				<TextField
					fields={fields}
					name="password"
					label="New password"
					type="password"
					autoComplete="new-password"
					width="max-w-sm"
					hint="At least 10 characters."
				/>
				<button type="submit" className="btn">
					Save password
				</button>
			</Form>
		</div>
	)
}
