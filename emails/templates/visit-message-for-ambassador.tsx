import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = { firstName: string; organisation: string; visitUrl: string; kind: 'message' | 'cancelled' }

export const subject = (p: Props) =>
	p.kind === 'message' ? `A message from ${p.organisation}` : `${p.organisation} cancelled their visit request`

export default function VisitMessageForAmbassador({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview={subject(p)} heading={subject(p)}>
			<P>Hello {p.firstName},</P>
			<P>
				{p.kind === 'message'
					? `${p.organisation} has sent you a message about your visit.`
					: 'You do not need to do anything.'}
			</P>
			<ActionButton href={p.visitUrl}>Open the visit</ActionButton>
		</EmailLayout>
	)
}
