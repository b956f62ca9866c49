import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { ImportantBanner, NotificationBanner } from '#app/components/notification-banner.tsx'
import { requireAmbassador } from '#app/models/careers/ambassadors.server.ts'
import { listAmbassadorVisits } from '#app/models/careers/visits/offers.server.ts'
import { ambassadorStatusLabels, OFFER_DAYS } from '#app/models/careers/visits/vocabulary.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { formatMiles } from '#app/utils/geo.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const ambassador = await requireAmbassador(await requireUserId(request))
	const { offered, mine } = await listAmbassadorVisits(ambassador.id)
	return {
		willingToVisit: ambassador.willingToVisit,
		offered: offered.map((o) => ({
			id: o.visitRequest.id,
			organisation: o.visitRequest.organisation,
			town: o.visitRequest.town,
			dates: o.visitRequest.preferredDates,
			distance: `${formatMiles(o.distanceMiles)} away`,
			answerBy: formatDate(new Date(o.createdAt.getTime() + OFFER_DAYS * 86_400_000)),
		})),
		mine: mine.map((v) => ({
			id: v.id,
			organisation: v.organisation,
			town: v.town,
			status: v.status,
			statusLabel: ambassadorStatusLabels[v.status] ?? v.status,
			visitedOn: v.visitedOn ? formatDate(v.visitedOn) : null,
			peopleReached: v.peopleReached,
		})),
	}
}

export const handle: PageHandle = { title: 'Your visits' }

export default function AmbassadorHomeRoute() {
	const d = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	const banner = params.get('joined')
		? 'Welcome to the I Care Ambassadors. Your profile is live. Add your pathway and a story so people can see where care has taken you.'
		: params.get('declined')
			? 'You have declined the visit. We have offered it to the next nearest ambassador.'
			: null
	return (
		<div>
			{banner ? <NotificationBanner>{banner}</NotificationBanner> : null}
			<h1 className="mb-6 text-3xl">Your visits</h1>
			{!d.willingToVisit ? (
				<p className="mb-6 border-l-8 border-line bg-surface p-4">
					You are not taking visit requests at the moment.{' '}
					<Link to="/ambassador/profile">Change this in your profile</Link>.
				</p>
			) : null}
			<section aria-labelledby="offered-heading" className="mb-10">
				<h2 id="offered-heading" className="mb-4 text-2xl">
					Requests waiting for your answer
				</h2>
				{d.offered.length ? (
					<ul className="space-y-4">
						{d.offered.map((o) => (
							<li key={o.id}>
								<ImportantBanner className="">
									<h3 className="mb-1 text-xl">
										<Link to={`/ambassador/visits/${o.id}`}>{o.organisation}</Link>
									</h3>
									<p>
										{o.town}, {o.distance}
									</p>
									<p className="whitespace-pre-line">When: {o.dates}</p>
									<p className="text-muted">Please answer by {o.answerBy}, or we will ask the next ambassador.</p>
								</ImportantBanner>
							</li>
						))}
					</ul>
				) : (
					<p>No requests are waiting for you. We email you when a school near you asks for a visit.</p>
				)}
			</section>
			<section aria-labelledby="mine-heading">
				<h2 id="mine-heading" className="mb-4 text-2xl">
					Visits you have accepted
				</h2>
				{d.mine.length ? (
					<table className="w-full border-collapse text-left">
						<thead>
							<tr className="border-b-2 border-ink">
								<th scope="col" className="py-2 pr-4">
									Organisation
								</th>
								<th scope="col" className="py-2 pr-4">
									Status
								</th>
								<th scope="col" className="py-2">
									People reached
								</th>
							</tr>
						</thead>
						<tbody>
							{d.mine.map((v) => (
								<tr key={v.id} className="border-b border-line">
									<td className="py-2 pr-4">
										<Link to={`/ambassador/visits/${v.id}`}>{v.organisation}</Link>, {v.town}
									</td>
									<td className="py-2 pr-4">
										{v.statusLabel}
										{v.visitedOn ? ` on ${v.visitedOn}` : ''}
									</td>
									<td className="py-2">
										{v.peopleReached ??
											(v.status === 'accepted' ? (
												<Link to={`/ambassador/visits/${v.id}#record`}>Record the visit</Link>
											) : (
												'–'
											))}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				) : (
					<p>You have not accepted any visits yet.</p>
				)}
			</section>
		</div>
	)
}
