import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { notifySearchOutbox } from '#app/background/search-outbox.server.ts'
import { ErrorSummary, SelectField, useFormFields, type FormResult } from '#app/components/forms.tsx'
import { consentName, consentText } from '#app/models/redirect/consent-text.ts'
import { activeConsents, blockEmployer, setConsent, unblockEmployer } from '#app/models/redirect/consent.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { formatDateTime } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

/**
 * Employers anyone can choose to block here: organisations only. Individual
 * employers are private people, so their names are never listed for everyone;
 * a candidate can block one who has invited them, from the invitation.
 */
const listedEmployers = { type: { not: 'individual-employer' } }

export async function loader({ request }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	const url = new URL(request.url)
	const unblockedId = url.searchParams.get('unblocked')
	const [active, blocks, providers, history, unblocked] = await Promise.all([
		activeConsents(prisma, userId),
		prisma.employerBlock.findMany({
			where: { userId },
			select: { provider: { select: { id: true, name: true } } },
			orderBy: { createdAt: 'asc' },
		}),
		prisma.provider.findMany({
			where: { ...listedEmployers, blockedBy: { none: { userId } } },
			select: { id: true, name: true, town: true },
			orderBy: { name: 'asc' },
		}),
		prisma.consent.findMany({ where: { userId }, orderBy: { grantedAt: 'desc' }, take: 20 }),
		unblockedId ? prisma.provider.findUnique({ where: { id: unblockedId }, select: { name: true } }) : null,
	])
	return {
		redirect: active.redirect ? formatDateTime(active.redirect) : null,
		talentPool: active.talentPool ? formatDateTime(active.talentPool) : null,
		blocked: blocks.map((b) => b.provider),
		unblockedName: unblocked?.name ?? null,
		providers: providers.map((p) => ({ id: p.id, label: `${p.name}, ${p.town}` })),
		history: history.map((h) => ({
			id: h.id,
			name: consentName[h.kind as keyof typeof consentName] ?? h.kind,
			wording: h.wording,
			granted: formatDateTime(h.grantedAt),
			withdrawn: h.withdrawnAt ? formatDateTime(h.withdrawnAt) : null,
		})),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const userId = await requireUserId(request)
	const formData = await request.formData()
	const intent = formData.get('intent')
	if (intent === 'consents') {
		await prisma.$transaction(async (tx) => {
			await setConsent(tx, userId, 'redirect', formData.get('consentRedirect') === 'on', 'account')
			await setConsent(tx, userId, 'talent-pool', formData.get('consentTalentPool') === 'on', 'account')
		})
		notifySearchOutbox()
		return redirect('/account/sharing?saved=1')
	}
	const providerId = String(formData.get('providerId') ?? '')
	if (intent === 'block') {
		const provider = providerId
			? await prisma.provider.findFirst({ where: { id: providerId, ...listedEmployers }, select: { id: true } })
			: null
		if (!provider) {
			const result: FormResult = {
				status: 'error',
				initialValue: {},
				error: { providerId: ['Choose an employer to block'] },
			}
			return data({ result }, { status: 400 })
		}
		const closed = await blockEmployer(userId, provider.id)
		notifySearchOutbox()
		return redirect(`/account/sharing?${new URLSearchParams({ blocked: provider.id, closed: String(closed) })}`)
	}
	if (intent === 'unblock' && providerId) {
		await unblockEmployer(userId, providerId)
		notifySearchOutbox()
		return redirect(`/account/sharing?${new URLSearchParams({ unblocked: providerId })}`)
	}
	return redirect('/account/sharing')
}

export const handle: PageHandle = { title: 'Sharing your details' }

function ConsentBox({
	name,
	text,
	since,
}: {
	name: string
	text: { label: string; hint: string }
	since: string | null
}) {
	return (
		<div className="mb-6 flex items-start gap-2">
			<input
				type="checkbox"
				id={name}
				name={name}
				defaultChecked={Boolean(since)}
				className="size-6 shrink-0 cursor-pointer accent-[#0b0c0c]"
				aria-describedby={`${name}-hint ${name}-status`}
			/>
			<div>
				<label htmlFor={name} className="cursor-pointer font-bold">
					{text.label}
				</label>
				<div id={`${name}-hint`} className="text-muted">
					{text.hint}
				</div>
				<div id={`${name}-status`} className="mt-1 text-muted">
					{since ? `On since ${since}.` : 'Off.'}
				</div>
			</div>
		</div>
	)
}

export default function SharingRoute() {
	const d = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [params] = useSearchParams()
	const fields = useFormFields('block', actionData?.result)
	const justBlocked = d.blocked.find((p) => p.id === params.get('blocked'))
	const closed = Number(params.get('closed') ?? 0)
	return (
		<div className="max-w-3xl">
			{actionData ? null : params.get('saved') ? (
				<div className="mb-6 border-l-8 border-success bg-[#e6f4ec] p-4" role="status">
					Your choices are saved. Changes reach the talent pool within seconds.
				</div>
			) : justBlocked ? (
				<div className="mb-6 border-l-8 border-success bg-[#e6f4ec] p-4" role="status">
					<p className="mb-2">
						You have blocked {justBlocked.name}. They can no longer find you in the talent pool or invite you to apply,
						and we will not suggest their jobs to you.
						{closed > 0
							? ` We have closed their ${closed} open ${closed === 1 ? 'invitation' : 'invitations'} to you.`
							: ''}
					</p>
					<Form method="post">
						<input type="hidden" name="providerId" value={justBlocked.id} />
						<button type="submit" name="intent" value="unblock" className="cursor-pointer text-brand underline">
							Undo: unblock {justBlocked.name}
						</button>
					</Form>
				</div>
			) : params.get('unblocked') && d.unblockedName ? (
				<div className="mb-6 border-l-8 border-success bg-[#e6f4ec] p-4" role="status">
					You have unblocked {d.unblockedName}. They can find you in the talent pool and invite you again. Invitations
					that were closed stay closed.
				</div>
			) : null}
			<ErrorSummary errors={fields.summary(['providerId'])} />
			<h1 className="mb-4 text-3xl">Sharing your details</h1>
			<p className="mb-6">
				Choose what happens beyond the employers you apply to. Both are off unless you turn them on, and you can change
				them at any time.
			</p>
			<Form method="post" className="mb-10">
				<fieldset>
					<legend className="mb-3 text-2xl font-bold">What you agree to</legend>
					<ConsentBox name="consentRedirect" text={consentText.redirect} since={d.redirect} />
					<ConsentBox name="consentTalentPool" text={consentText['talent-pool']} since={d.talentPool} />
				</fieldset>
				<button type="submit" name="intent" value="consents" className="btn">
					Save choices
				</button>
			</Form>

			<section aria-labelledby="blocked-heading" className="mb-10">
				<h2 id="blocked-heading" className="mb-2 text-2xl">
					Employers you have blocked
				</h2>
				<p className="mb-4">
					A blocked employer cannot find you in the talent pool or invite you to apply, and we do not suggest their jobs
					to you.
				</p>
				{d.blocked.length ? (
					<ul className="mb-6">
						{d.blocked.map((p) => (
							<li key={p.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-line py-2">
								<span>{p.name}</span>
								<Form method="post">
									<input type="hidden" name="providerId" value={p.id} />
									<button type="submit" name="intent" value="unblock" className="cursor-pointer text-brand underline">
										Unblock<span className="sr-only"> {p.name}</span>
									</button>
								</Form>
							</li>
						))}
					</ul>
				) : (
					<p className="mb-6 text-muted">You have not blocked any employers.</p>
				)}
				<Form method="post" noValidate>
					<SelectField
						fields={fields}
						name="providerId"
						label="Block an employer"
						hint="Care services and NHS employers. To block a person who employs their own Personal Assistant, use “No, and block this employer” on their invitation."
						options={d.providers}
						placeholder="Choose an employer"
					/>
					<button type="submit" name="intent" value="block" className="btn btn-secondary">
						Block employer
					</button>
				</Form>
			</section>

			{d.history.length ? (
				<section aria-labelledby="history-heading">
					<h2 id="history-heading" className="mb-2 text-2xl">
						Your record of consent
					</h2>
					<ul className="space-y-3">
						{d.history.map((h) => (
							<li key={h.id}>
								<p>
									{h.name}: given {h.granted}
									{h.withdrawn ? `, withdrawn ${h.withdrawn}` : ', still on'}
								</p>
								<details>
									<summary className="cursor-pointer text-brand underline">What you agreed to</summary>
									<p className="mt-1 border-l-4 border-line pl-3">{h.wording}</p>
								</details>
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}
