import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { CandidateProfileFields, ConsentFields, profileFieldOrder } from '#app/components/candidate-profile-fields.tsx'
import { ErrorSummary, FileField, Honeypot, TextArea, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { answerFieldOrder, ScreeningQuestions } from '#app/components/screening-questions.tsx'
import {
	answersFrom,
	applyFormSchema,
	applyToVacancy,
	findSubmittedApplication,
	getVacancyToApplyFor,
} from '#app/models/applications/applications.server.ts'
import {
	getCandidateProfile,
	profileFormValues,
	profileToJson,
} from '#app/models/applications/candidate-profile.server.ts'
import { roleOptions } from '#app/models/jobs/care-roles.server.ts'
import { formatPay } from '#app/models/jobs/pay.ts'
import { candidateConsents } from '#app/models/redirect/consent.server.ts'
import { checkCv, FormTooLargeError, readMultipartForm } from '#app/models/uploads/uploads.server.ts'
import { rememberApplyEmail } from '#app/utils/apply-email.server.ts'
import { getUserId } from '#app/utils/auth.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { replyInvalid, replyToDomainError, withFieldErrors, type FormReply } from '#app/utils/form-reply.ts'
import { isHoneypotFilled } from '#app/utils/honeypot.server.ts'
import type { PageHandle } from '#app/utils/page.ts'
import {
	clientAddressKey,
	consumeRateLimit,
	rateLimits,
	retryAfterText,
	tooManyRequests,
} from '#app/utils/rate-limit.server.ts'
import { parseIdParam } from '#app/utils/responses.server.ts'

async function loadVacancy(vacancyId: string | undefined) {
	const id = parseIdParam(vacancyId)
	const vacancy = await getVacancyToApplyFor(id)
	// A closed or unknown vacancy: its own page explains (410 with similar jobs, or 404).
	if (!vacancy) throw redirect(`/jobs/${id}`)
	return vacancy
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const vacancy = await loadVacancy(params.vacancyId)
	const userId = await getUserId(request)
	const [profile, existing] = userId
		? await Promise.all([getCandidateProfile(userId), findSubmittedApplication(vacancy.id, userId)])
		: [null, null]
	const search = new URL(request.url).searchParams.get('search')
	return {
		backHref: `/jobs/${vacancy.id}${search ? `?${new URLSearchParams({ search })}` : ''}`,
		vacancy: {
			id: vacancy.id,
			title: vacancy.title,
			town: vacancy.town,
			providerName: vacancy.provider.name,
			pay: formatPay(vacancy),
			closing: formatDate(vacancy.closingDate),
		},
		questions: vacancy.screeningQuestions,
		signedIn: Boolean(userId),
		alreadyApplied: existing ? { id: existing.id, on: formatDate(existing.submittedAt!) } : null,
		roles: roleOptions,
		defaults: {
			...(profile ? profileFormValues(profile) : { roles: [vacancy.roleId], travelMiles: '10' }),
			...(userId ? await consentDefaults(userId) : {}),
		},
	}
}

async function consentDefaults(userId: string) {
	const active = await candidateConsents(userId)
	return { consentRedirect: Boolean(active.redirect), consentTalentPool: Boolean(active.talentPool) }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const vacancy = await loadVacancy(params.vacancyId)
	const userId = await getUserId(request)
	// Counted before the body is read, so floods cost us little; bad attempts count too.
	const byAddress = await consumeRateLimit(rateLimits.apply, clientAddressKey(context.clientIp))
	if (!byAddress.ok) {
		const message = `Too many applications sent from here. Try again ${retryAfterText(byAddress.retryAfterSeconds)}.`
		return tooManyRequests(byAddress.retryAfterSeconds, {
			form: 'apply',
			result: { status: 'error', error: { '': [message] } },
		} satisfies FormReply)
	}
	let form
	try {
		form = await readMultipartForm(request)
	} catch (error) {
		// Not the error's general words: on this form the only large part can be the CV.
		if (!(error instanceof FormTooLargeError)) throw error
		const result = {
			status: 'error' as const,
			error: {
				cv: ['The CV must be smaller than 5 MB'],
				'': ['The form was too large to send, so nothing was saved. Fill it in again with a smaller CV.'],
			},
		}
		return replyInvalid('apply', result, error.status)
	}
	const { formData, uploads } = form
	if (isHoneypotFilled(formData)) return redirect(`/jobs/${vacancy.id}/apply/check-email`)

	const schema = applyFormSchema(vacancy.screeningQuestions, { needsEmail: !userId })
	const submission = parseWithZod(formData, { schema })
	const cvUpload = uploads.get('cv')
	const cv = cvUpload ? await checkCv(cvUpload) : null
	const cvError = cv && 'error' in cv ? cv.error : null
	if (submission.status !== 'success' || cvError) {
		return replyInvalid('apply', withFieldErrors(submission.reply(), { cv: cvError }))
	}

	const input = submission.value
	const byEmail = await consumeRateLimit(rateLimits.applyPerEmail, userId ? `user:${userId}` : String(input.email))
	if (!byEmail.ok) {
		const message = `Too many applications from this email address. Try again ${retryAfterText(byEmail.retryAfterSeconds)}.`
		return tooManyRequests(byEmail.retryAfterSeconds, {
			form: 'apply',
			result: submission.reply({ formErrors: [message] }),
		} satisfies FormReply)
	}
	try {
		const common = {
			vacancyId: vacancy.id,
			profile: profileToJson(input),
			answers: answersFrom(input, vacancy.screeningQuestions),
			supportingStatement: input.supportingStatement ?? '',
			consents: { redirect: input.consentRedirect, talentPool: input.consentTalentPool },
			cv: cvUpload && cv && !('error' in cv) ? { upload: cvUpload, mimeType: cv.mimeType } : null,
		}
		const result = await applyToVacancy(
			userId ? { ...common, signedInUserId: userId } : { ...common, signedInUserId: null, email: String(input.email) },
		)
		if (result.needsConfirmation) {
			return redirect(`/jobs/${vacancy.id}/apply/check-email`, {
				headers: { 'Set-Cookie': await rememberApplyEmail(vacancy.id, String(input.email)) },
			})
		}
		return redirect(`/account/applications/${result.applicationId}?sent=1`)
	} catch (error) {
		return replyToDomainError(error, 'apply', submission)
	}
}

export const handle: PageHandle = {
	title: (d: { vacancy: { title: string } }) => `Apply for ${d.vacancy.title}`,
}

export default function ApplyRoute() {
	const d = useLoaderData<typeof loader>()
	const reply = useFormReply('apply')
	const fields = useFormFields('apply', reply, d.defaults)

	if (d.alreadyApplied) {
		return (
			<div className="max-w-2xl">
				<h1 className="mb-4 text-3xl">You have already applied for this job</h1>
				<p className="mb-4">
					You applied for {d.vacancy.title} with {d.vacancy.providerName} on {d.alreadyApplied.on}.
				</p>
				<p>
					<Link to={`/account/applications/${d.alreadyApplied.id}`}>See your application</Link>
				</p>
			</div>
		)
	}

	return (
		<div className="max-w-2xl">
			<ErrorSummary
				errors={fields.summary([...profileFieldOrder, ...answerFieldOrder(d.questions), 'supportingStatement', 'cv'])}
				formError={fields.formError}
			/>
			<p className="mb-2">
				<Link to={d.backHref}>‹ Back to the job</Link>
			</p>
			<span className="block text-lg text-muted">{d.vacancy.providerName}</span>
			<h1 className="mb-2 text-3xl">Apply for {d.vacancy.title}</h1>
			<p className="mb-6 text-muted">
				{d.vacancy.town} · {d.vacancy.pay} · closes {d.vacancy.closing}
			</p>
			<p className="mb-6">
				It takes about three minutes.{' '}
				{d.signedIn
					? 'We have filled in what you told us last time: check it is still right.'
					: 'You do not need an account.'}
			</p>
			<Form method="post" encType="multipart/form-data" noValidate>
				<Honeypot />
				<CandidateProfileFields fields={fields} roles={d.roles} emailField={!d.signedIn} />

				<h2 className="mb-4 mt-8 text-2xl">This job</h2>
				<ScreeningQuestions questions={d.questions} fields={fields} />
				<TextArea
					fields={fields}
					name="supportingStatement"
					label="Why would you like this job? (optional)"
					hint="A few sentences about you: what matters to you, and any experience of caring, paid or not, such as for a relative."
					rows={6}
					maxLength={5000}
				/>
				<FileField
					fields={fields}
					name="cv"
					label="Upload a CV (optional)"
					hint={
						reply && !fields.error('cv')
							? 'If you chose a CV, choose it again: browsers forget the file when a form comes back with errors. A PDF or Word document, up to 5 MB.'
							: 'A PDF or Word document, up to 5 MB. Only this employer will see it.'
					}
					accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
				/>
				<ConsentFields fields={fields} />
				<p className="mb-4">
					<Link to="/privacy">How we use the information you give us</Link> (privacy notice)
				</p>
				<button type="submit" className="btn">
					Send application
				</button>
			</Form>
		</div>
	)
}
