import { TZDate } from '@date-fns/tz'
import { addMonths as addMonthsFns, format, isValid } from 'date-fns'

export const LONDON = 'Europe/London'

/** dd/mm/yyyy in London time. */
// One formatter, made once: search results format a closing date per card, and
// building a TZDate for each cost more than the rest of the card.
const londonDayMonthYear = new Intl.DateTimeFormat('en-GB', {
	timeZone: LONDON,
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
})

/** dd/mm/yyyy in London. */
export function formatDate(date: Date | string | number) {
	return londonDayMonthYear.format(new Date(date))
}

export function formatDateLong(date: Date | string | number) {
	return format(new TZDate(new Date(date).getTime(), LONDON), 'EEEE d MMMM yyyy')
}

/** The London calendar date as yyyy-mm-dd. */
export function londonDateString(date: Date = new Date()) {
	return format(new TZDate(date.getTime(), LONDON), 'yyyy-MM-dd')
}

/** The last second of a London calendar day, as an instant. */
export function endOfLondonDay(year: number, month: number, day: number) {
	const date = new TZDate(year, month - 1, day, 23, 59, 59, LONDON)
	return isValid(date) && date.getDate() === day && date.getMonth() === month - 1 ? new Date(date.getTime()) : null
}

export function londonDateParts(date: Date) {
	const z = new TZDate(date.getTime(), LONDON)
	return { day: z.getDate(), month: z.getMonth() + 1, year: z.getFullYear() }
}

export function addDays(date: Date, days: number) {
	return new Date(date.getTime() + days * 86_400_000)
}

/** The same moment `months` calendar months later (or earlier), in London (date-fns keeps the 31st as the month's end). */
export function addMonths(date: Date, months: number) {
	return new Date(addMonthsFns(new TZDate(date.getTime(), LONDON), months).getTime())
}

/** The end of the London day `days` from now: closing dates are whole days. */
export function endOfLondonDayIn(days: number, now = new Date()) {
	const d = londonDateParts(addDays(now, days))
	return endOfLondonDay(d.year, d.month, d.day)!
}

/** "23/11/2026 at 3:32pm", London time (GOV.UK style: 12-hour clock, am/pm). */
export function formatDateTime(date: Date | string | number) {
	return format(new TZDate(new Date(date).getTime(), LONDON), "dd/MM/yyyy 'at' h:mmaaa")
}

/**
 * The latest moment at or before `now` that is hh:mm on a London clock, on the
 * given weekday if one is given (0 Sunday … 6 Saturday). Built from calendar
 * days, so a clock change never moves it off the hour.
 */
export function lastLondonTime(now: Date, hour: number, minute = 0, weekday?: number) {
	const z = new TZDate(now.getTime(), LONDON)
	for (let back = 0; back <= 8; back++) {
		const at = new TZDate(z.getFullYear(), z.getMonth(), z.getDate() - back, hour, minute, 0, LONDON)
		if ((weekday === undefined || at.getDay() === weekday) && at.getTime() <= now.getTime())
			return new Date(at.getTime())
	}
	throw new Error('unreachable: a week always has the day')
}

/** The first moment after `after` that is hh:mm on a London clock (on `weekday`, if given). */
export function nextLondonTime(after: Date, hour: number, minute = 0, weekday?: number) {
	const z = new TZDate(after.getTime(), LONDON)
	for (let ahead = 0; ahead <= 8; ahead++) {
		const at = new TZDate(z.getFullYear(), z.getMonth(), z.getDate() + ahead, hour, minute, 0, LONDON)
		if ((weekday === undefined || at.getDay() === weekday) && at.getTime() > after.getTime())
			return new Date(at.getTime())
	}
	throw new Error('unreachable: a week always has the day')
}
