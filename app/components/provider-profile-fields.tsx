import { providerTypes } from '#app/models/organisations/vocabulary.ts'
import { Radios, TextArea, TextField, type FieldState } from './forms.tsx'

export const profileFieldOrder = [
	'type',
	'name',
	'cqcLocationId',
	'addressLine1',
	'addressLine2',
	'town',
	'postcode',
	'website',
	'about',
]

export function ProviderProfileFields({ fields }: { fields: FieldState }) {
	return (
		<>
			<Radios fields={fields} name="type" legend="What kind of employer are you?" options={providerTypes} />
			<TextField
				fields={fields}
				name="name"
				label="Name candidates will see"
				autoComplete="organization"
				hint="Your organisation’s name. If you are hiring your own Personal Assistant, something like “Margaret (individual employer)”."
			/>
			<TextField
				fields={fields}
				name="cqcLocationId"
				label="CQC location ID (optional)"
				hint="Only for services registered with the Care Quality Commission, like 1-123456789. It helps us verify you. Individual employers leave this blank."
				width="max-w-xs"
				spellCheck={false}
			/>
			<TextField
				fields={fields}
				name="addressLine1"
				label="Address line 1"
				autoComplete="address-line1"
				hint="Individual employers: your address is never shown to anyone, only your area."
			/>
			<TextField fields={fields} name="addressLine2" label="Address line 2 (optional)" autoComplete="address-line2" />
			<TextField fields={fields} name="town" label="Town or city" autoComplete="address-level2" width="max-w-sm" />
			<TextField fields={fields} name="postcode" label="Postcode" autoComplete="postal-code" width="max-w-40" />
			<TextField
				fields={fields}
				name="website"
				label="Website (optional)"
				type="url"
				autoComplete="url"
				spellCheck={false}
			/>
			<TextArea
				fields={fields}
				name="about"
				label="About your organisation (optional)"
				hint={
					<>
						<p>What it is like to work for you, in a few sentences.</p>
						<p className="mt-1">
							If you are an individual employer, this is public: do not give your age, that you live alone, your exact
							address, your health in detail or when your home is empty. Say that in person to the people you invite to
							meet you.
						</p>
					</>
				}
				rows={4}
			/>
		</>
	)
}
