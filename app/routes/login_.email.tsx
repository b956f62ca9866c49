import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, Honeypot, TextField, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { sendSignInLink } from '#app/models/accounts/account-recovery.server.ts'
import { SIGN_IN_MINUTES } from '#app/models/accounts/link-lifetimes.ts'
import { requireAnonymous } from '#app/utils/auth.server.ts'
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

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAnonymous(request)
	return null
}

export async function action({ request, context }: ActionFunctionArgs) {
	const formData = await readFormData(request)
	if (isHoneypotFilled(formData)) return redirect(new URL(request.url).pathname + '?sent=1')
	const submission = parseWithZod(formData, { schema: Schema })
	if (submission.status !== 'success') return replyInvalid('email-link', submission)
	const byAddress = await consumeRateLimit(rateLimits.emailLinkPerAddress, clientAddressKey(context.clientIp))
	const byEmail = await consumeRateLimit(rateLimits.emailLink, submission.value.email)
	if (!byAddress.ok || !byEmail.ok) {
		const wait = Math.max(byAddress.retryAfterSeconds, byEmail.retryAfterSeconds)
		return tooManyRequests(wait, {
			form: 'email-link',
			result: submission.reply({ formErrors: [`Too many links asked for. Try again ${retryAfterText(wait)}.`] }),
		} satisfies FormReply)
	}
	await sendSignInLink(submission.value.email)
	return redirect('/login/email?sent=1')
}

export const handle: PageHandle = { title: 'Sign in with an email link' }

export default function EmailLinkRoute() {
	const reply = useFormReply('email-link')
	const [params] = useSearchParams()
	const fields = useFormFields('email-link', reply)
	if (params.get('sent') && !reply) {
		return (
			<div className="max-w-xl">
				<h1 className="mb-4 text-3xl">Check your email</h1>
				<p className="mb-4">
					If that address has applied for a job here, we have sent it a link to sign in. It works once, for{' '}
					{SIGN_IN_MINUTES} minutes.
				</p>
			</div>
		)
	}
	return (
		<div className="max-w-xl">
			<ErrorSummary errors={fields.summary(['email'])} formError={fields.formError} />
			<h1 className="mb-4 text-3xl">Sign in with an email link</h1>
			<p className="mb-6">If you applied for a job without setting a password, we can email you a link to sign in.</p>
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
					Email me a link
				</button>
			</Form>
		</div>
	)
}
