// Kinds of provider, and what a team member may do. Ids are stable; labels are copy.

export const providerTypes = [
	{ id: 'care-home', label: 'Care home' },
	{ id: 'nursing-home', label: 'Nursing home' },
	{ id: 'home-care', label: 'Home-care agency' },
	{ id: 'supported-living', label: 'Supported living' },
	{ id: 'day-service', label: 'Day service' },
	{ id: 'nhs-trust', label: 'NHS trust' },
	{ id: 'individual-employer', label: 'Individual employer (hiring a Personal Assistant)' },
] as const

export type ProviderTypeId = (typeof providerTypes)[number]['id']

export const teamRoles = [
	{ id: 'owner', label: 'Owner: can invite colleagues' },
	{ id: 'recruiter', label: 'Recruiter: vacancies and applicants' },
] as const

/** A person employing their own Personal Assistant: their address is never shown or indexed. */
export function isIndividualEmployer(providerType: string) {
	return providerType === 'individual-employer'
}
