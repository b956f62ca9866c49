import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, TextField, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { changePassword, hasPassword, isCurrentPassword } from '#app/models/accounts/account.server.ts'
import { createSession, requireUserId } from '#app/utils/auth.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { replyInvalid } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { NewPasswordSchema } from '#app/utils/validation.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	return { hasPassword: await hasPassword(userId) }
}

export async function action({ request }: ActionFunctionArgs) {
	const userId = await requireUserId(request)
	const needsCurrent = await hasPassword(userId)
	const schema = z.object({
		currentPassword: needsCurrent ? z.string({ error: 'Enter your current password' }) : z.string().optional(),
		password: NewPasswordSchema,
	})
	const submission = await parseWithZod(await readFormData(request), {
		schema: schema.superRefine(async (input, ctx) => {
			if (needsCurrent && !(await isCurrentPassword(userId, input.currentPassword ?? ''))) {
				ctx.addIssue({ code: 'custom', path: ['currentPassword'], message: 'Your current password is not right' })
			}
		}),
		async: true,
	})
	if (submission.status !== 'success')
		return replyInvalid('password', submission.reply({ hideFields: ['currentPassword', 'password'] }))
	// A new password signs every other device out.
	await changePassword(userId, submission.value.password)
	return redirect('/account?password=1', { headers: { 'Set-Cookie': await createSession(userId) } })
}

export const handle: PageHandle = { title: 'Password' }

export default function PasswordRoute() {
	const d = useLoaderData<typeof loader>()
	const fields = useFormFields('password', useFormReply('password'))
	return (
		<div className="max-w-xl">
			<ErrorSummary errors={fields.summary(['currentPassword', 'password'])} formError={fields.formError} />
			<h1 className="mb-4 text-3xl">{d.hasPassword ? 'Change your password' : 'Set a password'}</h1>
			<p className="mb-6">Changing your password signs you out on every other device.</p>
			<Form method="post" noValidate>
				{d.hasPassword ? (
					<TextField
						fields={fields}
						name="currentPassword"
						label="Current password"
						type="password"
						autoComplete="current-password"
						width="max-w-sm"
					/>
				) : null}
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
