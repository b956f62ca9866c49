import { expect, test } from 'vitest'
import { quantile, quartiles } from './stats.ts'

test('quartiles use linear interpolation between ranks (type 7), as R and spreadsheets do', () => {
	// R: quantile(c(1, 2, 3, 4), c(.25, .5, .75)) → 1.75 2.50 3.25
	expect(quartiles([4, 1, 3, 2])).toEqual({ count: 4, lower: 1.75, median: 2.5, upper: 3.25 })
	// R: quantile(c(7, 15, 36, 39, 40, 41), c(.25, .5, .75)) → 20.25 37.50 39.75
	expect(quartiles([7, 15, 36, 39, 40, 41])).toEqual({ count: 6, lower: 20.25, median: 37.5, upper: 39.75 })
	expect(quartiles([5])).toEqual({ count: 1, lower: 5, median: 5, upper: 5 })
	expect(quartiles([])).toEqual({ count: 0, lower: null, median: null, upper: null })
	expect(quantile([1, 2, 3], 1)).toBe(3)
})
