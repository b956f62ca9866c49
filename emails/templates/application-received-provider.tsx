import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = { vacancyTitle: string; candidateName: string; applicationUrl: string }

export const subject = (p: Props) => `New application: ${p.vacancyTitle}`

export default function ApplicationReceivedProvider({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout
			brand={brand}
			preview={`${p.candidateName} applied for ${p.vacancyTitle}`}
			heading="You have a new application"
		>
			<P>
				{p.candidateName} has applied for {p.vacancyTitle}. Candidates who hear back within a few days are far more
				likely to accept an offer.
			</P>
			<ActionButton href={p.applicationUrl}>Review the application</ActionButton>
		</EmailLayout>
	)
}
