import { addDays, londonDateParts } from '#app/utils/dates.ts'
import type { VacancyInput } from '#app/models/vacancies.server.ts'

/** Retries `check` until it passes or `timeoutMs` runs out, then throws its last error. */
export async function waitFor<T>(check: () => Promise<T> | T, timeoutMs = 2000, intervalMs = 25): Promise<T> {
	const deadline = Date.now() + timeoutMs
	let lastError: unknown
	while (Date.now() < deadline) {
		try {
			return await check()
		} catch (error) {
			lastError = error
			await new Promise((resolve) => setTimeout(resolve, intervalMs))
		}
	}
	throw lastError
}

export function validVacancyInput(overrides: Partial<VacancyInput> = {}): VacancyInput {
	const closing = londonDateParts(addDays(new Date(), 21))
	return {
		title: 'Care assistant',
		roleId: 'care-worker',
		setting: 'care-home',
		description: 'Join our friendly team supporting older people. Full training given, including the Care Certificate.',
		requirements: '',
		howToApply: 'Call us.',
		postcode: 'NR2 1AA',
		town: 'Norwich',
		payPeriod: 'hour',
		payMin: 1300,
		payMax: 1350,
		hoursPerWeek: null,
		fullTime: true,
		partTime: false,
		nights: false,
		weekends: false,
		flexible: false,
		contract: 'permanent',
		apprenticeship: false,
		standardRef: null,
		apprenticeshipLevel: null,
		drivingLicenceRequired: false,
		visaSponsorship: false,
		closingDate: new Date(Date.UTC(closing.year, closing.month - 1, closing.day, 23, 59, 59)),
		positions: 1,
		...overrides,
	}
}

/** A form body as a browser would send it. */
export function formBody(fields: Record<string, string | string[]>) {
	const body = new URLSearchParams()
	for (const [key, value] of Object.entries(fields)) {
		for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
	}
	return body
}
