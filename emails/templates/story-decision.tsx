import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = {
	title: string
	decision: 'published' | 'rejected' | 'withdrawn'
	note?: string | null
	url: string
}

const headings = {
	published: 'Your story is published',
	rejected: 'Your story has not been published',
	withdrawn: 'Your story has been taken down',
}

export const subject = (p: Props) => `${headings[p.decision]}: ${p.title}`

export default function StoryDecision({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview={headings[p.decision]} heading={headings[p.decision]}>
			{p.decision === 'published' ? (
				<P>
					Thank you. “{p.title}” is now on {brand.serviceName}, on the career pages for the roles it is about.
				</P>
			) : (
				<P>
					The {brand.region} regional team has {p.decision === 'rejected' ? 'decided not to publish' : 'taken down'} “
					{p.title}”.
					{p.note ? ` Their reason: ${p.note}` : ''}
				</P>
			)}
			<ActionButton href={p.url}>{p.decision === 'published' ? 'See your story' : 'See your stories'}</ActionButton>
		</EmailLayout>
	)
}
