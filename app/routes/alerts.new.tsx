import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, Honeypot, Radios, TextField, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { createJobAlert, prepareAlertSearch } from '#app/models/alerts/job-alerts.server.ts'
import { alertFrequencies, alertRules } from '#app/models/alerts/vocabulary.ts'
import { getUserId } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { replyInvalid, replyRateLimited, replyToDomainError } from '#app/utils/form-reply.ts'
import { isHoneypotFilled } from '#app/utils/honeypot.server.ts'
import { ids } from '#app/utils/options.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { clientAddressKey, consumeRateLimit, rateLimits, retryAfterText } from '#app/utils/rate-limit.server.ts'
import { EmailSchema } from '#app/utils/validation.ts'

const chooseFrequency = 'Choose how often you want to get these jobs'
const AlertSchema = z.object({
	search: z.string().max(2000).default(''),
	email: EmailSchema.optional(),
	frequency: z.enum(ids(alertFrequencies), { error: chooseFrequency }),
})

async function signedInEmail(request: Request) {
	const userId = await getUserId(request)
	if (!userId) return null
	const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true } })
	return user && { userId: user.id, email: user.email }
}

export async function loader({ request }: LoaderFunctionArgs) {
	const url = new URL(request.url)
	const [search, account] = await Promise.all([prepareAlertSearch(url.searchParams), signedInEmail(request)])
	if (!search.ok) {
		return data(
			{ ok: false as const, searchHref: search.searchHref, problem: search.errors.where ?? search.errors.minpay ?? '' },
			{ status: 400 },
		)
	}
	return {
		ok: true as const,
		search: search.query,
		searchHref: search.searchHref,
		description: search.description,
		narrow: search.narrow,
		currentTotal: search.currentTotal,
		email: account?.email ?? null,
	}
}

export async function action({ request, context }: ActionFunctionArgs) {
	const formData = await readFormData(request)
	if (isHoneypotFilled(formData)) return redirect('/alerts/check-email')
	const account = await signedInEmail(request)
	const submission = parseWithZod(formData, {
		schema: account ? AlertSchema : AlertSchema.extend({ email: EmailSchema }),
	})
	if (submission.status !== 'success') return replyInvalid('alert', submission)
	const search = await prepareAlertSearch(new URLSearchParams(submission.value.search))
	if (!search.ok) return redirect(search.searchHref)
	const email = account?.email ?? submission.value.email!
	if (!account) {
		// Each guest alert emails an address: limits keep the form from being used to flood someone's inbox.
		const byAddress = await consumeRateLimit(rateLimits.emailLinkPerAddress, clientAddressKey(context.clientIp))
		const byEmail = await consumeRateLimit(rateLimits.alertConfirmation, email)
		if (!byAddress.ok || !byEmail.ok) {
			const wait = Math.max(byAddress.retryAfterSeconds, byEmail.retryAfterSeconds)
			return replyRateLimited(
				'alert',
				wait,
				`Too many alerts asked for. Try again ${retryAfterText(wait)}.`,
				submission,
			)
		}
	}
	try {
		const alert = await createJobAlert({
			email,
			userId: account?.userId ?? null,
			search,
			frequency: submission.value.frequency,
		})
		if (alert.emailed || !account) return redirect('/alerts/check-email')
		return redirect(`/account/alerts?created=${alert.id}`)
	} catch (error) {
		return replyToDomainError(error, 'alert', submission)
	}
}

export const handle: PageHandle = {
	title: (d: { ok: boolean }) =>
		d?.ok === false ? 'Error: we could not make an alert for this search' : 'Get these jobs by email',
}

export const meta: MetaFunction = () => [{ name: 'robots', content: 'noindex' }]

export default function NewAlertRoute() {
	const d = useLoaderData<typeof loader>()
	const reply = useFormReply('alert')
	const fields = useFormFields('alert', reply, { frequency: 'daily' })
	if (!d.ok) {
		return (
			<div className="max-w-2xl">
				<h1 className="mb-4 text-3xl">We could not make an alert for this search</h1>
				<p className="mb-4">{/[.?!]$/.test(d.problem) ? d.problem : `${d.problem}.`}</p>
				<p>
					<Link to={d.searchHref}>Go back to your search</Link> to correct it, then ask for the alert again.
				</p>
			</div>
		)
	}
	const frequencies = alertFrequencies
		.filter((f) => f.id !== 'immediate' || d.narrow)
		.map((f) => ({ id: f.id, label: f.label, hint: f.hint }))
	return (
		<div className="max-w-2xl">
			<ErrorSummary errors={fields.summary(['email', 'frequency'])} formError={fields.formError} />
			<h1 className="mb-4 text-3xl">Get these jobs by email</h1>
			<p className="mb-2">We will email you new jobs that match this search:</p>
			<p className="mb-2 border-l-4 border-line pl-3 text-lg font-bold">{d.description}</p>
			<p className="mb-6">
				<Link to={d.searchHref}>Change the search</Link>
			</p>
			<Form method="post" noValidate>
				<Honeypot />
				<input type="hidden" name="search" value={d.search} />
				{d.email ? (
					<p className="mb-6">
						We will send them to <strong>{d.email}</strong>, the address you sign in with.
					</p>
				) : (
					<TextField
						fields={fields}
						name="email"
						label="Email address"
						hint="We will send a link to confirm it. Nothing else is sent until you do."
						type="email"
						autoComplete="email"
						spellCheck={false}
					/>
				)}
				<Radios
					fields={fields}
					name="frequency"
					legend="How often do you want them?"
					hint={
						d.narrow
							? undefined
							: `“As soon as they are posted” is for searches with ${alertRules.immediateMaxJobs} jobs or fewer: this one has ${d.currentTotal.toLocaleString('en-GB')}.`
					}
					options={frequencies}
				/>
				<p className="mb-6">
					Each email lists only jobs we have not sent you before, and has a link to unsubscribe. We use your address
					only for these alerts: see <Link to="/privacy">how we use your data</Link>.
				</p>
				<button type="submit" className="btn">
					{d.email ? 'Create job alert' : 'Continue'}
				</button>
			</Form>
		</div>
	)
}
