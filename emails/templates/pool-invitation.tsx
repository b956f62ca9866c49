import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = {
	firstName: string
	providerName: string
	vacancyTitle: string
	town: string
	invitationUrl: string
	/** they sent this provider an application before, so it has their details from that */
	appliedBefore: boolean
}

export const subject = (p: Props) => `${p.providerName} invites you to apply: ${p.vacancyTitle}`

export default function PoolInvitation({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview={`An employer found you in the talent pool`} heading="You are invited to apply">
			<P>Hello {p.firstName},</P>
			<P>
				{p.providerName} saw your profile in the {brand.region} talent pool and would like you to apply for{' '}
				{p.vacancyTitle} in {p.town}.
			</P>
			<P>
				{p.appliedBefore
					? `Your profile in the talent pool does not show your name or contact details, so ${p.providerName} does not know it is yours. They do have the details you sent with your earlier application to them.`
					: `Your profile in the talent pool does not show your name or contact details, so ${p.providerName} has not seen them. They will if you apply.`}
			</P>
			<ActionButton href={p.invitationUrl}>See the job and reply</ActionButton>
			<P>
				You can apply in one step with the details you have already given, say no, or say no and block this employer.
			</P>
		</EmailLayout>
	)
}
