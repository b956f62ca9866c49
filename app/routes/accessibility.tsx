import { Link, useLoaderData } from '@remix-run/react'
import { serviceOperator } from '#app/utils/env.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

export function loader() {
	return serviceOperator()
}

export const handle: PageHandle = { title: 'Accessibility statement' }

export default function AccessibilityRoute() {
	const d = useLoaderData<typeof loader>()
	return (
		<div className="prose-text max-w-3xl">
			<h1 className="mb-4 text-3xl">Accessibility statement</h1>
			<p>
				{d.serviceName} is run by {d.operator}. We want as many people as possible to be able to use it. You should be
				able to:
			</p>
			<ul className="mb-4 ml-6 list-disc space-y-1">
				<li>zoom in up to 400% without the text spilling off the screen, and use it on a phone 320 pixels wide</li>
				<li>use every page and form with a keyboard alone, and see where you are on the page</li>
				<li>use it with a screen reader and with speech recognition</li>
				<li>use every form with JavaScript switched off</li>
				<li>read every page in plain English, with colours that meet the contrast the standard asks for</li>
			</ul>

			<h2 className="mb-3 mt-8 text-2xl">How accessible it is</h2>
			<p>
				We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA, as the Public Sector
				Bodies (Websites and Mobile Applications) Accessibility Regulations 2018 require. We know of these problems:
			</p>
			<ul className="mb-4 ml-6 list-disc space-y-1">
				<li>
					CVs, photos and stories come from the people who send them: we cannot check that a CV someone attaches is
					accessible.
				</li>
				<li>
					The career pathway map is a picture. Everything in it is also on the page as a list of links, which screen
					readers and small screens use instead.
				</li>
				<li>Some emails we send have tables of facts, which a few older email programs show without their labels.</li>
			</ul>

			<h2 className="mb-3 mt-8 text-2xl">How we tested it</h2>
			<p>
				Every change is tested automatically: the journeys of job seekers, employers, ambassadors and schools run in a
				real browser, each page checked with axe against WCAG 2.2 A and AA, public and signed-in pages at 320 pixels
				wide with no sideways scrolling, and forms sent with JavaScript switched off. Pages are checked as valid HTML.
				We also test by hand with a keyboard and a screen reader.
			</p>

			<h2 className="mb-3 mt-8 text-2xl">Feedback and contact</h2>
			<p>
				If you find something hard to use, or need information in another format such as large print or audio, email{' '}
				<a href={`mailto:${d.contactEmail}`}>{d.contactEmail}</a> or{' '}
				<Link to="/help#feedback">tell us on the help page</Link>. We will reply within 10 working days.
			</p>
			<h2 className="mb-3 mt-8 text-2xl">Enforcement procedure</h2>
			<p>
				The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility regulations. If
				you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service
				(EASS).
			</p>
			<p className="text-muted">This statement was prepared on 03/12/2026 and is reviewed with every release.</p>
		</div>
	)
}
