import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { notifySearchOutbox } from '#app/background/search-outbox.server.ts'
import { ErrorSummary, SelectField, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { consentName, consentText } from '#app/models/redirect/consent-text.ts'
import {
	blockProvider,
	candidateConsents,
	consentHistory,
	findProviderToBlock,
	listBlockedProviders,
	listProvidersToBlock,
	providerName,
	saveConsentChoices,
	unblockProvider,
} from '#app/models/redirect/consent.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { formatDateTime } from '#app/utils/dates.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { replyError, replyInvalid } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'

const chooseProvider = 'Choose an employer to block'
// A ticked box sends "on"; an unticked one sends nothing.
const ConsentsSchema = z.object({ consentRedirect: z.string().optional(), consentTalentPool: z.string().optional() })
const BlockSchema = z.object({ providerId: z.string({ error: chooseProvider }) })
const UnblockSchema = z.object({ providerId: z.string() })

export async function loader({ request }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	const url = new URL(request.url)
	const unblockedId = url.searchParams.get('unblocked')
	const [active, blocked, providers, history, unblockedName] = await Promise.all([
		candidateConsents(userId),
		listBlockedProviders(userId),
		listProvidersToBlock(userId),
		consentHistory(userId, 20),
		unblockedId ? providerName(unblockedId) : null,
	])
	return {
		redirect: active.redirect ? formatDateTime(active.redirect) : null,
		talentPool: active.talentPool ? formatDateTime(active.talentPool) : null,
		blocked,
		unblockedName,
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
	const formData = await readFormData(request)
	const intent = formData.get('intent')
	if (intent === 'consents') {
		const submission = parseWithZod(formData, { schema: ConsentsSchema })
		if (submission.status !== 'success') return replyInvalid('consents', submission)
		await saveConsentChoices(userId, {
			redirect: submission.value.consentRedirect === 'on',
			talentPool: submission.value.consentTalentPool === 'on',
		})
		notifySearchOutbox()
		return redirect('/account/sharing?saved=1')
	}
	if (intent === 'block') {
		const submission = parseWithZod(formData, { schema: BlockSchema })
		if (submission.status !== 'success') return replyInvalid('block', submission)
		const provider = await findProviderToBlock(submission.value.providerId)
		if (!provider) return replyError('block', chooseProvider, { field: 'providerId', status: 400 })
		const closed = await blockProvider(userId, provider.id)
		notifySearchOutbox()
		return redirect(`/account/sharing?${new URLSearchParams({ blocked: provider.id, closed: String(closed) })}`)
	}
	if (intent === 'unblock') {
		const submission = parseWithZod(formData, { schema: UnblockSchema })
		if (submission.status === 'success') {
			await unblockProvider(userId, submission.value.providerId)
			notifySearchOutbox()
			return redirect(`/account/sharing?${new URLSearchParams({ unblocked: submission.value.providerId })}`)
		}
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
				className="size-6 shrink-0 cursor-pointer accent-ink"
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
	const blockReply = useFormReply('block')
	const [params] = useSearchParams()
	const fields = useFormFields('block', blockReply)
	const justBlocked = d.blocked.find((p) => p.id === params.get('blocked'))
	const closed = Number(params.get('closed') ?? 0)
	return (
		<div className="max-w-3xl">
			{blockReply ? null : params.get('saved') ? (
				<NotificationBanner>Your choices are saved. Changes reach the talent pool within seconds.</NotificationBanner>
			) : justBlocked ? (
				<NotificationBanner>
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
				</NotificationBanner>
			) : params.get('unblocked') && d.unblockedName ? (
				<NotificationBanner>
					You have unblocked {d.unblockedName}. They can find you in the talent pool and invite you again. Invitations
					that were closed stay closed.
				</NotificationBanner>
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
