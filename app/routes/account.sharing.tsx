import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, useSearchParams } from '@remix-run/react'
import { notifySearchOutbox } from '#search/outbox.server.ts'
import { activeConsents, blockEmployer, consentWording, setConsent, unblockEmployer } from '#app/models/consent.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { formatDateTime } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	const [active, blocks, providers, history] = await Promise.all([
		activeConsents(prisma, userId),
		prisma.employerBlock.findMany({ where: { userId }, select: { provider: { select: { id: true, name: true } } }, orderBy: { createdAt: 'asc' } }),
		prisma.provider.findMany({ where: { blockedBy: { none: { userId } } }, select: { id: true, name: true, town: true, type: true }, orderBy: { name: 'asc' } }),
		prisma.consent.findMany({ where: { userId }, orderBy: { grantedAt: 'desc' }, take: 20 }),
	])
	return {
		wording: consentWording,
		redirect: active.redirect ? formatDateTime(active.redirect) : null,
		talentPool: active.talentPool ? formatDateTime(active.talentPool) : null,
		blocked: blocks.map((b) => b.provider),
		providers: providers.map((p) => ({ id: p.id, label: p.type === 'individual-employer' ? p.name : `${p.name}, ${p.town}` })),
		history: history.map((h) => ({
			id: h.id,
			kind: h.kind,
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
	if (intent === 'block' && providerId && (await prisma.provider.count({ where: { id: providerId } }))) {
		await blockEmployer(userId, providerId)
		notifySearchOutbox()
		return redirect('/account/sharing?blocked=1')
	}
	if (intent === 'unblock' && providerId) {
		await unblockEmployer(userId, providerId)
		notifySearchOutbox()
		return redirect('/account/sharing?unblocked=1')
	}
	return redirect('/account/sharing')
}

export const handle: PageHandle = { title: 'Sharing your details' }

export default function SharingRoute() {
	const d = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	const notice = params.get('saved')
		? 'Saved. Changes reach every employer within seconds.'
		: params.get('blocked')
			? 'That employer will not see your profile or be sent your details.'
			: params.get('unblocked')
				? 'Employer removed from your list.'
				: null
	return (
		<div className="max-w-3xl">
			{notice ? (
				<div className="mb-6 border-l-8 border-success bg-[#e6f4ec] p-4" role="status">
					{notice}
				</div>
			) : null}
			<h1 className="mb-4 text-3xl">Sharing your details</h1>
			<p className="mb-6">You decide who beyond the employers you apply to can see you. Both are off unless you turn them on.</p>
			<Form method="post" className="mb-10">
				<fieldset>
					<legend className="mb-3 text-2xl font-bold">What you agree to</legend>
					<div className="mb-4 flex items-start gap-2">
						<input type="checkbox" id="consentRedirect" name="consentRedirect" defaultChecked={Boolean(d.redirect)} className="size-6 shrink-0 accent-[#0b0c0c]" aria-describedby="consentRedirect-hint" />
						<label htmlFor="consentRedirect" className="font-bold">
							{d.wording.redirect}
							<span id="consentRedirect-hint" className="block font-normal text-muted">
								{d.redirect ? `On since ${d.redirect}.` : 'Off.'}
							</span>
						</label>
					</div>
					<div className="mb-4 flex items-start gap-2">
						<input type="checkbox" id="consentTalentPool" name="consentTalentPool" defaultChecked={Boolean(d.talentPool)} className="size-6 shrink-0 accent-[#0b0c0c]" aria-describedby="consentTalentPool-hint" />
						<label htmlFor="consentTalentPool" className="font-bold">
							{d.wording['talent-pool']}
							<span id="consentTalentPool-hint" className="block font-normal text-muted">
								{d.talentPool ? `On since ${d.talentPool}. ` : 'Off. '}
								Employers see your skills, hours and the first half of your postcode, never your name or contact details, until
								you accept an invitation.
							</span>
						</label>
					</div>
				</fieldset>
				<button type="submit" name="intent" value="consents" className="btn">
					Save choices
				</button>
			</Form>

			<section aria-labelledby="blocked-heading" className="mb-10">
				<h2 id="blocked-heading" className="mb-2 text-2xl">
					Employers who must never see your details
				</h2>
				{d.blocked.length ? (
					<ul className="mb-4">
						{d.blocked.map((p) => (
							<li key={p.id} className="flex items-center gap-4 border-b border-line py-2">
								<span>{p.name}</span>
								<Form method="post">
									<input type="hidden" name="providerId" value={p.id} />
									<button type="submit" name="intent" value="unblock" className="cursor-pointer text-brand underline">
										Remove<span className="sr-only"> {p.name}</span>
									</button>
								</Form>
							</li>
						))}
					</ul>
				) : (
					<p className="mb-4 text-muted">None.</p>
				)}
				<Form method="post" className="flex flex-wrap items-end gap-3">
					<div>
						<label htmlFor="providerId" className="mb-1 block font-bold">
							Add an employer
						</label>
						<select id="providerId" name="providerId" className="input w-auto max-w-full">
							{d.providers.map((p) => (
								<option key={p.id} value={p.id}>
									{p.label}
								</option>
							))}
						</select>
					</div>
					<button type="submit" name="intent" value="block" className="btn btn-secondary">
						Add
					</button>
				</Form>
			</section>

			{d.history.length ? (
				<section aria-labelledby="history-heading">
					<h2 id="history-heading" className="mb-2 text-2xl">
						Your record of consent
					</h2>
					<ul className="ml-6 list-disc">
						{d.history.map((h) => (
							<li key={h.id}>
								{h.kind === 'redirect' ? 'Passing your details on' : 'The talent pool'}: given {h.granted}
								{h.withdrawn ? `, withdrawn ${h.withdrawn}` : ', still on'}
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}
