import { Section } from '@react-email/components'
import { EmailLayout, P, TextLink, type Brand } from '../layout.tsx'

export type DigestJob = {
	title: string
	url: string
	providerName: string
	/** "Cromer, 2.1 miles away" */
	place: string
	pay: string
	closing: string
}

export type DigestSection = {
	description: string
	/** how many new jobs the alert found (the section lists the first few) */
	count: number
	jobs: DigestJob[]
	searchUrl: string
	manageUrl: string
	unsubscribeUrl: string
}

export type Props = { sections: DigestSection[]; unsubscribeUrl: string }

const jobs = (n: number) => `${n} new ${n === 1 ? 'job' : 'jobs'}`

export function subject(p: Props) {
	const total = p.sections.reduce((sum, s) => sum + s.jobs.length, 0)
	return p.sections.length === 1 ? `${jobs(total)}: ${p.sections[0].description}` : `${jobs(total)} for your job alerts`
}

export default function JobAlertDigest({ brand, ...p }: Props & { brand: Brand }) {
	const total = p.sections.reduce((sum, s) => sum + s.jobs.length, 0)
	return (
		<EmailLayout brand={brand} preview={subject(p)} heading={`${jobs(total)} for you`}>
			{p.sections.map((section) => (
				<Section key={section.manageUrl} style={{ margin: '0 0 24px' }}>
					<P>
						<strong>{section.description}</strong>
					</P>
					{section.jobs.map((job) => (
						<P key={job.url}>
							<TextLink href={job.url}>{job.title}</TextLink>
							<br />
							{job.providerName}, {job.place}
							<br />
							{job.pay}
							<br />
							Closes {job.closing}
						</P>
					))}
					<P>
						<TextLink href={section.searchUrl}>
							{section.count > section.jobs.length
								? `See all ${section.count} new jobs for this search`
								: 'See these jobs and more on the website'}
						</TextLink>
					</P>
					<P>
						<TextLink href={section.manageUrl}>Change how often you get this alert, pause it or delete it</TextLink>
						{' · '}
						<TextLink href={section.unsubscribeUrl}>Unsubscribe from this alert</TextLink>
					</P>
				</Section>
			))}
			<P>
				You get this email because you asked {brand.serviceName} for new jobs. Each job is sent to you once.{' '}
				{p.sections.length > 1 ? <TextLink href={p.unsubscribeUrl}>Unsubscribe from all these alerts</TextLink> : null}
			</P>
		</EmailLayout>
	)
}
