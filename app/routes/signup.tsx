import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'
import { ErrorSummary, Honeypot, TextField, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { ProviderProfileFields, profileFieldOrder } from '#app/components/provider-profile-fields.tsx'
import { emailIsTaken, ProviderSignupSchema, signUpProvider } from '#app/models/organisations/providers.server.ts'
import { createSession, requireAnonymous } from '#app/utils/auth.server.ts'
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

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAnonymous(request)
	return null
}

export async function action({ request, context }: ActionFunctionArgs) {
	const formData = await readFormData(request)
	if (isHoneypotFilled(formData)) return redirect('/')
	// Counted before anything else, so the "email already in use" answer cannot be
	// used to test unlimited addresses.
	const limit = await consumeRateLimit(rateLimits.signup, clientAddressKey(context.clientIp))
	if (!limit.ok) {
		return tooManyRequests(limit.retryAfterSeconds, {
			form: 'signup',
			result: parseWithZod(formData, { schema: ProviderSignupSchema }).reply({
				formErrors: [
					`Too many attempts to create an account from here. Try again ${retryAfterText(limit.retryAfterSeconds)}.`,
				],
				hideFields: ['password'],
			}),
		} satisfies FormReply)
	}
	const submission = await parseWithZod(formData, {
		schema: ProviderSignupSchema.superRefine(async (input, ctx) => {
			if (await emailIsTaken(input.email)) {
				ctx.addIssue({
					code: 'custom',
					path: ['email'],
					message: 'An account already uses this email address: sign in instead',
				})
			}
		}),
		async: true,
	})
	if (submission.status !== 'success') return replyInvalid('signup', submission.reply({ hideFields: ['password'] }))
	const { userId } = await signUpProvider(submission.value)
	return redirect('/provider', { headers: { 'Set-Cookie': await createSession(userId) } })
}

export const handle: PageHandle = { title: 'Create an employer account' }

export default function SignupRoute() {
	const fields = useFormFields('signup', useFormReply('signup'), { type: '' })
	return (
		<div className="max-w-2xl">
			<ErrorSummary
				errors={fields.summary(['contactName', 'email', 'password', ...profileFieldOrder])}
				formError={fields.formError}
			/>
			<h1 className="mb-4 text-3xl">Create an employer account</h1>
			<p className="mb-6">
				Posting vacancies is free. Already have an account? <Link to="/login">Sign in</Link>.
			</p>
			<Form method="post" noValidate>
				<Honeypot />
				<h2 className="mb-4 text-2xl">You</h2>
				<TextField fields={fields} name="contactName" label="Your name" autoComplete="name" />
				<TextField
					fields={fields}
					name="email"
					label="Email address"
					type="email"
					autoComplete="email"
					spellCheck={false}
					hint="You will use this to sign in."
				/>
				<TextField
					fields={fields}
					name="password"
					label="Create a password"
					type="password"
					autoComplete="new-password"
					width="max-w-sm"
					hint="At least 10 characters. A few words strung together is easy to remember and hard to guess."
				/>
				<h2 className="mb-4 mt-8 text-2xl">Your organisation</h2>
				<ProviderProfileFields fields={fields} />
				<p className="mb-4">
					<Link to="/privacy">How we use the information you give us</Link> (privacy notice)
				</p>
				<button type="submit" className="btn">
					Create account
				</button>
			</Form>
		</div>
	)
}
