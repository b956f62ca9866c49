import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import {
	Checkboxes,
	ErrorSummary,
	Honeypot,
	Radios,
	TextArea,
	TextField,
	useFormFields,
	useFormReply,
} from '#app/components/forms.tsx'
import { requestVisit, VisitRequestSchema } from '#app/models/careers/visits/requests.server.ts'
import { ageGroups, organisationTypes, VisitError, visitTopics } from '#app/models/careers/visits/vocabulary.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { replyInvalid, withFieldErrors, type FormReply } from '#app/utils/form-reply.ts'
import { isHoneypotFilled } from '#app/utils/honeypot.server.ts'
import type { PageHandle } from '#app/utils/page.ts'
import {
	clientAddressKey,
	consumeRateLimit,
	rateLimits,
	retryAfterText,
	tooManyRequests,
} from '#app/utils/rate-limit.server.ts'

export async function loader() {
	return { organisationTypes, ageGroups, visitTopics }
}

export async function action({ request, context }: ActionFunctionArgs) {
	const formData = await readFormData(request)
	if (isHoneypotFilled(formData)) return redirect('/ambassadors')
	const submission = parseWithZod(formData, { schema: VisitRequestSchema })
	if (submission.status !== 'success') return replyInvalid('visit', submission)
	// Only requests that would be sent count, so a few mistakes do not lock a school out.
	const limit = await consumeRateLimit(rateLimits.visitRequest, clientAddressKey(context.clientIp))
	if (!limit.ok) {
		return tooManyRequests(limit.retryAfterSeconds, {
			form: 'visit',
			result: submission.reply({
				formErrors: [`Too many visit requests sent from here. Try again ${retryAfterText(limit.retryAfterSeconds)}.`],
			}),
		} satisfies FormReply)
	}
	try {
		const { token } = await requestVisit(submission.value)
		return redirect(`/visits/${token}?sent=1`)
	} catch (error) {
		// The request fails only when the postcode cannot be placed, which the error does not name: shown on that field.
		if (!(error instanceof VisitError)) throw error
		return replyInvalid('visit', withFieldErrors(submission.reply(), { postcode: error.message }))
	}
}

export const handle: PageHandle = { title: 'Ask an ambassador to visit' }

const fieldOrder = [
	'organisation',
	'organisationType',
	'contactName',
	'contactEmail',
	'town',
	'postcode',
	'preferredDates',
	'audience',
	'ageGroup',
	'numberOfPeople',
	'topics',
	'notes',
]

export default function RequestVisitRoute() {
	const d = useLoaderData<typeof loader>()
	const fields = useFormFields('visit', useFormReply('visit'))
	return (
		<div className="max-w-2xl">
			<ErrorSummary errors={fields.summary(fieldOrder)} formError={fields.formError} />
			<h1 className="mb-4 text-3xl">Ask an ambassador to visit</h1>
			<p className="mb-4">
				Schools, colleges, jobcentres and community groups can ask an <Link to="/ambassadors">I Care Ambassador</Link>{' '}
				to come and talk about careers in care. It is free.
			</p>
			<p className="mb-6">
				We offer your request to the nearest ambassador who can travel to you. If they cannot come, we ask the next
				nearest. We email you when one accepts, and you arrange the details through a private page on this site: you and
				the ambassador do not need to share personal contact details.
			</p>
			<Form method="post" noValidate>
				<Honeypot />
				<h2 className="mb-4 text-2xl">About you</h2>
				<TextField
					fields={fields}
					name="organisation"
					label="Name of your school, college or organisation"
					autoComplete="organization"
				/>
				<Radios
					fields={fields}
					name="organisationType"
					legend="What kind of organisation is it?"
					options={d.organisationTypes}
				/>
				<TextField fields={fields} name="contactName" label="Your name" autoComplete="name" width="max-w-md" />
				<TextField
					fields={fields}
					name="contactEmail"
					label="Your email address"
					type="email"
					autoComplete="email"
					spellCheck={false}
					hint="We send updates here. The ambassador does not see it."
				/>
				<TextField fields={fields} name="town" label="Town or village" autoComplete="address-level2" width="max-w-sm" />
				<TextField
					fields={fields}
					name="postcode"
					label="Postcode of the place to visit"
					autoComplete="postal-code"
					width="max-w-40"
				/>
				<h2 className="mb-4 mt-8 text-2xl">About the visit</h2>
				<TextArea
					fields={fields}
					name="preferredDates"
					label="When would suit you?"
					hint="Dates, weeks or days of the week, for example “any Tuesday afternoon in March” or “careers fair on 12/03/2027”."
					rows={3}
				/>
				<TextField
					fields={fields}
					name="audience"
					label="Who is it for?"
					hint="For example “Year 10 health and social care class” or “jobseekers’ group”."
				/>
				<Radios fields={fields} name="ageGroup" legend="Age group" options={d.ageGroups} />
				<TextField
					fields={fields}
					name="numberOfPeople"
					label="About how many people?"
					inputMode="numeric"
					width="max-w-24"
				/>
				<Checkboxes
					fields={fields}
					name="topics"
					legend="What would you like them to talk about?"
					hint="Select all that apply."
					options={d.visitTopics}
				/>
				<TextArea
					fields={fields}
					name="notes"
					label="Anything else we should know? (optional)"
					hint="For example access, parking or safeguarding arrangements."
					rows={3}
				/>
				<p className="mb-4">
					<Link to="/privacy">How we use the information you give us</Link> (privacy notice)
				</p>
				<button type="submit" className="btn">
					Send request
				</button>
			</Form>
		</div>
	)
}
