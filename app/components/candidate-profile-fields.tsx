import {
	availabilityOptions,
	candidateQualifications,
	experienceOptions,
	hoursWantedOptions,
	rightToWorkOptions,
	travelChoices,
} from '#app/models/applications/vocabulary.ts'
import { settings } from '#app/models/jobs/vocabulary.ts'
import { consentText } from '#app/models/redirect/consent-text.ts'
import { useRegionExample } from '#app/utils/region-example.ts'
import { Checkbox, Checkboxes, Radios, SelectField, TextField, type FieldState } from './forms.tsx'

export const profileFieldOrder = [
	'firstName',
	'lastName',
	'email',
	'phone',
	'postcode',
	'rightToWork',
	'drivingLicence',
	'hasCar',
	'availability',
	'hoursWanted',
	'roles',
	'experienceYears',
	'experienceSettings',
	'qualifications',
	'travelMiles',
]

const yesNo = [
	{ id: 'yes', label: 'Yes' },
	{ id: 'no', label: 'No' },
]

/** The candidate profile, shared by the apply form and the account page. */
export function CandidateProfileFields({
	fields,
	roles,
	emailField,
}: {
	fields: FieldState
	roles: Array<{ id: string; label: string }>
	emailField?: boolean
}) {
	const example = useRegionExample()
	return (
		<>
			<h2 className="mb-4 text-2xl">About you</h2>
			<TextField fields={fields} name="firstName" label="First name" autoComplete="given-name" width="max-w-sm" />
			<TextField fields={fields} name="lastName" label="Last name" autoComplete="family-name" width="max-w-sm" />
			{emailField ? (
				<TextField
					fields={fields}
					name="email"
					label="Email address"
					type="email"
					autoComplete="email"
					spellCheck={false}
					hint="We will send you a link to confirm it. Your application is kept until you do."
				/>
			) : null}
			<TextField fields={fields} name="phone" label="Phone number" type="tel" autoComplete="tel" width="max-w-sm" />
			<TextField
				fields={fields}
				name="postcode"
				label="Home postcode"
				autoComplete="postal-code"
				width="max-w-40"
				hint={`Employers see only the first half, like ${example.outcode}.`}
			/>

			<h2 className="mb-4 mt-8 text-2xl">The work you want</h2>
			<Radios
				fields={fields}
				name="rightToWork"
				legend="Do you have the right to work in the UK?"
				options={rightToWorkOptions}
			/>
			<Radios
				fields={fields}
				name="drivingLicence"
				legend="Do you have a full UK driving licence?"
				options={yesNo}
				inline
			/>
			<Radios fields={fields} name="hasCar" legend="Do you have a car you can use for work?" options={yesNo} inline />
			<Checkboxes
				fields={fields}
				name="availability"
				legend="When can you work?"
				hint="Select all that apply."
				options={availabilityOptions}
			/>
			<Radios fields={fields} name="hoursWanted" legend="What hours do you want?" options={hoursWantedOptions} inline />
			<SelectField
				fields={fields}
				name="travelMiles"
				label="How far can you travel to work?"
				options={travelChoices.map((m) => ({ id: String(m), label: `Up to ${m} miles` }))}
				placeholder="Choose a distance"
			/>
			<Checkboxes
				fields={fields}
				name="roles"
				legend="Roles you are interested in (optional)"
				hint="Select all that apply."
				options={roles}
			/>

			<h2 className="mb-4 mt-8 text-2xl">Experience and qualifications</h2>
			<Radios
				fields={fields}
				name="experienceYears"
				legend="How much paid or unpaid care experience do you have?"
				options={experienceOptions}
			/>
			<Checkboxes
				fields={fields}
				name="experienceSettings"
				legend="Where have you worked in care? (optional)"
				options={settings}
			/>
			<Checkboxes
				fields={fields}
				name="qualifications"
				legend="Which of these do you have? (optional)"
				options={candidateQualifications}
			/>
		</>
	)
}

/** The two consents, in the candidate's own words, unticked until they tick them. */
export function ConsentFields({ fields }: { fields: FieldState }) {
	return (
		<>
			<h2 className="mb-2 mt-8 text-2xl">If this job is not for you</h2>
			<p className="mb-4 max-w-2xl text-muted">
				Both are optional. You can change your mind at any time in your account, and choose employers who should never
				see your details.
			</p>
			<Checkbox
				fields={fields}
				name="consentRedirect"
				label={consentText.redirect.label}
				hint={consentText.redirect.hint}
			/>
			<Checkbox
				fields={fields}
				name="consentTalentPool"
				label={consentText['talent-pool'].label}
				hint={consentText['talent-pool'].hint}
			/>
		</>
	)
}
