// Fixed vocabularies for vacancies, shared by forms, filters and search documents.
// Ids are stable (they live in URLs, the database and the index); labels are copy.

export const settings = [
	{ id: 'care-home', label: 'Care home' },
	{ id: 'home-care', label: 'Home care' },
	{ id: 'supported-living', label: 'Supported living' },
	{ id: 'day-service', label: 'Day service' },
	{ id: 'nursing-home', label: 'Nursing home' },
	{ id: 'hospital-nhs', label: 'Hospital or NHS' },
	{ id: 'personal-assistant', label: 'Personal Assistant' },
] as const

export const hoursOptions = [
	{ id: 'full-time', label: 'Full-time' },
	{ id: 'part-time', label: 'Part-time' },
	{ id: 'nights', label: 'Nights' },
	{ id: 'weekends', label: 'Weekends' },
	{ id: 'flexible', label: 'Flexible' },
] as const

export const contracts = [
	{ id: 'permanent', label: 'Permanent' },
	{ id: 'fixed-term', label: 'Fixed-term' },
	{ id: 'bank', label: 'Bank or relief' },
	{ id: 'zero-hours', label: 'Zero-hours' },
] as const

export const radiusChoices = [1, 3, 5, 10, 15, 20, 30] as const
export const defaultRadius = 10

export const sortOptions = [
	{ id: 'relevance', label: 'Most relevant' },
	{ id: 'distance', label: 'Distance' },
	{ id: 'newest', label: 'Newest' },
	{ id: 'pay', label: 'Highest pay' },
] as const

export type SettingId = (typeof settings)[number]['id']
export type HoursId = (typeof hoursOptions)[number]['id']
export type ContractId = (typeof contracts)[number]['id']
export type SortId = (typeof sortOptions)[number]['id']
