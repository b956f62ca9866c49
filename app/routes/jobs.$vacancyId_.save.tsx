import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, Honeypot, TextField, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { SIGN_IN_MINUTES } from '#app/models/accounts/link-lifetimes.ts'
import { getPublicVacancy } from '#app/models/jobs/vacancies.server.ts'
import { saveJob, sendSaveJobLink, unsaveJob } from '#app/models/saved-jobs/saved-jobs.server.ts'
import { getUserId, safeRedirect } from '#app/utils/auth.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { replyInvalid, replyRateLimited, replyToDomainError } from '#app/utils/form-reply.ts'
import { isHoneypotFilled } from '#app/utils/honeypot.server.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { clientAddressKey, consumeRateLimit, rateLimits, retryAfterText } from '#app/utils/rate-limit.server.ts'
import { invariantResponse, parseIdParam } from '#app/utils/responses.server.ts'
import { EmailSchema } from '#app/utils/validation.ts'

// Saving a job is a form button (it works without JavaScript). Signed in, the
// job is saved and they go back where they were; a guest comes here to sign in
// or to be emailed a link that signs them in and saves it.

const ChangeSchema = z.object({ intent: z.enum(['save', 'remove']), returnTo: z.string().max(2000).optional() })
const EmailLinkSchema = z.object({ intent: z.literal('email'), email: EmailSchema })

export async function loader({ request, params }: LoaderFunctionArgs) {
	const vacancyId = parseIdParam(params.vacancyId)
	if (await getUserId(request)) throw redirect(`/jobs/${vacancyId}`)
	const found = await getPublicVacancy(vacancyId)
	invariantResponse(found?.isLive)
	const job = `/jobs/${vacancyId}`
	return {
		id: vacancyId,
		title: found.vacancy.title,
		providerName: found.vacancy.provider.name,
		loginHref: `/login?${new URLSearchParams({ redirectTo: `${job}?saved=1`, save: String(vacancyId) })}`,
		minutes: SIGN_IN_MINUTES,
		sent: new URL(request.url).searchParams.has('sent'),
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const vacancyId = parseIdParam(params.vacancyId)
	const formData = await readFormData(request)
	const userId = await getUserId(request)
	if (formData.get('intent') === 'email') {
		if (isHoneypotFilled(formData)) return redirect(`/jobs/${vacancyId}/save?sent=1`)
		const submission = parseWithZod(formData, { schema: EmailLinkSchema })
		if (submission.status !== 'success') return replyInvalid('save-link', submission)
		const byAddress = await consumeRateLimit(rateLimits.emailLinkPerAddress, clientAddressKey(context.clientIp))
		const byEmail = await consumeRateLimit(rateLimits.emailLink, submission.value.email)
		if (!byAddress.ok || !byEmail.ok) {
			const wait = Math.max(byAddress.retryAfterSeconds, byEmail.retryAfterSeconds)
			return replyRateLimited(
				'save-link',
				wait,
				`Too many links asked for. Try again ${retryAfterText(wait)}.`,
				submission,
			)
		}
		try {
			await sendSaveJobLink(submission.value.email, vacancyId)
		} catch (error) {
			return replyToDomainError(error, 'save-link', submission)
		}
		return redirect(`/jobs/${vacancyId}/save?sent=1`)
	}
	const submission = parseWithZod(formData, { schema: ChangeSchema })
	invariantResponse(submission.status === 'success', 'Choose to save or remove the job', { status: 400 })
	if (!userId) return redirect(`/jobs/${vacancyId}/save`)
	try {
		if (submission.value.intent === 'save') await saveJob(userId, vacancyId)
		else await unsaveJob(userId, vacancyId)
	} catch (error) {
		return replyToDomainError(error, 'save')
	}
	return redirect(safeRedirect(submission.value.returnTo, `/jobs/${vacancyId}`))
}

export const handle: PageHandle = {
	title: (d: { sent?: boolean }) => (d?.sent ? 'Check your email to save this job' : 'Sign in to save this job'),
}

export const meta: MetaFunction = () => [{ name: 'robots', content: 'noindex' }]

export default function SaveJobRoute() {
	const d = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	const reply = useFormReply('save-link')
	const fields = useFormFields('save-link', reply)
	if (params.get('sent') && !reply) {
		return (
			<div className="max-w-2xl">
				<h1 className="mb-4 text-3xl">Check your email</h1>
				<p className="mb-4">
					We have sent you a link. Open it within {d.minutes} minutes to save <strong>{d.title}</strong>: it signs you
					in, and makes you an account if you do not have one.
				</p>
				<p>
					<Link to={`/jobs/${d.id}`}>Back to the job</Link>
				</p>
			</div>
		)
	}
	return (
		<div className="max-w-2xl">
			<ErrorSummary errors={fields.summary(['email'])} formError={fields.formError} />
			<p className="mb-4">
				<Link to={`/jobs/${d.id}`}>‹ Back to the job</Link>
			</p>
			<h1 className="mb-4 text-3xl">Sign in to save this job</h1>
			<p className="mb-6">
				Save <strong>{d.title}</strong> with {d.providerName} to come back to it later. We will remind you by email 2
				days before it closes.
			</p>
			<h2 className="mb-2 text-2xl">Get a link by email</h2>
			<p className="mb-4">No password needed. If you do not have an account yet, this makes one.</p>
			<Form method="post" noValidate className="mb-8">
				<Honeypot />
				<TextField
					fields={fields}
					name="email"
					label="Email address"
					type="email"
					autoComplete="email"
					spellCheck={false}
				/>
				<button type="submit" name="intent" value="email" className="btn">
					Email me a link
				</button>
			</Form>
			<h2 className="mb-2 text-2xl">Have a password?</h2>
			<p>
				<Link to={d.loginHref}>Sign in with your password</Link> and we will save the job.
			</p>
		</div>
	)
}
