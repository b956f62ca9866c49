import { Checkboxes, FileField, SelectField, TextArea, TextField, type FieldState } from './forms.tsx'

export const storyFieldOrder = [
	'tellerName',
	'tellerRoleId',
	'title',
	'body',
	'roleIds',
	'employerName',
	'photo',
	'photoAlt',
]

export function StoryFields({
	fields,
	roles,
	forProvider,
}: {
	fields: FieldState
	roles: ReadonlyArray<{ id: string; label: string }>
	forProvider?: boolean
}) {
	return (
		<>
			{forProvider ? (
				<TextField
					fields={fields}
					name="tellerName"
					label="First name of the person whose story it is"
					hint="Only a first name is shown. Make sure they have agreed to their story and photo being published."
					width="max-w-sm"
				/>
			) : null}
			<SelectField
				fields={fields}
				name="tellerRoleId"
				label={forProvider ? 'Their role' : 'Your role in the story'}
				hint={forProvider ? undefined : 'Usually your role now.'}
				options={roles}
				placeholder="Choose a role"
			/>
			<TextField
				fields={fields}
				name="title"
				label="Title"
				hint="For example “From volunteer to deputy manager in six years”."
			/>
			<TextArea
				fields={fields}
				name="body"
				label={forProvider ? 'Their story' : 'Your story'}
				hint="At least 100 characters. How it started, what a day is like, what is hard and what is good. Leave a blank line between paragraphs. Do not name the people you support."
				rows={12}
				maxLength={6000}
			/>
			<Checkboxes
				fields={fields}
				name="roleIds"
				legend="Other roles the story talks about (optional)"
				hint="For example the roles someone had before. The story appears on these roles’ career pages too."
				options={roles}
			/>
			<TextField fields={fields} name="employerName" label="Employer (optional)" />
			<FileField
				fields={fields}
				name="photo"
				label="Photo (optional)"
				hint="A JPG, PNG or WebP image smaller than 2 MB. We remove the camera details, including where it was taken."
				accept="image/jpeg,image/png,image/webp"
			/>
			<TextField
				fields={fields}
				name="photoAlt"
				label="Describe the photo"
				hint="For people who cannot see it. Needed if you add a photo."
			/>
		</>
	)
}
