import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { requireUserId } from '#app/utils/auth.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	const user = await prisma.user.findUniqueOrThrow({
		where: { id: userId },
		select: { email: true, name: true, passwordHash: true, createdAt: true, _count: { select: { memberships: true } } },
	})
	return {
		email: user.email,
		name: user.name,
		hasPassword: Boolean(user.passwordHash),
		since: formatDate(user.createdAt),
		isTeamMember: user._count.memberships > 0,
	}
}

export const handle: PageHandle = { title: 'Your account' }

export default function AccountRoute() {
	const d = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	return (
		<div className="max-w-2xl">
			{params.get('password') ? (
				<div className="mb-6 border-l-8 border-success bg-[#e6f4ec] p-4" role="status">
					Your password has been saved. You have been signed out everywhere else.
				</div>
			) : null}
			<h1 className="mb-4 text-3xl">Your account</h1>
			<dl className="mb-8 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
				<dt className="font-bold">Name</dt>
				<dd>{d.name ?? 'Not given'}</dd>
				<dt className="font-bold">Email</dt>
				<dd>{d.email}</dd>
				<dt className="font-bold">Since</dt>
				<dd>{d.since}</dd>
			</dl>
			<h2 className="mb-2 text-2xl">Signing in</h2>
			<p className="mb-6">
				{d.hasPassword ? 'You sign in with your email and password. ' : 'You sign in with a link we email you. '}
				<Link to="/account/password">{d.hasPassword ? 'Change your password' : 'Set a password'}</Link>
			</p>
			<h2 className="mb-2 text-2xl">Your data</h2>
			<p className="mb-2">Download everything we hold about you, as a JSON file.</p>
			<p className="mb-6">
				<a href="/account/download" download>
					Download your data
				</a>
			</p>
			{d.isTeamMember ? null : (
				<>
					<h2 className="mb-2 text-2xl">Delete your account</h2>
					<p className="mb-2">
						This removes your details, CV and answers. Employers you applied to will see only “withdrawn candidate”.
					</p>
					<p>
						<Link to="/account/delete">Delete your account</Link>
					</p>
				</>
			)}
		</div>
	)
}
