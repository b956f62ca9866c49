import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = { acceptUrl: string; expiresInDays: number }

export const subject = () => 'You are invited to be an I Care Ambassador'

export default function AmbassadorInvitation({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview="Share your career in care" heading="Become an I Care Ambassador">
			<P>
				The {brand.region} regional team would like you to join {brand.serviceName} as an I Care Ambassador: sharing
				your own route into care, telling your story, and visiting schools and colleges when it suits you.
			</P>
			<ActionButton href={p.acceptUrl}>Set up your ambassador account</ActionButton>
			<P>
				The link lasts {p.expiresInDays} days. Your contact details are never shown on the site: only the regional team
				can see them.
			</P>
		</EmailLayout>
	)
}
