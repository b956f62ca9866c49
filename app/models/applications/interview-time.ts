import { TZDate } from '@date-fns/tz'
import { LONDON } from '#app/utils/dates.ts'

/** "Tuesday 2 December 2026 at 2:30pm", London time. */
export function formatInterviewTime(date: Date) {
	const london = new TZDate(date.getTime(), LONDON)
	const time = london
		.toLocaleTimeString('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: LONDON })
		.replace(' ', '')
		.toLowerCase()
	const day = london.toLocaleDateString('en-GB', {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: LONDON,
	})
	return `${day.replace(',', '')} at ${time}`
}
