import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { ErrorSummary, useFormFields, useFormReply, type FieldState } from '#app/components/forms.tsx'
import { NotificationBanner } from '#app/components/notification-banner.tsx'
import {
	getOwnAmbassador,
	MAX_PATHWAY_STEPS,
	pathwayStepsSchema,
	requireAmbassador,
	savePathway,
} from '#app/models/careers/ambassadors.server.ts'
import { roleOptions } from '#app/models/jobs/care-roles.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { replyInvalid } from '#app/utils/form-reply.ts'
import type { PageHandle } from '#app/utils/page.ts'
import { invariantResponse } from '#app/utils/responses.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const ambassador = await getOwnAmbassador(await requireUserId(request))
	invariantResponse(ambassador, 'This account is not an I Care Ambassador', { status: 403 })
	const defaults: Record<string, string> = {}
	ambassador.pathwaySteps.forEach((step, i) => {
		defaults[`step${i + 1}Role`] = step.roleId ?? ''
		// A step named after its role needs no title of its own.
		defaults[`step${i + 1}Title`] =
			step.roleId && step.title === roleOptions.find((r) => r.id === step.roleId)?.label ? '' : step.title
		defaults[`step${i + 1}From`] = String(step.fromYear)
		defaults[`step${i + 1}To`] = step.toYear ? String(step.toYear) : ''
	})
	return { defaults, roles: roleOptions, steps: MAX_PATHWAY_STEPS }
}

export async function action({ request }: ActionFunctionArgs) {
	const userId = await requireUserId(request)
	await requireAmbassador(userId)
	const submission = parseWithZod(await request.formData(), { schema: pathwayStepsSchema() })
	if (submission.status !== 'success') return replyInvalid('pathway', submission)
	await savePathway(userId, submission.value)
	return redirect('/ambassador/pathway?saved=1')
}

export const handle: PageHandle = { title: 'Your pathway' }

function StepFields({
	fields,
	n,
	roles,
}: {
	fields: FieldState
	n: number
	roles: ReadonlyArray<{ id: string; label: string }>
}) {
	const errors = [fields.error(`step${n}Title`), fields.error(`step${n}From`), fields.error(`step${n}To`)].filter(
		Boolean,
	)
	const error = errors[0]
	const input = (name: string, label: string, width: string, extra: Record<string, string> = {}) => (
		<div>
			<label htmlFor={fields.id(`step${n}${name}`)} className="mb-1 block">
				{label}
			</label>
			<input
				id={fields.id(`step${n}${name}`)}
				name={`step${n}${name}`}
				defaultValue={fields.value(`step${n}${name}`)}
				aria-invalid={fields.error(`step${n}${name}`) ? true : undefined}
				aria-describedby={error ? `${fields.id(`step${n}`)}-error` : undefined}
				className={`input ${width} ${fields.error(`step${n}${name}`) ? 'input-error' : ''}`}
				{...extra}
			/>
		</div>
	)
	return (
		<fieldset className={`mb-6 ${error ? 'border-l-4 border-error pl-4' : ''}`}>
			<legend className="mb-2 text-lg font-bold">Step {n}</legend>
			{errors.length ? (
				<div id={`${fields.id(`step${n}`)}-error`} className="mb-2 font-bold text-error">
					{errors.map((e) => (
						<p key={e}>
							<span className="sr-only">Error: </span>
							{e}
						</p>
					))}
				</div>
			) : null}
			<div className="flex flex-wrap items-end gap-4">
				<div className="w-full sm:w-auto">
					<label htmlFor={fields.id(`step${n}Role`)} className="mb-1 block">
						Role
					</label>
					<select
						id={fields.id(`step${n}Role`)}
						name={`step${n}Role`}
						defaultValue={fields.value(`step${n}Role`)}
						className="input w-full sm:w-auto"
					>
						<option value="">Not a role on this site</option>
						{roles.map((r) => (
							<option key={r.id} value={r.id}>
								{r.label}
							</option>
						))}
					</select>
				</div>
				{input('Title', 'What you did (if not a role listed)', 'w-72 max-w-full')}
				{input('From', 'From (year)', 'w-24', { inputMode: 'numeric' })}
				{input('To', 'To (year, blank if now)', 'w-24', { inputMode: 'numeric' })}
			</div>
		</fieldset>
	)
}

export default function AmbassadorPathwayRoute() {
	const d = useLoaderData<typeof loader>()
	const result = useFormReply('pathway')
	const [params] = useSearchParams()
	// A new location (after a successful save) remounts the form, so it shows what was saved rather than what was typed.
	const { key: formKey } = useLocation()
	const fields = useFormFields('pathway', result, d.defaults)
	const order = Array.from({ length: d.steps }, (_, i) => i + 1).flatMap((n) => [
		`step${n}Title`,
		`step${n}From`,
		`step${n}To`,
	])
	return (
		<div className="max-w-3xl">
			{params.get('saved') && !result ? <NotificationBanner>Your pathway has been saved.</NotificationBanner> : null}
			<ErrorSummary errors={fields.summary(order)} formError={fields.formError} />
			<h1 className="mb-4 text-3xl">Your pathway</h1>
			<p className="mb-6">
				The steps that brought you to where you are, oldest first: school or college courses, volunteering, jobs and
				training. Choose a role where one fits so people can read about it. Leave the steps you do not need blank.
			</p>
			<Form key={formKey} method="post" noValidate>
				{Array.from({ length: d.steps }, (_, i) => (
					<StepFields key={i} fields={fields} n={i + 1} roles={d.roles} />
				))}
				<button type="submit" className="btn">
					Save pathway
				</button>
			</Form>
		</div>
	)
}
