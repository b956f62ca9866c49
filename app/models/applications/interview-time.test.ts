import { describe, expect, test } from 'vitest'
import { parseClockTime } from './pipeline.server.ts'

describe('interview times as people write them', () => {
	test.each([
		['14:30', { hour: 14, minute: 30 }],
		['14.30', { hour: 14, minute: 30 }],
		['1430', { hour: 14, minute: 30 }],
		['2:30pm', { hour: 14, minute: 30 }],
		['2.30 PM', { hour: 14, minute: 30 }],
		['2pm', { hour: 14, minute: 0 }],
		['12am', { hour: 0, minute: 0 }],
		['12:15pm', { hour: 12, minute: 15 }],
		['noon', { hour: 12, minute: 0 }],
		['9:05', { hour: 9, minute: 5 }],
	])('%s', (text, expected) => expect(parseClockTime(text)).toEqual(expected))

	test.each(['25:00', '14:60', '13pm', '2', 'half two', ''])('%s is not a time', (text) => {
		expect(parseClockTime(text)).toBeNull()
	})
})
