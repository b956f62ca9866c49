import { z } from 'zod'
import { parsePostcodeText } from './postcode.ts'

// Field schemas with plain-English messages, shared by every form.

export const EmailSchema = z
	.string({ error: 'Enter an email address' })
	.trim()
	.min(1, { error: 'Enter an email address' })
	.max(254, { error: 'Email address must be 254 characters or fewer' })
	.pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.com' }))
	.transform((email) => email.toLowerCase())

export const NewPasswordSchema = z
	.string({ error: 'Enter a password' })
	.min(10, { error: 'Password must be at least 10 characters' })
	.max(200, { error: 'Password must be 200 characters or fewer' })

export const UkPostcodeSchema = z
	.string({ error: 'Enter a postcode' })
	.trim()
	.min(1, { error: 'Enter a postcode' })
	.transform((value, ctx) => {
		const parsed = parsePostcodeText(value)
		if (!parsed) {
			ctx.addIssue({ code: 'custom', message: 'Enter a full UK postcode, like NR1 3QU' })
			return z.NEVER
		}
		return parsed
	})

export function requiredText(label: string, max: number, min = 1) {
	return z
		.string({ error: `Enter ${label}` })
		.trim()
		.min(min, { error: min > 1 ? `${capitalise(label)} must be at least ${min} characters` : `Enter ${label}` })
		.max(max, { error: `${capitalise(label)} must be ${max} characters or fewer` })
}

export function optionalText(label: string, max: number) {
	return z
		.string()
		.trim()
		.max(max, { error: `${capitalise(label)} must be ${max} characters or fewer` })
		.optional()
		.transform((v) => v || undefined)
}

/** "£12.50", "12.5", "24,000" → pence. */
export function moneySchema(requiredMessage: string) {
	return z
		.string({ error: requiredMessage })
		.trim()
		.min(1, { error: requiredMessage })
		.transform((value, ctx) => {
			const cleaned = value.replace(/^£\s*/, '')
			if (!/^\d{1,3}(,?\d{3})*(\.\d{1,2})?$/.test(cleaned)) {
				ctx.addIssue({ code: 'custom', message: 'Enter an amount in pounds, like 12.50 or 24,000' })
				return z.NEVER
			}
			return Math.round(Number(cleaned.replace(/,/g, '')) * 100)
		})
}

export const UrlSchema = z
	.string()
	.trim()
	.max(300, { error: 'Website must be 300 characters or fewer' })
	.optional()
	.transform((value, ctx) => {
		if (!value) return undefined
		const withScheme = /^https?:\/\//i.test(value) ? value : `https://${value}`
		try {
			const url = new URL(withScheme)
			if (!url.hostname.includes('.')) throw new Error('no dot')
			return url.toString()
		} catch {
			ctx.addIssue({ code: 'custom', message: 'Enter a website address, like www.example.org.uk' })
			return z.NEVER
		}
	})

export function capitalise(text: string) {
	return text.charAt(0).toUpperCase() + text.slice(1)
}

const contactPatterns = [
	/[^\s@]+@[^\s@]+\.[a-z]{2,}/i, // email addresses
	/(?:\+44\s?|\b0)(?:[\s-]?\d){9,10}\b/, // UK phone numbers, however spaced
	/\b(?:https?:\/\/|www\.)\S+/i, // web links
	/@[a-z0-9_]{3,}/i, // social media handles
]

/** Whether text gives a way to contact someone directly: an email address, a phone number, a link or a handle. */
export function containsContactDetails(text: string) {
	return contactPatterns.some((pattern) => pattern.test(text))
}
