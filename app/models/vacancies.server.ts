import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { notifySearchOutbox, recordVacancyChange } from '#search/outbox.server.ts'
import { liveVacancyWhere, toSearchDocument, vacancyDocumentSelect, vacancyHours } from '#search/document.ts'
import { defaultQuery, withDistance } from '#search/query.ts'
import { searchVacancies } from '#search/search.server.ts'
import { addDays, endOfLondonDay, endOfLondonDayIn, londonDateParts, londonDateString } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import { optionalText, requiredText, moneySchema } from '#app/utils/validation.ts'
import { parsePostcodeText } from '#app/utils/postcode.ts'
import { getStandard, roleOptions, standardOptions } from './care-roles.server.ts'
import { contracts, hoursOptions, ids, settings } from './options.ts'
import { checkMinimumPay } from './pay.ts'
import { findDistrict, isInServiceArea, locateWorkplace } from './places.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

export const MAX_CLOSING_DAYS = 366
export const MAX_QUESTIONS = 5

const questionFields = Object.fromEntries(
	Array.from({ length: MAX_QUESTIONS }, (_, i) => [
		[`question${i + 1}`, optionalText('the question', 200)],
		[`questionKind${i + 1}`, z.enum(['yes-no', 'text']).optional().catch(undefined)],
	]).flat(),
) as Record<string, z.ZodTypeAny>

const yesNo = (message: string) =>
	z.enum(['yes', 'no'], { error: message }).transform((v) => v === 'yes')

// GOV.UK date input messages: "must include a day", "must be a real date".
const dateField = (part: 'day' | 'month' | 'year') =>
	z
		.string({ error: `Closing date must include a ${part}` })
		.trim()
		.min(1, { error: `Closing date must include a ${part}` })
		.regex(part === 'year' ? /^\d{4}$/ : /^\d{1,2}$/, {
			error: part === 'year' ? 'Year must include 4 numbers' : 'Closing date must be a real date',
		})
		.transform(Number)

/**
 * The vacancy form. Every message names what to do; rules that need today's date
 * (closing date, the minimum wage in force) take `now`.
 */
export function vacancyFormSchema(now = new Date()) {
	const today = londonDateString(now)
	return z
		.object({
			title: requiredText('a job title', 120, 3),
			roleId: z.enum(ids(roleOptions), { error: 'Choose the role that best fits this job' }),
			setting: z.enum(ids(settings), { error: 'Choose where the work happens' }),
			description: requiredText('a description of the job', 10_000, 50),
			requirements: optionalText('what the candidate needs', 5000),
			howToApply: optionalText('how to apply', 2000),
			postcode: z
				.string({ error: 'Enter the postcode where the work is' })
				.trim()
				.min(1, { error: 'Enter the postcode where the work is' }),
			town: requiredText('the town or village where the work is', 60, 2),
			payPeriod: z.enum(['hour', 'year'], { error: 'Choose whether pay is hourly or a yearly salary' }),
			payMin: moneySchema('Enter the pay, or the lowest pay if it is a range'),
			payMax: z
				.string()
				.trim()
				.optional()
				.transform((v) => v || undefined)
				.pipe(moneySchema('Enter the highest pay').optional()),
			hoursPerWeek: z.preprocess(
				(v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined),
				z.coerce
					.number({ error: 'Enter hours per week as a number, like 37.5' })
					.min(1, { error: 'Hours per week must be at least 1' })
					.max(60, { error: 'Hours per week must be 60 or fewer' })
					.optional(),
			),
			hours: z
				.array(z.enum(ids(hoursOptions)), { error: 'Choose at least one pattern of hours' })
				.min(1, { error: 'Choose at least one pattern of hours' }),
			contract: z.enum(ids(contracts), { error: 'Choose the type of contract' }),
			apprenticeship: z.boolean().optional().default(false),
			standardRef: z
				.string()
				.optional()
				.transform((v) => v || undefined),
			drivingLicenceRequired: yesNo('Say whether the job needs a driving licence'),
			visaSponsorship: yesNo('Say whether you can sponsor a visa for this job'),
			closingDay: dateField('day'),
			closingMonth: dateField('month'),
			closingYear: dateField('year'),
			positions: z.coerce
				.number({ error: 'Enter how many people you are hiring, as a number' })
				.int({ error: 'Enter a whole number of positions' })
				.min(1, { error: 'Enter at least 1 position' })
				.max(500, { error: 'Enter 500 positions or fewer' })
				.default(1),
			...questionFields,
		})
		// Checks across fields run even when other fields have errors, so people
		// see every problem in one round trip (GOV.UK: validate the whole form).
		.superRefine(
			(input, ctx) => {
				const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
				const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
				if (typeof input.postcode === 'string' && input.postcode) {
					const place = parsePostcodeText(input.postcode)
					if (!place) fail('postcode', 'Enter a full UK postcode, like NR1 3QU')
					else if (!findDistrict(place.outcode)) fail('postcode', `We could not find the postcode ${place.postcode}`)
					else if (!isInServiceArea(place.outcode)) {
						fail('postcode', `This site is for jobs in and around ${getEnv().REGION_NAME}. Enter a workplace postcode in the area, like NR1 3QU`)
					}
				}
				const guaranteedHours = input.contract === 'permanent' || input.contract === 'fixed-term'
				if (input.apprenticeship === true) {
					if (typeof input.contract === 'string' && !guaranteedHours) {
						fail('contract', 'An apprenticeship must be on a permanent or fixed-term contract, not bank or zero-hours')
					}
					if (isNumber(input.hoursPerWeek) && input.hoursPerWeek < 16) fail('hoursPerWeek', 'An apprenticeship must be at least 16 hours a week')
					else if (input.hoursPerWeek === undefined) fail('hoursPerWeek', 'Enter the hours per week for the apprenticeship (at least 16)')
				}
				if (input.visaSponsorship === true && typeof input.contract === 'string' && !guaranteedHours) {
					fail('visaSponsorship', 'Visa sponsorship needs a permanent or fixed-term contract with guaranteed hours')
				}
				const closingDate =
					isNumber(input.closingDay) && isNumber(input.closingMonth) && isNumber(input.closingYear)
						? endOfLondonDay(input.closingYear, input.closingMonth, input.closingDay)
						: null
				const period = input.payPeriod === 'hour' || input.payPeriod === 'year' ? input.payPeriod : null
				if (isNumber(input.payMin) && isNumber(input.payMax) && input.payMax < input.payMin) {
					fail('payMax', 'The highest pay must be the same as or more than the lowest pay')
				}
				if (period === 'year' && input.hoursPerWeek === undefined) {
					fail('hoursPerWeek', 'Enter the hours per week, so candidates can compare the salary with hourly pay')
				}
				if (period && isNumber(input.payMin)) {
					if (period === 'hour' && input.payMin > 100_00) fail('payMin', 'Hourly pay must be £100 or less: is this a yearly salary?')
					else if (period === 'year' && input.payMin < 1000_00) fail('payMin', 'A yearly salary must be at least £1,000: is this hourly pay?')
					else if (period === 'hour' || isNumber(input.hoursPerWeek)) {
						const minimum = checkMinimumPay({
							period,
							minPence: input.payMin,
							hoursPerWeek: input.hoursPerWeek,
							apprenticeship: input.apprenticeship === true,
							londonDates: closingDate ? [today, londonDateString(closingDate)] : [today],
						})
						if (minimum) fail('payMin', minimum)
					}
				}
				if (input.apprenticeship === true && !(input.standardRef && getStandard(input.standardRef))) {
					fail('standardRef', 'Choose the apprenticeship standard')
				}
				if (isNumber(input.closingDay) && isNumber(input.closingMonth) && isNumber(input.closingYear)) {
					if (!closingDate) fail('closingDay', 'Closing date must be a real date')
					else if (londonDateString(closingDate) < today) fail('closingDay', 'Closing date must be today or in the future')
					else if (closingDate.getTime() > addDays(now, MAX_CLOSING_DAYS).getTime()) {
						fail('closingDay', 'Closing date must be within a year of today')
					}
				}
			},
			{ when: () => true },
		)
		.transform((input) => {
			const place = parsePostcodeText(input.postcode)!
			const standard = input.apprenticeship && input.standardRef ? getStandard(input.standardRef) : null
			return {
				title: input.title,
				roleId: input.roleId,
				setting: input.setting,
				description: input.description,
				requirements: input.requirements ?? '',
				howToApply: input.howToApply ?? '',
				postcode: place.postcode,
				town: input.town,
				payPeriod: input.payPeriod,
				payMin: input.payMin,
				payMax: input.payMax ?? input.payMin,
				hoursPerWeek: input.hoursPerWeek ?? null,
				fullTime: input.hours.includes('full-time'),
				partTime: input.hours.includes('part-time'),
				nights: input.hours.includes('nights'),
				weekends: input.hours.includes('weekends'),
				flexible: input.hours.includes('flexible'),
				contract: input.contract,
				apprenticeship: input.apprenticeship,
				standardRef: standard?.reference ?? null,
				apprenticeshipLevel: standard?.level ?? null,
				drivingLicenceRequired: input.drivingLicenceRequired,
				visaSponsorship: input.visaSponsorship,
				closingDate: endOfLondonDay(input.closingYear, input.closingMonth, input.closingDay)!,
				positions: input.positions,
				questions: Array.from({ length: MAX_QUESTIONS }, (_, i) => ({
					text: (input as Record<string, unknown>)[`question${i + 1}`] as string | undefined,
					kind: ((input as Record<string, unknown>)[`questionKind${i + 1}`] as string | undefined) ?? 'yes-no',
				})).filter((q): q is { text: string; kind: string } => Boolean(q.text)),
			}
		})
}

export type VacancyInput = z.output<ReturnType<typeof vacancyFormSchema>>

/** Coordinates for search. An individual employer's vacancy sits at its district's centre, never nearer their home. */
async function locate(input: Pick<VacancyInput, 'postcode' | 'town'>, providerId: string) {
	const provider = await prisma.provider.findUniqueOrThrow({ where: { id: providerId }, select: { type: true } })
	const located = locateWorkplace(input.postcode, provider.type === 'individual-employer' ? '' : input.town)
	if (!located) throw new Error('postcode was validated but cannot be located')
	return { outcode: located.outcode, lat: located.lat, lng: located.lng }
}

async function afterChange(ids: number[]) {
	if (ids.length) notifySearchOutbox()
}

export async function createVacancy(providerId: string, { questions, ...input }: VacancyInput, options: { publish: boolean }) {
	const where = await locate(input, providerId)
	const vacancy = await prisma.$transaction(async (tx) => {
		const created = await tx.vacancy.create({
			data: {
				...input,
				...where,
				screeningQuestions: { create: questions.map((q, i) => ({ position: i + 1, text: q.text, kind: q.kind })) },
				providerId,
				status: options.publish ? 'live' : 'draft',
				publishedAt: options.publish ? new Date() : null,
			},
			select: { id: true, status: true },
		})
		if (created.status === 'live') await recordVacancyChange(tx, created.id)
		return created
	})
	await afterChange(vacancy.status === 'live' ? [vacancy.id] : [])
	return vacancy
}

export async function updateVacancy(id: number, providerId: string, { questions, ...input }: VacancyInput, options: { publish: boolean }) {
	const where = await locate(input, providerId)
	const updated = await prisma.$transaction(async (tx) => {
		const current = await tx.vacancy.findFirst({ where: { id, providerId }, select: { status: true } })
		if (!current || current.status === 'closed') return null
		const publish = options.publish && current.status === 'draft'
		await tx.vacancy.update({
			where: { id },
			data: { ...input, ...where, ...(publish ? { status: 'live', publishedAt: new Date() } : {}) },
		})
		// Questions are fixed once someone has answered them.
		if (!(await tx.application.count({ where: { vacancyId: id } }))) {
			await tx.screeningQuestion.deleteMany({ where: { vacancyId: id } })
			await tx.screeningQuestion.createMany({ data: questions.map((q, i) => ({ vacancyId: id, position: i + 1, text: q.text, kind: q.kind })) })
		}
		await recordVacancyChange(tx, id)
		return { id }
	})
	await afterChange(updated ? [id] : [])
	return updated
}

export class VacancyStateError extends Error {}

/** Publishes a draft after checking it again against today's rules (pay rates rise each April). */
export async function publishVacancy(id: number, providerId: string, now = new Date()) {
	const draft = await getVacancyForProvider(id, providerId)
	if (!draft) return null
	if (draft.status !== 'draft') throw new VacancyStateError('Only a draft can be published')
	const check = parseWithZod(toFormData(vacancyFormValues(draft)), { schema: vacancyFormSchema(now) })
	if (check.status !== 'success') {
		const first = Object.values(check.error ?? {}).flat()[0]
		throw new VacancyStateError(`This draft needs changing before it can go live: ${first}. Edit it to fix this.`)
	}
	const done = await prisma.$transaction(async (tx) => {
		const updated = await tx.vacancy.updateMany({ where: { id, providerId, status: 'draft' }, data: { status: 'live', publishedAt: now } })
		if (!updated.count) return null
		await recordVacancyChange(tx, id)
		return { id }
	})
	await afterChange(done ? [id] : [])
	return done
}

export async function closeVacancy(id: number, providerId: string, reason: 'closed_early' | 'filled' = 'closed_early') {
	const done = await prisma.$transaction(async (tx) => {
		const vacancy = await tx.vacancy.findFirst({ where: { id, providerId }, select: { status: true } })
		if (!vacancy) return null
		if (vacancy.status === 'closed') return { id }
		await tx.vacancy.update({ where: { id }, data: { status: 'closed', closedAt: new Date(), closedReason: reason } })
		await recordVacancyChange(tx, id)
		return { id }
	})
	await afterChange(done ? [id] : [])
	return done
}

/** A new draft with the same details and a closing date four weeks from now. */
export async function duplicateVacancy(id: number, providerId: string, now = new Date()) {
	const found = await prisma.vacancy.findFirst({ where: { id, providerId }, include: { screeningQuestions: true } })
	if (!found) return null
	const { screeningQuestions, ...source } = found
	const {
		id: _id,
		status: _status,
		publishedAt: _publishedAt,
		closedAt: _closedAt,
		closedReason: _closedReason,
		createdAt: _createdAt,
		updatedAt: _updatedAt,
		...copy
	} = source
	return prisma.vacancy.create({
		data: {
			...copy,
			status: 'draft',
			closingDate: endOfLondonDayIn(28, now),
			screeningQuestions: { create: screeningQuestions.map((q) => ({ position: q.position, text: q.text, kind: q.kind })) },
		},
		select: { id: true },
	})
}

/** Closes every live vacancy whose closing date has passed. Run on a timer. */
export async function closeExpiredVacancies(now = new Date()) {
	const ids = await prisma.$transaction(async (tx) => {
		const expired = await tx.vacancy.findMany({
			where: { status: 'live', closingDate: { lt: now } },
			select: { id: true },
		})
		const ids = expired.map((v) => v.id)
		if (!ids.length) return ids
		await tx.vacancy.updateMany({
			where: { id: { in: ids } },
			data: { status: 'closed', closedAt: now, closedReason: 'expired' },
		})
		await recordVacancyChange(tx, ids)
		return ids
	})
	await afterChange(ids)
	return ids.length
}

export async function listProviderVacancies(providerId: string) {
	return prisma.vacancy.findMany({
		where: { providerId },
		orderBy: [{ closingDate: 'asc' }, { id: 'asc' }],
		select: {
			id: true,
			title: true,
			status: true,
			town: true,
			closingDate: true,
			publishedAt: true,
			closedReason: true,
			closedAt: true,
			apprenticeship: true,
			positions: true,
		},
	})
}

/** A vacancy as its own provider's team sees it: fetched by id and provider together. */
export async function getVacancyForProvider(id: number, providerId: string) {
	return prisma.vacancy.findFirst({ where: { id, providerId }, include: { screeningQuestions: { orderBy: { position: 'asc' } } } })
}

export type VacancyRecord = Omit<NonNullable<Awaited<ReturnType<typeof getVacancyForProvider>>>, 'screeningQuestions'> & {
	screeningQuestions?: Array<{ text: string; kind: string }>
}

/** The form's field values for an existing vacancy (edit and duplicate). */
export function vacancyFormValues(v: VacancyRecord) {
	const closing = londonDateParts(v.closingDate)
	const pounds = (pence: number) => (pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2))
	return {
		title: v.title,
		roleId: v.roleId,
		setting: v.setting,
		description: v.description,
		requirements: v.requirements,
		howToApply: v.howToApply,
		postcode: v.postcode,
		town: v.town,
		payPeriod: v.payPeriod,
		payMin: pounds(v.payMin),
		payMax: v.payMax === v.payMin ? '' : pounds(v.payMax),
		hoursPerWeek: v.hoursPerWeek ? String(v.hoursPerWeek) : '',
		hours: vacancyHours(v),
		contract: v.contract,
		apprenticeship: v.apprenticeship ? 'on' : '',
		standardRef: v.standardRef ?? '',
		drivingLicenceRequired: v.drivingLicenceRequired ? 'yes' : 'no',
		visaSponsorship: v.visaSponsorship ? 'yes' : 'no',
		closingDay: String(closing.day),
		closingMonth: String(closing.month),
		closingYear: String(closing.year),
		positions: String(v.positions),
		...Object.fromEntries(
			(v.screeningQuestions ?? []).flatMap((q, i) => [
				[`question${i + 1}`, q.text],
				[`questionKind${i + 1}`, q.kind],
			]),
		),
	}
}

/** A vacancy as the public sees it; null when it never went live. */
export async function getPublicVacancy(id: number) {
	const vacancy = await prisma.vacancy.findFirst({
		where: { id, status: { in: ['live', 'closed'] }, publishedAt: { not: null } },
		include: {
			provider: {
				select: {
					id: true,
					name: true,
					type: true,
					cqcLocationId: true,
					addressLine1: true,
					addressLine2: true,
					town: true,
					postcode: true,
					website: true,
					about: true,
					verifiedAt: true,
				},
			},
		},
	})
	if (!vacancy) return null
	const isLive = vacancy.status === 'live' && vacancy.closingDate.getTime() >= Date.now()
	return { vacancy, isLive }
}

/** Live vacancies like this one (same role nearby, then the same setting nearby). */
export async function similarVacancies(v: { id: number; roleId: string; setting: string; lat: number; lng: number }, limit = 5) {
	const centre = { lat: v.lat, lng: v.lng }
	const base = defaultQuery({ centre, radiusMiles: 20, sort: 'distance', perPage: limit, excludeIds: [v.id] })
	const sameRole = await searchVacancies({ ...base, roles: [v.roleId] })
	if (sameRole.hits.length >= limit) return sameRole.hits
	const sameSetting = await searchVacancies({
		...base,
		settings: [v.setting],
		excludeIds: [v.id, ...sameRole.hits.map((h) => h.id)],
	})
	return [...sameRole.hits, ...sameSetting.hits].slice(0, limit)
}

/** Live vacancies straight from the database, newest first, shaped like search hits. */
export async function listLiveVacancies(where: { providerId?: string }, take = 100) {
	const rows = await prisma.vacancy.findMany({
		where: { ...where, ...liveVacancyWhere() },
		orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
		take,
		select: vacancyDocumentSelect,
	})
	return rows.map((row) => withDistance(toSearchDocument(row), null))
}

function toFormData(values: Record<string, string | string[]>) {
	const form = new FormData()
	for (const [key, value] of Object.entries(values)) {
		for (const v of Array.isArray(value) ? value : [value]) form.append(key, v)
	}
	return form
}

export { standardOptions, roleOptions }
