// What candidates tell employers about themselves, and the stages and checks of an
// application. Ids are stable (database, URLs); labels are copy.

export const rightToWorkOptions = [
	{ id: 'yes', label: 'Yes, I have the right to work in the UK' },
	{ id: 'needs-sponsorship', label: 'No, I would need visa sponsorship' },
] as const

export const hoursWantedOptions = [
	{ id: 'full-time', label: 'Full-time' },
	{ id: 'part-time', label: 'Part-time' },
	{ id: 'either', label: 'Either' },
] as const

export const experienceOptions = [
	{ id: 'none', label: 'None yet' },
	{ id: 'under-1', label: 'Less than a year' },
	{ id: '1-2', label: '1 to 2 years' },
	{ id: '3-5', label: '3 to 5 years' },
	{ id: 'over-5', label: 'More than 5 years' },
] as const

// Ids match the qualifications in care-roles.json where there is one.
export const candidateQualifications = [
	{ id: 'care-certificate', label: 'Care Certificate' },
	{ id: 'level-2-diploma-in-care', label: 'Level 2 Diploma in Care' },
	{ id: 'level-3-diploma-in-adult-care', label: 'Level 3 Diploma in Adult Care' },
	{ id: 'level-4-diploma-in-adult-care', label: 'Level 4 Diploma in Adult Care' },
	{ id: 'level-5-diploma-leadership-management-adult-care', label: 'Level 5 Diploma in Leadership and Management' },
	{ id: 'nursing-registration', label: 'Nursing registration (NMC)' },
] as const

export const travelChoices = [3, 5, 10, 15, 20, 30] as const

export const availabilityOptions = [
	{ id: 'days', label: 'Days' },
	{ id: 'nights', label: 'Nights' },
	{ id: 'weekends', label: 'Weekends' },
] as const

export const stages = [
	{ id: 'new', label: 'New' },
	{ id: 'reviewing', label: 'Reviewing' },
	{ id: 'interview', label: 'Interview' },
	{ id: 'conditional-offer', label: 'Conditional offer' },
	{ id: 'hired', label: 'Hired' },
	{ id: 'unsuccessful', label: 'Unsuccessful' },
	{ id: 'withdrawn', label: 'Withdrawn' },
] as const

export type StageId = (typeof stages)[number]['id']

export const finishedStages: readonly string[] = ['hired', 'unsuccessful', 'withdrawn']
export const isFinished = (stage: string) => finishedStages.includes(stage)

export const unsuccessfulReasons = [
	{ id: 'closer-match', label: 'Other candidates were a closer match' },
	{ id: 'experience', label: 'Needs more experience than they have' },
	{ id: 'driving-licence', label: 'Needs a driving licence or car' },
	{ id: 'hours', label: 'Hours do not match' },
	{ id: 'right-to-work', label: 'Needs visa sponsorship we cannot offer' },
	{ id: 'position-filled', label: 'The position has been filled' },
	{ id: 'no-response', label: 'We could not reach them' },
	{ id: 'other', label: 'Another reason' },
] as const

export const checkKinds = [
	{ id: 'dbs', label: 'Enhanced DBS check', firstActor: 'candidate' },
	{ id: 'reference-1', label: 'First reference', firstActor: 'referee' },
	{ id: 'reference-2', label: 'Second reference', firstActor: 'referee' },
	{ id: 'right-to-work', label: 'Right to work check', firstActor: 'candidate' },
	{ id: 'id', label: 'Proof of identity', firstActor: 'candidate' },
	{ id: 'health', label: 'Health declaration', firstActor: 'candidate' },
] as const

export const checkStatuses = [
	{ id: 'not-started', label: 'Not started' },
	{ id: 'in-progress', label: 'In progress' },
	{ id: 'cleared', label: 'Cleared' },
	{ id: 'problem', label: 'Problem' },
] as const

export const checkActors = [
	{ id: 'candidate', label: 'Candidate' },
	{ id: 'provider', label: 'Employer' },
	{ id: 'referee', label: 'Referee' },
	{ id: 'dbs-service', label: 'DBS service' },
] as const
