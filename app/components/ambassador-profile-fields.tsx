import { FileField, Radios, SelectField, TextArea, TextField, type FieldState } from './forms.tsx'

export const ambassadorFieldOrder = [
	'firstName',
	'roleId',
	'employer',
	'town',
	'postcode',
	'bio',
	'willingToVisit',
	'visitRadiusMiles',
	'photo',
	'photoAlt',
]

export const visitRadiusChoices = [5, 10, 15, 20, 30, 40, 60].map((miles) => ({
	id: String(miles),
	label: `Up to ${miles} miles`,
}))

export function AmbassadorProfileFields({
	fields,
	roles,
	currentPhoto,
	currentOutcode,
}: {
	fields: FieldState
	roles: ReadonlyArray<{ id: string; label: string }>
	currentPhoto?: { url: string; alt: string } | null
	/** When editing: the district kept from before, so the postcode may be left blank. */
	currentOutcode?: string
}) {
	return (
		<>
			<TextField
				fields={fields}
				name="firstName"
				label="First name"
				hint="Only your first name is shown on the portal."
				autoComplete="given-name"
				width="max-w-sm"
			/>
			<SelectField fields={fields} name="roleId" label="Your role now" options={roles} placeholder="Choose your role" />
			<TextField
				fields={fields}
				name="employer"
				label="Employer (optional)"
				hint="Leave blank if you would rather not say."
				autoComplete="organization"
			/>
			<TextField
				fields={fields}
				name="town"
				label="Town or village you are based in"
				width="max-w-sm"
				autoComplete="address-level2"
			/>
			<TextField
				fields={fields}
				name="postcode"
				label={currentOutcode ? 'New postcode (optional)' : 'Postcode'}
				hint={
					currentOutcode
						? `We have your district, ${currentOutcode}. Enter a full postcode only if you have moved.`
						: 'Used to find visits near you. Only your town and area are shown, never your postcode.'
				}
				autoComplete="postal-code"
				width="max-w-40"
			/>
			<TextArea
				fields={fields}
				name="bio"
				label="About you (optional)"
				hint="A few sentences: what you do and why you chose care."
				rows={4}
				maxLength={1500}
			/>
			<Radios
				fields={fields}
				name="willingToVisit"
				legend="Can you visit schools, colleges and jobcentres?"
				options={[
					{ id: 'yes', label: 'Yes, offer me visit requests near me' },
					{ id: 'no', label: 'Not at the moment' },
				]}
			/>
			<SelectField
				fields={fields}
				name="visitRadiusMiles"
				label="How far can you travel for a visit?"
				options={visitRadiusChoices}
				placeholder="Choose a distance"
			/>
			{currentPhoto ? (
				<div className="mb-4">
					<p className="mb-2 font-bold">Your photo</p>
					<img src={currentPhoto.url} alt={currentPhoto.alt} className="size-32 object-cover" />
				</div>
			) : null}
			<FileField
				fields={fields}
				name="photo"
				label={currentPhoto ? 'Replace your photo (optional)' : 'Photo (optional)'}
				hint="A JPG, PNG or WebP image smaller than 2 MB. We remove the camera details, including where it was taken."
				accept="image/jpeg,image/png,image/webp"
			/>
			<TextField
				fields={fields}
				name="photoAlt"
				label="Describe the photo"
				hint="For people who cannot see it, for example “Priya in a blue tunic, smiling in a garden”. Needed if you add a photo."
			/>
		</>
	)
}
