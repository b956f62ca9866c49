import * as jobAlertDigest from './templates/job-alert-digest.tsx'

/**
 * Templates whose emails are queued as props and rendered when sent
 * (queueLateRenderedEmail): the ones queued by the thousand at once.
 */
export const lateTemplates = {
	'job-alert-digest': jobAlertDigest,
}

export type LateTemplateName = keyof typeof lateTemplates
