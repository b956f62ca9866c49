import type { ReactNode } from 'react'
import { ActionButton, EmailLayout, Facts, P, TextLink, type Brand } from '../layout.tsx'

export type Props = {
	firstName: string
	vacancyTitle: string
	providerName: string
	when: string
	durationMinutes: number
	location: string | null
	videoUrl: string | null
	details: string
	applicationUrl: string
	isChange: boolean
}

export const subject = (p: Props) =>
	`${p.isChange ? 'Interview time changed' : 'Interview invitation'}: ${p.vacancyTitle}, ${p.when}`

export default function InterviewInvitation({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout
			brand={brand}
			preview={`${p.providerName} would like to meet you on ${p.when}`}
			heading={p.isChange ? 'Your interview has a new time' : 'You are invited to an interview'}
		>
			<P>Hello {p.firstName},</P>
			<P>
				{p.providerName} would like to interview you for {p.vacancyTitle}.
				{p.isChange ? ' This replaces the time they sent before.' : ''}
			</P>
			<Facts
				items={[
					['When', p.when],
					['How long', `${p.durationMinutes} minutes`],
					...(p.location ? ([['Where', p.location]] as Array<[string, string]>) : []),
					...(p.videoUrl
						? ([['Video call', <TextLink href={p.videoUrl}>{p.videoUrl}</TextLink>]] as Array<[string, ReactNode]>)
						: []),
				]}
			/>
			{p.details ? <P>{p.details}</P> : null}
			<P>
				The invitation is attached, so you can add it to your calendar. Please let them know whether you can make it.
			</P>
			<ActionButton href={p.applicationUrl}>Accept or ask for another time</ActionButton>
		</EmailLayout>
	)
}
