import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useFormFields, useFormReply } from '#app/components/forms.tsx'
import { VacancyForm } from '#app/components/vacancy-form.tsx'
import { roleOptions, standardOptions } from '#app/models/jobs/care-roles.server.ts'
import { describeMinimumRates } from '#app/models/jobs/pay.ts'
import { createVacancy } from '#app/models/jobs/vacancies.server.ts'
import { vacancyFormSchema } from '#app/models/jobs/vacancy-form.server.ts'
import { requireProviderMember } from '#app/models/organisations/providers.server.ts'
import { isIndividualEmployer } from '#app/models/organisations/vocabulary.ts'
import { endOfLondonDayIn, londonDateParts, londonDateString } from '#app/utils/dates.ts'
import { replyInvalid, replyToDomainError } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { provider } = await requireProviderMember(request)
	const closing = londonDateParts(endOfLondonDayIn(28))
	return {
		roles: roleOptions,
		standards: standardOptions,
		minimumWage: describeMinimumRates(londonDateString()),
		defaults: {
			town: provider.town,
			postcode: provider.postcode,
			payPeriod: 'hour',
			positions: '1',
			setting: isIndividualEmployer(provider.type) ? 'personal-assistant' : '',
			closingDay: String(closing.day),
			closingMonth: String(closing.month),
			closingYear: String(closing.year),
		},
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const { provider } = await requireProviderMember(request)
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: vacancyFormSchema() })
	if (submission.status !== 'success') return replyInvalid('vacancy', submission)
	let vacancy: Awaited<ReturnType<typeof createVacancy>>
	try {
		vacancy = await createVacancy(provider.id, submission.value, { publish: formData.get('intent') === 'publish' })
	} catch (error) {
		return replyToDomainError(error, 'vacancy', submission)
	}
	return redirect(`/provider/vacancies/${vacancy.id}?${vacancy.status === 'live' ? 'published' : 'saved'}=1`)
}

export const handle: PageHandle = { title: 'Post a vacancy' }

export default function NewVacancyRoute() {
	const d = useLoaderData<typeof loader>()
	const fields = useFormFields('vacancy', useFormReply('vacancy'), d.defaults)
	return (
		<div className="max-w-3xl">
			<h1 className="mb-2 text-3xl">Post a vacancy</h1>
			<p className="mb-6">It is free. Publish it now, or save it as a draft and publish it later.</p>
			<VacancyForm
				fields={fields}
				roles={d.roles}
				standards={d.standards}
				minimumWage={d.minimumWage}
				canPublish
				submitLabel="Save as draft"
			/>
		</div>
	)
}
