import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = {
	candidateName: string
	vacancyTitle: string
	when: string
	accepted: boolean
	message: string | null
	applicationUrl: string
}

export const subject = (p: Props) =>
	`${p.candidateName} ${p.accepted ? 'accepted' : 'asked for another time for'} the interview: ${p.vacancyTitle}`

export default function InterviewResponse({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout
			brand={brand}
			preview={p.accepted ? 'The interview is confirmed' : 'The candidate needs another time'}
			heading={p.accepted ? 'Interview accepted' : 'The candidate asked for another time'}
		>
			<P>
				{p.candidateName} {p.accepted ? 'accepted' : 'cannot make'} the interview for {p.vacancyTitle} on {p.when}.
			</P>
			{p.message ? <P>Their message: “{p.message}”</P> : null}
			<ActionButton href={p.applicationUrl}>Open the application</ActionButton>
		</EmailLayout>
	)
}
