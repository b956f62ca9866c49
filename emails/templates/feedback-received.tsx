import { EmailLayout, Facts, P, type Brand } from '../layout.tsx'

export type Props = { about: string; message: string; replyTo: string | null; page: string | null }

export const subject = (p: Props) => `Feedback: ${p.about}`

export default function FeedbackReceived({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview="Someone sent feedback from the help page" heading="Feedback from the help page">
			<Facts
				items={[
					['About', p.about],
					['From the page', p.page ?? 'not known'],
					['Reply to', p.replyTo ?? 'no reply wanted'],
				]}
			/>
			<P>{p.message}</P>
		</EmailLayout>
	)
}
