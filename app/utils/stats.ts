/**
 * The p-th quantile of sorted values by linear interpolation between closest
 * ranks (Hyndman and Fan type 7, the method of Excel's QUARTILE.INC and R's
 * default): position (n - 1) × p, counted from 0.
 */
export function quantile(sorted: number[], p: number) {
	if (!sorted.length) return null
	const position = (sorted.length - 1) * p
	const lower = Math.floor(position)
	const upper = Math.min(sorted.length - 1, lower + 1)
	return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower])
}

export function quartiles(values: number[]) {
	const sorted = [...values].sort((a, b) => a - b)
	return {
		count: sorted.length,
		lower: quantile(sorted, 0.25),
		median: quantile(sorted, 0.5),
		upper: quantile(sorted, 0.75),
	}
}
