import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, Radios, TextArea, useFormFields, type FormResult } from '#app/components/forms.tsx'
import { answersFrom, answersShape, ApplicationError, applyWithProfile } from '#app/models/applications.server.ts'
import { formatPay } from '#app/models/pay.ts'
import { listMatches, markMatchesViewed } from '#app/models/redirects.server.ts'
import { listCandidateInvitations } from '#app/models/talent-pool.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	const [matches, invitations] = await Promise.all([listMatches(userId), listCandidateInvitations(userId)])
	await markMatchesViewed(userId)
	return {
		matches: matches.map((m) => ({
			vacancyId: m.vacancy.id,
			title: m.vacancy.title,
			providerName: m.vacancy.provider.name,
			town: m.vacancy.town,
			pay: formatPay(m.vacancy),
			closing: formatDate(m.vacancy.closingDate),
			reasons: m.reasons as string[],
			from: m.redirect.fromProvider.name,
			questions: m.vacancy.screeningQuestions,
		})),
		invitations: invitations.map((i) => ({ id: i.id, title: i.vacancy.title, town: i.vacancy.town, providerName: i.provider.name, on: formatDate(i.createdAt) })),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const userId = await requireUserId(request)
	const formData = await request.formData()
	const vacancyId = Number(formData.get('vacancyId'))
	const match = (await listMatches(userId)).find((m) => m.vacancy.id === vacancyId)
	if (!match) throw new Response('Not found', { status: 404 })
	const questions = match.vacancy.screeningQuestions
	const submission = parseWithZod(formData, { schema: z.object({ vacancyId: z.coerce.number(), ...answersShape(questions) }) })
	if (submission.status !== 'success') return data({ vacancyId, result: submission.reply() as FormResult }, { status: 400 })
	try {
		const { applicationId } = await applyWithProfile(userId, vacancyId, answersFrom(submission.value, questions))
		return redirect(`/account/applications/${applicationId}?sent=1`)
	} catch (error) {
		if (error instanceof ApplicationError) return data({ vacancyId, result: { status: 'error' as const, error: { '': [error.message] } } as FormResult }, { status: 409 })
		throw error
	}
}

export const handle: PageHandle = { title: 'Jobs you may be suited to' }

type Match = Awaited<ReturnType<typeof loader>>['matches'][number]

function MatchCard({ match, result }: { match: Match; result?: FormResult }) {
	const fields = useFormFields(`match-${match.vacancyId}`, result)
	return (
		<li className="border-b border-line py-5">
			<h2 className="mb-1 text-xl">
				<Link to={`/jobs/${match.vacancyId}`}>{match.title}</Link>
			</h2>
			<p className="mb-1 font-bold">{match.providerName}</p>
			<p className="mb-2">
				{match.town} · {match.pay} · closes {match.closing}
			</p>
			<p className="mb-3 border-l-4 border-brand pl-3">{match.reasons.join(' · ')}</p>
			<ErrorSummary errors={fields.summary(match.questions.map((q) => `q${q.id}`))} formError={fields.formError} />
			<Form method="post" noValidate>
				<input type="hidden" name="vacancyId" value={match.vacancyId} />
				{match.questions.map((q) =>
					q.kind === 'yes-no' ? (
						<Radios
							key={q.id}
							fields={fields}
							name={`q${q.id}`}
							legend={q.text}
							inline
							options={[
								{ id: 'yes', label: 'Yes' },
								{ id: 'no', label: 'No' },
							]}
						/>
					) : (
						<TextArea key={q.id} fields={fields} name={`q${q.id}`} label={q.text} rows={2} maxLength={1000} />
					),
				)}
				<button type="submit" className="btn">
					Apply with my details<span className="sr-only"> for {match.title}</span>
				</button>
			</Form>
		</li>
	)
}

export default function MatchesRoute() {
	const d = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return (
		<div className="max-w-3xl">
			<h1 className="mb-2 text-3xl">Jobs you may be suited to</h1>
			{d.invitations.length ? (
				<section aria-labelledby="invitations-heading" className="mb-8 border-l-8 border-[#3d2375] bg-[#f3f0fa] p-4">
					<h2 id="invitations-heading" className="mb-2 text-2xl">
						Invitations to apply
					</h2>
					<ul>
						{d.invitations.map((i) => (
							<li key={i.id} className="mb-1">
								<Link to={`/account/invitations/${i.id}`}>
									{i.title}, {i.town}
								</Link>{' '}
								from {i.providerName} ({i.on})
							</li>
						))}
					</ul>
				</section>
			) : null}
			{d.matches.length ? (
				<>
					<p className="mb-4">
						An employer you applied to thought you would suit other roles. These jobs with other employers near you fit what you
						told us. Applying sends the details you have already given.
					</p>
					<ul>
						{d.matches.map((m) => (
							<MatchCard key={m.vacancyId} match={m} result={actionData?.vacancyId === m.vacancyId ? actionData.result : undefined} />
						))}
					</ul>
				</>
			) : (
				<p>
					No suggestions at the moment. When an employer passes your details on, the jobs that fit you will appear here.{' '}
					<Link to="/jobs">Search all jobs</Link>.
				</p>
			)}
		</div>
	)
}
