import { Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { CONFIRM_TTL_HOURS } from '#app/models/accounts/link-lifetimes.ts'
import { retention } from '#app/models/accounts/retention.server.ts'
import { SESSION_DAYS } from '#app/utils/auth.server.ts'
import { serviceOperator } from '#app/utils/env.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

export function loader() {
	return {
		...serviceOperator(),
		retention,
		confirmHours: CONFIRM_TTL_HOURS,
		sessionDays: SESSION_DAYS,
	}
}

export const handle: PageHandle = { title: 'Privacy notice' }

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
	return (
		<section aria-labelledby={id} className="mb-8">
			<h2 id={id} className="mb-3 text-2xl">
				{title}
			</h2>
			{children}
		</section>
	)
}

export default function PrivacyRoute() {
	const d = useLoaderData<typeof loader>()
	return (
		<div className="prose-text max-w-3xl">
			<h1 className="mb-4 text-3xl">Privacy notice</h1>
			<p className="mb-6 text-lg">
				{d.serviceName} is run by {d.operator}. This notice says what we collect on each form, why, who sees it, how
				long we keep it and what you can ask us to do. Write to{' '}
				<a href={`mailto:${d.contactEmail}`}>{d.contactEmail}</a> with any question about your data.
			</p>

			<Section id="apply" title="When you apply for a job">
				<p>
					We collect your name, email address, phone number, home postcode, whether you have the right to work in the
					UK, whether you drive and have a car, when and how many hours you can work, the roles you are interested in,
					your experience and qualifications, how far you can travel, your answers to the employer’s questions, anything
					you write about yourself and the CV you attach.
				</p>
				<p>
					We use it to send your application to that employer. The employer’s team sees all of it. Nobody else does,
					unless you give the permissions below. Our lawful basis is that you asked us to: it is needed to take the
					steps you asked for before a possible contract of employment.
				</p>
				<p>
					If you apply without an account, your application waits unsent until you confirm your email address from the
					link we send. If you do not confirm it within {d.confirmHours} hours, we delete it and its CV.
				</p>
			</Section>

			<Section id="permissions" title="The permissions you can give us">
				<p>When you apply, or in “Sharing your details” on your account, you can choose to let us:</p>
				<ul className="mb-4 ml-6 list-disc space-y-2">
					<li>
						email you jobs with other employers if the one you applied to cannot offer you the job (no employer is sent
						anything);
					</li>
					<li>
						show an anonymous profile in the regional talent pool: your area, the roles you want, when you can work,
						whether you drive, your experience and qualifications. No name, contact details, full postcode or anything
						you wrote. Employers the regional team has checked can invite you to apply; they learn who you are only if
						you do.
					</li>
				</ul>
				<p>
					Our lawful basis is your consent. We keep the words you agreed to and when. You can withdraw it at any time on
					your account, and you can block any employer from finding or inviting you.
				</p>
			</Section>

			<Section id="employers" title="When you sign up as an employer">
				<p>
					We collect your name, email address and password (stored only as a one-way hash), and your organisation’s
					name, type, address, website, description and CQC location ID. Adverts show the organisation’s name, address
					and description. If you are an individual employer hiring a Personal Assistant, we never show or send anywhere
					your address: only your area.
				</p>
				<p>
					The regional team sees the contact details of each organisation’s owners, to check the organisation is real.
					Our lawful basis is our public task of supporting the care workforce in {d.region}.
				</p>
			</Section>

			<Section id="visits" title="When a school or college asks for an ambassador visit">
				<p>
					We collect the organisation’s name and postcode, the contact’s name and email address, and the details of the
					visit. The ambassador who takes it sees the organisation, the contact’s first name and the full postcode once
					they have accepted; they never see the email address, and messages go through the portal. The regional team
					sees everything, to arrange visits. Our lawful basis is our public task.
				</p>
			</Section>

			<Section id="ambassadors" title="I Care Ambassadors and stories">
				<p>
					Ambassadors’ public profiles show their first name, role, employer if they choose, town, photo, career pathway
					and stories. We keep their email address to sign in and to send them visit requests. Stories are published
					only after the regional team has read them. Photos are re-encoded, which removes the camera’s hidden details
					such as location.
				</p>
			</Section>

			<Section id="keep" title="How long we keep it">
				<ul className="mb-4 ml-6 list-disc space-y-2">
					<li>
						A job seeker’s account, applications, CV and permissions: until {d.retention.inactiveCandidateMonths} months
						after you last signed in, applied or changed your details. We email you {d.retention.warningDays} days
						before we delete them, and signing in keeps them. Employers then see “withdrawn candidate” in their records.
					</li>
					<li>
						Applications nobody confirmed: {d.confirmHours} hours. The text of emails we send:{' '}
						{d.retention.sentEmailDays} days, after which we keep only the record that we sent one.
					</li>
					<li>Signing in lasts {d.sessionDays} days on a device, or until you sign out.</li>
					<li>
						Employers’ accounts and adverts, ambassadors’ profiles and visit requests: while the organisation uses the
						service. Ask us to delete them sooner.
					</li>
				</ul>
			</Section>

			<Section id="rights" title="Your rights">
				<p>You have the right to:</p>
				<ul className="mb-4 ml-6 list-disc space-y-2">
					<li>
						see everything we hold about you: on your account, <Link to="/account/download">download your data</Link>;
					</li>
					<li>have it corrected: change your details on your account, or write to us;</li>
					<li>
						have it deleted: <Link to="/account/delete">delete your account</Link> at any time;
					</li>
					<li>withdraw a permission, or object to our using your data, at any time;</li>
					<li>
						complain to the Information Commissioner’s Office (ico.org.uk, 0303 123 1113) if you are not happy with how
						we handle your data.
					</li>
				</ul>
			</Section>

			<Section id="others" title="Who else handles it">
				<p>
					Our servers, our email provider and our search engine run the service for us and may not use your data for
					anything else. We do not sell your data, show advertising, or use tracking or analytics cookies (see{' '}
					<Link to="/cookies">cookies</Link>).
				</p>
			</Section>
		</div>
	)
}
