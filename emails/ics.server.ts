import { createEvent } from 'ics'
import type { EmailAttachment } from './outbox.server.ts'

/**
 * An interview as an iCalendar invitation (RFC 5545). The UID stays the same
 * for an interview and SEQUENCE goes up with each change, so calendars replace
 * the earlier invitation instead of adding a second one.
 */
export function interviewInvitation(options: {
	interviewId: string
	sequence: number
	startsAt: Date
	durationMinutes: number
	title: string
	description: string
	location: string | null
	videoUrl: string | null
	organiser: { name: string; email: string }
	attendee: { name: string; email: string }
	domain: string
}): EmailAttachment {
	const start = options.startsAt
	const { error, value } = createEvent({
		productId: '-//Care Careers//Interviews//EN',
		method: 'REQUEST',
		uid: `interview-${options.interviewId}@${options.domain}`,
		sequence: options.sequence,
		start: [start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate(), start.getUTCHours(), start.getUTCMinutes()],
		startInputType: 'utc',
		startOutputType: 'utc',
		duration: { minutes: options.durationMinutes },
		title: options.title,
		description: options.description,
		...(options.location ? { location: options.location } : {}),
		...(options.videoUrl ? { url: options.videoUrl } : {}),
		status: 'CONFIRMED',
		organizer: { name: options.organiser.name, email: options.organiser.email },
		attendees: [{ name: options.attendee.name, email: options.attendee.email, rsvp: true, role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION' }],
	})
	if (error || !value) throw error ?? new Error('could not build the calendar invitation')
	return { filename: 'interview.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: Buffer.from(value).toString('base64') }
}
