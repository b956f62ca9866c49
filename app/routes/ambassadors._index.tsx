import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { listAmbassadors } from '#app/models/careers/ambassadors.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const params = new URL(request.url).searchParams
	const area = params.get('area') ?? ''
	const role = params.get('role') ?? ''
	const directory = await listAmbassadors({ area: area || undefined, roleId: role || undefined })
	return { ...directory, area, role }
}

export const handle: PageHandle = { title: 'I Care Ambassadors' }

export const meta: MetaFunction = () => [
	{
		name: 'description',
		content: 'I Care Ambassadors work in care and talk to schools, colleges and jobcentres about their careers.',
	},
]

export default function AmbassadorsRoute() {
	const d = useLoaderData<typeof loader>()
	const filtered = Boolean(d.area || d.role)
	return (
		<div>
			<h1 className="mb-4 text-3xl md:text-4xl">I Care Ambassadors</h1>
			<p className="mb-4 max-w-3xl text-lg">
				Ambassadors are people who work in care and share what it is really like: how they started, what they do, and
				where it has taken them. They visit schools, colleges and jobcentres to talk about careers in care.
			</p>
			<p className="mb-8">
				<Link to="/ambassadors/request-a-visit" className="btn">
					Ask an ambassador to visit
				</Link>
			</p>
			<Form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter ambassadors">
				<div>
					<label htmlFor="ambassador-area" className="mb-1 block font-bold">
						Area
					</label>
					<select id="ambassador-area" name="area" defaultValue={d.area} className="input w-auto max-w-full">
						<option value="">All areas</option>
						{d.areas.map((a) => (
							<option key={a} value={a}>
								{a}
							</option>
						))}
					</select>
				</div>
				<div>
					<label htmlFor="ambassador-role" className="mb-1 block font-bold">
						Role
					</label>
					<select id="ambassador-role" name="role" defaultValue={d.role} className="input w-auto max-w-full">
						<option value="">All roles</option>
						{d.roles.map((r) => (
							<option key={r.id} value={r.id}>
								{r.label}
							</option>
						))}
					</select>
				</div>
				<button type="submit" className="btn btn-secondary">
					Show ambassadors
				</button>
				{filtered ? <Link to="/ambassadors">Clear filters</Link> : null}
			</Form>
			<h2 className="mb-4 text-2xl" role="status">
				{d.ambassadors.length === 1 ? '1 ambassador' : `${d.ambassadors.length} ambassadors`}
				{filtered ? ' match' : ''}
			</h2>
			{d.ambassadors.length ? (
				<ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
					{d.ambassadors.map((a) => (
						<li key={a.id} className="flex gap-4 border-t-4 border-brand pt-3">
							{a.photo ? (
								<img src={a.photo.url} alt={a.photo.alt} className="size-24 shrink-0 object-cover" loading="lazy" />
							) : null}
							<div>
								<h3 className="text-xl">
									<Link to={`/ambassadors/${a.id}`}>{a.firstName}</Link>
								</h3>
								<p>
									{a.role}
									{a.employer ? ` at ${a.employer}` : ''}
								</p>
								<p className="text-muted">{a.area}</p>
								{a.visits ? (
									<p className="mt-1 tag bg-brand-light text-brand-dark">Visits schools and colleges</p>
								) : null}
							</div>
						</li>
					))}
				</ul>
			) : (
				<p>
					No ambassadors match. <Link to="/ambassadors">See all ambassadors</Link>.
				</p>
			)}
		</div>
	)
}
