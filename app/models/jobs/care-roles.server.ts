import standardsData from '#app/data/apprenticeship-standards.json' with { type: 'json' }
import careRolesData from '#app/data/care-roles.json' with { type: 'json' }

export type CareRole = {
	id: string
	name: string
	also_known_as?: string[] | null
	description: string
	typical_entry: string[]
	qualifications_to_progress?: string[]
	apprenticeships?: string[]
	next_roles: string[]
	care_workforce_pathway?: string[]
}

export type ApprenticeshipStandard = {
	reference: string
	title: string
	level: number
	typical_job_titles: string[]
	on_programme_qualification?: string
	typical_duration?: string
	progression?: string[]
	portal_roles?: string[]
}

export const careRoles = careRolesData.roles as CareRole[]
export const apprenticeshipStandards = standardsData.standards as ApprenticeshipStandard[]
export const qualifications = careRolesData.qualifications as Array<{ id: string; name: string }>

const rolesById = new Map(careRoles.map((role) => [role.id, role]))
const standardsByRef = new Map(apprenticeshipStandards.map((s) => [s.reference, s]))

export function getRole(id: string) {
	return rolesById.get(id) ?? null
}

export function roleName(id: string) {
	return rolesById.get(id)?.name ?? id
}

export function getStandard(reference: string) {
	return standardsByRef.get(reference) ?? null
}

export const roleOptions = careRoles.map((role) => ({ id: role.id, label: role.name }))
export const standardOptions = apprenticeshipStandards.map((s) => ({
	id: s.reference,
	label: `${s.title} (level ${s.level}, ${s.reference})`,
	level: s.level,
}))
