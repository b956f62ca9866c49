import { DomainError } from '#app/utils/domain-error.ts'
import { labelOf } from '#app/utils/options.ts'

// What a visit request is about and where it stands, in words both sides see.

/** Days an ambassador has to answer an offer before it passes to the next nearest. */
export const OFFER_DAYS = 3

export class VisitError extends DomainError {}

export const organisationTypes = [
	{ id: 'school', label: 'School' },
	{ id: 'college', label: 'College or sixth form' },
	{ id: 'jobcentre', label: 'Jobcentre' },
	{ id: 'other', label: 'Another organisation' },
] as const

export const ageGroups = [
	{ id: '11-14', label: 'Years 7 to 9 (11 to 14)' },
	{ id: '14-16', label: 'Years 10 and 11 (14 to 16)' },
	{ id: '16-18', label: 'Sixth form or college (16 to 18)' },
	{ id: 'adults', label: 'Adults' },
] as const

export const visitTopics = [
	{ id: 'careers-in-care', label: 'What working in care is like' },
	{ id: 'apprenticeships', label: 'Apprenticeships' },
	{ id: 'nursing', label: 'Routes into nursing' },
	{ id: 'qualifications', label: 'Qualifications and training' },
	{ id: 'values', label: 'Values and skills care needs' },
	{ id: 'interviews', label: 'Applying and interviews' },
] as const

const statusLabels: Record<string, string> = {
	open: 'Waiting for an ambassador',
	accepted: 'An ambassador is coming',
	fulfilled: 'Visit done',
	unmatched: 'With the regional team',
	cancelled: 'Cancelled',
}

/** The same statuses as the ambassador sees them. */
export const ambassadorStatusLabels: Record<string, string> = {
	accepted: 'Accepted',
	fulfilled: 'Visit recorded',
	cancelled: 'Cancelled by the school',
	open: 'Waiting for your answer',
}

/** The parts of a request both sides may see, in words. */
export function describeVisit(request: {
	status: string
	ageGroup: string
	topics: unknown
	organisationType: string
}) {
	return {
		statusLabel: statusLabels[request.status] ?? request.status,
		ageGroupLabel: labelOf(ageGroups, request.ageGroup),
		organisationTypeLabel: labelOf(organisationTypes, request.organisationType),
		topicLabels: ((request.topics as string[]) ?? []).map((t) => labelOf(visitTopics, t)),
	}
}
