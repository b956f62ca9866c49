import { ActionButton, EmailLayout, P, TextLink, type Brand } from '../layout.tsx'

export type Props = {
	firstName: string
	fromProviderName: string
	/** every job we found; `matches` is the first few of them */
	total: number
	matches: Array<{
		title: string
		providerName: string
		town: string
		reasons: string[]
		cautions: string[]
		url: string
	}>
	matchesUrl: string
}

const jobs = (n: number) => `${n} ${n === 1 ? 'job' : 'jobs'}`

export const subject = (p: Props) => `${jobs(p.total)} near you that may suit you`

export default function JobsYouMaySuit({ brand, ...p }: Props & { brand: Brand }) {
	const more = p.total - p.matches.length
	return (
		<EmailLayout brand={brand} preview="Other employers near you are hiring" heading="Jobs that may suit you">
			<P>Hello {p.firstName},</P>
			<P>
				{p.fromProviderName} could not offer you the job, but thought you would be good in other roles. You asked us to
				send you jobs with other employers when that happens. We found {jobs(p.total)} near you that fit what you told
				us
				{more > 0 ? `. Here are the first ${p.matches.length}:` : ':'}
			</P>
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
			{more > 0 ? <P>{`${more} more ${more === 1 ? 'job is' : 'jobs are'} waiting for you on your list.`}</P> : null}
			<P>
				You can apply in one step, with the details you have already given. No other employer sees your details unless
				you apply.
			</P>
			<ActionButton href={p.matchesUrl}>{more > 0 ? `See all ${jobs(p.total)}` : 'See your jobs'}</ActionButton>
			<P>You can stop these suggestions at any time from “Sharing your details” in your account.</P>
		</EmailLayout>
	)
}
