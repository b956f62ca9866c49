import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { isSignInLinkValid, redeemSignInLink } from '#app/models/accounts/account-recovery.server.ts'
import { saveJob, savedJobFromSubject } from '#app/models/saved-jobs/saved-jobs.server.ts'
import { createSession, homePathFor } from '#app/utils/auth.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

// A button, not the link itself, signs in: email scanners open links too.
export async function loader({ params }: LoaderFunctionArgs) {
	return { valid: await isSignInLinkValid(params.token ?? '') }
}

export async function action({ params }: ActionFunctionArgs) {
	const redeemed = await redeemSignInLink(params.token ?? '')
	if (!redeemed) return redirect(`/sign-in/${params.token}`)
	const headers = { 'Set-Cookie': await createSession(redeemed.userId) }
	// The link a guest was sent when they pressed Save: it saves the job too.
	const jobToSave = savedJobFromSubject(redeemed.subjectId)
	if (jobToSave) {
		const saved = await saveJob(redeemed.userId, jobToSave).then(
			() => true,
			() => false,
		)
		return redirect(saved ? `/jobs/${jobToSave}?saved=1` : `/jobs/${jobToSave}`, { headers })
	}
	return redirect(await homePathFor(redeemed.userId), { headers })
}

export const handle: PageHandle = { title: 'Sign in' }

export default function SignInLinkRoute() {
	const { valid } = useLoaderData<typeof loader>()
	return (
		<div className="max-w-xl">
			{valid ? (
				<>
					<h1 className="mb-4 text-3xl">Sign in</h1>
					<Form method="post">
						<button type="submit" className="btn">
							Sign in to my account
						</button>
					</Form>
				</>
			) : (
				<>
					<h1 className="mb-4 text-3xl">This link has expired or has been used</h1>
					<p>
						<Link to="/login/email">Ask for a new link</Link>
					</p>
				</>
			)}
		</div>
	)
}
