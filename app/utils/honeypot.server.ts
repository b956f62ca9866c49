// A field people never see (hidden off-screen, out of the tab order): bots that
// fill every field give themselves away. See Honeypot in components/forms.tsx.
export function isHoneypotFilled(formData: FormData) {
	const value = formData.get('website_url')
	return typeof value === 'string' && value.length > 0
}
