import type { VacancyInput } from '#app/models/jobs/vacancy-form.server.ts'
import { endOfLondonDayIn } from '#app/utils/dates.ts'

/**
 * Retries `check` until it passes, then returns its value. Tests wait for the
 * state they need (searchable, in the outbox), never for a fixed time: the limit
 * is generous because a busy machine is slow, and speed belongs in the benchmarks.
 */
export async function waitFor<T>(check: () => Promise<T> | T, timeoutMs = 30_000, intervalMs = 25): Promise<T> {
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
		drivingConfirmed: false,
		visaSponsorship: false,
		closingDate: endOfLondonDayIn(21),
		positions: 1,
		questions: [],
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

export const TEST_ORIGIN = 'http://localhost:3999'

/** A request to a route, as the browser would send it (with a session cookie, if given). */
export function routeRequest(
	path: string,
	options: { method?: string; form?: Record<string, string | string[]>; cookie?: string } = {},
) {
	const headers = new Headers()
	if (options.cookie) headers.set('Cookie', options.cookie)
	if (options.form) headers.set('Content-Type', 'application/x-www-form-urlencoded')
	return new Request(`${TEST_ORIGIN}${path}`, {
		method: options.method ?? (options.form ? 'POST' : 'GET'),
		headers,
		body: options.form ? formBody(options.form) : undefined,
	})
}

type RouteOutcome = { status: number; data: any; headers: Headers; location: string | null }

/** Runs a loader or action and normalises what it returns or throws: data(), Response, or plain object. */
export async function callRoute(run: () => Promise<unknown>): Promise<RouteOutcome> {
	let value: unknown
	try {
		value = await run()
	} catch (thrown) {
		value = thrown
	}
	if (value instanceof Response) {
		const text = await value.text()
		let data: unknown = text
		try {
			data = JSON.parse(text)
		} catch {
			// plain text body
		}
		return { status: value.status, data, headers: value.headers, location: value.headers.get('Location') }
	}
	if (value && typeof value === 'object' && (value as { type?: string }).type === 'DataWithResponseInit') {
		const v = value as { data: unknown; init: ResponseInit | null }
		return { status: v.init?.status ?? 200, data: v.data, headers: new Headers(v.init?.headers), location: null }
	}
	if (value instanceof Error) throw value
	return { status: 200, data: value, headers: new Headers(), location: null }
}

/** The cookie a Set-Cookie header asks the browser to keep ("name=value"). */
export function cookieFrom(headers: Headers) {
	const setCookie = headers.get('Set-Cookie')
	if (!setCookie) throw new Error('no Set-Cookie header')
	return setCookie.split(';')[0]
}
