import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { isSignInLinkValid, redeemSignInLink } from '#app/models/accounts/account-recovery.server.ts'
import { createSession, homePathFor } from '#app/utils/auth.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

// A button, not the link itself, signs in: email scanners open links too.
export async function loader({ params }: LoaderFunctionArgs) {
	return { valid: await isSignInLinkValid(params.token ?? '') }
}

export async function action({ params }: ActionFunctionArgs) {
	const userId = await redeemSignInLink(params.token ?? '')
	if (!userId) return redirect(`/sign-in/${params.token}`)
	return redirect(await homePathFor(userId), { headers: { 'Set-Cookie': await createSession(userId) } })
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
