import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { ErrorSummary, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { ImportantBanner, NotificationBanner } from '#app/components/notification-banner.tsx'
import { SummaryList } from '#app/components/summary-list.tsx'
import { VisitMessages } from '#app/components/visit-messages.tsx'
import { messageThread, MessageSchema, postMessage } from '#app/models/careers/visits/messages.server.ts'
import { cancelVisitRequest, findRequestByToken } from '#app/models/careers/visits/requests.server.ts'
import { describeVisit } from '#app/models/careers/visits/vocabulary.ts'
import { roleName } from '#app/models/jobs/care-roles.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { replyError, replyInvalid, replyToDomainError, type FormReply } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'
import {
	clientAddressKey,
	consumeRateLimit,
	rateLimits,
	retryAfterText,
	tooManyRequests,
} from '#app/utils/rate-limit.server.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'

// The school's page for its request, reached only by the private link in its emails.
const privateHeaders = { 'Referrer-Policy': 'same-origin', 'Cache-Control': 'private, no-store' }

async function loadRequest(token: string | undefined) {
	const request = await findRequestByToken(token ?? '')
	invariantResponse(request)
	return request
}

export async function loader({ params }: LoaderFunctionArgs) {
	const r = await loadRequest(params.token)
	return data(
		{
			request: {
				organisation: r.organisation,
				town: r.town,
				postcode: r.postcode,
				preferredDates: r.preferredDates,
				audience: r.audience,
				numberOfPeople: r.numberOfPeople,
				status: r.status,
				sent: formatDate(r.createdAt),
				visitedOn: r.visitedOn ? formatDate(r.visitedOn) : null,
				peopleReached: r.peopleReached,
				...describeVisit(r),
			},
			ambassador: r.ambassador
				? { id: r.ambassador.id, firstName: r.ambassador.firstName, role: roleName(r.ambassador.roleId) }
				: null,
			messages: messageThread(r.messages, 'school', {
				school: r.organisation,
				ambassador: r.ambassador?.firstName ?? 'Ambassador',
			}),
		},
		{ headers: privateHeaders },
	)
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const visit = await loadRequest(params.token)
	const formData = await readFormData(request)
	const intent = formData.get('intent')
	if (intent === 'cancel') {
		try {
			await cancelVisitRequest(visit.id)
		} catch (error) {
			return replyToDomainError(error, 'cancel')
		}
		return redirect(`/visits/${params.token}?cancelled=1`)
	}
	const limit = await consumeRateLimit(rateLimits.visitMessage, clientAddressKey(context.clientIp))
	if (!limit.ok)
		return tooManyRequests(limit.retryAfterSeconds, {
			form: 'message',
			result: {
				status: 'error',
				error: { body: [`You have sent a lot of messages. Try again ${retryAfterText(limit.retryAfterSeconds)}.`] },
			},
		} satisfies FormReply)
	const submission = parseWithZod(formData, { schema: MessageSchema })
	if (submission.status !== 'success') return replyInvalid('message', submission)
	if (visit.status !== 'accepted' && visit.status !== 'fulfilled') {
		return replyError('message', 'You can send messages once an ambassador has accepted', { submission })
	}
	await postMessage(visit.id, 'school', submission.value.body)
	return redirect(`/visits/${params.token}?messaged=1#messages-heading`)
}

export const handle: PageHandle = {
	title: (d: { request: { organisation: string } }) => `Visit request: ${d.request.organisation}`,
}

export default function SchoolVisitRoute() {
	const d = useLoaderData<typeof loader>()
	const messageReply = useFormReply('message')
	const cancelReply = useFormReply('cancel')
	const [params] = useSearchParams()
	const fields = useFormFields('message', messageReply)
	const cancelError = useFormFields('cancel', cancelReply).formError
	const formError = fields.formError ?? cancelError
	const r = d.request
	const banner = params.get('sent')
		? 'Your request has been sent. We have emailed you a link to this page: keep it to follow your request.'
		: params.get('cancelled')
			? 'Your request has been cancelled.'
			: params.get('messaged')
				? 'Your message has been sent.'
				: null
	return (
		<div className="max-w-3xl">
			{banner && !messageReply && !cancelReply ? <NotificationBanner>{banner}</NotificationBanner> : null}
			<ErrorSummary errors={[]} formError={formError} />
			<span className="mb-2 block text-lg text-muted">Visit request</span>
			<h1 className="mb-2 text-3xl">{r.organisation}</h1>
			<p className="mb-6">
				<strong className="tag bg-brand-light text-brand-dark">{r.statusLabel}</strong>
			</p>
			{r.status === 'open' ? (
				<p className="mb-6">
					We have offered your request to the nearest ambassador who can travel to you. We will email you when someone
					accepts.
				</p>
			) : null}
			{r.status === 'unmatched' ? (
				<p className="mb-6">
					None of our ambassadors who travel to you can take this visit at the moment. The regional team has your
					request and will contact you about it.
				</p>
			) : null}
			{d.ambassador ? (
				<p className="mb-6">
					Your ambassador is <Link to={`/ambassadors/${d.ambassador.id}`}>{d.ambassador.firstName}</Link> (
					{d.ambassador.role}).
					{r.status === 'accepted'
						? ' Use the messages below to agree the date, time and anything they need to know.'
						: ''}
				</p>
			) : null}
			{r.status === 'fulfilled' ? (
				<p className="mb-6">
					Visit on {r.visitedOn}, reaching {r.peopleReached} {r.peopleReached === 1 ? 'person' : 'people'}. Thank you.
				</p>
			) : null}
			<h2 className="mb-2 text-2xl">Your request</h2>
			<SummaryList
				rows={[
					{ key: 'Sent', value: r.sent },
					{ key: 'Organisation', value: `${r.organisationTypeLabel}, ${r.town} ${r.postcode}` },
					{ key: 'Dates that suit you', value: <span className="whitespace-pre-line">{r.preferredDates}</span> },
					{ key: 'Who it is for', value: <span className="whitespace-pre-line">{r.audience}</span> },
					{ key: 'Age group', value: r.ageGroupLabel },
					{ key: 'Number of people', value: r.numberOfPeople },
					{ key: 'Topics', value: r.topicLabels.join(', ') },
				]}
			/>
			{d.ambassador ? (
				<VisitMessages
					messages={d.messages}
					fields={fields}
					canSend={r.status === 'accepted' || r.status === 'fulfilled'}
					otherParty={d.ambassador.firstName}
				/>
			) : null}
			{['open', 'accepted', 'unmatched'].includes(r.status) ? (
				params.get('cancel') ? (
					<ImportantBanner className="mb-0">
						<h2 className="mb-2 text-xl">Are you sure you want to cancel this request?</h2>
						<p className="mb-4">
							{d.ambassador && r.status === 'accepted'
								? `We will tell ${d.ambassador.firstName} the visit is off.`
								: 'We will stop asking ambassadors.'}
						</p>
						<Form method="post" className="flex flex-wrap items-center gap-4">
							<input type="hidden" name="intent" value="cancel" />
							<button type="submit" className="btn btn-warning">
								Yes, cancel the request
							</button>
							<Link to=".">No, keep it</Link>
						</Form>
					</ImportantBanner>
				) : (
					<p>
						<Link to="?cancel=1">Cancel this request</Link>
					</p>
				)
			) : null}
		</div>
	)
}
