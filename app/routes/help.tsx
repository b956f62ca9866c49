import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import {
	ErrorSummary,
	Honeypot,
	Radios,
	TextArea,
	TextField,
	useFormFields,
	useFormReply,
} from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { feedbackTopics, FeedbackSchema, sendFeedback } from '#app/models/help/feedback.server.ts'
import { serviceOperator } from '#app/utils/env.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { replyInvalid, replyRateLimited } from '#app/utils/form-reply.ts'
import { isHoneypotFilled } from '#app/utils/honeypot.server.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { clientAddressKey, consumeRateLimit, rateLimits, retryAfterText } from '#app/utils/rate-limit.server.ts'

export function loader({ request }: LoaderFunctionArgs) {
	// The page someone came from, as a path only: feedback is about it.
	const referer = request.headers.get('Referer')
	let from: string | null = null
	try {
		const url = referer ? new URL(referer) : null
		if (url && url.host === new URL(request.url).host && url.pathname !== '/help') from = url.pathname
	} catch {
		from = null
	}
	return { ...serviceOperator(), topics: feedbackTopics, from }
}

export async function action({ request, context }: ActionFunctionArgs) {
	const formData = await readFormData(request)
	if (isHoneypotFilled(formData)) return redirect('/help?sent=1#feedback')
	const submission = parseWithZod(formData, { schema: FeedbackSchema })
	if (submission.status !== 'success') return replyInvalid('feedback', submission)
	const limit = await consumeRateLimit(rateLimits.feedback, clientAddressKey(context.clientIp))
	if (!limit.ok) {
		return replyRateLimited(
			'feedback',
			limit.retryAfterSeconds,
			`You have sent a lot of feedback from here. Try again ${retryAfterText(limit.retryAfterSeconds)}, or email us.`,
			submission,
		)
	}
	await sendFeedback(submission.value)
	return redirect('/help?sent=1#feedback')
}

export const handle: PageHandle = { title: 'Help and contact' }

export default function HelpRoute() {
	const d = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	const fields = useFormFields('feedback', useFormReply('feedback'))
	return (
		<div className="max-w-3xl">
			<h1 className="mb-4 text-3xl">Help and contact</h1>
			<h2 className="mb-3 text-2xl">Common questions</h2>
			<ul className="mb-6 ml-6 list-disc space-y-2">
				<li>
					<Link to="/jobs">Search for jobs</Link> by town, village or postcode. Every job shows its pay.
				</li>
				<li>
					You can apply without an account: we email you a link to confirm your address, and then your application is
					sent.
				</li>
				<li>
					Employers post jobs for free: <Link to="/for-employers">how it works for employers</Link>.
				</li>
				<li>
					Forgotten your password? <Link to="/forgot-password">Reset it</Link>, or{' '}
					<Link to="/login/email">sign in with a link</Link> sent to your email.
				</li>
				<li>
					What we keep about you, and your rights: <Link to="/privacy">privacy notice</Link>. How we make the site easy
					to use: <Link to="/accessibility">accessibility statement</Link>.
				</li>
			</ul>

			<h2 className="mb-3 text-2xl">Contact us</h2>
			<p className="mb-8">
				{d.serviceName} is run by {d.operator}. Email <a href={`mailto:${d.contactEmail}`}>{d.contactEmail}</a>: we
				reply within 5 working days. We cannot tell you about a job you applied for; contact the employer.
			</p>

			<section id="feedback" aria-labelledby="feedback-heading" tabIndex={-1}>
				<h2 id="feedback-heading" className="mb-3 text-2xl">
					Give feedback
				</h2>
				{params.get('sent') && !fields.formError ? (
					<NotificationBanner>
						Thank you. Your feedback has been sent to the team that runs the service.
					</NotificationBanner>
				) : null}
				<ErrorSummary errors={fields.summary(['about', 'message', 'replyTo'])} formError={fields.formError} />
				<p className="mb-4">Tell us what works and what does not. Do not include details about your health.</p>
				<Form method="post" noValidate>
					<Honeypot />
					<input type="hidden" name="page" value={d.from ?? ''} />
					<Radios fields={fields} name="about" legend="What is your feedback about?" options={[...d.topics]} />
					<TextArea fields={fields} name="message" label="Your feedback" rows={6} maxLength={3000} />
					<TextField
						fields={fields}
						name="replyTo"
						label="Email address (optional)"
						hint="Only if you would like a reply. We use it for nothing else."
						type="email"
						autoComplete="email"
						spellCheck={false}
					/>
					<button type="submit" className="btn">
						Send feedback
					</button>
				</Form>
			</section>
		</div>
	)
}
