import { Form } from '@remix-run/react'
import { contracts, hoursOptions, settings } from '#app/models/jobs/vocabulary.ts'
import {
	Checkbox,
	Checkboxes,
	DateInput,
	ErrorSummary,
	Radios,
	SelectField,
	TextArea,
	TextField,
	type FieldState,
	yesNoOptions,
} from './forms.tsx'

export const vacancyFieldOrder: Array<string | [string, string]> = [
	'title',
	'roleId',
	'setting',
	'description',
	'requirements',
	'postcode',
	'town',
	'payPeriod',
	'payMin',
	'payMax',
	'hoursPerWeek',
	'hours',
	'contract',
	'standardRef',
	'drivingLicenceRequired',
	'visaSponsorship',
	['closingDay', 'closingDay'],
	['closingMonth', 'closingDay'],
	['closingYear', 'closingDay'],
	'positions',
	'howToApply',
	...[1, 2, 3, 4, 5].map((n) => `question${n}`),
]

type Option = { id: string; label: string }

export function VacancyForm({
	fields,
	roles,
	standards,
	minimumWage,
	canPublish,
	submitLabel,
}: {
	fields: FieldState
	roles: Option[]
	standards: Option[]
	minimumWage: string
	canPublish: boolean
	submitLabel: string
}) {
	return (
		<>
			<ErrorSummary errors={fields.summary(vacancyFieldOrder)} formError={fields.formError} />
			<Form method="post" noValidate>
				<h2 className="mb-4 text-2xl">The job</h2>
				<TextField
					fields={fields}
					name="title"
					label="Job title"
					hint="What candidates will search for, like Night care assistant."
				/>
				<SelectField
					fields={fields}
					name="roleId"
					label="Role"
					hint="The role that best fits this job."
					options={roles}
				/>
				<Radios fields={fields} name="setting" legend="Where does the work happen?" options={settings} />
				<TextArea
					fields={fields}
					name="description"
					label="Description"
					hint="What the job involves, the people supported, the team, training and benefits. At least 50 characters."
					rows={10}
				/>
				<TextArea
					fields={fields}
					name="requirements"
					label="What the candidate will need (optional)"
					hint="Experience, qualifications or checks, such as an enhanced DBS check."
					rows={5}
				/>

				<h2 className="mb-4 mt-8 text-2xl">Where</h2>
				<TextField
					fields={fields}
					name="postcode"
					label="Postcode of the workplace"
					hint="For home care, the office or the area the rounds cover. Individual employers: only the area is ever shown."
					width="max-w-40"
					autoComplete="postal-code"
				/>
				<TextField fields={fields} name="town" label="Town or village" width="max-w-sm" />

				<h2 className="mb-4 mt-8 text-2xl">Pay and hours</h2>
				<Radios
					fields={fields}
					name="payPeriod"
					legend="How is the pay given?"
					hint={`Pay must be at least the legal minimum: ${minimumWage}.`}
					options={[
						{ id: 'hour', label: 'An hourly rate' },
						{ id: 'year', label: 'A yearly salary' },
					]}
				/>
				<TextField
					fields={fields}
					name="payMin"
					label="Pay, or the lowest pay if it is a range"
					prefix="£"
					width="w-32"
					inputMode="decimal"
				/>
				<TextField
					fields={fields}
					name="payMax"
					label="Highest pay (optional)"
					hint="Leave blank if the pay is a single amount."
					prefix="£"
					width="w-32"
					inputMode="decimal"
				/>
				<TextField
					fields={fields}
					name="hoursPerWeek"
					label="Hours per week"
					hint="Needed for salaries. Optional for hourly pay."
					width="w-24"
					inputMode="decimal"
				/>
				<Checkboxes
					fields={fields}
					name="hours"
					legend="Pattern of hours"
					hint="Select all that apply."
					options={hoursOptions}
				/>
				<Radios fields={fields} name="contract" legend="Contract" options={contracts} />

				<h2 className="mb-4 mt-8 text-2xl">Apprenticeship</h2>
				<Checkbox
					fields={fields}
					name="apprenticeship"
					label="This is an apprenticeship"
					hint="The apprentice rate applies instead of the National Living Wage."
				/>
				<SelectField
					fields={fields}
					name="standardRef"
					label="Apprenticeship standard (apprenticeships only)"
					options={standards}
					placeholder="Not an apprenticeship"
				/>

				<h2 className="mb-4 mt-8 text-2xl">Requirements and closing date</h2>
				<Radios
					fields={fields}
					name="drivingLicenceRequired"
					legend="Does the job need a driving licence?"
					inline
					options={yesNoOptions}
				/>
				{/* Shown when the advert's words disagree with "No", or the provider confirmed before. */}
				{fields.error('drivingLicenceRequired')?.startsWith('Your advert says') ||
				fields.checked('confirmNoDriving') ? (
					<Checkboxes
						fields={fields}
						name="confirmNoDriving"
						legend="Driving"
						options={[
							{ id: 'on', label: 'I confirm the job does not need a driving licence, whatever the advert says' },
						]}
					/>
				) : null}
				<Radios
					fields={fields}
					name="visaSponsorship"
					legend="Can you sponsor a Skilled Worker visa for this job?"
					inline
					options={yesNoOptions}
				/>
				<DateInput
					fields={fields}
					prefix="closing"
					legend="Closing date"
					hint="Applications close at 23:59 UK time on this day. For example, 27 3 2027."
				/>
				<TextField
					fields={fields}
					name="positions"
					label="How many people are you hiring?"
					width="w-20"
					inputMode="numeric"
				/>
				<TextArea
					fields={fields}
					name="howToApply"
					label="Questions before applying (optional)"
					hint="Candidates apply on this site. Here you can say who to call or email with questions, or when you hold open days."
					rows={4}
				/>

				<h2 className="mb-2 mt-8 text-2xl">Questions for candidates (optional)</h2>
				<p className="mb-4 max-w-2xl text-muted">
					Up to five short questions every applicant answers, such as “Can you work alternate weekends?”. They cannot be
					changed once someone has applied.
				</p>
				{[1, 2, 3, 4, 5].map((n) => (
					<fieldset key={n} className="mb-4 grid gap-x-4 border-l-4 border-line pl-4 sm:grid-cols-[3fr_1fr]">
						<legend className="sr-only">Question {n}</legend>
						<TextField fields={fields} name={`question${n}`} label={`Question ${n}`} width="max-w-full" />
						<SelectField
							fields={fields}
							name={`questionKind${n}`}
							label="Answer"
							options={[
								{ id: 'yes-no', label: 'Yes or no' },
								{ id: 'text', label: 'A short answer' },
							]}
							placeholder="Yes or no"
						/>
					</fieldset>
				))}

				<div className="mt-8 flex flex-wrap gap-4">
					{canPublish ? (
						<button type="submit" name="intent" value="publish" className="btn">
							Publish vacancy
						</button>
					) : null}
					<button type="submit" name="intent" value="save" className={canPublish ? 'btn btn-secondary' : 'btn'}>
						{submitLabel}
					</button>
				</div>
			</Form>
		</>
	)
}
