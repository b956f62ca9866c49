import { exactWords, stopWords, synonyms } from './synonyms.ts'

// Bump when the document shape changes: a changed version rebuilds the index.
export const DOCUMENT_VERSION = 4

export const filterableAttributes = [
	'id',
	'_geo',
	'roleId',
	'setting',
	'hours',
	'contract',
	'apprenticeship',
	'noDrivingNeeded',
	'visaSponsorship',
	'hourlyMax',
	'closingAt',
	// job alerts ask for what was published since they last looked
	'publishedAt',
	'providerId',
	'standardRef',
]

export const facetAttributes = [
	'roleId',
	'setting',
	'hours',
	'contract',
	'apprenticeship',
	'noDrivingNeeded',
	'visaSponsorship',
] as const

export const indexSettings = {
	// Order matters: earlier attributes weigh more in relevance.
	searchableAttributes: [
		'title',
		'roleName',
		'roleAliases',
		'hoursLabels',
		'settingLabel',
		'providerName',
		'town',
		'description',
		// compound sector terms found in the text (compound-terms.ts)
		'terms',
	],
	// Everything but the long description, which is searched but never shown in
	// results (cards show the summary): a fifth of the bytes per page of results.
	displayedAttributes: [
		'id',
		'title',
		'roleId',
		'roleName',
		'roleAliases',
		'setting',
		'settingLabel',
		'providerId',
		'providerName',
		'providerType',
		'town',
		'outcode',
		'_geo',
		'payPeriod',
		'payMin',
		'payMax',
		'hoursPerWeek',
		'hourlyMin',
		'hourlyMax',
		'hours',
		'hoursLabels',
		'contract',
		'apprenticeship',
		'standardRef',
		'apprenticeshipLevel',
		'noDrivingNeeded',
		'visaSponsorship',
		'positions',
		'closingAt',
		'publishedAt',
		'summary',
		'version',
	],
	filterableAttributes,
	sortableAttributes: ['_geo', 'publishedAt', 'hourlyMax', 'closingAt', 'id'],
	// "sort" first: when someone sorts by distance, pay or date, the order is
	// exactly that; the keyword only decides what matches.
	rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness', 'publishedAt:desc'],
	// Word closeness counted within a field, not word by word: a job's words are
	// short phrases, and this halves indexing time (100,000 vacancies: 73 s → 42 s).
	proximityPrecision: 'byAttribute',
	stopWords,
	synonyms,
	typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnWords: exactWords },
	pagination: { maxTotalHits: 100_000 },
	faceting: { maxValuesPerFacet: 100 },
}
