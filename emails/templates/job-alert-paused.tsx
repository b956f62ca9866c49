import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = { description: string; months: number; manageUrl: string }

export const subject = () => 'We have paused your job alert'

export default function JobAlertPaused({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout
			brand={brand}
			preview="No one has opened its emails for a while"
			heading="We have paused your job alert"
		>
			<P>
				No one has followed a link in the emails for this alert for {p.months} months, so we have stopped sending them:
			</P>
			<P>
				<strong>{p.description}</strong>
			</P>
			<P>If you still want these jobs, you can start the alert again.</P>
			<ActionButton href={p.manageUrl}>Start my alert again</ActionButton>
			<P>If you do not, you need do nothing: we will not email you about it again.</P>
		</EmailLayout>
	)
}
