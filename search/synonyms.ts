// The sector's words. Groups are mutual (any word finds the others); `oneWay`
// entries expand an abbreviation without making the long form find it.
// The reduced-mode search in fallback.server.ts applies the same lists. A
// synonym is matched exactly, and one of several words only within one field,
// as Meilisearch does: phrases whose words are too common for that ("home
// care", "sleep-in") are compound terms instead (compound-terms.ts).

const mutualGroups: string[][] = [
	['carer', 'carers', 'care worker', 'care workers', 'care assistant', 'care assistants', 'caregiver', 'home carer'],
	['senior carer', 'senior care worker', 'senior care assistant'],
	['support worker', 'support workers', 'support assistant'],
	[
		'healthcare assistant',
		'healthcare assistants',
		'health care assistant',
		'healthcare support worker',
		'nursing assistant',
	],
	['registered nurse', 'staff nurse', 'rgn', 'nurse', 'nurses'],
	['mental health nurse', 'rmn'],
	['night', 'nights', 'night shift', 'night shifts'],
	['weekend', 'weekends'],
	// compound terms (compound-terms.ts) stand for the settings' many names
	['domiciliary', 'qqhomecare'],
	['residential', 'qqcarehome'],
	['apprentice', 'apprenticeship', 'apprenticeships', 'trainee'],
	['part time', 'part-time', 'parttime'],
	['full time', 'full-time', 'fulltime'],
	['activities', 'activity', 'wellbeing'],
	['coordinator', 'co-ordinator'],
]

const oneWay: Record<string, string[]> = {
	hca: ['healthcare assistant', 'health care assistant'],
	hcsw: ['healthcare support worker'],
	ot: ['occupational therapist'],
	ota: ['occupational therapist assistant'],
	nhs: ['hospital'],
	nights: ['night', 'qqwakingnight', 'qqsleepin'],
	night: ['qqwakingnight', 'qqsleepin'],
	qqcarehome: ['qqnursinghome'],
}

// Short sector words that typo tolerance would confuse with common words
// ("carer" is one letter from "care", which nearly every vacancy contains).
export const exactWords = [
	'carer',
	'carers',
	'nurse',
	'nurses',
	'hca',
	'rgn',
	'rmn',
	'pa',
	'ot',
	'ota',
	'night',
	'nights',
	'senior',
]

export const stopWords = [
	'job',
	'jobs',
	'in',
	'near',
	'the',
	'a',
	'an',
	'and',
	'of',
	'for',
	'vacancy',
	'vacancies',
	'role',
	'roles',
]

export function buildSynonyms() {
	const synonyms: Record<string, string[]> = {}
	const add = (from: string, to: string[]) => {
		const set = new Set([...(synonyms[from] ?? []), ...to.filter((t) => t !== from)])
		synonyms[from] = [...set]
	}
	for (const group of mutualGroups) {
		for (const word of group) add(word, group)
	}
	for (const [from, to] of Object.entries(oneWay)) add(from, to)
	return synonyms
}

export const synonyms = buildSynonyms()
