import { describe, expect, test } from 'vitest'
import { minimumRateOn } from './minimum-wage.ts'
import { checkMinimumPay, formatHourlyEquivalent, formatPay, formatPayLine, hourlyEquivalent } from './pay.ts'

describe('the minimum rate in force is dated configuration', () => {
	test.each([
		['2025-03-31', false, 1144],
		['2025-04-01', false, 1221],
		['2026-03-31', false, 1221],
		['2026-04-01', false, 1271],
		['2026-11-23', false, 1271],
		['2026-11-23', true, 800],
		['2025-06-01', true, 755],
	])('on %s (apprenticeship %s) it is %i pence', (date, apprenticeship, pence) => {
		expect(minimumRateOn(date, apprenticeship).pence).toBe(pence)
	})
})

describe('pay below the legal minimum is refused with the rate named', () => {
	test('hourly pay below the National Living Wage', () => {
		expect(
			checkMinimumPay({ period: 'hour', minPence: 1270, apprenticeship: false, londonDates: ['2026-11-23'] }),
		).toBe('Pay must be at least £12.71 an hour: the National Living Wage from 01/04/2026')
	})

	test('exactly the National Living Wage is fine', () => {
		expect(
			checkMinimumPay({ period: 'hour', minPence: 1271, apprenticeship: false, londonDates: ['2026-11-23'] }),
		).toBeNull()
	})

	test('apprenticeships use the apprentice rate', () => {
		expect(
			checkMinimumPay({ period: 'hour', minPence: 800, apprenticeship: true, londonDates: ['2026-11-23'] }),
		).toBeNull()
		expect(checkMinimumPay({ period: 'hour', minPence: 799, apprenticeship: true, londonDates: ['2026-11-23'] })).toBe(
			'Pay must be at least £8.00 an hour: the apprentice rate from 01/04/2026',
		)
	})

	test('a vacancy open across a rise must meet the rate in force on its closing date', () => {
		expect(
			checkMinimumPay({
				period: 'hour',
				minPence: 1250,
				apprenticeship: false,
				londonDates: ['2026-03-20', '2026-04-10'],
			}),
		).toBe('Pay must be at least £12.71 an hour: the National Living Wage from 01/04/2026')
		expect(
			checkMinimumPay({
				period: 'hour',
				minPence: 1250,
				apprenticeship: false,
				londonDates: ['2026-03-20', '2026-03-31'],
			}),
		).toBeNull()
	})

	test('a salary a few pence short of the rate is refused, not rounded up', () => {
		// 1271p × 52 weeks × 37.5 hours = £24,784.50
		expect(
			checkMinimumPay({
				period: 'year',
				minPence: 24_784_00,
				hoursPerWeek: 37.5,
				apprenticeship: false,
				londonDates: ['2026-11-23'],
			}),
		).not.toBeNull()
		expect(
			checkMinimumPay({
				period: 'year',
				minPence: 24_784_50,
				hoursPerWeek: 37.5,
				apprenticeship: false,
				londonDates: ['2026-11-23'],
			}),
		).toBeNull()
	})

	test('a salary is compared by its hourly equivalent for the hours given', () => {
		// £24,000 over 37.5 hours × 52 weeks is £12.31 an hour
		expect(
			checkMinimumPay({
				period: 'year',
				minPence: 24_000_00,
				hoursPerWeek: 37.5,
				apprenticeship: false,
				londonDates: ['2026-11-23'],
			}),
		).toBe(
			'Pay works out at £12.30 an hour for 37.5 hours a week, below the National Living Wage of £12.71 an hour from 01/04/2026',
		)
		// …but the same salary for 30 hours a week is £15.38 an hour
		expect(
			checkMinimumPay({
				period: 'year',
				minPence: 24_000_00,
				hoursPerWeek: 30,
				apprenticeship: false,
				londonDates: ['2026-11-23'],
			}),
		).toBeNull()
	})
})

describe('showing pay', () => {
	test('hourly range', () => {
		expect(formatPay({ payPeriod: 'hour', payMin: 1275, payMax: 1350 })).toBe('£12.75 to £13.50 an hour')
	})
	test('single salary, with its hourly equivalent', () => {
		const v = { payPeriod: 'year', payMin: 27_000_00, payMax: 27_000_00, hoursPerWeek: 37.5 }
		expect(formatPay(v)).toBe('£27,000 a year')
		expect(formatHourlyEquivalent(v)).toBe('about £13.85 an hour')
		expect(formatPayLine(v)).toBe('£27,000 a year (about £13.85 an hour)')
		expect(formatPayLine({ payPeriod: 'hour', payMin: 1260, payMax: 1260 })).toBe('£12.60 an hour')
	})
	test('hourly equivalents', () => {
		expect(hourlyEquivalent('hour', 1300)).toBe(1300)
		expect(hourlyEquivalent('year', 19_500_00, 37.5)).toBe(1000)
	})
})
