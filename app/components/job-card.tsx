import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { SummaryList } from './summary-list.tsx'

export type JobCardData = {
	id: number
	title: string
	providerName: string
	town: string
	distance: string | null
	pay: string
	payHourly: string | null
	hours: string
	contract: string
	closing: string
	summary?: string
	apprenticeship: boolean
	noDrivingNeeded: boolean
	visaSponsorship: boolean
	isNew?: boolean
	closingSoon?: boolean
}

export function Badges({
	job,
}: {
	job: Pick<JobCardData, 'apprenticeship' | 'noDrivingNeeded' | 'visaSponsorship' | 'isNew' | 'closingSoon'>
}) {
	if (!job.apprenticeship && !job.noDrivingNeeded && !job.visaSponsorship && !job.isNew && !job.closingSoon) return null
	return (
		<ul className="mb-2 flex flex-wrap gap-2" aria-label="Features">
			{job.isNew ? <li className="tag tag-blue">New</li> : null}
			{job.closingSoon ? <li className="tag tag-red">Closing soon</li> : null}
			{job.apprenticeship ? <li className="tag tag-purple">Apprenticeship</li> : null}
			{job.noDrivingNeeded ? <li className="tag bg-brand-light text-brand-dark">No driving needed</li> : null}
			{job.visaSponsorship ? <li className="tag tag-orange">Visa sponsorship</li> : null}
		</ul>
	)
}

export function JobCard({
	job,
	href,
	headingLevel = 2,
	showProvider = true,
	action,
}: {
	job: JobCardData
	href: string
	headingLevel?: 2 | 3
	/** Off on the provider's own page, which names them already. */
	showProvider?: boolean
	/** a control at the foot of the card (Save) */
	action?: ReactNode
}) {
	const Heading = headingLevel === 2 ? 'h2' : 'h3'
	return (
		<li id={`job-${job.id}`} className="border-b border-line py-5">
			<Heading className="mb-1 text-xl">
				<Link to={href}>{job.title}</Link>
			</Heading>
			{showProvider ? <p className="mb-2 font-bold">{job.providerName}</p> : null}
			<Badges job={job} />
			<SummaryList
				compact
				className=""
				rows={[
					{
						key: 'Location',
						value: (
							<>
								{job.town}
								{job.distance ? <> ({job.distance} away)</> : null}
							</>
						),
					},
					{
						key: 'Pay',
						value: (
							<>
								{job.pay}
								{job.payHourly ? <span className="text-muted"> ({job.payHourly})</span> : null}
							</>
						),
					},
					{ key: 'Hours', value: job.hours },
					{ key: 'Contract', value: job.contract },
					{ key: 'Closing date', value: job.closing },
				]}
			/>
			{job.summary ? <p className="mt-2 text-muted">{job.summary}</p> : null}
			{action}
		</li>
	)
}
