import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, TextField, useFormFields } from '#app/components/forms.tsx'
import { authenticate, createSession, homePathFor, requireAnonymous, safeRedirect } from '#app/utils/auth.server.ts'
import type { PageHandle } from '#app/utils/page.ts'
import {
	checkRateLimit,
	clientAddressKey,
	consumeRateLimit,
	rateLimits,
	retryAfterText,
	tooManyRequests,
} from '#app/utils/rate-limit.server.ts'
import { EmailSchema } from '#app/utils/validation.ts'

const LoginSchema = z.object({
	email: EmailSchema,
	password: z.string({ error: 'Enter your password' }).min(1, { error: 'Enter your password' }),
	redirectTo: z.string().optional(),
})

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAnonymous(request)
	return null
}

export async function action({ request, context }: ActionFunctionArgs) {
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: LoginSchema })
	if (submission.status !== 'success') {
		return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
	}
	const { email, password, redirectTo } = submission.value
	// Only failed attempts count, so people sharing one address (a care home, a
	// school) are not locked out by each other's successful sign-ins.
	const byIp = await checkRateLimit(rateLimits.login, clientAddressKey(context.clientIp))
	const byAccount = await checkRateLimit(rateLimits.loginPerAccount, email)
	if (!byIp.ok || !byAccount.ok) {
		const wait = Math.max(byIp.retryAfterSeconds, byAccount.retryAfterSeconds)
		return tooManyRequests(wait, {
			result: submission.reply({
				formErrors: [`Too many attempts to sign in. Try again ${retryAfterText(wait)}.`],
				hideFields: ['password'],
			}),
		})
	}
	const userId = await authenticate(email, password)
	if (!userId) {
		await consumeRateLimit(rateLimits.login, clientAddressKey(context.clientIp))
		await consumeRateLimit(rateLimits.loginPerAccount, email)
		return data(
			{
				result: submission.reply({
					formErrors: ['Enter a correct email address and password'],
					hideFields: ['password'],
				}),
			},
			{ status: 400 },
		)
	}
	const cookie = await createSession(userId)
	return redirect(safeRedirect(redirectTo, await homePathFor(userId)), { headers: { 'Set-Cookie': cookie } })
}

export const handle: PageHandle = { title: 'Sign in' }

export default function LoginRoute() {
	const actionData = useActionData<typeof action>()
	const [params] = useSearchParams()
	const fields = useFormFields('login', actionData?.result)
	const redirectTo = params.get('redirectTo') ?? ''
	return (
		<div className="max-w-xl">
			<ErrorSummary errors={fields.summary(['email', 'password'])} formError={fields.formError} />
			<h1 className="mb-4 text-3xl">Sign in</h1>
			<p className="mb-6">Sign in to manage your vacancies, or to see your applications.</p>
			<Form method="post" noValidate>
				<input type="hidden" name="redirectTo" value={redirectTo} />
				<TextField
					fields={fields}
					name="email"
					label="Email address"
					type="email"
					autoComplete="email"
					spellCheck={false}
				/>
				<TextField
					fields={fields}
					name="password"
					label="Password"
					type="password"
					autoComplete="current-password"
					width="max-w-sm"
				/>
				<button type="submit" className="btn">
					Sign in
				</button>
			</Form>
			<p className="mt-6">
				<Link to="/forgot-password">Forgotten your password?</Link>
			</p>
			<h2 className="mb-2 mt-10 text-xl">Applied for a job without a password?</h2>
			<p className="mb-6">
				<Link to="/login/email">Email me a link to sign in</Link>
			</p>
			<h2 className="mb-2 text-xl">New here?</h2>
			<p>
				Job seekers do not need an account: you create one when you apply. Employers can{' '}
				<Link to="/signup">create an employer account</Link> to post vacancies for free.
			</p>
		</div>
	)
}
