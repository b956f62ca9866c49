import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { confirmEmailAddress, isEmailConfirmationValid } from '#app/models/accounts/email-confirmation.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

// The link in the email opens this page; the button confirms.
// (Email scanners follow links, so a GET must never use the token up.)
export async function loader({ params }: LoaderFunctionArgs) {
	return { valid: await isEmailConfirmationValid(params.token ?? '') }
}

export async function action({ params }: ActionFunctionArgs) {
	const userId = await confirmEmailAddress(params.token ?? '')
	return data({ confirmed: Boolean(userId) }, { status: userId ? 200 : 410 })
}

export const handle: PageHandle = { title: 'Confirm your email address' }

export default function ConfirmEmailRoute() {
	const { valid } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	if (result?.confirmed) {
		return (
			<div className="max-w-2xl">
				<div className="mb-6 bg-success p-6 text-white" role="status">
					<h1 className="mb-2 text-3xl text-white">Email address confirmed</h1>
					<p className="text-lg">Thank you. The regional team can now verify your organisation.</p>
				</div>
				<p>
					<Link to="/provider">Go to your vacancies</Link>
				</p>
			</div>
		)
	}
	if (!valid || result) {
		return (
			<div className="max-w-2xl">
				<h1 className="mb-4 text-3xl">This link has expired or has been used</h1>
				<p>
					If you have already confirmed your email address, there is nothing more to do. Otherwise,{' '}
					<Link to="/provider">sign in</Link> and ask for a new link from your vacancies page.
				</p>
			</div>
		)
	}
	return (
		<div className="max-w-2xl">
			<h1 className="mb-4 text-3xl">Confirm your email address</h1>
			<p className="mb-6">
				Confirm that this email address is yours, so that the regional team can verify your organisation.
			</p>
			<Form method="post">
				<button type="submit" className="btn">
					Confirm my email address
				</button>
			</Form>
		</div>
	)
}
