import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import {
	Form,
	isRouteErrorResponse,
	Link,
	useActionData,
	useLoaderData,
	useRouteError,
	useSearchParams,
} from '@remix-run/react'
import { DateInput, ErrorSummary, TextField, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { SummaryList } from '#app/components/summary-list.tsx'
import { VisitMessages } from '#app/components/visit-messages.tsx'
import { requireAmbassador } from '#app/models/careers/ambassadors.server.ts'
import { messageThread, MessageSchema, postMessage } from '#app/models/careers/visits/messages.server.ts'
import {
	acceptVisit,
	declineVisit,
	getAmbassadorVisit,
	pastOffer,
	recordVisit,
	VisitRecordSchema,
} from '#app/models/careers/visits/offers.server.ts'
import { ambassadorStatusLabels, describeVisit } from '#app/models/careers/visits/vocabulary.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { formatDate, londonDateParts } from '#app/utils/dates.ts'
import { replyError, replyInvalid, replyToDomainError } from '#app/utils/form-reply.ts'
import { formatMiles } from '#app/utils/geo.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'

// An ambassador sees a request only while it is offered to them, or once they
// have accepted it; never the school's contact details.
async function load(request: Request, requestId: string | undefined) {
	const ambassador = await requireAmbassador(await requireUserId(request))
	const visit = await getAmbassadorVisit(requestId ?? '', ambassador.id)
	invariantResponse(visit)
	return { ambassador, visit }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const ambassador = await requireAmbassador(await requireUserId(request))
	const found = await getAmbassadorVisit(params.requestId ?? '', ambassador.id)
	if (!found) {
		// A link from an offer email followed after the offer moved on: say why, rather than "not found".
		const past = await pastOffer(params.requestId ?? '', ambassador.id)
		invariantResponse(past)
		throw data({ gone: past }, { status: 410 })
	}
	const visit = found
	const mine = visit.ambassadorId === ambassador.id
	const offer = visit.offers[0]
	const today = londonDateParts(new Date())
	return {
		visit: {
			...describeVisit(visit),
			id: visit.id,
			organisation: visit.organisation,
			town: visit.town,
			outcode: visit.outcode,
			// Who to ask for and where to go, once the visit is theirs.
			arrangements: mine ? { contactName: visit.contactName, postcode: visit.postcode } : null,
			preferredDates: visit.preferredDates,
			audience: visit.audience,
			numberOfPeople: visit.numberOfPeople,
			status: visit.status,
			statusLabel: mine ? (ambassadorStatusLabels[visit.status] ?? visit.status) : 'Waiting for your answer',
			distance: offer ? `${formatMiles(offer.distanceMiles)} away` : null,
			visitedOn: visit.visitedOn ? formatDate(visit.visitedOn) : null,
			peopleReached: visit.peopleReached,
		},
		mine,
		awaitingAnswer: !mine && offer?.status === 'offered' && visit.status === 'open',
		messages: mine
			? messageThread(visit.messages, 'ambassador', { school: visit.organisation, ambassador: ambassador.firstName })
			: [],
		recordDefaults: visit.visitedOn
			? {
					...Object.fromEntries(
						Object.entries(londonDateParts(visit.visitedOn)).map(([k, v]) => [
							`visited${k[0].toUpperCase()}${k.slice(1)}`,
							v,
						]),
					),
					peopleReached: visit.peopleReached,
				}
			: { visitedDay: '', visitedMonth: '', visitedYear: String(today.year) },
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { ambassador, visit } = await load(request, params.requestId)
	const formData = await request.formData()
	const intent = formData.get('intent')
	// Accepting and declining are one form (the answer); messages and the record are a form each.
	const form = intent === 'message' || intent === 'record' ? intent : 'answer'
	let submission: Parameters<typeof replyToDomainError>[2]
	try {
		if (intent === 'accept') {
			await acceptVisit(visit.id, ambassador.id)
			return redirect(`/ambassador/visits/${visit.id}?accepted=1`)
		}
		if (intent === 'decline') {
			await declineVisit(visit.id, ambassador.id)
			return redirect('/ambassador?declined=1')
		}
		if (visit.ambassadorId !== ambassador.id) return replyError(form, 'This visit is not yours to change')
		if (intent !== 'message' && intent !== 'record') return replyError(form, 'Choose what to do', { status: 400 })
		if (intent === 'message') {
			const parsed = parseWithZod(formData, { schema: MessageSchema })
			if (parsed.status !== 'success') return replyInvalid(form, parsed)
			if (visit.status === 'cancelled') return replyError(form, 'The school cancelled this request')
			submission = parsed
			await postMessage(visit.id, 'ambassador', parsed.value.body)
			return redirect(`/ambassador/visits/${visit.id}?messaged=1#messages-heading`)
		}
		const parsed = parseWithZod(formData, { schema: VisitRecordSchema })
		if (parsed.status !== 'success') return replyInvalid(form, parsed)
		submission = parsed
		await recordVisit(visit.id, ambassador.id, parsed.value.visitedOn, parsed.value.peopleReached)
		return redirect(`/ambassador/visits/${visit.id}?recorded=1`)
	} catch (error) {
		return replyToDomainError(error, form, submission)
	}
}

export const handle: PageHandle = {
	title: (d: { visit: { organisation: string } }) => `Visit: ${d.visit.organisation}`,
}

const banners: Record<string, string> = {
	accepted: 'You have accepted the visit. We have told the school: use the messages to agree the details.',
	messaged: 'Your message has been sent.',
	recorded: 'Thank you: the visit has been recorded.',
}

export default function AmbassadorVisitRoute() {
	const d = useLoaderData<typeof loader>()
	const reply = useActionData<typeof action>()
	const [params] = useSearchParams()
	const messageFields = useFormFields('message', useFormReply('message'))
	const recordFields = useFormFields('record', useFormReply('record'), d.recordDefaults)
	// A message about the visit as a whole (from whichever form was sent) heads the page.
	const formError = reply?.result.error?.['']?.[0]
	const banner = Object.keys(banners).find((k) => params.get(k))
	const v = d.visit
	return (
		<div className="max-w-3xl">
			{banner && !reply ? <NotificationBanner>{banners[banner]}</NotificationBanner> : null}
			<ErrorSummary errors={[]} formError={formError} />
			<p className="mb-2">
				<Link to="/ambassador">Back to your visits</Link>
			</p>
			<span className="mb-2 block text-lg text-muted">Visit request</span>
			<h1 className="mb-2 text-3xl">{v.organisation}</h1>
			<p className="mb-6">
				<strong className="tag bg-brand-light text-brand-dark">{v.statusLabel}</strong>
			</p>
			<SummaryList
				rows={[
					{
						key: 'Where',
						value: `${v.organisationTypeLabel} in ${v.town} (${v.outcode})${v.distance ? `, ${v.distance}` : ''}`,
					},
					v.arrangements && { key: 'Ask for', value: v.arrangements.contactName },
					v.arrangements && { key: 'Postcode', value: v.arrangements.postcode },
					{
						key: 'Dates that suit them',
						value: <span className="whitespace-pre-line">{v.preferredDates}</span>,
					},
					{ key: 'Who it is for', value: <span className="whitespace-pre-line">{v.audience}</span> },
					{ key: 'Age group', value: v.ageGroupLabel },
					{ key: 'Number of people', value: v.numberOfPeople },
					{ key: 'Topics', value: v.topicLabels.join(', ') },
				]}
			/>

			{d.awaitingAnswer ? (
				<section aria-labelledby="answer-heading" className="mb-8">
					<h2 id="answer-heading" className="mb-2 text-2xl">
						Can you do this visit?
					</h2>
					<p className="mb-4">
						If you accept, we tell the school and you agree the details through messages here. If you decline, we ask
						the next nearest ambassador.
					</p>
					<div className="flex flex-wrap gap-4">
						<Form method="post">
							<input type="hidden" name="intent" value="accept" />
							<button type="submit" className="btn">
								Accept the visit
							</button>
						</Form>
						<Form method="post">
							<input type="hidden" name="intent" value="decline" />
							<button type="submit" className="btn btn-secondary">
								Decline
							</button>
						</Form>
					</div>
				</section>
			) : null}

			{d.mine ? (
				<>
					<VisitMessages
						messages={d.messages}
						fields={messageFields}
						canSend={v.status !== 'cancelled'}
						otherParty={v.organisation}
					/>
					{v.status === 'accepted' || v.status === 'fulfilled' ? (
						<section id="record" aria-labelledby="record-heading" className="mb-8">
							<h2 id="record-heading" className="mb-2 text-2xl">
								{v.status === 'fulfilled' ? 'The visit' : 'After the visit'}
							</h2>
							{v.status === 'fulfilled' ? (
								<p className="mb-4">
									Recorded: {v.visitedOn}, {v.peopleReached} {v.peopleReached === 1 ? 'person' : 'people'} reached. You
									can correct it below.
								</p>
							) : (
								<p className="mb-4">
									Tell us when you went and how many people you spoke to. It helps the regional team show what visits
									achieve.
								</p>
							)}
							<ErrorSummary
								errors={recordFields.summary(['visitedDay', 'visitedMonth', 'visitedYear', 'peopleReached'])}
							/>
							<Form method="post" noValidate>
								<input type="hidden" name="intent" value="record" />
								<DateInput
									fields={recordFields}
									prefix="visited"
									legend="Date of the visit"
									hint="For example, 27/11/2026"
								/>
								<TextField
									fields={recordFields}
									name="peopleReached"
									label="How many people did you speak to?"
									inputMode="numeric"
									width="max-w-24"
								/>
								<button type="submit" className="btn">
									{v.status === 'fulfilled' ? 'Update the record' : 'Record the visit'}
								</button>
							</Form>
						</section>
					) : null}
				</>
			) : null}
		</div>
	)
}

export function ErrorBoundary() {
	const error = useRouteError()
	if (isRouteErrorResponse(error) && error.status === 410) {
		const gone = (error.data as { gone: { organisation: string; reason: string } }).gone
		return (
			<div className="max-w-2xl">
				<h1 className="mb-4 text-3xl">This visit is no longer waiting for you</h1>
				<p className="mb-4">
					{gone.organisation}: {gone.reason}
				</p>
				<p>
					<Link to="/ambassador">See your visits</Link>
				</p>
			</div>
		)
	}
	throw error
}
