import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = { vacancyTitle: string; candidateName: string; applicationUrl: string }

export const subject = (p: Props) => `Application withdrawn: ${p.vacancyTitle}`

export default function ApplicationWithdrawn({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout
			brand={brand}
			preview={`${p.candidateName} withdrew their application`}
			heading="An application was withdrawn"
		>
			<P>
				{p.candidateName} has withdrawn their application for {p.vacancyTitle}. You do not need to do anything.
			</P>
			<ActionButton href={p.applicationUrl}>See the application</ActionButton>
		</EmailLayout>
	)
}
