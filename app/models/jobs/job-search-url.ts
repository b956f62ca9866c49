import { defaultRadius } from './vocabulary.ts'

export type JobSearchForm = {
	q: string
	where: string
	radius: number
	role: string[]
	setting: string[]
	hours: string[]
	contract: string[]
	apprenticeship: boolean
	standard?: string[]
	nodriving: boolean
	sponsorship: boolean
	minpay: string
	sort?: string
	page: number
	/** the words as typed, when some of them became filters or the place (search-words.server.ts) */
	from?: string
	/** search for the words as typed: none of them become filters */
	words?: boolean
}

/** The URL of a search, optionally with some parameters changed (page links, suggestions). */
export function searchUrl(form: JobSearchForm, changes: Partial<JobSearchForm> = {}) {
	const merged = { ...form, ...changes }
	const params = new URLSearchParams()
	const put = (key: string, value: unknown) => {
		if (Array.isArray(value)) value.forEach((v) => params.append(key, String(v)))
		else if (value === true) params.set(key, '1')
		else if (value !== false && value !== '' && value != null) params.set(key, String(value))
	}
	put('q', merged.q)
	put('where', merged.where)
	if (merged.where && merged.radius !== defaultRadius) put('radius', merged.radius)
	put('role', merged.role)
	put('setting', merged.setting)
	put('hours', merged.hours)
	put('contract', merged.contract)
	put('apprenticeship', merged.apprenticeship)
	put('standard', merged.standard ?? [])
	put('nodriving', merged.nodriving)
	put('sponsorship', merged.sponsorship)
	put('minpay', merged.minpay)
	put('sort', merged.sort)
	if (merged.page > 1) put('page', merged.page)
	put('from', merged.from)
	put('words', merged.words ?? false)
	const text = params.toString()
	return text ? `/jobs?${text}` : '/jobs'
}
