import { Link } from '@remix-run/react'

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
}

export function Badges({ job }: { job: Pick<JobCardData, 'apprenticeship' | 'noDrivingNeeded' | 'visaSponsorship'> }) {
	if (!job.apprenticeship && !job.noDrivingNeeded && !job.visaSponsorship) return null
	return (
		<ul className="mb-2 flex flex-wrap gap-2" aria-label="Features">
			{job.apprenticeship ? <li className="tag bg-[#e8e1f5] text-[#3d2375]">Apprenticeship</li> : null}
			{job.noDrivingNeeded ? <li className="tag bg-brand-light text-brand-dark">No driving needed</li> : null}
			{job.visaSponsorship ? <li className="tag bg-[#fcd6c3] text-[#6e3619]">Visa sponsorship</li> : null}
		</ul>
	)
}

export function JobCard({
	job,
	href,
	headingLevel = 2,
	showEmployer = true,
}: {
	job: JobCardData
	href: string
	headingLevel?: 2 | 3
	showEmployer?: boolean
}) {
	const Heading = headingLevel === 2 ? 'h2' : 'h3'
	return (
		<li className="border-b border-line py-5">
			<Heading className="mb-1 text-xl">
				<Link to={href}>{job.title}</Link>
			</Heading>
			{showEmployer ? <p className="mb-2 font-bold">{job.providerName}</p> : null}
			<Badges job={job} />
			<dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
				<dt className="text-muted">Location</dt>
				<dd>
					{job.town}
					{job.distance ? <> ({job.distance} away)</> : null}
				</dd>
				<dt className="text-muted">Pay</dt>
				<dd>
					{job.pay}
					{job.payHourly ? <span className="text-muted"> ({job.payHourly})</span> : null}
				</dd>
				<dt className="text-muted">Hours</dt>
				<dd>{job.hours}</dd>
				<dt className="text-muted">Contract</dt>
				<dd>{job.contract}</dd>
				<dt className="text-muted">Closing date</dt>
				<dd>{job.closing}</dd>
			</dl>
			{job.summary ? <p className="mt-2 text-muted">{job.summary}</p> : null}
		</li>
	)
}
