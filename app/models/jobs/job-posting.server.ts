import type { PublicProvider } from '#app/models/organisations/providers.server.ts'
import { findDistrict } from '#app/models/places/places.server.ts'
import { publicUrl, getEnv } from '#app/utils/env.server.ts'

type VacancyForPosting = {
	id: number
	title: string
	description: string
	requirements: string
	publishedAt: Date | null
	closingDate: Date
	town: string
	postcode: string
	outcode: string
	payPeriod: string
	payMin: number
	payMax: number
	fullTime: boolean
	partTime: boolean
	contract: string
	apprenticeship: boolean
	positions: number
}

function escapeHtml(text: string) {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

function toHtml(text: string) {
	return text
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean)
		.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
		.join('')
}

function employmentTypes(v: VacancyForPosting) {
	const types: string[] = []
	if (v.fullTime) types.push('FULL_TIME')
	if (v.partTime) types.push('PART_TIME')
	if (v.contract === 'fixed-term') types.push('TEMPORARY')
	if (v.contract === 'bank' || v.contract === 'zero-hours') types.push('PER_DIEM')
	if (v.apprenticeship) types.push('INTERN')
	return types.length ? types : ['OTHER']
}

/**
 * schema.org JobPosting, following Google's job posting structured data rules:
 * required title, description, datePosted, hiringOrganization, jobLocation;
 * recommended validThrough, employmentType, baseSalary, identifier.
 * An individual employer's posting carries the area only, never their address.
 */
export function jobPostingJsonLd(v: VacancyForPosting, provider: PublicProvider) {
	const url = `${publicUrl()}/jobs/${v.id}`
	const description =
		toHtml(v.description) + (v.requirements ? `<h3>What you will need</h3>${toHtml(v.requirements)}` : '')
	return {
		'@context': 'https://schema.org/',
		'@type': 'JobPosting',
		title: v.title,
		description,
		identifier: { '@type': 'PropertyValue', name: getEnv().SERVICE_NAME, value: String(v.id) },
		datePosted: (v.publishedAt ?? new Date()).toISOString(),
		validThrough: v.closingDate.toISOString(),
		employmentType: employmentTypes(v),
		hiringOrganization: {
			'@type': 'Organization',
			name: provider.name,
			...(provider.website ? { sameAs: provider.website } : {}),
		},
		jobLocation: {
			'@type': 'Place',
			address: {
				'@type': 'PostalAddress',
				addressLocality: v.town,
				// The county the workplace is in (Norfolk, Suffolk…), not the portal's region.
				addressRegion: findDistrict(v.outcode)?.county ?? getEnv().REGION_NAME,
				postalCode: provider.individual ? v.outcode : v.postcode,
				addressCountry: 'GB',
			},
		},
		baseSalary: {
			'@type': 'MonetaryAmount',
			currency: 'GBP',
			value: {
				'@type': 'QuantitativeValue',
				minValue: v.payMin / 100,
				maxValue: v.payMax / 100,
				unitText: v.payPeriod === 'year' ? 'YEAR' : 'HOUR',
			},
		},
		totalJobOpenings: v.positions,
		// Candidates apply on this site, on the job's own page.
		directApply: true,
		url,
	}
}
