import { ActionButton, EmailLayout, Facts, P, type Brand } from '../layout.tsx'

export type Props = { organisation: string; town: string; dates: string; asked: number; adminUrl: string }

export const subject = (p: Props) => `A visit request needs an ambassador: ${p.organisation}`

export default function VisitNeedsAmbassador({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview="No ambassador could take a visit" heading="A visit request needs an ambassador">
			<P>
				{p.organisation} in {p.town} asked for an I Care Ambassador, and no ambassador who travels that far could take
				it.
			</P>
			<Facts
				items={[
					['When', p.dates],
					['Ambassadors asked', String(p.asked)],
				]}
			/>
			<P>You can offer it to any ambassador, and the school has been told you will be in touch.</P>
			<ActionButton href={p.adminUrl}>See the request</ActionButton>
		</EmailLayout>
	)
}
