import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import {
	isRouteErrorResponse,
	Link,
	Links,
	Meta,
	Outlet,
	Scripts,
	ScrollRestoration,
	useLoaderData,
	useMatches,
	useRouteError,
	useRouteLoaderData,
} from '@remix-run/react'
import { useContext, type ReactNode } from 'react'
import { UNSAFE_DataRouterStateContext } from 'react-router-dom'
import { getHeaderAccount } from '#app/models/accounts/account.server.ts'
import { serviceRegion } from '#app/models/places/places.server.ts'
import { getUserId } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { useNonce } from '#app/utils/nonce.tsx'
import { pageTitle, type PageHandle } from '#app/utils/page.ts'
import styles from './tailwind.css?url'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: styles },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
	const env = getEnv()
	const userId = await getUserId(request)
	const account = userId ? await getHeaderAccount(userId) : null
	return {
		serviceName: env.SERVICE_NAME,
		region: env.REGION_NAME,
		// the region's own place and postcode, for examples in hints
		regionExample: serviceRegion.centre,
		signedIn: Boolean(account),
		isTeamMember: account?.isTeamMember ?? false,
		isAdmin: account?.isAdmin ?? false,
		isAmbassador: account?.isAmbassador ?? false,
	}
}

export type RootLoader = typeof loader

function useDocumentTitle(errorTitle?: string) {
	const matches = useMatches()
	const root = useRouteLoaderData<RootLoader>('root')
	const routerState = useContext(UNSAFE_DataRouterStateContext)
	const serviceName = root?.serviceName ?? 'Care Careers'
	if (errorTitle) return pageTitle(errorTitle, serviceName)
	// The page's own title comes from its route's handle; an action that
	// returned form errors adds GOV.UK's "Error: " prefix.
	const leaf = [...matches].reverse().find((m) => (m.handle as PageHandle | undefined)?.title)
	const handle = leaf?.handle as PageHandle | undefined
	const title = typeof handle?.title === 'function' ? handle.title(leaf?.data) : handle?.title
	const hasErrors = Object.values(routerState?.actionData ?? {}).some(
		(d) => (d as { result?: { status?: string } } | null)?.result?.status === 'error',
	)
	return pageTitle(title ? `${hasErrors ? 'Error: ' : ''}${title}` : null, serviceName)
}

function Document({ children, title }: { children: ReactNode; title: string }) {
	const nonce = useNonce()
	return (
		<html lang="en-GB" className="h-full">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<title>{title}</title>
				<Meta />
				<Links />
			</head>
			<body className="flex min-h-full flex-col">
				{children}
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

function Header({
	serviceName,
	region,
	signedIn,
	isTeamMember,
	isAdmin,
	isAmbassador,
}: {
	serviceName: string
	region: string
	signedIn: boolean
	isTeamMember: boolean
	isAdmin: boolean
	isAmbassador: boolean
}) {
	// One link to the signed-in person's own area, whichever kind of account it is.
	const home = isAdmin
		? { to: '/admin', label: 'Regional team' }
		: isTeamMember
			? { to: '/provider', label: 'Your vacancies' }
			: isAmbassador
				? { to: '/ambassador', label: 'Your visits' }
				: signedIn
					? { to: '/account/applications', label: 'Your applications' }
					: { to: '/for-employers', label: 'For employers' }
	return (
		<header className="bg-brand-dark text-white">
			<a
				href="#main-content"
				className="sr-only bg-focus p-2 text-ink focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
			>
				Skip to main content
			</a>
			<div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
				<Link to="/" className="text-xl font-bold text-white no-underline visited:text-white">
					{serviceName}
					<span className="block text-sm font-normal">{region} health and care jobs</span>
				</Link>
				<nav aria-label="Main">
					<ul className="flex flex-wrap gap-x-5 gap-y-1 text-base">
						<li>
							<Link className="text-white visited:text-white" to="/jobs">
								Find a job
							</Link>
						</li>
						<li>
							<Link className="text-white visited:text-white" to="/jobs?apprenticeship=1">
								Apprenticeships
							</Link>
						</li>
						<li>
							<Link className="text-white visited:text-white" to="/careers">
								Careers in care
							</Link>
						</li>
						<li>
							<Link className="text-white visited:text-white" to={home.to}>
								{home.label}
							</Link>
						</li>
						<li>
							{signedIn ? (
								<form method="post" action="/logout">
									<button type="submit" className="cursor-pointer text-white underline">
										Sign out
									</button>
								</form>
							) : (
								<Link className="text-white visited:text-white" to="/login">
									Sign in
								</Link>
							)}
						</li>
					</ul>
				</nav>
			</div>
		</header>
	)
}

function Footer({ serviceName, region }: { serviceName: string; region: string }) {
	return (
		<footer className="mt-12 border-t-4 border-brand bg-surface py-8 text-sm">
			<div className="mx-auto max-w-6xl px-4">
				<h2 className="sr-only">Support links</h2>
				<ul className="flex flex-wrap gap-x-6 gap-y-2">
					<li>
						<Link to="/help">Help and contact</Link>
					</li>
					<li>
						<Link to="/privacy">Privacy</Link>
					</li>
					<li>
						<Link to="/accessibility">Accessibility statement</Link>
					</li>
					<li>
						<Link to="/cookies">Cookies</Link>
					</li>
					<li>
						<Link to="/about/data">About this data</Link>
					</li>
					<li>
						<Link to="/provider/vacancies/new">Post a vacancy for free</Link>
					</li>
					<li>
						<Link to="/jobs">All jobs</Link>
					</li>
					<li>
						<Link to="/stories">Stories from people in care</Link>
					</li>
					<li>
						<Link to="/ambassadors">I Care Ambassadors</Link>
					</li>
					<li>
						<Link to="/ambassadors/request-a-visit">Request an ambassador visit</Link>
					</li>
				</ul>
				<p className="mt-4 text-muted">
					{serviceName} is a free service for health and social care employers and job seekers in {region}. Pay is shown
					on every vacancy. Dates are dd/mm/yyyy, UK time.
				</p>
			</div>
		</footer>
	)
}

export function Layout({ children }: { children: ReactNode }) {
	const data = useRouteLoaderData<RootLoader>('root')
	const error = useRouteError()
	const errorTitle = error
		? isRouteErrorResponse(error) && error.status === 404
			? 'Page not found'
			: 'Sorry, there is a problem'
		: undefined
	const title = useDocumentTitle(errorTitle)
	const serviceName = data?.serviceName ?? 'Care Careers'
	const region = data?.region ?? 'Norfolk and Waveney'
	return (
		<Document title={title}>
			<Header
				serviceName={serviceName}
				region={region}
				signedIn={data?.signedIn ?? false}
				isTeamMember={data?.isTeamMember ?? false}
				isAdmin={data?.isAdmin ?? false}
				isAmbassador={data?.isAmbassador ?? false}
			/>
			<main id="main-content" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6" tabIndex={-1}>
				{children}
			</main>
			<Footer serviceName={serviceName} region={region} />
		</Document>
	)
}

export default function App() {
	useLoaderData<RootLoader>()
	return <Outlet />
}

export function ErrorBoundary() {
	const error = useRouteError()
	if (isRouteErrorResponse(error)) {
		if (error.status === 404) {
			return (
				<div className="max-w-2xl">
					<h1 className="mb-4 text-3xl">Page not found</h1>
					<p className="mb-4">If you typed the web address, check it is correct.</p>
					<p className="mb-4">If you pasted the web address, check you copied the entire address.</p>
					<p>
						<Link to="/jobs">Search for jobs</Link> or go to the <Link to="/">home page</Link>.
					</p>
				</div>
			)
		}
		if (error.status === 403) {
			return (
				<div className="max-w-2xl">
					<h1 className="mb-4 text-3xl">You cannot see this page</h1>
					<p>{typeof error.data === 'string' ? error.data : 'Your account does not have access to this page.'}</p>
				</div>
			)
		}
	}
	return (
		<div className="max-w-2xl">
			<h1 className="mb-4 text-3xl">Sorry, there is a problem</h1>
			<p className="mb-4">Try again later. Nothing you saved has been lost.</p>
			<p>
				<Link to="/">Go to the home page</Link>
			</p>
		</div>
	)
}
