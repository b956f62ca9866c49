import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, TextField, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { saveJob } from '#app/models/saved-jobs/saved-jobs.server.ts'
import { authenticate, createSession, homePathFor, requireAnonymous, safeRedirect } from '#app/utils/auth.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { replyInvalid, type FormReply } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'
import {
	clientAddressKey,
	recordFailedSignIn,
	retryAfterText,
	signInThrottle,
	tooManyRequests,
} from '#app/utils/rate-limit.server.ts'
import { EmailSchema } from '#app/utils/validation.ts'

const LoginSchema = z.object({
	email: EmailSchema,
	password: z.string({ error: 'Enter your password' }).min(1, { error: 'Enter your password' }),
	redirectTo: z.string().optional(),
	// a job to save once signed in (a guest pressed Save)
	save: z.coerce.number().int().min(1).max(2_147_483_647).optional().catch(undefined),
})

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAnonymous(request)
	return null
}

export async function action({ request, context }: ActionFunctionArgs) {
	const formData = await readFormData(request)
	const submission = parseWithZod(formData, { schema: LoginSchema })
	if (submission.status !== 'success') return replyInvalid('login', submission.reply({ hideFields: ['password'] }))
	const { email, password, redirectTo, save } = submission.value
	// Only failed attempts count, so people sharing one address (a care home, a
	// school) are not locked out by each other's successful sign-ins.
	const address = clientAddressKey(context.clientIp)
	const throttle = await signInThrottle(email, address)
	if (throttle.retryAfterSeconds !== null) {
		const wait = throttle.retryAfterSeconds
		return tooManyRequests(wait, {
			form: 'login',
			result: submission.reply({
				formErrors: [
					`Too many attempts to sign in from here. Try again ${retryAfterText(wait)}, or reset your password.`,
				],
				hideFields: ['password'],
			}),
		} satisfies FormReply)
	}
	if (throttle.delayMs) await new Promise((resolve) => setTimeout(resolve, throttle.delayMs))
	const userId = await authenticate(email, password)
	if (!userId) {
		await recordFailedSignIn(email, address)
		return replyInvalid(
			'login',
			submission.reply({ formErrors: ['Enter a correct email address and password'], hideFields: ['password'] }),
		)
	}
	const cookie = await createSession(userId)
	// A job that has closed since they pressed Save is simply not saved: the job page says it has closed.
	if (save) await saveJob(userId, save).catch(() => undefined)
	return redirect(safeRedirect(redirectTo, await homePathFor(userId)), { headers: { 'Set-Cookie': cookie } })
}

export const handle: PageHandle = { title: 'Sign in' }

export default function LoginRoute() {
	const [params] = useSearchParams()
	const fields = useFormFields('login', useFormReply('login'))
	const redirectTo = params.get('redirectTo') ?? ''
	const save = params.get('save') ?? ''
	return (
		<div className="max-w-xl">
			<ErrorSummary errors={fields.summary(['email', 'password'])} formError={fields.formError} />
			<h1 className="mb-4 text-3xl">Sign in</h1>
			<p className="mb-6">Sign in to manage your vacancies, or to see your applications.</p>
			<Form method="post" noValidate>
				<input type="hidden" name="redirectTo" value={redirectTo} />
				{save ? <input type="hidden" name="save" value={save} /> : null}
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
