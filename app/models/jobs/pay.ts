import { minimumRateOn } from './minimum-wage.ts'

export type PayPeriod = 'hour' | 'year'

// Used to compare annual salaries with hourly rates when a vacancy gives no hours.
export const DEFAULT_HOURS_PER_WEEK = 37.5
const WEEKS_PER_YEAR = 52

export function hourlyEquivalent(period: PayPeriod, pence: number, hoursPerWeek?: number | null) {
	if (period === 'hour') return pence
	return Math.round(pence / (WEEKS_PER_YEAR * (hoursPerWeek || DEFAULT_HOURS_PER_WEEK)))
}

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' })
const gbpWhole = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 })

export function formatPence(pence: number) {
	return pence % 100 === 0 && pence >= 100_000 ? gbpWhole.format(pence / 100) : gbp.format(pence / 100)
}

export function formatPay(vacancy: {
	payPeriod: string
	payMin: number
	payMax: number
	hoursPerWeek?: number | null
}) {
	const period = vacancy.payPeriod === 'year' ? 'a year' : 'an hour'
	const amount =
		vacancy.payMin === vacancy.payMax
			? formatPence(vacancy.payMin)
			: `${formatPence(vacancy.payMin)} to ${formatPence(vacancy.payMax)}`
	return `${amount} ${period}`
}

/** "about £12.30 to £13.00 an hour" for salaries; nothing for hourly pay. */
export function formatHourlyEquivalent(vacancy: {
	payPeriod: string
	payMin: number
	payMax: number
	hoursPerWeek?: number | null
}) {
	if (vacancy.payPeriod !== 'year') return null
	const min = hourlyEquivalent('year', vacancy.payMin, vacancy.hoursPerWeek)
	const max = hourlyEquivalent('year', vacancy.payMax, vacancy.hoursPerWeek)
	return `about ${min === max ? formatPence(min) : `${formatPence(min)} to ${formatPence(max)}`} an hour`
}

/** One line for emails and lists: "£42,000 a year (about £21.54 an hour)", or "£12.60 an hour". */
export function formatPayLine(vacancy: Parameters<typeof formatPay>[0]) {
	const hourly = formatHourlyEquivalent(vacancy)
	return hourly ? `${formatPay(vacancy)} (${hourly})` : formatPay(vacancy)
}

/**
 * Why this pay is below the legal minimum, or null when it is not. Checked
 * against the rate in force on each date given (today and the closing date), so
 * a vacancy open across 1 April meets the new rate.
 */
export function checkMinimumPay(options: {
	period: PayPeriod
	minPence: number
	hoursPerWeek?: number | null
	apprenticeship: boolean
	londonDates: string[]
}) {
	const rate = options.londonDates
		.map((date) => minimumRateOn(date, options.apprenticeship))
		.reduce((highest, r) => (r.pence > highest.pence ? r : highest))
	const hours = options.hoursPerWeek || DEFAULT_HOURS_PER_WEEK
	// Compared exactly: a salary 20p a year short of the rate must not round up to it.
	const meetsRate =
		options.period === 'hour' ? options.minPence >= rate.pence : options.minPence >= rate.pence * WEEKS_PER_YEAR * hours
	if (meetsRate) return null
	const [y, m, d] = rate.from.split('-')
	const since = `${d}/${m}/${y}`
	if (options.period === 'hour') {
		return `Pay must be at least ${formatPence(rate.pence)} an hour: ${rate.name} from ${since}`
	}
	const hourly = Math.floor(options.minPence / (WEEKS_PER_YEAR * hours))
	return `Pay works out at ${formatPence(hourly)} an hour for ${hours} hours a week, below ${rate.name} of ${formatPence(rate.pence)} an hour from ${since}`
}

/** "£12.71 an hour (the National Living Wage), or £8.00 an hour for apprenticeships" */
export function describeMinimumRates(londonDate: string) {
	const adult = minimumRateOn(londonDate, false)
	const apprentice = minimumRateOn(londonDate, true)
	return `${formatPence(adult.pence)} an hour (${adult.name}), or ${formatPence(apprentice.pence)} an hour for apprenticeships`
}
