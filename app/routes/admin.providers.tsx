import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { labelOf, providerTypes } from '#app/models/options.ts'
import { requireAdmin } from '#app/utils/admin.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAdmin(request)
	const providers = await prisma.provider.findMany({
		orderBy: [{ verifiedAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }],
		select: { id: true, name: true, type: true, town: true, cqcLocationId: true, verifiedAt: true, createdAt: true },
	})
	return {
		providers: providers.map((p) => ({
			...p,
			type: labelOf(providerTypes, p.type),
			verifiedAt: p.verifiedAt ? formatDate(p.verifiedAt) : null,
			createdAt: formatDate(p.createdAt),
		})),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	await requireAdmin(request)
	const formData = await request.formData()
	const id = String(formData.get('providerId') ?? '')
	const verify = formData.get('intent') === 'verify'
	await prisma.provider.updateMany({ where: { id }, data: { verifiedAt: verify ? new Date() : null } })
	return redirect('/admin/providers')
}

export const handle: PageHandle = { title: 'Providers' }

export default function AdminProvidersRoute() {
	const d = useLoaderData<typeof loader>()
	return (
		<div>
			<h1 className="mb-2 text-3xl">Providers</h1>
			<p className="mb-6 max-w-3xl">Verified providers can search the talent pool. Check the CQC location ID, or the council’s accreditation, before verifying.</p>
			<table className="w-full border-collapse text-left">
				<thead>
					<tr className="border-b-2 border-ink">
						<th scope="col" className="py-2 pr-4">Provider</th>
						<th scope="col" className="py-2 pr-4">CQC location</th>
						<th scope="col" className="py-2 pr-4">Joined</th>
						<th scope="col" className="py-2">Verified</th>
					</tr>
				</thead>
				<tbody>
					{d.providers.map((p) => (
						<tr key={p.id} className="border-b border-line">
							<td className="py-2 pr-4">
								<Link to={`/providers/${p.id}`}>{p.name}</Link>
								<span className="block text-sm text-muted">
									{p.type}, {p.town}
								</span>
							</td>
							<td className="py-2 pr-4">
								{p.cqcLocationId ? <a href={`https://www.cqc.org.uk/location/${p.cqcLocationId}`}>{p.cqcLocationId}</a> : '–'}
							</td>
							<td className="py-2 pr-4">{p.createdAt}</td>
							<td className="py-2">
								<Form method="post" className="flex items-center gap-3">
									<input type="hidden" name="providerId" value={p.id} />
									{p.verifiedAt ? <span>{p.verifiedAt}</span> : null}
									<button type="submit" name="intent" value={p.verifiedAt ? 'unverify' : 'verify'} className="cursor-pointer text-brand underline">
										{p.verifiedAt ? 'Remove' : 'Verify'}
										<span className="sr-only"> {p.name}</span>
									</button>
								</Form>
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
