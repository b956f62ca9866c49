import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { ErrorSummary, Radios, TextArea, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { StageHistory, StageTag } from '#app/components/stage-tag.tsx'
import { SummaryList } from '#app/components/summary-list.tsx'
import {
	getCandidateApplication,
	InterviewReplySchema,
	replyToInterview,
	withdrawApplication,
} from '#app/models/applications/applications.server.ts'
import { formatInterviewTime } from '#app/models/applications/interview-time.ts'
import { checkActors, checkKinds, checkStatuses, isFinished } from '#app/models/applications/vocabulary.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { formatDate, formatDateTime } from '#app/utils/dates.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { replyInvalid, replyToDomainError } from '#app/utils/form-reply.ts'
import { labelOf } from '#app/utils/options.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	const a = await getCandidateApplication(params.applicationId ?? '', userId)
	invariantResponse(a)
	const interview = a.interviews[0]
	return {
		id: a.id,
		stage: a.stage,
		title: a.vacancy.title,
		vacancyId: a.vacancy.id,
		providerName: a.vacancy.provider.name,
		town: a.vacancy.town,
		sent: formatDate(a.submittedAt!),
		statement: a.supportingStatement,
		feedback: a.stage === 'unsuccessful' ? a.feedback : null,
		cv: a.cv ? { id: a.cv.id, name: a.cv.originalName } : null,
		answers: a.answers.map((x) => ({ question: x.question.text, answer: x.answer })),
		events: a.events.map((e) => ({
			id: e.id,
			stage: e.stage,
			actor: e.actor,
			detail: e.detail,
			at: formatDateTime(e.at),
		})),
		interview:
			interview && a.stage === 'interview'
				? {
						when: formatInterviewTime(interview.startsAt),
						durationMinutes: interview.durationMinutes,
						location: interview.location,
						videoUrl: interview.videoUrl,
						details: interview.details,
						response: interview.response,
						responseMessage: interview.responseMessage,
					}
				: null,
		checks:
			a.stage === 'conditional-offer' || a.stage === 'hired'
				? a.checks.map((c) => ({
						kind: labelOf(checkKinds, c.kind),
						status: labelOf(checkStatuses, c.status),
						nextActor: labelOf(checkActors, c.nextActor),
						cleared: c.status === 'cleared',
					}))
				: [],
		canWithdraw: !isFinished(a.stage),
		confirmWithdraw: new URL(request.url).searchParams.get('withdraw') === 'confirm',
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const userId = await requireUserId(request)
	const formData = await readFormData(request)
	const id = params.applicationId ?? ''
	if (formData.get('intent') === 'withdraw') {
		try {
			await withdrawApplication(id, userId)
		} catch (error) {
			return replyToDomainError(error, 'withdraw')
		}
		return redirect(`/account/applications/${id}?withdrawn=1`)
	}
	const submission = parseWithZod(formData, { schema: InterviewReplySchema })
	if (submission.status !== 'success') return replyInvalid('reply', submission)
	try {
		await replyToInterview(id, userId, submission.value)
	} catch (error) {
		return replyToDomainError(error, 'reply', submission)
	}
	return redirect(`/account/applications/${id}?replied=1`)
}

export const handle: PageHandle = { title: (d: { title: string }) => `Your application: ${d.title}` }

export default function CandidateApplicationRoute() {
	const d = useLoaderData<typeof loader>()
	const replyResult = useFormReply('reply')
	const withdrawResult = useFormReply('withdraw')
	const [params] = useSearchParams()
	const fields = useFormFields('reply', replyResult)
	const withdrawError = useFormFields('withdraw', withdrawResult).formError
	const notice = params.get('sent')
		? `Your application has been sent to ${d.providerName}. We have emailed you a copy.`
		: params.get('already')
			? 'You had already applied for this job, so we kept your first application.'
			: params.get('withdrawn')
				? 'You have withdrawn your application. The employer has been told.'
				: params.get('replied')
					? 'Thank you. The employer has been told.'
					: null
	return (
		<div className="max-w-3xl">
			{notice && !replyResult && !withdrawResult ? <NotificationBanner>{notice}</NotificationBanner> : null}
			<ErrorSummary errors={fields.summary(['reply', 'message'])} formError={fields.formError ?? withdrawError} />
			<p className="mb-4">
				<Link to="/account/applications">‹ All your applications</Link>
			</p>
			<span className="block text-lg text-muted">
				{d.providerName}, {d.town}
			</span>
			<h1 className="mb-2 text-3xl">{d.title}</h1>
			<p className="mb-6">
				<StageTag stage={d.stage} /> <span className="ml-2 text-muted">Sent {d.sent}</span>
			</p>

			{d.feedback ? (
				<section aria-labelledby="feedback-heading" className="mb-8 border-l-8 border-line p-4">
					<h2 id="feedback-heading" className="mb-2 text-2xl">
						Feedback from {d.providerName}
					</h2>
					<p className="whitespace-pre-line">{d.feedback}</p>
				</section>
			) : null}
			{d.interview ? (
				<section
					aria-labelledby="interview-heading"
					className="mb-8 border-l-8 border-highlight bg-highlight-light p-4"
				>
					<h2 id="interview-heading" className="mb-3 text-2xl">
						Your interview
					</h2>
					<SummaryList
						className="mb-4"
						rows={[
							{ key: 'When', value: d.interview.when },
							{ key: 'How long', value: `${d.interview.durationMinutes} minutes` },
							{ key: 'Where', value: d.interview.location },
							d.interview.videoUrl
								? {
										key: 'Video call',
										value: (
											<a href={d.interview.videoUrl} rel="noopener noreferrer">
												Join the video call
											</a>
										),
									}
								: null,
						]}
					/>
					{d.interview.details ? <p className="mb-4">{d.interview.details}</p> : null}
					{d.interview.response === 'pending' ? (
						<Form method="post" noValidate>
							<Radios
								fields={fields}
								name="reply"
								legend="Can you make it?"
								options={[
									{ id: 'accept', label: 'Yes, I will be there' },
									{ id: 'reschedule', label: 'No, I need another time' },
								]}
							/>
							<TextArea
								fields={fields}
								name="message"
								label="Message to the employer (needed if you ask for another time)"
								hint="For example, which days and times suit you."
								rows={3}
								maxLength={500}
							/>
							<button type="submit" className="btn">
								Send reply
							</button>
						</Form>
					) : (
						<p>
							<strong>
								{d.interview.response === 'accepted' ? 'You accepted this interview.' : 'You asked for another time.'}
							</strong>
							{d.interview.responseMessage ? ` Your message: “${d.interview.responseMessage}”` : ''}
						</p>
					)}
				</section>
			) : null}

			{d.checks.length ? (
				<section aria-labelledby="checks-heading" className="mb-8">
					<h2 id="checks-heading" className="mb-3 text-2xl">
						Your pre-employment checks
					</h2>
					<table className="w-full border-collapse text-left">
						<thead>
							<tr className="border-b-2 border-ink">
								<th scope="col" className="py-2 pr-4">
									Check
								</th>
								<th scope="col" className="py-2 pr-4">
									Status
								</th>
								<th scope="col" className="py-2">
									Who acts next
								</th>
							</tr>
						</thead>
						<tbody>
							{d.checks.map((c) => (
								<tr key={c.kind} className="border-b border-line">
									<td className="py-2 pr-4">{c.kind}</td>
									<td className="py-2 pr-4">{c.status}</td>
									<td className="py-2">{c.cleared ? '–' : c.nextActor}</td>
								</tr>
							))}
						</tbody>
					</table>
				</section>
			) : null}

			<section aria-labelledby="history-heading" className="mb-8">
				<h2 id="history-heading" className="mb-3 text-2xl">
					History
				</h2>
				<StageHistory events={d.events} />
			</section>

			<section aria-labelledby="sent-heading" className="mb-8">
				<h2 id="sent-heading" className="mb-3 text-2xl">
					What you sent
				</h2>
				{d.answers.map((a) => (
					<div key={a.question} className="mb-3">
						<p className="font-bold">{a.question}</p>
						<p>{a.answer === 'yes' ? 'Yes' : a.answer === 'no' ? 'No' : a.answer}</p>
					</div>
				))}
				{d.statement ? (
					<p className="mb-3 whitespace-pre-line">{d.statement}</p>
				) : (
					<p className="mb-3 text-muted">No supporting statement.</p>
				)}
				{d.cv ? (
					<p>
						CV: <a href={`/files/${d.cv.id}`}>{d.cv.name}</a>
					</p>
				) : null}
				<p className="mt-3">
					<Link to={`/jobs/${d.vacancyId}`}>See the job advert</Link>
				</p>
			</section>

			{d.canWithdraw ? (
				<section aria-labelledby="withdraw-heading">
					<h2 id="withdraw-heading" className="mb-2 text-2xl">
						Withdraw your application
					</h2>
					{d.confirmWithdraw ? (
						<div className="flex flex-wrap items-center gap-4">
							<Form method="post">
								<button type="submit" name="intent" value="withdraw" className="btn btn-warning">
									Yes, withdraw my application
								</button>
							</Form>
							<Link to={`/account/applications/${d.id}`}>No, keep it</Link>
						</div>
					) : (
						<p>
							If you no longer want this job, <Link to="?withdraw=confirm">withdraw your application</Link>. The
							employer will be told.
						</p>
					)}
				</section>
			) : null}
		</div>
	)
}
