import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = {
	contactName: string
	organisation: string
	kind: 'received' | 'accepted' | 'unmatched' | 'message' | 'fulfilled'
	ambassadorName?: string
	requestUrl: string
}

const headings = {
	received: 'We have your visit request',
	accepted: 'An ambassador will visit you',
	unmatched: 'We are still looking for an ambassador',
	message: 'A message about your visit',
	fulfilled: 'Thank you for having us',
}

export const subject = (p: Props) => `${headings[p.kind]}: ${p.organisation}`

export default function VisitRequestUpdate({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview={headings[p.kind]} heading={headings[p.kind]}>
			<P>Hello {p.contactName},</P>
			{p.kind === 'received' ? (
				<P>
					We are asking the nearest I Care Ambassadors if they can visit {p.organisation}. We will email you as soon as
					one accepts.
				</P>
			) : null}
			{p.kind === 'accepted' ? (
				<P>
					{p.ambassadorName} has accepted your request. Use your request page to agree the date and details: messages go
					through {brand.serviceName}, so nobody needs to share personal contact details.
				</P>
			) : null}
			{p.kind === 'unmatched' ? (
				<P>
					None of our ambassadors who travel to you can take this visit at the moment. We have passed your request to
					the regional team, who will contact you about it.
				</P>
			) : null}
			{p.kind === 'message' ? (
				<P>{p.ambassadorName ?? 'Your ambassador'} has sent you a message about the visit.</P>
			) : null}
			{p.kind === 'fulfilled' ? (
				<P>{p.ambassadorName} has recorded the visit. We hope it helped your students think about a career in care.</P>
			) : null}
			<ActionButton href={p.requestUrl}>See your request</ActionButton>
			<P>Keep this email: the button is your private link to the request.</P>
		</EmailLayout>
	)
}
