import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = {
	firstName: string
	vacancyTitle: string
	providerName: string
	confirmUrl: string
	expiresInHours: number
}

export const subject = (p: Props) => `Confirm your email to send your application: ${p.vacancyTitle}`

export default function ConfirmApplication({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout
			brand={brand}
			preview="One more step: confirm your email address"
			heading="Confirm your email to send your application"
		>
			<P>Hello {p.firstName},</P>
			<P>
				We have kept your application for {p.vacancyTitle} with {p.providerName}. It will be sent as soon as you confirm
				this is your email address.
			</P>
			<ActionButton href={p.confirmUrl}>Confirm and send my application</ActionButton>
			<P>
				The link works once and lasts {p.expiresInHours} hours. If you did not apply for this job, ignore this email and
				nothing will be sent.
			</P>
		</EmailLayout>
	)
}
