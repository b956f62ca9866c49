import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, useFormReply, type FormResult } from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { SummaryList } from '#app/components/summary-list.tsx'
import { availabilityOptions, candidateQualifications } from '#app/models/applications/vocabulary.ts'
import { careRoles } from '#app/models/jobs/care-roles.server.ts'
import { listLiveVacancyChoices } from '#app/models/jobs/vacancies.server.ts'
import { radiusChoices } from '#app/models/jobs/vocabulary.ts'
import {
	requireProviderMember,
	verificationState,
	type VerificationState,
} from '#app/models/organisations/providers.server.ts'
import {
	deletePoolSearch,
	listPoolSearches,
	poolSearchQuery,
	readPoolSearch,
	savePoolSearch,
} from '#app/models/redirect/pool-alerts.server.ts'
import {
	invitationsLeftToday,
	inviteFromPool,
	PoolSearchSchema,
	requireVerifiedProvider,
	searchPool,
} from '#app/models/redirect/talent-pool.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { NotFoundError } from '#app/utils/domain-error.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { replyError, replyToDomainError } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { provider, userId } = await requireProviderMember(request)
	if (!(await requireVerifiedProvider(provider.id)))
		return { verified: false as const, state: await verificationState(provider.id, userId) }
	const url = new URL(request.url)
	const form = PoolSearchSchema.parse({
		...Object.fromEntries(url.searchParams),
		role: url.searchParams.getAll('role'),
		availability: url.searchParams.getAll('availability'),
		qualification: url.searchParams.getAll('qualification'),
	})
	const [result, vacancies, left, savedSearches] = await Promise.all([
		searchPool(provider.id, form),
		listLiveVacancyChoices(provider.id),
		invitationsLeftToday(provider.id),
		listPoolSearches(provider.id),
	])
	const query = poolSearchQuery(form)
	return {
		verified: true as const,
		form,
		...result,
		query,
		isSaved: savedSearches.some((s) => s.query === query),
		savedSearches: savedSearches.map((s) => ({
			id: s.id,
			description: s.description,
			href: `/provider/talent-pool${s.query ? `?${s.query}` : ''}`,
			by: s.user.name ?? s.user.email,
			lastSent: s.lastSentAt ? formatDate(s.lastSentAt) : null,
		})),
		vacancies: vacancies.map((v) => ({ id: v.id, label: `${v.title}, ${v.town}` })),
		invitationsLeft: left,
		roles: careRoles.map((r) => ({ id: r.id, label: r.name })),
	}
}

const InviteSchema = z.object({
	poolId: z.string().min(1).max(40),
	vacancyId: z.coerce
		.number({ error: 'Choose a vacancy to invite them to' })
		.int()
		.positive({ error: 'Choose a vacancy to invite them to' }),
})

/** Each candidate's card has its own invitation form; a reply names the card it is for. */
const inviteForm = (poolId: string) => `invite:${poolId}`

/** Back to the same search, with the one banner that says what just happened. */
function backWith(request: Request, banner: 'saved' | 'stopped' | 'invited') {
	const back = new URL(request.url)
	for (const name of ['saved', 'stopped', 'invited']) back.searchParams.delete(name)
	back.searchParams.set(banner, '1')
	return redirect(`${back.pathname}${back.search}`)
}

export async function action({ request }: ActionFunctionArgs) {
	const { provider, userId } = await requireProviderMember(request)
	const formData = await readFormData(request)
	const intent = formData.get('intent')
	if (intent === 'save-search' || intent === 'stop-search') {
		try {
			if (intent === 'save-search') {
				await savePoolSearch(provider.id, userId, readPoolSearch(String(formData.get('query') ?? '').slice(0, 2000)))
				return backWith(request, 'saved')
			}
			await deletePoolSearch(provider.id, String(formData.get('alertId') ?? '').slice(0, 40))
			return backWith(request, 'stopped')
		} catch (error) {
			return replyToDomainError(error, 'pool-search')
		}
	}
	const form = Object.fromEntries(formData)
	const poolId = typeof form.poolId === 'string' && form.poolId ? form.poolId : null
	const parsed = InviteSchema.safeParse({ ...form, vacancyId: form.vacancyId || undefined })
	if (!parsed.success) {
		const vacancyIssue = parsed.error.issues.some((i) => i.path[0] === 'vacancyId')
		return vacancyIssue && poolId
			? replyError(inviteForm(poolId), 'Choose a vacancy to invite them to', { field: 'vacancyId', status: 400 })
			: replyError('invite', 'Search again and choose a candidate', { status: 400 })
	}
	try {
		await inviteFromPool(provider.id, parsed.data.poolId, parsed.data.vacancyId)
	} catch (error) {
		// Not a 404 page: the search on screen is out of date, and the page says so above the results.
		if (error instanceof NotFoundError)
			return replyError('invite', 'That candidate is no longer in the talent pool. Search again to see who is.', {
				status: 404,
			})
		return replyToDomainError(error, inviteForm(parsed.data.poolId))
	}
	return backWith(request, 'invited')
}

export const handle: PageHandle = { title: 'Talent pool' }

export const meta = () => [{ name: 'robots', content: 'noindex' }]

export default function TalentPoolRoute() {
	const d = useLoaderData<typeof loader>()
	const reply = useActionData<typeof action>()
	const inviteReply = useFormReply('invite')
	const searchReply = useFormReply('pool-search')
	const pageError = inviteReply?.error?.['']?.[0] ?? searchReply?.error?.['']?.[0]
	const [params] = useSearchParams()
	if (!d.verified) return <NotYetVerified state={d.state} />
	// The card whose invitation failed, and why.
	const card = reply?.form.startsWith('invite:') ? reply.form.slice('invite:'.length) : null
	const cardError = card ? inviteError(reply?.result) : undefined
	return (
		<div>
			{params.get('saved') && !reply ? (
				<NotificationBanner>
					Search saved. We will email you once a week when new candidates match it.
				</NotificationBanner>
			) : null}
			{params.get('stopped') && !reply ? (
				<NotificationBanner>We will not email you about that search any more.</NotificationBanner>
			) : null}
			{params.get('invited') && !reply ? (
				<NotificationBanner>
					Invitation sent. If they apply, they will appear in your applicants with their details.
				</NotificationBanner>
			) : null}
			<ErrorSummary
				errors={[
					...(d.placeError ? [{ href: '#pool-where', message: d.placeError }] : []),
					...(card && cardError ? [{ href: `#vacancy-${card}`, message: cardError }] : []),
				]}
				formError={pageError}
			/>
			<h1 className="mb-2 text-3xl">Talent pool</h1>
			<p className="mb-6 max-w-3xl">
				People who asked to be found by employers in the region. You see what they can do and roughly where they live,
				never who they are, until they accept an invitation and apply. You can send {d.invitationsLeft} more{' '}
				{d.invitationsLeft === 1 ? 'invitation' : 'invitations'} today.
			</p>
			<div className="grid grid-cols-1 gap-8 md:grid-cols-[1fr_2fr]">
				<Form method="get" aria-label="Search the talent pool" className="min-w-0">
					<div className={`mb-4 ${d.placeError ? 'border-l-4 border-error pl-4' : ''}`}>
						<label htmlFor="pool-where" className="mb-1 block font-bold">
							Near
						</label>
						<p id="pool-where-hint" className="mb-1 text-sm text-muted">
							Town, village or postcode
						</p>
						{d.placeError ? (
							<p id="pool-where-error" className="mb-2 font-bold text-error">
								<span className="sr-only">Error: </span>
								{d.placeError}
							</p>
						) : null}
						<input
							id="pool-where"
							name="where"
							defaultValue={d.form.where}
							className={`input ${d.placeError ? 'input-error' : ''}`}
							aria-invalid={d.placeError ? true : undefined}
							aria-describedby={d.placeError ? 'pool-where-hint pool-where-error' : 'pool-where-hint'}
						/>
					</div>
					<div className="mb-4">
						<label htmlFor="pool-radius" className="mb-1 block font-bold">
							Distance
						</label>
						<select id="pool-radius" name="radius" defaultValue={String(d.form.radius)} className="input">
							{radiusChoices.map((r) => (
								<option key={r} value={r}>
									Within {r} {r === 1 ? 'mile' : 'miles'}
								</option>
							))}
						</select>
					</div>
					<fieldset className="mb-4">
						<legend className="mb-2 font-bold">Can work</legend>
						{availabilityOptions.map((a) => (
							<div key={a.id} className="mb-1 flex items-center gap-2">
								<input
									type="checkbox"
									id={`pool-availability-${a.id}`}
									name="availability"
									value={a.id}
									defaultChecked={d.form.availability.includes(a.id)}
									className="size-6 accent-ink"
								/>
								<label htmlFor={`pool-availability-${a.id}`}>{a.label}</label>
							</div>
						))}
					</fieldset>
					<div className="mb-4 flex items-center gap-2">
						<input
							type="checkbox"
							id="pool-driving"
							name="driving"
							value="1"
							defaultChecked={d.form.driving}
							className="size-6 accent-ink"
						/>
						<label htmlFor="pool-driving" className="font-bold">
							Drives, with a car
						</label>
					</div>
					<fieldset className="mb-4">
						<legend className="mb-2 font-bold">Has</legend>
						{candidateQualifications.map((q) => (
							<div key={q.id} className="mb-1 flex items-center gap-2">
								<input
									type="checkbox"
									id={`pool-q-${q.id}`}
									name="qualification"
									value={q.id}
									defaultChecked={d.form.qualification.includes(q.id)}
									className="size-6 accent-ink"
								/>
								<label htmlFor={`pool-q-${q.id}`}>{q.label}</label>
							</div>
						))}
					</fieldset>
					<fieldset className="mb-4">
						<legend className="mb-2 font-bold">Interested in</legend>
						<div className="max-h-72 overflow-y-auto border border-line p-2">
							{d.roles.map((r) => (
								<div key={r.id} className="mb-1 flex items-center gap-2">
									<input
										type="checkbox"
										id={`pool-role-${r.id}`}
										name="role"
										value={r.id}
										defaultChecked={d.form.role.includes(r.id)}
										className="size-6 accent-ink"
									/>
									<label htmlFor={`pool-role-${r.id}`}>{r.label}</label>
								</div>
							))}
						</div>
					</fieldset>
					<button type="submit" className="btn">
						Search
					</button>
				</Form>
				<section aria-labelledby="pool-results">
					{d.placeError ? (
						<>
							<h2 id="pool-results" className="mb-4 text-2xl">
								No results
							</h2>
							<p>We could not find that place, so we have not searched. Check the place and search again.</p>
						</>
					) : (
						<>
							<h2 id="pool-results" className="mb-4 text-2xl">
								{d.cards.length} {d.cards.length === 1 ? 'candidate' : 'candidates'}
								{d.placeLabel
									? ` within ${d.form.radius} ${d.form.radius === 1 ? 'mile' : 'miles'} of ${d.placeLabel}`
									: ''}
							</h2>
							{d.isSaved ? (
								<p className="mb-4">We email you weekly when new candidates match this search.</p>
							) : (
								<Form method="post" className="mb-4">
									<input type="hidden" name="query" value={d.query} />
									<button type="submit" name="intent" value="save-search" className="btn btn-secondary">
										Email me when new candidates match this search
									</button>
								</Form>
							)}
							{d.cards.length ? (
								<ul>
									{d.cards.map((c) => (
										<PoolCardItem
											key={c.poolId}
											card={c}
											vacancies={d.vacancies}
											invitationsLeft={d.invitationsLeft}
											error={card === c.poolId ? cardError : undefined}
										/>
									))}
								</ul>
							) : (
								<p>Nobody in the pool matches. Try a wider distance or fewer filters.</p>
							)}
						</>
					)}
				</section>
			</div>
			{d.savedSearches.length ? (
				<section aria-labelledby="saved-searches" className="mt-10 max-w-3xl">
					<h2 id="saved-searches" className="mb-2 text-2xl">
						Saved searches
					</h2>
					<p className="mb-4">Each is emailed weekly, to the person who saved it, when new candidates match.</p>
					<ul>
						{d.savedSearches.map((s) => (
							<li key={s.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-line py-2">
								<Link to={s.href}>{s.description}</Link>
								<span className="text-muted">
									Saved by {s.by}
									{s.lastSent ? `, last emailed ${s.lastSent}` : ''}
								</span>
								<Form method="post">
									<input type="hidden" name="alertId" value={s.id} />
									<button
										type="submit"
										name="intent"
										value="stop-search"
										className="cursor-pointer text-brand underline"
									>
										Stop emails<span className="sr-only"> for {s.description}</span>
									</button>
								</Form>
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}

/** A card's invitation error: on its vacancy choice, or about inviting at all (both shown by the choice). */
function inviteError(result: FormResult | undefined) {
	return result?.error?.vacancyId?.[0] ?? result?.error?.['']?.[0] ?? undefined
}

type Card = Extract<Awaited<ReturnType<typeof loader>>, { verified: true }>['cards'][number]

function PoolCardItem({
	card: c,
	vacancies,
	invitationsLeft,
	error,
}: {
	card: Card
	vacancies: Array<{ id: number; label: string }>
	invitationsLeft: number
	error?: string
}) {
	const selectId = `vacancy-${c.poolId}`
	return (
		<li className="border-b border-line py-4">
			<h3 className="mb-2 text-lg">
				{c.label}: {c.area}
				{c.distance ? `, ${c.distance} away` : ''}
			</h3>
			<SummaryList
				className="mb-3"
				rows={[
					{ key: 'Interested in', value: c.roles },
					{ key: 'Can work', value: `${c.availability}; ${c.hours.toLowerCase()}` },
					{ key: 'Getting there', value: `${c.driving}. ${c.travel}` },
					{ key: 'Experience', value: c.experience },
					{ key: 'Qualifications', value: c.qualifications },
					c.invited.length > 0 && {
						key: 'You invited them to',
						value: (
							<ul>
								{c.invited.map((i) => (
									<li key={`${i.vacancyTitle}-${i.on}`}>
										{i.vacancyTitle} ({i.on})
									</li>
								))}
							</ul>
						),
					},
				]}
			/>
			{vacancies.length ? (
				<Form
					method="post"
					noValidate
					className={`flex flex-wrap items-end gap-3 ${error ? 'border-l-4 border-error pl-4' : ''}`}
				>
					<input type="hidden" name="poolId" value={c.poolId} />
					<div className="max-w-full">
						<label htmlFor={selectId} className="mb-1 block text-sm font-bold">
							Invite {c.label.replace('Candidate', 'candidate')} to apply for
						</label>
						{error ? (
							<p id={`${selectId}-error`} className="mb-2 font-bold text-error">
								<span className="sr-only">Error: </span>
								{error}
							</p>
						) : null}
						<select
							id={selectId}
							name="vacancyId"
							defaultValue=""
							className={`input w-auto max-w-full ${error ? 'input-error' : ''}`}
							aria-invalid={error ? true : undefined}
							aria-describedby={error ? `${selectId}-error` : undefined}
						>
							<option value="">Choose a vacancy</option>
							{vacancies.map((v) => (
								<option key={v.id} value={v.id}>
									{v.label}
								</option>
							))}
						</select>
					</div>
					<button type="submit" className="btn btn-secondary" disabled={invitationsLeft === 0}>
						Invite to apply<span className="sr-only"> ({c.label})</span>
					</button>
				</Form>
			) : (
				<p className="text-muted">Post a vacancy to invite candidates to apply.</p>
			)}
		</li>
	)
}

function NotYetVerified({ state }: { state: VerificationState }) {
	return (
		<div className="max-w-2xl">
			<h1 className="mb-4 text-3xl">Talent pool</h1>
			<p className="mb-4">
				The talent pool is open to verified providers: care services registered with the CQC, NHS employers, and others
				the regional team has checked. Until then, you can post vacancies and receive applications as usual.
			</p>
			<h2 className="mb-2 text-xl">What happens next</h2>
			<ul className="mb-4 ml-6 list-disc space-y-2">
				{!state.yourEmailConfirmed ? (
					<li>
						Confirm your email address: open the link we sent to {state.yourEmail}, or ask for a new one on{' '}
						<Link to="/provider">your vacancies page</Link>.
					</li>
				) : !state.ownerConfirmed ? (
					<li>The owner of your account needs to confirm their email address, from the link we sent them.</li>
				) : null}
				{state.individual ? (
					<li>The regional team will check your details, and may contact you, before verifying you.</li>
				) : state.cqcLocationId ? (
					<li>
						The regional team checks your CQC location ID ({state.cqcLocationId}) against the CQC register
						{state.ownerConfirmed ? ', then verifies you' : ' once your email address is confirmed'}. If it is wrong,
						correct it in your <Link to="/provider/profile">organisation profile</Link>.
					</li>
				) : (
					<li>
						If you are registered with the CQC, add your CQC location ID to your{' '}
						<Link to="/provider/profile">organisation profile</Link>: it is the quickest way to be verified. Otherwise
						the regional team will check your details and may contact you.
					</li>
				)}
				<li>This page will show the talent pool as soon as you are verified.</li>
			</ul>
		</div>
	)
}
