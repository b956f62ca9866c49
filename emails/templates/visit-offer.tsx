import { ActionButton, EmailLayout, Facts, P, type Brand } from '../layout.tsx'

export type Props = {
	firstName: string
	organisation: string
	town: string
	distance: string
	dates: string
	audience: string
	people: number
	offerUrl: string
}

export const subject = (p: Props) => `Can you visit ${p.organisation}? (${p.distance} from you)`

export default function VisitOffer({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview="A visit request near you" heading="A visit request near you">
			<P>Hello {p.firstName},</P>
			<P>
				{p.organisation} in {p.town} would like an I Care Ambassador to visit. You are the nearest ambassador who
				travels that far.
			</P>
			<Facts
				items={[
					['When', p.dates],
					['Who', `${p.audience}, about ${p.people} people`],
					['How far', p.distance],
				]}
			/>
			<P>Please accept or decline within three days, so we can ask someone else if you cannot.</P>
			<ActionButton href={p.offerUrl}>Accept or decline</ActionButton>
		</EmailLayout>
	)
}
