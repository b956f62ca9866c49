// Job alert words and limits, shared by the pages and the emails.

export const alertFrequencies = [
	{
		id: 'immediate',
		label: 'As soon as they are posted',
		hint: 'We check every 15 minutes. For searches with fewer jobs.',
		sentence: 'Sent as soon as new jobs are posted (we check every 15 minutes)',
	},
	{ id: 'daily', label: 'Once a day', hint: 'At about 7am.', sentence: 'Sent once a day, at about 7am' },
	{ id: 'weekly', label: 'Once a week', hint: 'On Monday mornings.', sentence: 'Sent once a week, on Monday mornings' },
] as const

export type AlertFrequency = (typeof alertFrequencies)[number]['id']

export const foundJobAnswers = [
	{ id: 'found-here', label: 'Yes, through this website' },
	{ id: 'found-elsewhere', label: 'Yes, somewhere else' },
	{ id: 'no', label: 'No' },
] as const

export type FoundJobAnswer = (typeof foundJobAnswers)[number]['id']

export const alertRules = {
	/** "as soon as they are posted" is offered for searches with this many jobs or fewer */
	immediateMaxJobs: 30,
	maxPerAddress: 20,
	/** an alert nobody confirmed is deleted after this */
	pendingDays: 7,
	/** emails sent and no link followed for this long: the alert pauses itself */
	pauseUnreadMonths: 6,
	/** jobs listed for each alert in one email (the rest are a link away) */
	jobsPerAlert: 10,
	/** immediate alerts are looked at this often */
	immediateEveryMinutes: 15,
	/** daily and weekly digests go at this London time (weekly on Mondays) */
	sendAtHour: 7,
}
