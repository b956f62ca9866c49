import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = { description: string; frequency: string; confirmUrl: string }

export const subject = () => 'Confirm your job alert'

export default function JobAlertConfirm({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview="One step left: confirm your email address" heading="Confirm your job alert">
			<P>Someone, probably you, asked us to email this address with new jobs:</P>
			<P>
				<strong>{p.description}</strong>
				<br />
				{p.frequency}
			</P>
			<P>We will not send any jobs until you confirm.</P>
			<ActionButton href={p.confirmUrl}>Confirm my job alert</ActionButton>
			<P>If you did not ask for this, ignore this email: nothing more will be sent.</P>
		</EmailLayout>
	)
}
