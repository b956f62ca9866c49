import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { StoryList } from '#app/components/story-list.tsx'
import { listPublishedStories } from '#app/models/careers/stories.server.ts'
import { careRoles } from '#app/models/jobs/care-roles.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const roleParam = new URL(request.url).searchParams.get('role') ?? ''
	const role = careRoles.find((r) => r.id === roleParam)
	const all = await listPublishedStories()
	const roleIds = new Set(all.flatMap((s) => s.roles.map((r) => r.id)))
	return {
		stories: role ? all.filter((s) => s.roles.some((r) => r.id === role.id)) : all,
		role: role ? { id: role.id, name: role.name } : null,
		roles: careRoles.filter((r) => roleIds.has(r.id)).map((r) => ({ id: r.id, name: r.name })),
	}
}

export const handle: PageHandle = {
	title: (d: { role: { name: string } | null }) => (d.role ? `Stories: ${d.role.name}` : 'Stories from people in care'),
}

export const meta: MetaFunction = () => [
	{
		name: 'description',
		content:
			'People working in care tell their own stories: how they started, what the work is like and where it has taken them.',
	},
]

export default function StoriesRoute() {
	const d = useLoaderData<typeof loader>()
	return (
		<div>
			<h1 className="mb-4 text-3xl md:text-4xl">
				{d.role ? `Stories: ${d.role.name}` : 'Stories from people in care'}
			</h1>
			<p className="mb-6 max-w-3xl text-lg">
				People who work in care, in their own words. <Link to="/careers">Read about the roles</Link> or{' '}
				<Link to="/ambassadors">meet our I Care Ambassadors</Link>.
			</p>
			{d.roles.length > 1 ? (
				<Form method="get" className="mb-8 flex flex-wrap items-end gap-3">
					<div>
						<label htmlFor="stories-role" className="mb-1 block font-bold">
							Role
						</label>
						<select id="stories-role" name="role" defaultValue={d.role?.id ?? ''} className="input w-auto max-w-full">
							<option value="">All roles</option>
							{d.roles.map((r) => (
								<option key={r.id} value={r.id}>
									{r.name}
								</option>
							))}
						</select>
					</div>
					<button type="submit" className="btn btn-secondary">
						Show stories
					</button>
				</Form>
			) : null}
			{d.stories.length ? (
				<StoryList stories={d.stories} headingLevel={2} />
			) : (
				<p>There are no stories {d.role ? 'for this role ' : ''}yet.</p>
			)}
		</div>
	)
}
