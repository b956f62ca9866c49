import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = { signInUrl: string; expiresInMinutes: number }

export const subject = () => 'Your sign-in link'

export default function SignInLink({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview="Sign in without a password" heading="Sign in to your account">
			<P>Use the button to sign in and see your applications.</P>
			<ActionButton href={p.signInUrl}>Sign in</ActionButton>
			<P>The link works once and lasts {p.expiresInMinutes} minutes. If you did not ask for it, ignore this email.</P>
		</EmailLayout>
	)
}
