import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { ErrorSummary, TextField, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { ImportantBanner, NotificationBanner } from '#app/components/notification-banner.tsx'
import { INVITATION_DAYS } from '#app/models/accounts/link-lifetimes.ts'
import {
	ambassadorsForAdmin,
	cancelAmbassadorInvitation,
	InviteAmbassadorSchema,
	inviteAmbassador,
	removeAmbassador,
} from '#app/models/careers/ambassadors.server.ts'
import { reofferVisitRequests } from '#app/models/careers/visits/offers.server.ts'
import { requireAdmin } from '#app/utils/admin.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { replyInvalid, replyToDomainError } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAdmin(request)
	const overview = await ambassadorsForAdmin()
	return {
		...overview,
		invitations: overview.invitations.map((i) => ({
			id: i.id,
			email: i.email,
			sent: formatDate(i.createdAt),
			expires: formatDate(i.expiresAt),
			expired: i.expired,
		})),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const adminId = await requireAdmin(request)
	const formData = await request.formData()
	const intent = formData.get('intent')
	const id = String(formData.get('id') ?? '')
	if (intent === 'cancel-invitation') {
		await cancelAmbassadorInvitation(id)
		return redirect('/admin/ambassadors?cancelled=1')
	}
	if (intent === 'remove') {
		const removed = await removeAmbassador(id)
		if (removed) await reofferVisitRequests(removed.requestsToOffer)
		return redirect('/admin/ambassadors?removed=1')
	}
	const submission = parseWithZod(formData, { schema: InviteAmbassadorSchema })
	if (submission.status !== 'success') return replyInvalid('invite', submission)
	try {
		await inviteAmbassador(adminId, submission.value.email)
	} catch (error) {
		return replyToDomainError(error, 'invite', submission)
	}
	return redirect(`/admin/ambassadors?invited=${encodeURIComponent(submission.value.email)}`)
}

export const handle: PageHandle = { title: 'I Care Ambassadors' }

export default function AdminAmbassadorsRoute() {
	const d = useLoaderData<typeof loader>()
	const reply = useActionData<typeof action>()
	const [params] = useSearchParams()
	// A new location (after a successful save) remounts the form, so it shows what was saved rather than what was typed.
	const { key: formKey } = useLocation()
	const fields = useFormFields('invite', useFormReply('invite'))
	const invited = params.get('invited')
	const removing = d.ambassadors.find((a) => a.id === params.get('remove'))
	const notice = invited
		? `We have emailed an invitation to ${invited}.`
		: params.get('cancelled')
			? 'The invitation has been cancelled: its link no longer works.'
			: params.get('removed')
				? 'They have been removed. Visits waiting for them have been offered to the next nearest ambassador.'
				: null
	return (
		<div>
			{notice && !reply ? <NotificationBanner>{notice}</NotificationBanner> : null}
			{removing ? (
				<ImportantBanner>
					<h2 className="mb-2 text-xl">Remove {removing.firstName} from the I Care Ambassadors?</h2>
					<p className="mb-4">
						Their profile leaves the directory and they can no longer take visits. Visits waiting for them go to the
						next nearest ambassador. Their account and published stories stay.
					</p>
					<Form method="post" className="flex flex-wrap items-center gap-4">
						<input type="hidden" name="intent" value="remove" />
						<input type="hidden" name="id" value={removing.id} />
						<button type="submit" className="btn btn-warning">
							Yes, remove {removing.firstName}
						</button>
						<Link to="/admin/ambassadors">No, keep them</Link>
					</Form>
				</ImportantBanner>
			) : null}
			<ErrorSummary errors={fields.summary(['email'])} formError={fields.formError} />
			<h1 className="mb-6 text-3xl">I Care Ambassadors</h1>
			<section aria-labelledby="invite-heading" className="mb-10 max-w-xl">
				<h2 id="invite-heading" className="mb-2 text-2xl">
					Invite an ambassador
				</h2>
				<p className="mb-4">
					They get an email with a link to create their profile. The link works for {INVITATION_DAYS} days.
				</p>
				<Form key={formKey} method="post" noValidate>
					<TextField
						fields={fields}
						name="email"
						label="Their email address"
						type="email"
						autoComplete="off"
						spellCheck={false}
					/>
					<button type="submit" className="btn">
						Send invitation
					</button>
				</Form>
			</section>
			<section aria-labelledby="list-heading" className="mb-10">
				<h2 id="list-heading" className="mb-4 text-2xl">
					{d.ambassadors.length} {d.ambassadors.length === 1 ? 'ambassador' : 'ambassadors'}
				</h2>
				<div className="overflow-x-auto">
					<table className="stack-table w-full border-collapse text-left">
						<thead>
							<tr className="border-b-2 border-ink">
								<th scope="col" className="py-2 pr-4">
									Name
								</th>
								<th scope="col" className="py-2 pr-4">
									Email
								</th>
								<th scope="col" className="py-2 pr-4">
									Role and town
								</th>
								<th scope="col" className="py-2 pr-4">
									Visits
								</th>
								<th scope="col" className="py-2 pr-4 text-right">
									Visits done
								</th>
								<th scope="col" className="py-2 pr-4 text-right">
									People reached
								</th>
								<th scope="col" className="py-2">
									<span className="sr-only">Actions</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{d.ambassadors.map((a) => (
								<tr key={a.id} className="border-b border-line">
									<td data-label="Name" className="py-2 pr-4">
										<Link to={`/ambassadors/${a.id}`}>{a.firstName}</Link>
									</td>
									<td data-label="Email" className="break-all py-2 pr-4">
										{a.email}
									</td>
									<td data-label="Role and town" className="py-2 pr-4">
										{a.role}, {a.town}
									</td>
									<td data-label="Visits" className="py-2 pr-4">
										{a.willingToVisit ? 'Taking requests' : 'Paused'}
									</td>
									<td data-label="Visits done" className="py-2 pr-4 text-right">
										{a.visitsDone}
									</td>
									<td data-label="People reached" className="py-2 pr-4 text-right">
										{a.peopleReached}
									</td>
									<td className="py-2">
										<Link to={`?remove=${a.id}`}>
											Remove
											<span className="sr-only">
												{' '}
												{a.firstName} ({a.email})
											</span>
										</Link>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</section>
			{d.invitations.length ? (
				<section aria-labelledby="invitations-heading">
					<h2 id="invitations-heading" className="mb-4 text-2xl">
						Invitations not yet accepted
					</h2>
					<ul className="space-y-2">
						{d.invitations.map((i) => (
							<li key={i.id} className="flex flex-wrap items-center gap-4">
								<span>
									{i.email}: sent {i.sent}, {i.expired ? `expired ${i.expires}` : `works until ${i.expires}`}
								</span>
								{i.expired ? null : (
									<Form method="post">
										<input type="hidden" name="intent" value="cancel-invitation" />
										<input type="hidden" name="id" value={i.id} />
										<button type="submit" className="cursor-pointer text-brand underline">
											Cancel<span className="sr-only"> the invitation to {i.email}</span>
										</button>
									</Form>
								)}
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}
