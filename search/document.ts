import { getRole } from '#app/models/jobs/care-roles.server.ts'
import { hourlyEquivalent, type PayPeriod } from '#app/models/jobs/pay.ts'
import { noDrivingNeeded, vacancyHours } from '#app/models/jobs/vacancy-rules.server.ts'
import { hoursOptions, settings } from '#app/models/jobs/vocabulary.ts'
import { labelOf } from '#app/utils/options.ts'
import { compoundTermsIn } from './compound-terms.ts'

export type VacancyForDocument = {
	id: number
	status: string
	title: string
	roleId: string
	setting: string
	description: string
	town: string
	outcode: string
	lat: number
	lng: number
	payPeriod: string
	payMin: number
	payMax: number
	hoursPerWeek: number | null
	fullTime: boolean
	partTime: boolean
	nights: boolean
	weekends: boolean
	flexible: boolean
	contract: string
	apprenticeship: boolean
	standardRef: string | null
	apprenticeshipLevel: number | null
	drivingLicenceRequired: boolean
	drivingConfirmedAt: Date | null
	requirements: string
	visaSponsorship: boolean
	closingDate: Date
	positions: number
	publishedAt: Date | null
	updatedAt: Date
	provider: { id: string; name: string; type: string; updatedAt: Date }
}

export type VacancyDocument = ReturnType<typeof toSearchDocument>

/** The fields of a vacancy the portal shows in search results; no addresses. */
export const vacancyDocumentSelect = {
	id: true,
	status: true,
	title: true,
	roleId: true,
	setting: true,
	description: true,
	town: true,
	outcode: true,
	lat: true,
	lng: true,
	payPeriod: true,
	payMin: true,
	payMax: true,
	hoursPerWeek: true,
	fullTime: true,
	partTime: true,
	nights: true,
	weekends: true,
	flexible: true,
	contract: true,
	apprenticeship: true,
	standardRef: true,
	apprenticeshipLevel: true,
	drivingLicenceRequired: true,
	drivingConfirmedAt: true,
	requirements: true,
	visaSponsorship: true,
	closingDate: true,
	positions: true,
	publishedAt: true,
	updatedAt: true,
	provider: { select: { id: true, name: true, type: true, updatedAt: true } },
} as const

/** A document changes when its vacancy or its provider does. */
export function documentVersion(v: { updatedAt: Date; provider: { updatedAt: Date } }) {
	return Math.max(v.updatedAt.getTime(), v.provider.updatedAt.getTime())
}

// Some of a role's other names belong to one setting ("Domiciliary care worker"
// is a care worker in home care): a care home's care worker must not be found by them.
const aliasSettings: Array<{ pattern: RegExp; settings: string[] }> = [
	{ pattern: /domiciliary|home care/i, settings: ['home-care'] },
	{ pattern: /care home/i, settings: ['care-home'] },
	{ pattern: /nursing home/i, settings: ['nursing-home'] },
	{ pattern: /supported living/i, settings: ['supported-living'] },
]

export function roleAliasesFor(aliases: string[], setting: string) {
	return aliases.filter((alias) => aliasSettings.every((a) => !a.pattern.test(alias) || a.settings.includes(setting)))
}

export function toSearchDocument(v: VacancyForDocument) {
	const role = getRole(v.roleId)
	const hours = vacancyHours(v)
	const period = v.payPeriod as PayPeriod
	return {
		id: v.id,
		title: v.title,
		roleId: v.roleId,
		roleName: role?.name ?? v.roleId,
		roleAliases: roleAliasesFor(role?.also_known_as ?? [], v.setting),
		setting: v.setting,
		settingLabel: labelOf(settings, v.setting),
		providerId: v.provider.id,
		providerName: v.provider.name,
		providerType: v.provider.type,
		town: v.town,
		outcode: v.outcode,
		_geo: { lat: v.lat, lng: v.lng },
		payPeriod: period,
		payMin: v.payMin,
		payMax: v.payMax,
		hoursPerWeek: v.hoursPerWeek,
		hourlyMin: hourlyEquivalent(period, v.payMin, v.hoursPerWeek),
		hourlyMax: hourlyEquivalent(period, v.payMax, v.hoursPerWeek),
		hours,
		hoursLabels: hours.map((id) => labelOf(hoursOptions, id)),
		contract: v.contract,
		apprenticeship: v.apprenticeship,
		standardRef: v.standardRef,
		apprenticeshipLevel: v.apprenticeshipLevel,
		noDrivingNeeded: noDrivingNeeded(v),
		visaSponsorship: v.visaSponsorship,
		positions: v.positions,
		closingAt: Math.floor(v.closingDate.getTime() / 1000),
		publishedAt: Math.floor((v.publishedAt ?? v.updatedAt).getTime() / 1000),
		summary: summarise(v.description, 220),
		description: summarise(v.description, 2000),
		terms: compoundTermsIn(v.title, labelOf(settings, v.setting), v.description),
		version: documentVersion(v),
	}
}

export function summarise(text: string, max: number) {
	const flat = text.replace(/\s+/g, ' ').trim()
	if (flat.length <= max) return flat
	const cut = flat.slice(0, max)
	return `${cut.slice(0, cut.lastIndexOf(' ') > max * 0.6 ? cut.lastIndexOf(' ') : max)}…`
}
