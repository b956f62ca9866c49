import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary } from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { listProvidersForVerification, setProviderVerified } from '#app/models/organisations/providers.server.ts'
import { providerTypes } from '#app/models/organisations/vocabulary.ts'
import { requireAdmin } from '#app/utils/admin.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { replyError, replyToDomainError } from '#app/utils/form-reply.ts'
import { labelOf } from '#app/utils/options.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAdmin(request)
	const url = new URL(request.url)
	const providers = await listProvidersForVerification()
	const rows = providers.map((p) => ({
		id: p.id,
		name: p.name,
		type: labelOf(providerTypes, p.type),
		town: p.town,
		cqcLocationId: p.cqcLocationId,
		verifiedAt: p.verifiedAt ? formatDate(p.verifiedAt) : null,
		createdAt: formatDate(p.createdAt),
		owners: p.members.map((m) => ({
			name: m.user.name ?? 'No name given',
			email: m.user.email,
			confirmed: Boolean(m.user.emailVerifiedAt),
		})),
	}))
	const changed = rows.find((r) => r.id === (url.searchParams.get('verified') ?? url.searchParams.get('unverified')))
	return {
		providers: rows,
		waiting: rows.filter((r) => !r.verifiedAt).length,
		notice: changed
			? url.searchParams.has('verified')
				? `${changed.name} is verified. They can now use the talent pool.`
				: `${changed.name} is no longer verified.`
			: null,
		changedId: changed?.id ?? null,
	}
}

const VerifySchema = z.object({
	providerId: z.string().min(1),
	// Anything but "verify" takes verification away, as the "Remove" button does.
	intent: z.string().optional(),
})

export async function action({ request }: ActionFunctionArgs) {
	await requireAdmin(request)
	const parsed = VerifySchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return replyError('provider', 'Choose a provider to verify', { status: 400 })
	const id = parsed.data.providerId
	const verify = parsed.data.intent === 'verify'
	// One form per provider; its message shows in the error summary at the top.
	const form = `provider:${id}`
	try {
		await setProviderVerified(id, verify)
	} catch (error) {
		return replyToDomainError(error, form)
	}
	return redirect(
		`/admin/providers?${new URLSearchParams({ [verify ? 'verified' : 'unverified']: id })}#provider-${id}`,
	)
}

export const handle: PageHandle = { title: 'Providers' }

export default function AdminProvidersRoute() {
	const d = useLoaderData<typeof loader>()
	const reply = useActionData<typeof action>()
	const [params] = useSearchParams()
	return (
		<div>
			{d.notice && !reply && (params.has('verified') || params.has('unverified')) ? (
				<NotificationBanner>{d.notice}</NotificationBanner>
			) : null}
			<ErrorSummary errors={[]} formError={reply?.result.error?.['']?.[0]} />
			<h1 className="mb-2 text-3xl">Providers</h1>
			<p className="mb-2 max-w-3xl">
				Verified providers can search the talent pool. Before verifying, check that the contact works for the
				organisation: for example, that their email address is at the organisation’s own domain, or by calling the
				number on the CQC register. Check the CQC location ID, or the council’s accreditation for other employers.
			</p>
			<p className="mb-6 max-w-3xl">
				An organisation can only be verified once its owner has confirmed their email address. {d.waiting}{' '}
				{d.waiting === 1 ? 'provider is' : 'providers are'} not verified.
			</p>
			<div>
				<table className="stack-table w-full border-collapse text-left">
					<thead>
						<tr className="border-b-2 border-ink">
							<th scope="col" className="py-2 pr-4">
								Provider
							</th>
							<th scope="col" className="py-2 pr-4">
								Contact
							</th>
							<th scope="col" className="py-2 pr-4">
								CQC location
							</th>
							<th scope="col" className="py-2 pr-4">
								Joined
							</th>
							<th scope="col" className="py-2">
								Verified
							</th>
						</tr>
					</thead>
					<tbody>
						{d.providers.map((p) => {
							const confirmed = p.owners.some((o) => o.confirmed)
							return (
								<tr
									key={p.id}
									id={`provider-${p.id}`}
									className={`border-b border-line align-top ${d.changedId === p.id ? 'bg-success-light' : ''}`}
								>
									<td data-label="Provider" className="py-2 pr-4">
										<Link to={`/providers/${p.id}`}>{p.name}</Link>
										<span className="block text-sm text-muted">
											{p.type}, {p.town}
										</span>
									</td>
									<td data-label="Contact" className="py-2 pr-4">
										{p.owners.length ? (
											<ul>
												{p.owners.map((o) => (
													<li key={o.email} className="mb-1">
														{o.name}
														<span className="block break-all text-sm">
															<a href={`mailto:${o.email}`}>{o.email}</a>
														</span>
														<span className={`block text-sm ${o.confirmed ? 'text-muted' : 'font-bold'}`}>
															{o.confirmed ? 'Email confirmed' : 'Email not confirmed'}
														</span>
													</li>
												))}
											</ul>
										) : (
											'Nobody owns this account'
										)}
									</td>
									<td data-label="CQC location" className="py-2 pr-4">
										{p.cqcLocationId ? (
											<a href={`https://www.cqc.org.uk/location/${p.cqcLocationId}`}>{p.cqcLocationId}</a>
										) : (
											'–'
										)}
									</td>
									<td data-label="Joined" className="py-2 pr-4">
										{p.createdAt}
									</td>
									<td data-label="Verified" className="py-2">
										{p.verifiedAt ? (
											<Form method="post" className="flex flex-wrap items-center gap-x-3">
												<input type="hidden" name="providerId" value={p.id} />
												<span>{p.verifiedAt}</span>
												<button
													type="submit"
													name="intent"
													value="unverify"
													className="cursor-pointer text-brand underline"
												>
													Remove<span className="sr-only"> verification of {p.name}</span>
												</button>
											</Form>
										) : confirmed ? (
											<Form method="post">
												<input type="hidden" name="providerId" value={p.id} />
												<button
													type="submit"
													name="intent"
													value="verify"
													className="cursor-pointer text-brand underline"
												>
													Verify<span className="sr-only"> {p.name}</span>
												</button>
											</Form>
										) : p.owners.length ? (
											<span className="text-muted">Waiting for the owner to confirm their email address</span>
										) : (
											<span className="text-muted">Cannot be verified: nobody owns this account</span>
										)}
									</td>
								</tr>
							)
						})}
					</tbody>
				</table>
			</div>
		</div>
	)
}
