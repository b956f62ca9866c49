import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = { firstName: string | null; deleteOn: string; signInUrl: string; months: number }

export const subject = () => 'We will delete your account unless you sign in'

export default function InactiveAccount({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout
			brand={brand}
			preview={`Your account will be deleted on ${p.deleteOn}`}
			heading="Do you still want your account?"
		>
			<P>Hello{p.firstName ? ` ${p.firstName}` : ''},</P>
			<P>
				You have not used your {brand.serviceName} account for a long time. We keep job seekers’ details for {p.months}{' '}
				months after they last use the service, so on {p.deleteOn} we will delete your account: your details, CV,
				applications and the permissions you gave us.
			</P>
			<P>If you want to keep it, sign in before then. That is all you need to do.</P>
			<ActionButton href={p.signInUrl}>Sign in to keep my account</ActionButton>
			<P>If you no longer need it, you do not need to do anything.</P>
		</EmailLayout>
	)
}
