import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { ErrorSummary } from '#app/components/forms.tsx'
import {
	listProvidersForVerification,
	setProviderVerified,
	VerificationError,
} from '#app/models/organisations/providers.server.ts'
import { providerTypes } from '#app/models/organisations/vocabulary.ts'
import { requireAdmin } from '#app/utils/admin.server.ts'
import { formatDate } from '#app/utils/dates.ts'
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

export async function action({ request }: ActionFunctionArgs) {
	await requireAdmin(request)
	const formData = await request.formData()
	const id = String(formData.get('providerId') ?? '')
	const verify = formData.get('intent') === 'verify'
	try {
		await setProviderVerified(id, verify)
	} catch (error) {
		if (error instanceof VerificationError) return data({ providerId: id, error: error.message }, { status: 409 })
		throw error
	}
	return redirect(
		`/admin/providers?${new URLSearchParams({ [verify ? 'verified' : 'unverified']: id })}#provider-${id}`,
	)
}

export const handle: PageHandle = { title: 'Providers' }

export default function AdminProvidersRoute() {
	const d = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [params] = useSearchParams()
	return (
		<div>
			{d.notice && !actionData && (params.has('verified') || params.has('unverified')) ? (
				<div className="mb-6 border-l-8 border-success bg-[#e6f4ec] p-4" role="status">
					{d.notice}
				</div>
			) : null}
			<ErrorSummary errors={[]} formError={actionData?.error} />
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
			<div className="max-w-full overflow-x-auto">
				<table className="w-full border-collapse text-left">
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
									className={`border-b border-line align-top ${d.changedId === p.id ? 'bg-[#e6f4ec]' : ''}`}
								>
									<td className="py-2 pr-4">
										<Link to={`/providers/${p.id}`}>{p.name}</Link>
										<span className="block text-sm text-muted">
											{p.type}, {p.town}
										</span>
									</td>
									<td className="py-2 pr-4">
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
									<td className="py-2 pr-4">
										{p.cqcLocationId ? (
											<a href={`https://www.cqc.org.uk/location/${p.cqcLocationId}`}>{p.cqcLocationId}</a>
										) : (
											'–'
										)}
									</td>
									<td className="py-2 pr-4">{p.createdAt}</td>
									<td className="py-2">
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
