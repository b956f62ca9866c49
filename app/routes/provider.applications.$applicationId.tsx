import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import {
	Checkboxes,
	DateInput,
	ErrorSummary,
	Radios,
	SelectField,
	TextArea,
	TextField,
	useFormFields,
	useFormReply,
	yesNoOptions,
} from '#app/components/forms.tsx'
import { ImportantBanner, NotificationBanner } from '#app/components/notification-banner.tsx'
import { StageHistory, StageTag } from '#app/components/stage-tag.tsx'
import { SummaryList } from '#app/components/summary-list.tsx'
import { getProviderApplication } from '#app/models/applications/applications.server.ts'
import { formatInterviewTime } from '#app/models/applications/interview-time.ts'
import {
	addNote,
	applicationSituation,
	CheckUpdateSchema,
	InterviewSchema,
	makeConditionalOffer,
	markHired,
	markReviewing,
	markUnsuccessful,
	nextStages,
	NoteSchema,
	scheduleInterview,
	UnsuccessfulSchema,
	updateCheck,
} from '#app/models/applications/pipeline.server.ts'
import {
	availabilityOptions,
	candidateQualifications,
	checkActors,
	checkKinds,
	checkStatuses,
	experienceOptions,
	hoursWantedOptions,
	rightToWorkOptions,
	unsuccessfulReasons,
} from '#app/models/applications/vocabulary.ts'
import { careRoles, roleName } from '#app/models/jobs/care-roles.server.ts'
import { settings } from '#app/models/jobs/vocabulary.ts'
import { requireProviderMember } from '#app/models/organisations/providers.server.ts'
import { relatedRoles } from '#app/models/redirect/matching.server.ts'
import { redirectOutcomeText } from '#app/models/redirect/redirects.server.ts'
import { formatDateTime, londonDateParts } from '#app/utils/dates.ts'
import { replyError, replyInvalid, replyToDomainError } from '#app/utils/form-reply.ts'
import { labelOf } from '#app/utils/options.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'

async function load(request: Request, applicationId: string | undefined) {
	const member = await requireProviderMember(request)
	// Fetched by id and provider together: another provider's applicant is a 404.
	const application = await getProviderApplication(applicationId ?? '', member.provider.id)
	invariantResponse(application)
	return { member, application }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { application: a } = await load(request, params.applicationId)
	const profile = a.candidate?.candidate
	const interview = a.interviews[0]
	const labels = (list: readonly { id: string; label: string }[], values: unknown) =>
		((values as string[]) ?? []).map((v) => labelOf(list, v)).join(', ') || 'None given'
	const interviewParts = interview ? londonDateParts(interview.startsAt) : null
	return {
		id: a.id,
		stage: a.stage,
		next: nextStages(a.stage),
		vacancy: { id: a.vacancy.id, title: a.vacancy.title },
		sent: formatDateTime(a.submittedAt!),
		candidate: profile
			? {
					name: `${profile.firstName} ${profile.lastName}`,
					email: a.candidate!.email,
					phone: profile.phone,
					area: `${profile.outcode} area`,
					rightToWork: labelOf(rightToWorkOptions, profile.rightToWork),
					driving: `${profile.drivingLicence ? 'Has a driving licence' : 'No driving licence'}; ${profile.hasCar ? 'has a car' : 'no car'}`,
					availability: labels(
						availabilityOptions,
						[
							profile.availableDays && 'days',
							profile.availableNights && 'nights',
							profile.availableWeekends && 'weekends',
						].filter(Boolean),
					),
					hoursWanted: labelOf(hoursWantedOptions, profile.hoursWanted),
					roles: ((profile.roles as string[]) ?? []).map(roleName).join(', ') || 'None given',
					experience: labelOf(experienceOptions, profile.experienceYears),
					settings: labels(settings, profile.experienceSettings),
					qualifications: labels(candidateQualifications, profile.qualifications),
				}
			: null,
		statement: a.supportingStatement,
		cv: a.cv ? { id: a.cv.id, name: a.cv.originalName, sizeKb: Math.ceil(a.cv.size / 1024) } : null,
		answers: a.answers.map((x) => ({ question: x.question.text, answer: x.answer })),
		events: a.events.map((e) => ({
			id: e.id,
			stage: e.stage,
			actor: e.actor,
			detail: e.detail,
			at: formatDateTime(e.at),
		})),
		notes: a.notes.map((n) => ({ id: n.id, author: n.authorName, body: n.body, at: formatDateTime(n.createdAt) })),
		interview: interview
			? {
					when: formatInterviewTime(interview.startsAt),
					durationMinutes: interview.durationMinutes,
					location: interview.location,
					videoUrl: interview.videoUrl,
					response: interview.response,
					responseMessage: interview.responseMessage,
				}
			: null,
		interviewDefaults: interview
			? {
					interviewDay: String(interviewParts!.day),
					interviewMonth: String(interviewParts!.month),
					interviewYear: String(interviewParts!.year),
					time: new Date(interview.startsAt).toLocaleTimeString('en-GB', {
						hour: '2-digit',
						minute: '2-digit',
						timeZone: 'Europe/London',
					}),
					durationMinutes: String(interview.durationMinutes),
					location: interview.location ?? '',
					videoUrl: interview.videoUrl ?? '',
					details: interview.details,
				}
			: { durationMinutes: '30' },
		checks: a.checks.map((c) => ({
			kind: c.kind,
			label: labelOf(checkKinds, c.kind),
			status: c.status,
			nextActor: c.nextActor,
			note: c.note,
		})),
		outstandingChecks: a.checks.filter((c) => c.status !== 'cleared').length,
		unsuccessfulReason: a.unsuccessfulReason ? labelOf(unsuccessfulReasons, a.unsuccessfulReason) : null,
		confirm: ['offer', 'hired'].includes(new URL(request.url).searchParams.get('confirm') ?? '')
			? new URL(request.url).searchParams.get('confirm')
			: null,
		...(await applicationSituation(a)),
		vacancyStatus: a.vacancy.status,
		roles: careRoles.map((r) => ({ id: r.id, label: r.name })),
		unsuccessfulDefaults: { suitableRoles: [a.vacancy.roleId, ...relatedRoles(a.vacancy.roleId)] },
		redirected: a.redirect ? redirectOutcomeText(a.redirect) : null,
	}
}

const IntentSchema = z.enum(['reviewing', 'interview', 'offer', 'check', 'hired', 'unsuccessful', 'note'])

type Submission = Parameters<typeof replyToDomainError>[2]

export async function action({ request, params }: ActionFunctionArgs) {
	const { member, application } = await load(request, params.applicationId)
	const formData = await request.formData()
	const intent = IntentSchema.safeParse(formData.get('intent'))
	if (!intent.success) return replyError('intent', 'Choose what to do', { status: 400 })
	const id = application.id
	const providerId = member.provider.id
	const done = (what: string) => redirect(`/provider/applications/${id}?done=${what}`)
	// Each check has its own form on the page; the others are one form each, named by what they do.
	const form = intent.data === 'check' ? `check:${String(formData.get('kind') ?? '')}` : intent.data
	let submission: Submission
	try {
		switch (intent.data) {
			case 'reviewing':
				await markReviewing(id, providerId)
				return done('reviewing')
			case 'offer':
				await makeConditionalOffer(id, providerId)
				return done('offer')
			case 'hired': {
				const { vacancyClosed } = await markHired(id, providerId)
				return done(vacancyClosed ? 'hired-closed' : 'hired')
			}
			case 'interview': {
				const parsed = parseWithZod(formData, { schema: InterviewSchema })
				if (parsed.status !== 'success') return replyInvalid(form, parsed)
				submission = parsed
				await scheduleInterview(id, providerId, parsed.value)
				return done(application.stage === 'interview' ? 'interview-moved' : 'interview')
			}
			case 'unsuccessful': {
				const parsed = parseWithZod(formData, { schema: UnsuccessfulSchema })
				if (parsed.status !== 'success') return replyInvalid(form, parsed)
				submission = parsed
				const { redirected } = await markUnsuccessful(id, providerId, parsed.value)
				return done(redirected ? 'unsuccessful-redirected' : 'unsuccessful')
			}
			case 'check': {
				const parsed = parseWithZod(formData, { schema: CheckUpdateSchema })
				if (parsed.status !== 'success') return replyInvalid(form, parsed)
				submission = parsed
				await updateCheck(id, providerId, parsed.value)
				return redirect(`/provider/applications/${id}?done=check#check-${parsed.value.kind}`)
			}
			case 'note': {
				const parsed = parseWithZod(formData, { schema: NoteSchema })
				if (parsed.status !== 'success') return replyInvalid(form, parsed)
				submission = parsed
				await addNote(id, providerId, member.userId, parsed.value.body)
				return done('note')
			}
		}
	} catch (error) {
		return replyToDomainError(error, form, submission)
	}
}

export const handle: PageHandle = {
	title: (d: { candidate: { name: string } | null; vacancy: { title: string } }) =>
		`${d.candidate?.name ?? 'Withdrawn candidate'}: ${d.vacancy.title}`,
}

const notices: Record<string, string> = {
	reviewing: 'Marked as reviewing. The candidate has been told.',
	interview: 'Interview invitation sent, with a calendar file.',
	'interview-moved': 'The new time has been sent, with an updated calendar file.',
	offer: 'Conditional offer made. The candidate has been sent the list of checks.',
	check: 'Check updated.',
	hired: 'Marked as hired. The candidate has been told.',
	'hired-closed': 'Marked as hired. That fills the last position, so the vacancy is now closed.',
	unsuccessful: 'Marked as unsuccessful. We have emailed the candidate to let them know.',
	'unsuccessful-redirected':
		'Marked as unsuccessful. We have emailed the candidate to let them know. They asked to be sent jobs with other employers, so we will look for jobs near them in the roles you chose and email them any we find. This page will show what we found.',
	note: 'Note added.',
}

export default function ProviderApplicationRoute() {
	const d = useLoaderData<typeof loader>()
	const reply = useActionData<typeof action>()
	const [params] = useSearchParams()
	const interviewResult = useFormReply('interview')
	const unsuccessfulResult = useFormReply('unsuccessful')
	const interviewFields = useFormFields('interview', interviewResult, d.interviewDefaults)
	const unsuccessfulFields = useFormFields('unsuccessful', unsuccessfulResult, d.unsuccessfulDefaults)
	const noteFields = useFormFields('note', useFormReply('note'))
	// The check whose form was sent back, for the error summary (its row shows the same errors by its fields).
	const checkKind = reply?.form.startsWith('check:') ? reply.form.slice('check:'.length) : null
	const checkFields = useFormFields(`check-${checkKind}`, checkKind ? reply?.result : undefined)
	// A message about a step as a whole (from whichever form on the page was sent) heads the one error summary.
	const generalError = reply?.result.error?.['']?.[0]
	const notice = params.get('done') && !reply ? notices[params.get('done')!] : null
	const can = (stage: string) => (d.next as string[]).includes(stage)

	return (
		<div>
			{notice ? (
				<NotificationBanner>
					{notice}
					{params.get('done') === 'hired-closed' && d.stillOpen ? (
						<p className="mt-2">
							{d.stillOpen} other {d.stillOpen === 1 ? 'applicant is' : 'applicants are'} still waiting to hear.{' '}
							<Link to={`/provider/applications?vacancy=${d.vacancy.id}`}>Let them know</Link>: mark them unsuccessful
							with “The position has been filled”, or say if they would suit other roles.
						</p>
					) : null}
				</NotificationBanner>
			) : null}
			<ErrorSummary
				formError={generalError}
				errors={[
					...interviewFields.summary([
						['interviewDay', 'interviewDay'],
						['interviewMonth', 'interviewDay'],
						['interviewYear', 'interviewDay'],
						'time',
						'durationMinutes',
						'location',
						'videoUrl',
						'details',
					]),
					...unsuccessfulFields.summary(['reason', 'feedback', 'suitable', 'suitableRoles']),
					...noteFields.summary(['body']),
					...(checkKind ? checkFields.summary(['status', 'nextActor', 'note']) : []),
				]}
			/>
			<p className="mb-4">
				<Link to={`/provider/applications?vacancy=${d.vacancy.id}`}>‹ All applicants for this vacancy</Link>
			</p>
			<span className="block text-lg text-muted">
				<Link to={`/provider/vacancies/${d.vacancy.id}`}>{d.vacancy.title}</Link>
			</span>
			<h1 className="mb-2 text-3xl">{d.candidate?.name ?? 'Withdrawn candidate'}</h1>
			<p className="mb-6">
				<StageTag stage={d.stage} /> <span className="ml-2 text-muted">Applied {d.sent}</span>
				{d.unsuccessfulReason ? <span className="text-muted"> · {d.unsuccessfulReason}</span> : null}
				{d.redirected ? <span className="text-muted"> · {d.redirected}</span> : null}
			</p>

			<div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
				<div>
					{d.next.length ? (
						<section aria-labelledby="next-heading" className="mb-8 border-t-4 border-brand bg-surface p-4">
							<h2 id="next-heading" className="mb-4 text-2xl">
								Next step
							</h2>
							{d.confirm ? (
								<ImportantBanner tone="plain" className="mb-4">
									<p className="mb-3 font-bold">
										{d.confirm === 'offer'
											? `Make ${d.candidate?.name ?? 'this candidate'} a conditional offer? They will be emailed the offer and the checks.`
											: `Mark ${d.candidate?.name ?? 'this candidate'} as hired? They will be emailed${d.lastPosition ? ', and this fills the last position, so the vacancy will close' : ''}.`}
									</p>
									<div className="flex flex-wrap items-center gap-4">
										<Form method="post">
											<button
												type="submit"
												name="intent"
												value={d.confirm === 'offer' ? 'offer' : 'hired'}
												className="btn"
											>
												{d.confirm === 'offer' ? 'Yes, make the offer' : 'Yes, mark as hired'}
											</button>
										</Form>
										<Link to={`/provider/applications/${d.id}`}>Cancel</Link>
									</div>
								</ImportantBanner>
							) : null}
							<div className="mb-4 flex flex-wrap gap-3">
								{can('reviewing') ? (
									<Form method="post">
										<button type="submit" name="intent" value="reviewing" className="btn">
											Start reviewing
										</button>
									</Form>
								) : null}
								{can('conditional-offer') && d.confirm !== 'offer' ? (
									<Link to="?confirm=offer" className="btn btn-secondary">
										Make a conditional offer
									</Link>
								) : null}
								{can('hired') ? (
									d.outstandingChecks ? (
										<p className="self-center">
											Mark as hired once all checks are cleared ({d.outstandingChecks} to go).
										</p>
									) : d.confirm !== 'hired' ? (
										<Link to="?confirm=hired" className="btn">
											Mark as hired
										</Link>
									) : null
								) : null}
							</div>

							{can('interview') ? (
								<details className="mb-4" open={interviewResult ? true : undefined}>
									<summary className="cursor-pointer font-bold text-brand underline">
										{d.stage === 'interview' ? 'Change the interview time' : 'Invite to an interview'}
									</summary>
									<Form method="post" noValidate className="mt-4 bg-white p-4">
										<DateInput
											fields={interviewFields}
											prefix="interview"
											legend="Date"
											hint="For example, 27 3 2027."
										/>
										<TextField
											fields={interviewFields}
											name="time"
											label="Time"
											hint="Like 2:30pm or 14:30. UK time."
											width="w-28"
											inputMode="numeric"
										/>
										<TextField
											fields={interviewFields}
											name="durationMinutes"
											label="How long, in minutes"
											width="w-24"
											inputMode="numeric"
										/>
										<TextField
											fields={interviewFields}
											name="location"
											label="Where (address or room)"
											hint="Leave blank for a video interview."
										/>
										<TextField
											fields={interviewFields}
											name="videoUrl"
											label="Video call link (optional)"
											type="url"
											spellCheck={false}
										/>
										<TextArea
											fields={interviewFields}
											name="details"
											label="Anything they should know (optional)"
											hint="Who they will meet, what to bring, parking."
											rows={3}
										/>
										<button type="submit" name="intent" value="interview" className="btn">
											{d.stage === 'interview' ? 'Send the new time' : 'Send the invitation'}
										</button>
									</Form>
								</details>
							) : null}

							{can('unsuccessful') ? (
								<details open={unsuccessfulResult ? true : undefined}>
									<summary className="cursor-pointer font-bold text-brand underline">Mark as unsuccessful</summary>
									<Form method="post" noValidate className="mt-4 bg-white p-4">
										<Radios
											fields={unsuccessfulFields}
											name="reason"
											legend="Why?"
											hint="The candidate gets a kind email written for this reason."
											options={unsuccessfulReasons}
										/>
										<TextArea
											fields={unsuccessfulFields}
											name="feedback"
											label="Feedback for the candidate (optional)"
											hint="One or two helpful sentences. They will see this. Needed if you chose “another reason”."
											rows={3}
										/>
										<Radios
											fields={unsuccessfulFields}
											name="suitable"
											legend="Suitable for other roles?"
											hint={
												d.canRedirect
													? 'They asked to be sent jobs with other employers if they are turned down. If you say yes, we will look for jobs near them in the roles you choose and email them any we find. No other employer sees their details unless they apply.'
													: 'They have not asked to be sent jobs with other employers, so nothing is sent whatever you answer.'
											}
											inline
											options={yesNoOptions}
										/>
										<Checkboxes
											fields={unsuccessfulFields}
											name="suitableRoles"
											legend="Which roles could they do? (if yes)"
											hint="We have ticked this role and the ones next to it in the care pathways."
											options={d.roles}
										/>
										<button type="submit" name="intent" value="unsuccessful" className="btn btn-warning">
											Mark as unsuccessful
										</button>
									</Form>
								</details>
							) : null}
						</section>
					) : null}

					{d.interview && d.stage === 'interview' ? (
						<section aria-labelledby="interview-heading" className="mb-8">
							<h2 id="interview-heading" className="mb-2 text-2xl">
								Interview
							</h2>
							<p className="mb-1">
								{d.interview.when}, {d.interview.durationMinutes} minutes
								{d.interview.location ? `, ${d.interview.location}` : ''}
								{d.interview.videoUrl ? ', by video' : ''}.
							</p>
							<p>
								<strong>
									{d.interview.response === 'accepted'
										? 'The candidate accepted.'
										: d.interview.response === 'reschedule-requested'
											? 'The candidate asked for another time.'
											: 'Waiting for the candidate to reply.'}
								</strong>
								{d.interview.responseMessage ? ` “${d.interview.responseMessage}”` : ''}
							</p>
						</section>
					) : null}

					{d.checks.length ? (
						<section aria-labelledby="checks-heading" className="mb-8">
							<h2 id="checks-heading" className="mb-3 text-2xl">
								Pre-employment checks
							</h2>
							{d.checks.map((c) => (
								<CheckRow key={c.kind} check={c} editable={d.stage === 'conditional-offer'} />
							))}
						</section>
					) : null}

					<section aria-labelledby="candidate-heading" className="mb-8">
						<h2 id="candidate-heading" className="mb-3 text-2xl">
							The candidate
						</h2>
						{d.candidate ? (
							<SummaryList
								className="mb-0"
								rows={[
									{
										key: 'Email',
										value: <a href={`mailto:${d.candidate.email}`}>{d.candidate.email}</a>,
									},
									{ key: 'Phone', value: <a href={`tel:${d.candidate.phone}`}>{d.candidate.phone}</a> },
									{ key: 'Lives in', value: d.candidate.area },
									{ key: 'Right to work', value: d.candidate.rightToWork },
									{ key: 'Driving', value: d.candidate.driving },
									{ key: 'Can work', value: d.candidate.availability },
									{ key: 'Hours wanted', value: d.candidate.hoursWanted },
									{ key: 'Interested in', value: d.candidate.roles },
									{ key: 'Care experience', value: d.candidate.experience },
									{ key: 'Worked in', value: d.candidate.settings },
									{ key: 'Qualifications', value: d.candidate.qualifications },
								]}
							/>
						) : (
							<p>This candidate deleted their account. Their details have been removed.</p>
						)}
						{d.answers.length ? (
							<>
								<h3 className="mb-2 mt-6 text-xl">Answers to your questions</h3>
								{d.answers.map((a) => (
									<div key={a.question} className="mb-3">
										<p className="font-bold">{a.question}</p>
										<p>{a.answer === 'yes' ? 'Yes' : a.answer === 'no' ? 'No' : a.answer}</p>
									</div>
								))}
							</>
						) : null}
						<h3 className="mb-2 mt-6 text-xl">Supporting statement</h3>
						{d.statement ? (
							<p className="whitespace-pre-line">{d.statement}</p>
						) : (
							<p className="text-muted">None given.</p>
						)}
						{d.cv ? (
							<p className="mt-4">
								<a href={`/files/${d.cv.id}`}>
									Download CV<span className="sr-only"> of {d.candidate?.name}</span> ({d.cv.name}, {d.cv.sizeKb} KB)
								</a>
							</p>
						) : null}
					</section>
				</div>

				<div>
					<section aria-labelledby="notes-heading" className="mb-8">
						<h2 id="notes-heading" className="mb-1 text-2xl">
							Notes
						</h2>
						<p className="mb-3 text-muted">Only your team can see these.</p>
						<Form method="post" noValidate className="mb-4" key={d.notes.length}>
							<TextArea fields={noteFields} name="body" label="Add a note" rows={3} maxLength={2000} />
							<button type="submit" name="intent" value="note" className="btn btn-secondary">
								Add note
							</button>
						</Form>
						{d.notes.map((n) => (
							<div key={n.id} className="mb-3 border-l-4 border-line pl-3">
								<p className="whitespace-pre-line">{n.body}</p>
								<p className="text-sm text-muted">
									{n.author}, {n.at}
								</p>
							</div>
						))}
					</section>
					<section aria-labelledby="history-heading">
						<h2 id="history-heading" className="mb-3 text-2xl">
							History
						</h2>
						<StageHistory events={d.events} />
					</section>
				</div>
			</div>
		</div>
	)
}

function CheckRow({
	check,
	editable,
}: {
	check: { kind: string; label: string; status: string; nextActor: string; note: string }
	editable: boolean
}) {
	const fields = useFormFields(`check-${check.kind}`, useFormReply(`check:${check.kind}`), check)
	if (!editable) {
		return (
			<p className="mb-2">
				<strong>{check.label}:</strong> {labelOf(checkStatuses, check.status)}
			</p>
		)
	}
	return (
		<Form
			method="post"
			noValidate
			preventScrollReset
			className="mb-4 border-b border-line pb-4"
			id={`check-${check.kind}`}
		>
			<input type="hidden" name="kind" value={check.kind} />
			<h3 className="mb-2 text-lg">
				{check.label}
				{check.status === 'problem' ? <strong className="tag tag-red ml-2">Problem</strong> : null}
				{check.status === 'cleared' ? <strong className="tag tag-green ml-2">Cleared</strong> : null}
			</h3>
			<div className="grid gap-x-4 sm:grid-cols-2">
				<SelectField
					fields={fields}
					name="status"
					label="Status"
					options={checkStatuses}
					placeholder="Choose a status"
				/>
				<SelectField
					fields={fields}
					name="nextActor"
					label="Who acts next"
					options={checkActors}
					placeholder="Choose who"
				/>
			</div>
			<TextField fields={fields} name="note" label={`Note (optional)`} />
			<button type="submit" name="intent" value="check" className="btn btn-secondary">
				Save<span className="sr-only"> {check.label}</span>
			</button>
		</Form>
	)
}
