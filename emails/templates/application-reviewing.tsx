import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = { firstName: string; vacancyTitle: string; providerName: string; applicationUrl: string }

export const subject = (p: Props) => `Your application is being reviewed: ${p.vacancyTitle}`

export default function ApplicationReviewing({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout
			brand={brand}
			preview={`${p.providerName} is reading your application`}
			heading="Your application is being reviewed"
		>
			<P>Hello {p.firstName},</P>
			<P>
				{p.providerName} is now reviewing your application for {p.vacancyTitle}. They will be in touch about next steps.
			</P>
			<ActionButton href={p.applicationUrl}>See your application</ActionButton>
		</EmailLayout>
	)
}
