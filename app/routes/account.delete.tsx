import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'
import { isTeamMember } from '#app/models/accounts/account.server.ts'
import { deleteCandidateAccount } from '#app/models/applications/candidate-profile.server.ts'
import { logout, requireUserId } from '#app/utils/auth.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

async function requireCandidate(request: Request) {
	const userId = await requireUserId(request)
	// A provider's team member closes their account through their team's owner.
	if (await isTeamMember(userId)) throw redirect('/account')
	return userId
}

export async function loader({ request }: LoaderFunctionArgs) {
	await requireCandidate(request)
	return null
}

export async function action({ request }: ActionFunctionArgs) {
	const userId = await requireCandidate(request)
	const cookie = await logout(request)
	await deleteCandidateAccount(userId)
	return redirect('/?deleted=1', { headers: { 'Set-Cookie': cookie } })
}

export const handle: PageHandle = { title: 'Delete your account' }

export default function DeleteAccountRoute() {
	return (
		<div className="max-w-2xl">
			<h1 className="mb-4 text-3xl">Delete your account</h1>
			<p className="mb-2">If you delete your account:</p>
			<ul className="mb-4 ml-6 list-disc space-y-1">
				<li>your details, CV, answers and supporting statements are removed</li>
				<li>applications still in progress are withdrawn</li>
				<li>employers you applied to will see only “withdrawn candidate”</li>
			</ul>
			<p className="mb-6">
				You cannot undo this. You may want to <a href="/account/download">download your data</a> first.
			</p>
			<div className="flex flex-wrap items-center gap-4">
				<Form method="post">
					<button type="submit" className="btn btn-warning">
						Delete my account
					</button>
				</Form>
				<Link to="/account">Cancel</Link>
			</div>
		</div>
	)
}
