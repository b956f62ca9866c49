import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = { description: string; frequency: string; manageUrl: string }

export const subject = () => 'You already have this job alert'

export default function JobAlertExists({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout
			brand={brand}
			preview="Nothing has changed: manage it from this email"
			heading="You already have this job alert"
		>
			<P>Someone, probably you, asked for a job alert that this address already gets:</P>
			<P>
				<strong>{p.description}</strong>
				<br />
				{p.frequency}
			</P>
			<P>We have not changed it. To change how often you get it, pause it or delete it, use this link:</P>
			<ActionButton href={p.manageUrl}>Manage my job alert</ActionButton>
			<P>If you did not ask for this, ignore this email: your alert stays as it is.</P>
		</EmailLayout>
	)
}
