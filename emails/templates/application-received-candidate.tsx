import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = { firstName: string; vacancyTitle: string; providerName: string; applicationUrl: string }

export const subject = (p: Props) => `Application sent: ${p.vacancyTitle} with ${p.providerName}`

export default function ApplicationReceivedCandidate({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout
			brand={brand}
			preview={`${p.providerName} has your application`}
			heading="Your application has been sent"
		>
			<P>Hello {p.firstName},</P>
			<P>
				{p.providerName} has your application for {p.vacancyTitle}. We will email you whenever its status changes, and
				you can follow it at any time.
			</P>
			<ActionButton href={p.applicationUrl}>See your application</ActionButton>
			<P>Good luck!</P>
		</EmailLayout>
	)
}
