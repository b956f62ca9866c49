import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = { name: string; organisation: string; confirmUrl: string; expiresInHours: number }

export const subject = () => 'Confirm your email address'

export default function ConfirmEmail({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview="Confirm this is your email address" heading="Confirm your email address">
			<P>Hello {p.name},</P>
			<P>
				Someone, we hope you, created an employer account for {p.organisation} on {brand.serviceName} with this email
				address. Confirm it is yours so that the regional team can verify your organisation.
			</P>
			<ActionButton href={p.confirmUrl}>Confirm my email address</ActionButton>
			<P>
				The link works once and lasts {p.expiresInHours} hours. If you did not create this account, ignore this email:
				the account will not be verified.
			</P>
		</EmailLayout>
	)
}
