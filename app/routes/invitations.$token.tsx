import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useParams } from '@remix-run/react'
import { ErrorSummary, TextField, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { AcceptInvitationSchema, acceptInvitation, findInvitation } from '#app/models/organisations/team.server.ts'
import { createSession, getUserId } from '#app/utils/auth.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { replyInvalid, replyToDomainError } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const invitation = await findInvitation(params.token ?? '')
	const userId = await getUserId(request)
	if (!invitation) return { valid: false as const }
	return {
		valid: true as const,
		providerName: invitation.provider.name,
		email: invitation.email,
		role: invitation.role,
		needsPassword: !userId && !invitation.hasAccount,
		mustSignIn: !userId && invitation.hasAccount,
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const token = params.token ?? ''
	const userId = await getUserId(request)
	const invitation = await findInvitation(token)
	if (!invitation) return redirect(`/invitations/${token}`)
	let newAccount
	if (!userId) {
		const submission = parseWithZod(await readFormData(request), { schema: AcceptInvitationSchema })
		if (submission.status !== 'success') return replyInvalid('join', submission.reply({ hideFields: ['password'] }))
		newAccount = submission.value
	}
	try {
		const accepted = await acceptInvitation(token, { signedInUserId: userId, newAccount })
		if (!accepted) return redirect(`/invitations/${token}`)
		const headers = userId ? undefined : { 'Set-Cookie': await createSession(accepted.userId) }
		return redirect('/provider?joined=1', { headers })
	} catch (error) {
		return replyToDomainError(error, 'join')
	}
}

export const handle: PageHandle = { title: 'Join a team' }

export default function InvitationRoute() {
	const d = useLoaderData<typeof loader>()
	const fields = useFormFields('join', useFormReply('join'))
	const { token } = useParams()
	if (!d.valid) {
		return (
			<div className="max-w-xl">
				<h1 className="mb-4 text-3xl">This invitation has expired or has been used</h1>
				<p>Ask whoever invited you to send a new one.</p>
			</div>
		)
	}
	return (
		<div className="max-w-xl">
			<ErrorSummary errors={fields.summary(['name', 'password'])} formError={fields.formError} />
			<h1 className="mb-4 text-3xl">Join {d.providerName}</h1>
			<p className="mb-6">
				You have been invited as {d.role === 'owner' ? 'an owner' : 'a recruiter'} ({d.email}).
			</p>
			{d.mustSignIn ? (
				<p>
					You already have an account.{' '}
					<Link to={`/login?redirectTo=${encodeURIComponent(`/invitations/${token}`)}`}>Sign in</Link> to accept it.
				</p>
			) : (
				<Form method="post" noValidate>
					{d.needsPassword ? (
						<>
							<TextField fields={fields} name="name" label="Your name" autoComplete="name" />
							<TextField
								fields={fields}
								name="password"
								label="Create a password"
								type="password"
								autoComplete="new-password"
								width="max-w-sm"
								hint="At least 10 characters."
							/>
						</>
					) : null}
					<button type="submit" className="btn">
						Join the team
					</button>
				</Form>
			)}
		</div>
	)
}
