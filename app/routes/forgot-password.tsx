import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { Form, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, Honeypot, TextField, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { sendPasswordReset } from '#app/models/accounts/account-recovery.server.ts'
import { RESET_MINUTES } from '#app/models/accounts/link-lifetimes.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { replyInvalid, type FormReply } from '#app/utils/form-reply.ts'
import { isHoneypotFilled } from '#app/utils/honeypot.server.ts'
import type { PageHandle } from '#app/utils/page.ts'
import {
	clientAddressKey,
	consumeRateLimit,
	rateLimits,
	retryAfterText,
	tooManyRequests,
} from '#app/utils/rate-limit.server.ts'
import { EmailSchema } from '#app/utils/validation.ts'

const Schema = z.object({ email: EmailSchema })

export async function action({ request, context }: ActionFunctionArgs) {
	const formData = await readFormData(request)
	if (isHoneypotFilled(formData)) return redirect(new URL(request.url).pathname + '?sent=1')
	const submission = parseWithZod(formData, { schema: Schema })
	if (submission.status !== 'success') return replyInvalid('forgot', submission)
	const byAddress = await consumeRateLimit(rateLimits.emailLinkPerAddress, clientAddressKey(context.clientIp))
	const byEmail = await consumeRateLimit(rateLimits.emailLink, submission.value.email)
	if (!byAddress.ok || !byEmail.ok) {
		const wait = Math.max(byAddress.retryAfterSeconds, byEmail.retryAfterSeconds)
		return tooManyRequests(wait, {
			form: 'forgot',
			result: submission.reply({ formErrors: [`Too many reset emails asked for. Try again ${retryAfterText(wait)}.`] }),
		} satisfies FormReply)
	}
	await sendPasswordReset(submission.value.email)
	return redirect('/forgot-password?sent=1')
}

export const handle: PageHandle = { title: 'Reset your password' }

export default function ForgotPasswordRoute() {
	const reply = useFormReply('forgot')
	const [params] = useSearchParams()
	const fields = useFormFields('forgot', reply)
	if (params.get('sent') && !reply) {
		return (
			<div className="max-w-xl">
				<h1 className="mb-4 text-3xl">Check your email</h1>
				<p>
					If that address has an account, we have sent it a link to reset the password. It works once, for{' '}
					{RESET_MINUTES} minutes.
				</p>
			</div>
		)
	}
	return (
		<div className="max-w-xl">
			<ErrorSummary errors={fields.summary(['email'])} formError={fields.formError} />
			<h1 className="mb-4 text-3xl">Reset your password</h1>
			<p className="mb-6">We will email you a link to choose a new password.</p>
			<Form method="post" noValidate>
				<Honeypot />
				<TextField
					fields={fields}
					name="email"
					label="Email address"
					type="email"
					autoComplete="email"
					spellCheck={false}
				/>
				<button type="submit" className="btn">
					Send the link
				</button>
			</Form>
		</div>
	)
}
