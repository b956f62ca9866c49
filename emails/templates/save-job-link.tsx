import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = { jobTitle: string; providerName: string; signInUrl: string; expiresInMinutes: number }

export const subject = (p: Props) => `Save “${p.jobTitle}”: confirm your email address`

export default function SaveJobLink({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview="One click to save the job" heading="Save this job">
			<P>
				Use the button to save <strong>{p.jobTitle}</strong> with {p.providerName}. It signs you in to{' '}
				{brand.serviceName} (we make you an account if you do not have one) and keeps the job on your list of saved
				jobs, with a reminder before it closes.
			</P>
			<ActionButton href={p.signInUrl}>Save the job</ActionButton>
			<P>The link works once and lasts {p.expiresInMinutes} minutes. If you did not ask for it, ignore this email.</P>
		</EmailLayout>
	)
}
