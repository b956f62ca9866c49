import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useFormFields, useFormReply } from '#app/components/forms.tsx'
import { VacancyForm } from '#app/components/vacancy-form.tsx'
import { roleOptions, standardOptions } from '#app/models/jobs/care-roles.server.ts'
import { describeMinimumRates } from '#app/models/jobs/pay.ts'
import { getVacancyForProvider, updateVacancy, vacancyFormValues } from '#app/models/jobs/vacancies.server.ts'
import { vacancyFormSchema } from '#app/models/jobs/vacancy-form.server.ts'
import { requireProviderMember } from '#app/models/organisations/providers.server.ts'
import { londonDateString } from '#app/utils/dates.ts'
import { replyInvalid, replyToDomainError } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { invariantResponse, parseIdParam } from '#app/utils/responses.server.ts'

async function requireEditableVacancy(request: Request, vacancyId: string | undefined) {
	const { provider } = await requireProviderMember(request)
	const id = parseIdParam(vacancyId)
	const vacancy = await getVacancyForProvider(id, provider.id)
	invariantResponse(vacancy)
	if (vacancy.status === 'closed') throw redirect(`/provider/vacancies/${id}`)
	return { provider, vacancy }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { vacancy } = await requireEditableVacancy(request, params.vacancyId)
	return {
		id: vacancy.id,
		title: vacancy.title,
		status: vacancy.status,
		roles: roleOptions,
		standards: standardOptions,
		minimumWage: describeMinimumRates(londonDateString()),
		defaults: vacancyFormValues(vacancy),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { provider, vacancy } = await requireEditableVacancy(request, params.vacancyId)
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: vacancyFormSchema() })
	if (submission.status !== 'success') return replyInvalid('vacancy', submission)
	try {
		await updateVacancy(vacancy.id, provider.id, submission.value, { publish: formData.get('intent') === 'publish' })
	} catch (error) {
		return replyToDomainError(error, 'vacancy', submission)
	}
	return redirect(`/provider/vacancies/${vacancy.id}?saved=1`)
}

export const handle: PageHandle = { title: (d: { title: string }) => `Edit ${d.title}` }

export default function EditVacancyRoute() {
	const d = useLoaderData<typeof loader>()
	const fields = useFormFields('vacancy', useFormReply('vacancy'), d.defaults)
	return (
		<div className="max-w-3xl">
			<p className="mb-4">
				<Link to={`/provider/vacancies/${d.id}`}>‹ Back to the vacancy</Link>
			</p>
			<h1 className="mb-2 text-3xl">Edit vacancy</h1>
			<p className="mb-6">
				{d.status === 'live'
					? 'Changes show in search within seconds of saving.'
					: 'This vacancy is a draft: only your team can see it.'}
			</p>
			<VacancyForm
				fields={fields}
				roles={d.roles}
				standards={d.standards}
				minimumWage={d.minimumWage}
				canPublish={d.status === 'draft'}
				submitLabel={d.status === 'draft' ? 'Save draft' : 'Save changes'}
			/>
		</div>
	)
}
