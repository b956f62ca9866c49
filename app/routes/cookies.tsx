import { useLoaderData } from '@remix-run/react'
import { SummaryList } from '#app/components/summary-list.tsx'
import { PRIMARY_FOR_SECONDS, WROTE_COOKIE } from '#app/server/replica-reads.server.ts'
import { APPLY_EMAIL_MINUTES } from '#app/utils/apply-email.server.ts'
import { SESSION_DAYS } from '#app/utils/auth.server.ts'
import { getEnv, serviceOperator } from '#app/utils/env.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

export function loader() {
	return {
		...serviceOperator(),
		sessionDays: SESSION_DAYS,
		applyEmailMinutes: APPLY_EMAIL_MINUTES,
		// Only set where the service reads from a copy of its database.
		wroteCookie: getEnv().DATABASE_REPLICA_URL ? { name: WROTE_COOKIE, seconds: PRIMARY_FOR_SECONDS } : null,
	}
}

export const handle: PageHandle = { title: 'Cookies' }

export default function CookiesRoute() {
	const d = useLoaderData<typeof loader>()
	return (
		<div className="prose-text max-w-3xl">
			<h1 className="mb-4 text-3xl">Cookies</h1>
			<p>
				Cookies are small files saved on your phone, tablet or computer when you visit a website. {d.serviceName} uses
				only the cookies it needs to work. It has no analytics, advertising or tracking cookies, and nothing from other
				websites, so we do not ask you to accept cookies.
			</p>
			<h2 className="mb-3 mt-6 text-2xl">Cookies we use</h2>
			<SummaryList
				rows={[
					{
						key: <code>__session</code>,
						value: `Keeps you signed in. Only set when you sign in. Lasts ${d.sessionDays} days, or until you sign out.`,
					},
					{
						key: <code>__apply_email</code>,
						value: `After you apply without an account, shows the address we sent the confirmation link to. Lasts ${d.applyEmailMinutes} minutes.`,
					},
					...(d.wroteCookie
						? [
								{
									key: <code>{d.wroteCookie.name}</code>,
									value: `After you send us anything (a form, an application), makes sure the next pages you see show it. Lasts ${d.wroteCookie.seconds} seconds.`,
								},
							]
						: []),
				]}
			/>
		</div>
	)
}
