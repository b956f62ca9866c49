import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { ErrorSummary, Radios, TextField, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { requireProviderMember } from '#app/models/organisations/providers.server.ts'
import {
	cancelInvitation,
	InviteSchema,
	inviteColleague,
	listTeam,
	removeMember,
} from '#app/models/organisations/team.server.ts'
import { teamRoles } from '#app/models/organisations/vocabulary.ts'
import { formatDate } from '#app/utils/dates.ts'
import { replyInvalid, replyToDomainError } from '#app/utils/form-reply.ts'
import { labelOf } from '#app/utils/options.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const member = await requireProviderMember(request)
	const team = await listTeam(member.provider.id)
	return {
		isOwner: member.role === 'owner',
		members: team.members.map((m) => ({
			id: m.id,
			name: m.user.name ?? m.user.email,
			email: m.user.email,
			role: m.role,
			since: formatDate(m.createdAt),
			isYou: m.user.id === member.userId,
		})),
		invitations: team.invitations.map((i) => ({
			id: i.id,
			email: i.email,
			role: i.role,
			expires: formatDate(i.expiresAt),
		})),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const member = await requireProviderMember(request)
	const formData = await request.formData()
	const intent = formData.get('intent')
	const by = { userId: member.userId, role: member.role }
	if (intent === 'remove') {
		try {
			await removeMember(member.provider.id, by, String(formData.get('memberId') ?? ''))
		} catch (error) {
			return replyToDomainError(error, 'remove')
		}
		return redirect('/provider/team?removed=1')
	}
	if (intent === 'cancel') {
		try {
			await cancelInvitation(member.provider.id, by, String(formData.get('invitationId') ?? ''))
		} catch (error) {
			return replyToDomainError(error, 'cancel')
		}
		return redirect('/provider/team?cancelled=1')
	}
	const submission = parseWithZod(formData, { schema: InviteSchema })
	if (submission.status !== 'success') return replyInvalid('invite', submission)
	try {
		await inviteColleague(member.provider.id, by, submission.value)
	} catch (error) {
		return replyToDomainError(error, 'invite', submission)
	}
	return redirect('/provider/team?invited=1')
}

export const handle: PageHandle = { title: 'Your team' }

export default function TeamRoute() {
	const d = useLoaderData<typeof loader>()
	const reply = useActionData<typeof action>()
	const [params] = useSearchParams()
	const fields = useFormFields('invite', useFormReply('invite'), { role: 'recruiter' })
	// Removing someone or cancelling an invitation can only fail as a whole, said in the one error summary.
	const removeError = useFormFields('remove', useFormReply('remove')).formError
	const cancelError = useFormFields('cancel', useFormReply('cancel')).formError
	return (
		<div className="max-w-3xl">
			{(params.get('invited') || params.get('removed') || params.get('cancelled')) && !reply ? (
				<NotificationBanner>
					{params.get('invited')
						? 'Invitation sent. It lasts 7 days.'
						: params.get('removed')
							? 'They have been removed from the team and can no longer see your applicants.'
							: 'Invitation cancelled.'}
				</NotificationBanner>
			) : null}
			<ErrorSummary
				errors={fields.summary(['email', 'role'])}
				formError={fields.formError ?? removeError ?? cancelError}
			/>
			<h1 className="mb-6 text-3xl">Your team</h1>
			<table className="stack-table mb-8 w-full border-collapse text-left">
				<caption className="mb-2 text-left text-xl font-bold">Members</caption>
				<thead>
					<tr className="border-b-2 border-ink">
						<th scope="col" className="py-2 pr-4">
							Name
						</th>
						<th scope="col" className="py-2 pr-4">
							Email
						</th>
						<th scope="col" className="py-2 pr-4">
							Role
						</th>
						<th scope="col" className="py-2 pr-4">
							Since
						</th>
						{d.isOwner ? (
							<th scope="col" className="py-2">
								<span className="sr-only">Actions</span>
							</th>
						) : null}
					</tr>
				</thead>
				<tbody>
					{d.members.map((m) => (
						<tr key={m.id} className="border-b border-line">
							<td data-label="Name" className="py-2 pr-4">
								{m.name}
							</td>
							<td data-label="Email" className="py-2 pr-4">
								{m.email}
							</td>
							<td data-label="Role" className="py-2 pr-4">
								{m.role === 'owner' ? 'Owner' : 'Recruiter'}
							</td>
							<td data-label="Since" className="py-2 pr-4">
								{m.since}
							</td>
							{d.isOwner ? (
								<td className="py-2">
									{m.isYou ? null : (
										<Form method="post">
											<input type="hidden" name="memberId" value={m.id} />
											<button
												type="submit"
												name="intent"
												value="remove"
												className="cursor-pointer text-error underline"
											>
												Remove<span className="sr-only"> {m.name} from the team</span>
											</button>
										</Form>
									)}
								</td>
							) : null}
						</tr>
					))}
				</tbody>
			</table>
			{d.invitations.length ? (
				<>
					<h2 className="mb-2 text-xl">Waiting to accept</h2>
					<ul className="mb-8 ml-6 list-disc">
						{d.invitations.map((i) => (
							<li key={i.id} className="mb-1">
								{i.email}, {labelOf(teamRoles, i.role).split(':')[0].toLowerCase()}, until {i.expires}
								{d.isOwner ? (
									<Form method="post" className="ml-3 inline">
										<input type="hidden" name="invitationId" value={i.id} />
										<button type="submit" name="intent" value="cancel" className="cursor-pointer text-error underline">
											Cancel<span className="sr-only"> the invitation to {i.email}</span>
										</button>
									</Form>
								) : null}
							</li>
						))}
					</ul>
				</>
			) : null}
			{d.isOwner ? (
				<section aria-labelledby="invite-heading">
					<h2 id="invite-heading" className="mb-4 text-2xl">
						Invite a colleague
					</h2>
					<Form method="post" noValidate>
						<TextField
							fields={fields}
							name="email"
							label="Their email address"
							type="email"
							autoComplete="off"
							spellCheck={false}
						/>
						<Radios fields={fields} name="role" legend="What can they do?" options={teamRoles} />
						<button type="submit" className="btn">
							Send invitation
						</button>
					</Form>
				</section>
			) : (
				<p>Ask an owner of your team to invite colleagues.</p>
			)}
		</div>
	)
}
