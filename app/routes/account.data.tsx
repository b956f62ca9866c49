import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { SummaryList } from '#app/components/summary-list.tsx'
import { frequencyText } from '#app/models/alerts/job-alerts.server.ts'
import { exportCandidateData } from '#app/models/applications/candidate-profile.server.ts'
import { stages } from '#app/models/applications/vocabulary.ts'
import { roleName } from '#app/models/jobs/care-roles.server.ts'
import { consentName, type ConsentKind } from '#app/models/redirect/consent-text.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { formatDate, formatDateTime } from '#app/utils/dates.ts'
import { labelOf } from '#app/utils/options.ts'
import type { PageHandle } from '#app/utils/page.ts'

const when = (date: Date | string | null | undefined) => (date ? formatDateTime(date) : '')

/** The same data as the download, in words. */
export async function loader({ request }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	const data = await exportCandidateData(userId)
	const profile = data.account.candidate
	return {
		account: [
			{ key: 'Email', value: data.account.email },
			{ key: 'Email confirmed', value: when(data.account.emailVerifiedAt) || 'Not yet' },
			{ key: 'Account created', value: when(data.account.createdAt) },
			{ key: 'Last used', value: when(data.account.lastActiveAt) },
		],
		profile: profile
			? [
					{ key: 'Name', value: `${profile.firstName} ${profile.lastName}` },
					{ key: 'Phone', value: profile.phone },
					{ key: 'Home postcode', value: profile.postcode },
					{ key: 'Right to work', value: profile.rightToWork === 'yes' ? 'Yes' : 'Needs visa sponsorship' },
					{
						key: 'Driving',
						value: `${profile.drivingLicence ? 'Licence' : 'No licence'}, ${profile.hasCar ? 'car' : 'no car'}`,
					},
					{ key: 'Roles', value: ((profile.roles as string[]) ?? []).map(roleName).join(', ') },
					{ key: 'Travels up to', value: `${profile.travelMiles} miles` },
				]
			: null,
		consents: data.consents.map((c) => ({
			name: consentName[c.kind as ConsentKind] ?? c.kind,
			wording: c.wording,
			granted: when(c.grantedAt),
			withdrawn: when(c.withdrawnAt),
			source: c.source === 'apply' ? 'when applying' : 'on your account',
		})),
		blocked: data.blockedEmployers.map((b) => ({ employer: b.employer, on: formatDate(b.blockedAt) })),
		applications: data.account.applications.map((a) => ({
			id: a.id,
			title: a.vacancy.title,
			employer: a.vacancy.provider.name,
			sent: when(a.submittedAt),
			stage: labelOf(stages, a.stage),
			answers: a.answers.map((x) => ({ question: x.question.text, answer: x.answer })),
			statement: a.supportingStatement,
		})),
		invitations: data.talentPoolInvitations.map((i) => ({
			from: i.from,
			title: i.vacancy.title,
			sent: formatDate(i.sentAt),
			answer: i.answer === 'sent' ? 'Not answered' : i.answer === 'accepted' ? 'Applied' : 'Said no',
		})),
		passedOn: data.passedOnByEmployers.map((r) => ({
			by: r.by,
			at: formatDate(r.at),
			jobs: r.jobsWeSuggested.map((j) => `${j.vacancy.title} (${j.vacancy.provider.name})`),
		})),
		files: data.account.files.map((f) => ({ name: f.originalName, added: formatDate(f.createdAt) })),
		alerts: data.jobAlerts.map((a) => ({
			description: a.description,
			how: frequencyText(a.frequency),
			made: formatDate(a.createdAt),
		})),
		saved: data.savedJobs.map((s) => ({
			title: s.vacancy.title,
			employer: s.vacancy.provider.name,
			on: formatDate(s.savedAt),
		})),
		emails: data.emailsSentToYou.map((e) => ({ subject: e.subject, sent: when(e.sentAt ?? e.createdAt) })),
	}
}

export const handle: PageHandle = { title: 'Your data' }

function Part({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
	return (
		<section className="mb-8">
			<h2 className="mb-3 text-2xl">{title}</h2>
			{empty ? <p className="text-muted">None.</p> : children}
		</section>
	)
}

export default function AccountDataRoute() {
	const d = useLoaderData<typeof loader>()
	return (
		<div className="max-w-3xl">
			<h1 className="mb-2 text-3xl">Your data</h1>
			<p className="mb-6">
				Everything we hold about you. You can also{' '}
				<a href="/account/download" download>
					download it as a file
				</a>
				, or <Link to="/account/delete">delete your account</Link>.
			</p>
			<Part title="Your account" empty={false}>
				<SummaryList rows={d.account} />
			</Part>
			<Part title="Your details" empty={!d.profile}>
				<SummaryList rows={d.profile ?? []} />
			</Part>
			<Part title="Permissions you gave us" empty={!d.consents.length}>
				<ul className="space-y-4">
					{d.consents.map((c, i) => (
						<li key={i} className="border-l-4 border-line pl-4">
							<p className="font-bold">{c.name}</p>
							<p className="mb-1">“{c.wording}”</p>
							<p className="text-muted">
								Given {c.granted} {c.source}
								{c.withdrawn ? `; withdrawn ${c.withdrawn}` : ''}
							</p>
						</li>
					))}
				</ul>
			</Part>
			<Part title="Employers you blocked" empty={!d.blocked.length}>
				<ul className="ml-6 list-disc">
					{d.blocked.map((b) => (
						<li key={b.employer}>
							{b.employer}, since {b.on}
						</li>
					))}
				</ul>
			</Part>
			<Part title="Your applications" empty={!d.applications.length}>
				<ul className="space-y-4">
					{d.applications.map((a) => (
						<li key={a.id} className="border-l-4 border-line pl-4">
							<p className="font-bold">
								{a.title}, {a.employer}
							</p>
							<p className="text-muted">
								Sent {a.sent || 'not yet'}: {a.stage}
							</p>
							{a.answers.map((x) => (
								<p key={x.question}>
									{x.question} <strong>{x.answer}</strong>
								</p>
							))}
							{a.statement ? <p className="mt-1 whitespace-pre-line">{a.statement}</p> : null}
						</li>
					))}
				</ul>
			</Part>
			<Part title="Invitations from the talent pool" empty={!d.invitations.length}>
				<ul className="ml-6 list-disc">
					{d.invitations.map((i, n) => (
						<li key={n}>
							{i.from} invited you to apply for {i.title} on {i.sent}: {i.answer}
						</li>
					))}
				</ul>
			</Part>
			<Part title="Employers who passed you on" empty={!d.passedOn.length}>
				<ul className="space-y-3">
					{d.passedOn.map((r, n) => (
						<li key={n}>
							{r.by}, on {r.at}.{' '}
							{r.jobs.length ? `Jobs we suggested: ${r.jobs.join('; ')}.` : 'We found no jobs to suggest.'}
						</li>
					))}
				</ul>
			</Part>
			<Part title="Files you uploaded" empty={!d.files.length}>
				<ul className="ml-6 list-disc">
					{d.files.map((f, n) => (
						<li key={n}>
							{f.name}, {f.added}
						</li>
					))}
				</ul>
			</Part>
			<Part title="Job alerts" empty={!d.alerts.length}>
				<ul className="ml-6 list-disc">
					{d.alerts.map((a, n) => (
						<li key={n}>
							{a.description}: {a.how.toLowerCase()}, made on {a.made}
						</li>
					))}
				</ul>
			</Part>
			<Part title="Saved jobs" empty={!d.saved.length}>
				<ul className="ml-6 list-disc">
					{d.saved.map((j, n) => (
						<li key={n}>
							{j.title} ({j.employer}), saved on {j.on}
						</li>
					))}
				</ul>
			</Part>
			<Part title="Emails we sent you" empty={!d.emails.length}>
				<ul className="ml-6 list-disc">
					{d.emails.map((e, n) => (
						<li key={n}>
							{e.subject}, {e.sent}
						</li>
					))}
				</ul>
			</Part>
		</div>
	)
}
