import { isValid, parse } from 'postcode'

/** A full UK postcode in its normal form ("NR1 3QU"), or null. */
export function parsePostcodeText(text: string) {
	const value = text.toUpperCase().replace(/\s+/g, '')
	if (!isValid(value)) return null
	const parsed = parse(value)
	return parsed.valid ? { postcode: parsed.postcode, outcode: parsed.outcode } : null
}
