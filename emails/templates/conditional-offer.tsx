import { ActionButton, EmailLayout, Facts, P, type Brand } from '../layout.tsx'

export type Props = {
	firstName: string
	vacancyTitle: string
	providerName: string
	checks: Array<{ label: string; nextStep: string }>
	applicationUrl: string
}

export const subject = (p: Props) => `Conditional job offer: ${p.vacancyTitle} with ${p.providerName}`

export default function ConditionalOffer({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout
			brand={brand}
			preview={`${p.providerName} would like to offer you the job`}
			heading="You have a conditional job offer"
		>
			<P>Hello {p.firstName},</P>
			<P>
				Congratulations: {p.providerName} would like to offer you the job of {p.vacancyTitle}. The offer depends on the
				checks every care employer must make before you start. This is what happens next:
			</P>
			<Facts items={p.checks.map((c) => [c.label, c.nextStep])} />
			<P>You can see where each check has got to on your application page.</P>
			<ActionButton href={p.applicationUrl}>See your offer and checks</ActionButton>
		</EmailLayout>
	)
}
