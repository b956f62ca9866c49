import { ActionButton, EmailLayout, P, TextLink, type Brand } from '../layout.tsx'

export type Props = {
	jobs: Array<{ title: string; providerName: string; town: string; closing: string; url: string }>
	savedUrl: string
}

export const subject = (p: Props) =>
	p.jobs.length === 1 ? `A job you saved closes on ${p.jobs[0].closing}` : `${p.jobs.length} jobs you saved close soon`

export default function SavedJobsClosing({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview="Apply before the closing date" heading="Apply before it closes">
			<P>{p.jobs.length === 1 ? 'A job you saved closes soon:' : 'These jobs you saved close soon:'}</P>
			{p.jobs.map((job) => (
				<P key={job.url}>
					<TextLink href={job.url}>{job.title}</TextLink>
					<br />
					{job.providerName}, {job.town}
					<br />
					Closes {job.closing} at 23:59
				</P>
			))}
			<ActionButton href={p.savedUrl}>See your saved jobs</ActionButton>
			<P>We send this once for each job you save.</P>
		</EmailLayout>
	)
}
