import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, TextField, useFormFields } from '#app/components/forms.tsx'
import { createSession, hashPassword, requireUserId, verifyPassword } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { NewPasswordSchema } from '#app/utils/validation.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })
	return { hasPassword: Boolean(user.passwordHash) }
}

export async function action({ request }: ActionFunctionArgs) {
	const userId = await requireUserId(request)
	const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })
	const schema = z.object({
		currentPassword: user.passwordHash ? z.string({ error: 'Enter your current password' }) : z.string().optional(),
		password: NewPasswordSchema,
	})
	const submission = await parseWithZod(await request.formData(), {
		schema: schema.superRefine(async (input, ctx) => {
			if (user.passwordHash && !(await verifyPassword(user.passwordHash, input.currentPassword ?? ''))) {
				ctx.addIssue({ code: 'custom', path: ['currentPassword'], message: 'Your current password is not right' })
			}
		}),
		async: true,
	})
	if (submission.status !== 'success')
		return data({ result: submission.reply({ hideFields: ['currentPassword', 'password'] }) }, { status: 400 })
	// A new password signs every other device out.
	await prisma.$transaction([
		prisma.user.update({
			where: { id: userId },
			data: { passwordHash: await hashPassword(submission.value.password) },
		}),
		prisma.session.deleteMany({ where: { userId } }),
	])
	return redirect('/account?password=1', { headers: { 'Set-Cookie': await createSession(userId) } })
}

export const handle: PageHandle = { title: 'Password' }

export default function PasswordRoute() {
	const d = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const fields = useFormFields('password', actionData?.result)
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
