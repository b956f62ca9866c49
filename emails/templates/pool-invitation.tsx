import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = { firstName: string; providerName: string; vacancyTitle: string; town: string; invitationUrl: string }

export const subject = (p: Props) => `${p.providerName} invites you to apply: ${p.vacancyTitle}`

export default function PoolInvitation({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview={`An employer found you in the talent pool`} heading="You are invited to apply">
			<P>Hello {p.firstName},</P>
			<P>
				{p.providerName} saw your profile in the {brand.region} talent pool and would like you to apply for {p.vacancyTitle} in{' '}
				{p.town}. They have not seen your name or contact details: they will only if you apply.
			</P>
			<ActionButton href={p.invitationUrl}>See the job and reply</ActionButton>
			<P>You can apply in one step with the details you have already given, say no, or stop this employer seeing your profile.</P>
		</EmailLayout>
	)
}
