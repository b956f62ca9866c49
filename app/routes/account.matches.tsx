import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, useFormFields, useFormReply } from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import { answerFieldOrder, ScreeningQuestions } from '#app/components/screening-questions.tsx'
import { answersFrom, answersShape, applyWithProfile } from '#app/models/applications/applications.server.ts'
import { formatPay } from '#app/models/jobs/pay.ts'
import {
	canExtendFollowing,
	extendedFollowUntil,
	extendFollowing,
	FOLLOW_WEEKS,
	followingUntil,
	MAX_FOLLOW_WEEKS,
	listMatches,
	stopFollowing,
} from '#app/models/redirect/continuing-matches.server.ts'
import { formatHours } from '#app/models/redirect/matching.server.ts'
import { markMatchesViewed, matchesState } from '#app/models/redirect/redirects.server.ts'
import { listCandidateInvitations } from '#app/models/redirect/talent-pool.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import { replyInvalid, replyToDomainError } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'

/** Each suggested job has its own apply form: the reply names the vacancy it is for. */
const matchForm = (vacancyId: number) => `match:${vacancyId}`

export async function loader({ request }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	const [matches, invitations, state, until] = await Promise.all([
		listMatches(userId),
		listCandidateInvitations(userId),
		matchesState(userId),
		followingUntil(userId),
	])
	await markMatchesViewed(userId)
	return {
		state,
		following: until ? formatDate(until) : null,
		followWeeks: FOLLOW_WEEKS,
		// null when already looking as far ahead as we do
		extendTo: canExtendFollowing(until) ? formatDate(extendedFollowUntil(until)) : null,
		maxWeeks: MAX_FOLLOW_WEEKS,
		done: new URL(request.url).searchParams.get('following'),
		matches: matches.map((m) => ({
			vacancyId: m.vacancy.id,
			title: m.vacancy.title,
			providerName: m.vacancy.provider.name,
			town: m.vacancy.town,
			pay: formatPay(m.vacancy),
			hours: m.vacancy.hoursPerWeek != null ? formatHours(m.vacancy.hoursPerWeek) : null,
			closing: formatDate(m.vacancy.closingDate),
			reasons: m.reasons,
			cautions: m.cautions,
			from: m.redirect.fromProvider.name,
			questions: m.vacancy.screeningQuestions,
		})),
		invitations: invitations.map((i) => ({
			id: i.id,
			title: i.vacancy.title,
			town: i.vacancy.town,
			providerName: i.provider.name,
			on: formatDate(i.createdAt),
		})),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const userId = await requireUserId(request)
	const formData = await readFormData(request)
	const intent = formData.get('intent')
	if (intent === 'keep-looking' || intent === 'stop-looking') {
		if (intent === 'keep-looking') await extendFollowing(userId)
		else await stopFollowing(userId)
		return redirect(`/account/matches?following=${intent === 'keep-looking' ? 'extended' : 'stopped'}`)
	}
	// Which job the form is for comes first: its questions decide the rest of the schema.
	const chosen = z.object({ vacancyId: z.coerce.number().int().positive() }).safeParse({
		vacancyId: formData.get('vacancyId'),
	})
	const match = chosen.success
		? (await listMatches(userId)).find((m) => m.vacancy.id === chosen.data.vacancyId)
		: undefined
	invariantResponse(match)
	const vacancyId = match.vacancy.id
	const questions = match.vacancy.screeningQuestions
	const submission = parseWithZod(formData, {
		schema: z.object({ vacancyId: z.coerce.number(), ...answersShape(questions) }),
	})
	if (submission.status !== 'success') return replyInvalid(matchForm(vacancyId), submission)
	try {
		const { applicationId } = await applyWithProfile(userId, vacancyId, answersFrom(submission.value, questions))
		return redirect(`/account/applications/${applicationId}?sent=1`)
	} catch (error) {
		return replyToDomainError(error, matchForm(vacancyId), submission)
	}
}

export const handle: PageHandle = { title: 'Jobs that may suit you' }

type Match = Awaited<ReturnType<typeof loader>>['matches'][number]

function MatchCard({ match }: { match: Match }) {
	const fields = useFormFields(`match-${match.vacancyId}`, useFormReply(matchForm(match.vacancyId)))
	return (
		<li className="border-b border-line py-5">
			<h2 className="mb-1 text-xl">
				<Link to={`/jobs/${match.vacancyId}`}>{match.title}</Link>
			</h2>
			<p className="mb-1 font-bold">{match.providerName}</p>
			<p className="mb-2">
				{match.town} · {match.pay}
				{match.hours ? ` · ${match.hours}` : ''} · closes {match.closing}
			</p>
			<p className="mb-3 border-l-4 border-brand pl-3">
				<span className="sr-only">Why it may suit you: </span>
				{match.reasons.join(' · ')}
			</p>
			{match.cautions.length ? (
				<div className="mb-3 border-l-4 border-attention pl-3">
					<p className="font-bold">Check before you apply</p>
					<ul className="ml-5 list-disc">
						{match.cautions.map((c) => (
							<li key={c}>{c}</li>
						))}
					</ul>
				</div>
			) : null}
			<ErrorSummary errors={fields.summary(answerFieldOrder(match.questions))} formError={fields.formError} />
			<Form method="post" noValidate>
				<input type="hidden" name="vacancyId" value={match.vacancyId} />
				<ScreeningQuestions questions={match.questions} fields={fields} rows={2} />
				<button type="submit" className="btn">
					Apply with my details
					<span className="sr-only">
						{' '}
						for {match.title} at {match.providerName}
					</span>
				</button>
			</Form>
		</li>
	)
}

export default function MatchesRoute() {
	const d = useLoaderData<typeof loader>()
	return (
		<div className="max-w-3xl">
			{d.done === 'extended' && d.following ? (
				<NotificationBanner>We will keep looking for new jobs for you until {d.following}.</NotificationBanner>
			) : d.done === 'stopped' ? (
				<NotificationBanner>
					We have stopped looking for new jobs for you. The jobs already here stay while they are open.
				</NotificationBanner>
			) : null}
			<h1 className="mb-2 text-3xl">Jobs that may suit you</h1>
			<FollowingControls
				following={d.following}
				weeks={d.followWeeks}
				extendTo={d.extendTo}
				maxWeeks={d.maxWeeks}
				looked={d.state.looked}
				consented={d.state.consented}
			/>
			{d.invitations.length ? (
				<section
					aria-labelledby="invitations-heading"
					className="mb-8 border-l-8 border-highlight bg-highlight-light p-4"
				>
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
						An employer you applied to thought you would suit other roles. These jobs with other employers near you fit
						what you told us. Applying sends the details you have already given.
					</p>
					<ul>
						{d.matches.map((m) => (
							<MatchCard key={m.vacancyId} match={m} />
						))}
					</ul>
				</>
			) : (
				<EmptyState state={d.state} />
			)}
		</div>
	)
}

/** Whether new jobs are still being looked for, with the way to look for longer or stop. */
function FollowingControls({
	following,
	weeks,
	extendTo,
	maxWeeks,
	looked,
	consented,
}: {
	following: string | null
	weeks: number
	extendTo: string | null
	maxWeeks: number
	looked: boolean
	consented: boolean
}) {
	if (!looked || !consented) return null
	return (
		<div className="mb-6 border-l-4 border-line pl-3">
			<p className="mb-2">
				{following
					? `As new jobs are posted, we add the ones that fit you here and email them to you once a week, until ${following}.`
					: 'We are not looking for new jobs for you at the moment.'}
				{following && !extendTo
					? ` That is as far ahead as we look (${maxWeeks} weeks). Nearer the time, you can ask us to keep looking for longer.`
					: null}
			</p>
			<Form method="post" className="flex flex-wrap gap-4">
				{extendTo ? (
					<button type="submit" name="intent" value="keep-looking" className="btn btn-secondary">
						{following ? `Keep looking until ${extendTo}` : `Look for new jobs for ${weeks} weeks`}
					</button>
				) : null}
				{following ? (
					<button type="submit" name="intent" value="stop-looking" className="btn btn-secondary">
						Stop looking
					</button>
				) : null}
			</Form>
		</div>
	)
}

function EmptyState({ state }: { state: Awaited<ReturnType<typeof loader>>['state'] }) {
	if (state.finding) {
		return (
			<p>
				We are looking for jobs with other employers that fit you. They will appear here within a few minutes, and we
				will email you.
			</p>
		)
	}
	if (state.looked) {
		return (
			<>
				<p className="mb-4">
					{state.everSuggested
						? 'The jobs we suggested have closed, or you have applied for them.'
						: 'We looked for jobs with other employers near you that fit what you told us, but did not find any.'}
				</p>
				<p>
					<Link to="/jobs">Search all jobs</Link>, or check <Link to="/account/profile">your details</Link>, such as how
					far you can travel and the hours you want.
				</p>
			</>
		)
	}
	if (state.consented) {
		return (
			<p>
				No suggestions yet. If an employer you apply to can’t offer you the job but thinks you would suit other roles,
				we will send you jobs with other employers that fit, and they will appear here.{' '}
				<Link to="/jobs">Search all jobs</Link>.
			</p>
		)
	}
	return (
		<p>
			You have not asked for job suggestions. If you would like them, turn them on in{' '}
			<Link to="/account/sharing">Sharing your details</Link>: then, if an employer you apply to can’t offer you the job
			but thinks you would suit other roles, we will send you jobs with other employers that fit.{' '}
			<Link to="/jobs">Search all jobs</Link>.
		</p>
	)
}
