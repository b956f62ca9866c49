import { Form } from '@remix-run/react'

// Saving a job is a form button, so it works without JavaScript. On a results
// page each card's button belongs to a small form outside the search form (an
// HTML form cannot hold another), joined to it by the `form` attribute.

const saveFormId = (jobId: number) => `save-job-${jobId}`

/** The Save button, for inside a card; `SaveJobForms` must be on the same page. */
export function SaveJobButton({ jobId, title, saved }: { jobId: number; title: string; saved: boolean }) {
	return (
		<button
			type="submit"
			form={saveFormId(jobId)}
			name="intent"
			value={saved ? 'remove' : 'save'}
			className="mt-3 cursor-pointer text-brand underline"
		>
			{saved ? 'Saved: remove' : 'Save'}
			<span className="sr-only"> {title}</span>
		</button>
	)
}

/** One empty form for each card's Save button; without JavaScript the page comes back at the card. */
export function SaveJobForms({ jobIds, returnTo }: { jobIds: number[]; returnTo: string }) {
	return (
		<>
			{jobIds.map((id) => (
				<Form key={id} id={saveFormId(id)} method="post" action={`/jobs/${id}/save`} preventScrollReset>
					<input type="hidden" name="returnTo" value={`${returnTo}#job-${id}`} />
				</Form>
			))}
		</>
	)
}

/** Save or remove, as a form of its own (the job's page). */
export function SaveJobForm({ jobId, saved, returnTo }: { jobId: number; saved: boolean; returnTo: string }) {
	return (
		<Form method="post" action={`/jobs/${jobId}/save`} className="mb-6">
			<input type="hidden" name="returnTo" value={returnTo} />
			<button type="submit" name="intent" value={saved ? 'remove' : 'save'} className="btn btn-secondary">
				{saved ? 'Remove from saved jobs' : 'Save this job'}
			</button>
		</Form>
	)
}
