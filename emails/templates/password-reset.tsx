import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = { resetUrl: string; expiresInMinutes: number }

export const subject = () => 'Reset your password'

export default function PasswordReset({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview="Choose a new password" heading="Reset your password">
			<P>
				Someone asked to reset the password for your {brand.serviceName} account. Use the button to choose a new one.
			</P>
			<ActionButton href={p.resetUrl}>Choose a new password</ActionButton>
			<P>
				The link works once and lasts {p.expiresInMinutes} minutes. If you did not ask for this, ignore this email: your
				password has not changed.
			</P>
		</EmailLayout>
	)
}
