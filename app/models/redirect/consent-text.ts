// The exact words a candidate agrees to, shown on the apply form and on
// "Sharing your details" alike. What is stored with each consent is the label
// and the hint together, so the record holds everything the candidate read.
// They say only what happens: suggestions go to the candidate, and employers
// see nothing that names them unless they apply.

export type ConsentKind = 'redirect' | 'talent-pool'

export const consentText: Record<ConsentKind, { label: string; hint: string }> = {
	redirect: {
		label:
			'If an employer I apply to can’t offer me the job but thinks I would suit other roles, email me jobs with other employers near me',
		hint: 'We choose the jobs using the details you give us. No other employer is sent your details: they only see them if you apply.',
	},
	'talent-pool': {
		label:
			'Show my profile in the regional talent pool, so that employers checked by the regional team can invite me to apply',
		hint: 'They see the roles you want, when you can work, the hours you want, your experience and qualifications, whether you drive, how far you will travel and the first half of your postcode. They do not see your name or contact details unless you accept an invitation and apply.',
	},
}

export const consentWording: Record<ConsentKind, string> = {
	redirect: `${consentText.redirect.label}. ${consentText.redirect.hint}`,
	'talent-pool': `${consentText['talent-pool'].label}. ${consentText['talent-pool'].hint}`,
}

/** What each consent is called in the candidate's record of consent. */
export const consentName: Record<ConsentKind, string> = {
	redirect: 'Jobs with other employers',
	'talent-pool': 'The talent pool',
}
