// The legal minimum hourly rates, as dated configuration: add a row each April.
// Source: GOV.UK "National Minimum Wage and National Living Wage rates".
// Amounts in pence.
export const minimumWageRates = [
	{ from: '2024-04-01', nationalLivingWage: 1144, apprenticeRate: 640 },
	{ from: '2025-04-01', nationalLivingWage: 1221, apprenticeRate: 755 },
	{ from: '2026-04-01', nationalLivingWage: 1271, apprenticeRate: 800 },
] as const

export type MinimumRate = { pence: number; name: string; from: string }

/** The rate in force on a London calendar date (yyyy-mm-dd). */
export function minimumRateOn(londonDate: string, apprenticeship: boolean): MinimumRate {
	const rates = [...minimumWageRates].filter((r) => r.from <= londonDate).sort((a, b) => a.from.localeCompare(b.from))
	const current = rates.at(-1) ?? minimumWageRates[0]
	return apprenticeship
		? { pence: current.apprenticeRate, name: 'the apprentice rate', from: current.from }
		: { pence: current.nationalLivingWage, name: 'the National Living Wage', from: current.from }
}
