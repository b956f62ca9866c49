import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, Radios, TextArea, useFormFields } from '#app/components/forms.tsx'
import { answersFrom, answersShape, ApplicationError } from '#app/models/applications.server.ts'
import { formatPay } from '#app/models/pay.ts'
import { getCandidateInvitation, PoolError, respondToInvitation } from '#app/models/talent-pool.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import type { PageHandle } from '#app/utils/page.ts'

async function load(request: Request, invitationId: string | undefined) {
	const userId = await requireUserId(request)
	const invitation = await getCandidateInvitation(invitationId ?? '', userId)
	if (!invitation) throw new Response('Not found', { status: 404 })
	return { userId, invitation }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { invitation: i } = await load(request, params.invitationId)
	const open = i.vacancy.status === 'live' && i.vacancy.closingDate.getTime() >= Date.now()
	return {
		id: i.id,
		status: i.status,
		open,
		applicationId: i.applicationId,
		providerName: i.provider.name,
		vacancy: { id: i.vacancy.id, title: i.vacancy.title, town: i.vacancy.town, pay: formatPay(i.vacancy), closing: formatDate(i.vacancy.closingDate) },
		questions: i.vacancy.screeningQuestions,
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { userId, invitation } = await load(request, params.invitationId)
	const formData = await request.formData()
	const intent = formData.get('intent')
	try {
		if (intent === 'decline' || intent === 'block') {
			await respondToInvitation(invitation.id, userId, { accept: false, block: intent === 'block' })
			return redirect(`/account/invitations/${invitation.id}`)
		}
		const questions = invitation.vacancy.screeningQuestions
		const submission = parseWithZod(formData, { schema: z.object(answersShape(questions)) })
		if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
		const { applicationId } = await respondToInvitation(invitation.id, userId, { accept: true, answers: answersFrom(submission.value, questions) })
		return redirect(`/account/applications/${applicationId}?sent=1`)
	} catch (error) {
		if (error instanceof PoolError || error instanceof ApplicationError) {
			return data({ result: { status: 'error' as const, error: { '': [error.message] } } }, { status: 409 })
		}
		throw error
	}
}

export const handle: PageHandle = { title: (d: { vacancy: { title: string } }) => `Invitation: ${d.vacancy.title}` }

export default function InvitationRoute() {
	const d = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const fields = useFormFields('invitation', actionData?.result)
	return (
		<div className="max-w-2xl">
			<ErrorSummary errors={fields.summary(d.questions.map((q) => `q${q.id}`))} formError={fields.formError} />
			<span className="block text-lg text-muted">Invitation from {d.providerName}</span>
			<h1 className="mb-2 text-3xl">{d.vacancy.title}</h1>
			<p className="mb-4">
				{d.vacancy.town} · {d.vacancy.pay} · closes {d.vacancy.closing} · <Link to={`/jobs/${d.vacancy.id}`}>read the job advert</Link>
			</p>
			{d.status === 'accepted' && d.applicationId ? (
				<p>
					You accepted and applied. <Link to={`/account/applications/${d.applicationId}`}>See your application</Link>
				</p>
			) : d.status === 'declined' ? (
				<p>You said no to this invitation. {d.providerName} has not seen your details.</p>
			) : !d.open ? (
				<p>This job has closed. <Link to="/account/matches">See your other suggestions</Link></p>
			) : (
				<>
					<p className="mb-6">
						{d.providerName} found your profile in the talent pool. They have not seen your name or contact details: they will
						if you apply.
					</p>
					<Form method="post" noValidate className="mb-8">
						{d.questions.map((q) =>
							q.kind === 'yes-no' ? (
								<Radios
									key={q.id}
									fields={fields}
									name={`q${q.id}`}
									legend={q.text}
									inline
									options={[
										{ id: 'yes', label: 'Yes' },
										{ id: 'no', label: 'No' },
									]}
								/>
							) : (
								<TextArea key={q.id} fields={fields} name={`q${q.id}`} label={q.text} rows={2} maxLength={1000} />
							),
						)}
						<button type="submit" name="intent" value="apply" className="btn">
							Apply with my details
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
							<button type="submit" name="intent" value="block" className="btn btn-secondary">
								No, and stop this employer seeing my profile
							</button>
						</Form>
					</div>
				</>
			)}
		</div>
	)
}
