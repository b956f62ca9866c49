import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = { description: string; count: number; searchUrl: string }

const candidates = (n: number) => `${n} new ${n === 1 ? 'candidate' : 'candidates'}`

export const subject = (p: Props) => `${candidates(p.count)} in the talent pool for your search`

export default function PoolSearchMatches({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout
			brand={brand}
			preview="People who asked to be found by employers"
			heading={`${candidates(p.count)} match your search`}
		>
			<P>Since we last wrote, {candidates(p.count)} joined the talent pool who match your saved search:</P>
			<P>
				<strong>{p.description}</strong>
			</P>
			<P>
				As always, you see what they can do and roughly where they live, not who they are, until they accept an
				invitation and apply.
			</P>
			<ActionButton href={p.searchUrl}>See them in the talent pool</ActionButton>
			<P>You can stop these emails from the talent pool page.</P>
		</EmailLayout>
	)
}
