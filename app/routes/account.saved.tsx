import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { listSavedJobs, REMINDER_DAYS, unsaveJob } from '#app/models/saved-jobs/saved-jobs.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { readFormData } from '#app/utils/form-data.server.ts'
import type { PageHandle } from '#app/utils/page.ts'

const RemoveSchema = z.object({ vacancyId: z.coerce.number().int().min(1).max(2_147_483_647) })

export async function loader({ request }: LoaderFunctionArgs) {
	const userId = await requireUserId(request)
	const jobs = await listSavedJobs(userId)
	return {
		reminderDays: REMINDER_DAYS,
		jobs: jobs.map((job) => ({
			id: job.id,
			title: job.title,
			providerName: job.providerName,
			town: job.town,
			open: job.open,
			closing: formatDate(job.closingDate),
			savedOn: formatDate(job.savedOn),
		})),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const userId = await requireUserId(request)
	const submission = parseWithZod(await readFormData(request), { schema: RemoveSchema })
	if (submission.status === 'success') await unsaveJob(userId, submission.value.vacancyId)
	return redirect('/account/saved')
}

export const handle: PageHandle = { title: 'Saved jobs' }

export default function SavedJobsRoute() {
	const d = useLoaderData<typeof loader>()
	return (
		<div className="max-w-3xl">
			<h1 className="mb-4 text-3xl">Saved jobs</h1>
			<p className="mb-6">
				We email you {d.reminderDays} days before a saved job closes, once. Press “Save” on any job to add it here.
			</p>
			{d.jobs.length ? (
				<ul className="mb-6">
					{d.jobs.map((job) => (
						<li key={job.id} className="border-b border-line py-4">
							<h2 className="mb-1 text-xl">{job.open ? <Link to={`/jobs/${job.id}`}>{job.title}</Link> : job.title}</h2>
							<p className="mb-1">
								{job.providerName}, {job.town}
							</p>
							<p className="mb-2">
								{job.open ? (
									<>Closes {job.closing}</>
								) : (
									<>
										<strong className="tag tag-grey">Closed</strong> This job is no longer taking applications.
									</>
								)}
							</p>
							<Form method="post">
								<input type="hidden" name="vacancyId" value={job.id} />
								<button type="submit" className="cursor-pointer text-brand underline">
									Remove<span className="sr-only"> {job.title} from saved jobs</span>
								</button>
							</Form>
						</li>
					))}
				</ul>
			) : (
				<p className="mb-6 text-muted">You have not saved any jobs.</p>
			)}
			<p>
				<Link to="/jobs">Search for jobs</Link>
			</p>
		</div>
	)
}
