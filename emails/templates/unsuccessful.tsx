import { ActionButton, EmailLayout, P, type Brand } from '../layout.tsx'

export type Props = {
	firstName: string
	vacancyTitle: string
	providerName: string
	reason: string
	feedback: string | null
	searchUrl: string
}

// Specific, kind words for each reason a provider can give.
const reasonText: Record<string, string> = {
	'closer-match': 'They had candidates whose experience was a closer match for this particular job.',
	experience:
		'This job needs more experience than you have yet. Many employers train people from the start, so jobs marked “no experience needed” or apprenticeships could be a good next step.',
	'driving-licence': 'This job needs a driving licence and car. Many jobs in care homes and supported living do not.',
	hours: 'The hours you are looking for did not fit the hours this job needs.',
	'right-to-work': 'They are not able to offer visa sponsorship for this job.',
	'position-filled': 'The job has now been filled.',
	'no-response': 'They were not able to reach you to arrange the next step.',
	other: 'They have decided not to take your application further this time.',
}

export const subject = (p: Props) => `Your application for ${p.vacancyTitle}`

export default function Unsuccessful({ brand, ...p }: Props & { brand: Brand }) {
	return (
		<EmailLayout brand={brand} preview={`An update from ${p.providerName}`} heading="An update on your application">
			<P>Hello {p.firstName},</P>
			<P>
				Thank you for applying to {p.providerName} for {p.vacancyTitle}, and for the time you put into it. We are sorry
				to tell you they will not be offering you this job.
			</P>
			<P>{reasonText[p.reason] ?? reasonText.other}</P>
			{p.feedback ? <P>Their feedback for you: “{p.feedback}”</P> : null}
			<P>Care needs people like you, and there are other jobs near you that may suit you better.</P>
			<ActionButton href={p.searchUrl}>Find other jobs near you</ActionButton>
		</EmailLayout>
	)
}
