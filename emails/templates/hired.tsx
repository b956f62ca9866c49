import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = { firstName: string; vacancyTitle: string; providerName: string; applicationUrl: string }

export const subject = (p: Props) => `You got the job: ${p.vacancyTitle} with ${p.providerName}`

export default function Hired({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview="Your checks are complete" heading="Congratulations, you got the job">
			<P>Hello {p.firstName},</P>
			<P>
				All your checks are complete and {p.providerName} has confirmed you as their new {p.vacancyTitle}. They will be
				in touch about your start date and induction.
			</P>
			<ActionButton href={p.applicationUrl}>See your application</ActionButton>
		</EmailLayout>
	)
}
