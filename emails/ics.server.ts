import { createEvent } from 'ics'
import type { EmailAttachment } from '#app/background/email-outbox.server.ts'

type InterviewEvent = {
	interviewId: string
	sequence: number
	startsAt: Date
	durationMinutes: number
	title: string
	organiser: { name: string; email: string }
	attendee: { name: string; email: string }
	domain: string
}

function toAttachment(value: string | null | undefined, error: unknown, method: 'REQUEST' | 'CANCEL'): EmailAttachment {
	if (error || !value) throw error ?? new Error('could not build the calendar file')
	return {
		filename: method === 'CANCEL' ? 'interview-cancelled.ics' : 'interview.ics',
		contentType: `text/calendar; charset=utf-8; method=${method}`,
		content: Buffer.from(value).toString('base64'),
	}
}

function commonFields(options: InterviewEvent, method: 'REQUEST' | 'CANCEL') {
	const start = options.startsAt
	return {
		productId: '-//Care Careers//Interviews//EN',
		method,
		uid: `interview-${options.interviewId}@${options.domain}`,
		sequence: options.sequence,
		start: [
			start.getUTCFullYear(),
			start.getUTCMonth() + 1,
			start.getUTCDate(),
			start.getUTCHours(),
			start.getUTCMinutes(),
		] as [number, number, number, number, number],
		startInputType: 'utc' as const,
		startOutputType: 'utc' as const,
		duration: { minutes: options.durationMinutes },
		title: options.title,
		organizer: { name: options.organiser.name, email: options.organiser.email },
		// The organiser's address does not take replies: candidates answer on the site.
		attendees: [
			{ name: options.attendee.name, email: options.attendee.email, rsvp: false, role: 'REQ-PARTICIPANT' as const },
		],
	}
}

/** Taking an interview out of the candidate's calendar (same UID, next SEQUENCE). */
export function interviewCancellation(options: InterviewEvent): EmailAttachment {
	const { error, value } = createEvent({ ...commonFields(options, 'CANCEL'), status: 'CANCELLED' })
	return toAttachment(value, error, 'CANCEL')
}

/**
 * An interview as an iCalendar invitation (RFC 5545). The UID stays the same
 * for an interview and SEQUENCE goes up with each change, so calendars replace
 * the earlier invitation instead of adding a second one.
 */
export function interviewInvitation(
	options: InterviewEvent & { description: string; location: string | null; videoUrl: string | null },
): EmailAttachment {
	const { error, value } = createEvent({
		...commonFields(options, 'REQUEST'),
		description: [options.videoUrl ? `Video call: ${options.videoUrl}` : '', options.description]
			.filter(Boolean)
			.join('\n\n'),
		// Most calendar apps show LOCATION and the description, not URL.
		location: options.location ?? (options.videoUrl ? `Video call: ${options.videoUrl}` : undefined),
		...(options.videoUrl ? { url: options.videoUrl } : {}),
		status: 'CONFIRMED',
	})
	return toAttachment(value, error, 'REQUEST')
}
