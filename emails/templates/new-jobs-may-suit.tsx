import { ActionButton, EmailLayout, P, TextLink, type Brand } from '../layout.tsx'

export type Props = {
	firstName: string
	matches: Array<{
		title: string
		providerName: string
		town: string
		reasons: string[]
		cautions: string[]
		url: string
	}>
	matchesUrl: string
	/** dd/mm/yyyy: when we stop looking, unless they ask for longer */
	until: string
}

const jobs = (n: number) => `${n} new ${n === 1 ? 'job' : 'jobs'}`

export const subject = (p: Props) => `${jobs(p.matches.length)} that may suit you`

export default function NewJobsMaySuit({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview="Posted this week by employers near you" heading="New jobs that may suit you">
			<P>Hello {p.firstName},</P>
			<P>Since we last wrote, employers near you have posted {jobs(p.matches.length)} that fit what you told us:</P>
			{p.matches.map((m) => (
				<P key={m.url}>
					<TextLink href={m.url}>{m.title}</TextLink> with {m.providerName}, {m.town}
					<br />
					{m.reasons.join(' · ')}
					{m.cautions.length ? (
						<>
							<br />
							Check: {m.cautions.join(' · ')}
						</>
					) : null}
				</P>
			))}
			<ActionButton href={p.matchesUrl}>See your jobs and apply</ActionButton>
			<P>
				We will keep looking until {p.until}. You can look for longer, or stop, on your “Jobs that may suit you” page,
				and stop these emails at any time from “Sharing your details” in your account.
			</P>
		</EmailLayout>
	)
}
