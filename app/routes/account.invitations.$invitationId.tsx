import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { notifySearchOutbox } from '#app/background/search-outbox.server.ts'
import { ErrorSummary, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { answerFieldOrder, ScreeningQuestions } from '#app/components/screening-questions.tsx'
import { answersFrom, answersShape } from '#app/models/applications/applications.server.ts'
import { formatPay } from '#app/models/jobs/pay.ts'
import { isLiveVacancy } from '#app/models/jobs/vacancy-rules.server.ts'
import { isBlocked, unblockProvider } from '#app/models/redirect/consent.server.ts'
import {
	getCandidateInvitation,
	hasAppliedToProvider,
	respondToInvitation,
} from '#app/models/redirect/talent-pool.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { replyInvalid, replyToDomainError } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'

async function load(request: Request, invitationId: string | undefined) {
	const userId = await requireUserId(request)
	const invitation = await getCandidateInvitation(invitationId ?? '', userId)
	invariantResponse(invitation)
	return { userId, invitation }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { userId, invitation: i } = await load(request, params.invitationId)
	const open = isLiveVacancy(i.vacancy)
	const [appliedBefore, blocked] = await Promise.all([
		hasAppliedToProvider(userId, i.providerId),
		isBlocked(userId, i.providerId),
	])
	return {
		id: i.id,
		status: i.status,
		open,
		applicationId: i.applicationId,
		providerName: i.provider.name,
		appliedBefore,
		blocked,
		vacancy: {
			id: i.vacancy.id,
			title: i.vacancy.title,
			town: i.vacancy.town,
			pay: formatPay(i.vacancy),
			closing: formatDate(i.vacancy.closingDate),
		},
		questions: i.vacancy.screeningQuestions,
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { userId, invitation } = await load(request, params.invitationId)
	const formData = await readFormData(request)
	const intent = formData.get('intent')
	if (intent === 'unblock') {
		await unblockProvider(userId, invitation.providerId)
		notifySearchOutbox()
		return redirect(`/account/invitations/${invitation.id}?unblocked=1`)
	}
	if (intent === 'decline' || intent === 'block') {
		try {
			const { otherInvitationsClosed } = await respondToInvitation(invitation.id, userId, {
				accept: false,
				block: intent === 'block',
			})
			if (intent === 'block') notifySearchOutbox()
			return redirect(
				`/account/invitations/${invitation.id}${intent === 'block' ? `?blocked=1&closed=${otherInvitationsClosed}` : ''}`,
			)
		} catch (error) {
			return replyToDomainError(error, 'answer')
		}
	}
	const questions = invitation.vacancy.screeningQuestions
	const submission = parseWithZod(formData, { schema: z.object(answersShape(questions)) })
	if (submission.status !== 'success') return replyInvalid('invitation', submission)
	try {
		const { applicationId } = await respondToInvitation(invitation.id, userId, {
			accept: true,
			answers: answersFrom(submission.value, questions),
		})
		return redirect(`/account/applications/${applicationId}?sent=1`)
	} catch (error) {
		return replyToDomainError(error, 'invitation', submission)
	}
}

export const handle: PageHandle = { title: (d: { vacancy: { title: string } }) => `Invitation: ${d.vacancy.title}` }

export default function InvitationRoute() {
	const d = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	const fields = useFormFields('invitation', useFormReply('invitation'))
	const answerError = useFormFields('answer', useFormReply('answer')).formError
	const closed = Number(params.get('closed') ?? 0)
	// What the provider has, in words that are true whether or not they applied to them before.
	const whatTheyHave = d.appliedBefore
		? `Your profile in the talent pool does not show your name or contact details, so ${d.providerName} does not know it is yours. They do have the details you sent with your earlier application to them.`
		: `${d.providerName} has not seen your name or contact details.`
	return (
		<div className="max-w-2xl">
			{params.get('blocked') && d.blocked ? (
				<NotificationBanner>
					<h2 className="mb-2 text-xl">You have blocked {d.providerName}</h2>
					<p className="mb-2">
						They can no longer find you in the talent pool or invite you to apply, and we will not suggest their jobs to
						you.
						{closed > 0
							? ` We have also closed their ${closed} other ${closed === 1 ? 'invitation' : 'invitations'} to you.`
							: ''}
					</p>
					<Form method="post">
						<button type="submit" name="intent" value="unblock" className="cursor-pointer text-brand underline">
							Undo: unblock {d.providerName}
						</button>
					</Form>
				</NotificationBanner>
			) : params.get('unblocked') && !d.blocked ? (
				<NotificationBanner>
					You have unblocked {d.providerName}. They can find you in the talent pool and invite you again. Invitations
					that were closed stay closed.
				</NotificationBanner>
			) : null}
			<ErrorSummary
				errors={fields.summary(answerFieldOrder(d.questions))}
				formError={fields.formError ?? answerError}
			/>
			<span className="block text-lg text-muted">Invitation from {d.providerName}</span>
			<h1 className="mb-2 text-3xl">{d.vacancy.title}</h1>
			<p className="mb-4">
				{d.vacancy.town} · {d.vacancy.pay} · closes {d.vacancy.closing} ·{' '}
				<Link to={`/jobs/${d.vacancy.id}`}>read the job advert</Link>
			</p>
			{d.status === 'accepted' && d.applicationId ? (
				<p>
					You have applied for this job.{' '}
					<Link to={`/account/applications/${d.applicationId}`}>See your application</Link>
				</p>
			) : d.status === 'declined' ? (
				<>
					<p className="mb-4">You said no to this invitation. {whatTheyHave}</p>
					{d.blocked && !params.get('blocked') ? (
						<p>
							You have blocked {d.providerName}. You can unblock them in{' '}
							<Link to="/account/sharing">Sharing your details</Link>.
						</p>
					) : null}
				</>
			) : !d.open ? (
				<p>
					This job has closed. <Link to="/account/matches">See your other suggestions</Link>
				</p>
			) : (
				<>
					<p className="mb-6">
						{d.providerName} found your profile in the talent pool.{' '}
						{d.appliedBefore
							? `${whatTheyHave} If you apply, they will see this application with your details.`
							: 'They have not seen your name or contact details: they will if you apply.'}
					</p>
					<Form method="post" noValidate className="mb-8">
						<ScreeningQuestions questions={d.questions} fields={fields} rows={2} />
						<button type="submit" name="intent" value="apply" className="btn">
							Apply with my details
							<span className="sr-only">
								{' '}
								for {d.vacancy.title} at {d.providerName}
							</span>
						</button>
					</Form>
					<h2 className="mb-2 text-xl">Not for you?</h2>
					<div className="flex flex-wrap gap-4">
						<Form method="post">
							<button type="submit" name="intent" value="decline" className="btn btn-secondary">
								No thanks
							</button>
						</Form>
						<Form method="post">
							<button
								type="submit"
								name="intent"
								value="block"
								className="btn btn-secondary"
								aria-describedby="block-hint"
							>
								No, and block this employer
							</button>
						</Form>
					</div>
					<p id="block-hint" className="mt-2 text-muted">
						Blocking stops {d.providerName} finding you in the talent pool or inviting you again, and closes any other
						invitations from them. You can undo it.
					</p>
				</>
			)}
		</div>
	)
}
