import { ActionButton, EmailLayout, P, TextLink, type Brand } from '../layout.tsx'

export type Props = {
	firstName: string
	fromProviderName: string
	matches: Array<{ title: string; providerName: string; town: string; reasons: string[]; url: string }>
	matchesUrl: string
}

export const subject = (p: Props) => `${p.matches.length} ${p.matches.length === 1 ? 'job' : 'jobs'} near you that may suit you`

export default function JobsYouMaySuit({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview="Other employers near you are hiring" heading="Jobs you may be suited to">
			<P>Hello {p.firstName},</P>
			<P>
				{p.fromProviderName} thought you would be good in other roles, and you said we could pass your details on. These
				jobs near you match what you told us:
			</P>
			{p.matches.slice(0, 5).map((m) => (
				<P key={m.url}>
					<TextLink href={m.url}>{m.title}</TextLink> with {m.providerName}, {m.town}
					<br />
					{m.reasons.join(' · ')}
				</P>
			))}
			<P>You can apply in one step, with the details you have already given.</P>
			<ActionButton href={p.matchesUrl}>See all your matches</ActionButton>
			<P>You can stop us passing your details on at any time from your account.</P>
		</EmailLayout>
	)
}
