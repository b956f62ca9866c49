import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = {
	providerName: string
	inviterName: string
	role: string
	acceptUrl: string
	expiresInDays: number
}

export const subject = (p: Props) => `${p.inviterName} invited you to recruit for ${p.providerName}`

export default function TeamInvitation({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout
			brand={brand}
			preview={`Join ${p.providerName} on ${brand.serviceName}`}
			heading={`Join ${p.providerName}’s team`}
		>
			<P>
				{p.inviterName} has invited you to join {p.providerName} on {brand.serviceName} as{' '}
				{p.role === 'owner' ? 'an owner' : 'a recruiter'}, to post vacancies and manage applicants.
			</P>
			<ActionButton href={p.acceptUrl}>Accept the invitation</ActionButton>
			<P>The link lasts {p.expiresInDays} days. If you were not expecting this, you can ignore it.</P>
		</EmailLayout>
	)
}
