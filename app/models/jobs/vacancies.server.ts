import { parseWithZod } from '@conform-to/zod/v4'
import { notifySearchOutbox, recordVacancyChange } from '#app/background/search-outbox.server.ts'
import { endOfLondonDayIn, londonDateParts } from '#app/utils/dates.ts'
import { prisma, readWithFallback } from '#app/utils/db.server.ts'
import { DomainError } from '#app/utils/domain-error.ts'
import { toSearchDocument, vacancyDocumentSelect } from '#search/document.ts'
import { defaultQuery, withDistance } from '#search/query.ts'
import { searchVacancies } from '#search/search.server.ts'
import { vacancyFormSchema, type VacancyInput } from './vacancy-form.server.ts'
import {
	expiredVacancyWhere,
	isLiveVacancy,
	liveVacancyWhere,
	noDrivingNeeded,
	vacancyCoordinates,
	vacancyHours,
} from './vacancy-rules.server.ts'

async function locate(input: Pick<VacancyInput, 'postcode' | 'town'>, providerId: string) {
	const provider = await prisma.provider.findUniqueOrThrow({ where: { id: providerId }, select: { type: true } })
	return vacancyCoordinates(input, provider.type)
}

async function afterChange(ids: number[]) {
	if (ids.length) notifySearchOutbox()
}

export async function createVacancy(
	providerId: string,
	{ questions, drivingConfirmed, ...input }: VacancyInput,
	options: { publish: boolean },
) {
	const where = await locate(input, providerId)
	const vacancy = await prisma.$transaction(async (tx) => {
		const created = await tx.vacancy.create({
			data: {
				...input,
				...where,
				drivingConfirmedAt: drivingConfirmed ? new Date() : null,
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

export async function updateVacancy(
	id: number,
	providerId: string,
	{ questions, drivingConfirmed, ...input }: VacancyInput,
	options: { publish: boolean },
) {
	const where = await locate(input, providerId)
	const updated = await prisma.$transaction(async (tx) => {
		const current = await tx.vacancy.findFirst({ where: { id, providerId }, select: { status: true } })
		if (!current || current.status === 'closed') return null
		const publish = options.publish && current.status === 'draft'
		await tx.vacancy.update({
			where: { id },
			data: {
				...input,
				...where,
				drivingConfirmedAt: drivingConfirmed ? new Date() : null,
				...(publish ? { status: 'live', publishedAt: new Date() } : {}),
			},
		})
		// Questions are fixed once someone has answered them.
		if (!(await tx.application.count({ where: { vacancyId: id } }))) {
			await tx.screeningQuestion.deleteMany({ where: { vacancyId: id } })
			await tx.screeningQuestion.createMany({
				data: questions.map((q, i) => ({ vacancyId: id, position: i + 1, text: q.text, kind: q.kind })),
			})
		}
		await recordVacancyChange(tx, id)
		return { id }
	})
	await afterChange(updated ? [id] : [])
	return updated
}

export class VacancyStateError extends DomainError {}

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
		const updated = await tx.vacancy.updateMany({
			where: { id, providerId, status: 'draft' },
			data: { status: 'live', publishedAt: now },
		})
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
			screeningQuestions: {
				create: screeningQuestions.map((q) => ({ position: q.position, text: q.text, kind: q.kind })),
			},
		},
		select: { id: true },
	})
}

/** Closes every live vacancy whose closing date has passed. Run on a timer. */
export async function closeExpiredVacancies(now = new Date()) {
	const ids = await prisma.$transaction(async (tx) => {
		const expired = await tx.vacancy.findMany({
			where: expiredVacancyWhere(now),
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

/**
 * The provider's open vacancies that answer "no driving licence needed" while
 * their own words say one is: search does not call them that until the
 * provider checks them (vacancy-rules noDrivingNeeded).
 */
export async function vacanciesToCheckForDriving(providerId: string) {
	const rows = await prisma.vacancy.findMany({
		where: { providerId, status: { in: ['live', 'draft'] }, drivingLicenceRequired: false, drivingConfirmedAt: null },
		select: {
			id: true,
			title: true,
			description: true,
			requirements: true,
			drivingLicenceRequired: true,
			drivingConfirmedAt: true,
		},
	})
	return rows.filter((v) => !noDrivingNeeded(v)).map((v) => ({ id: v.id, title: v.title }))
}

/** A provider's live vacancies, to choose one from (inviting a pool candidate, say). */
export async function listLiveVacancyChoices(providerId: string) {
	return prisma.vacancy.findMany({
		where: { providerId, ...liveVacancyWhere() },
		orderBy: { title: 'asc' },
		select: { id: true, title: true, town: true },
	})
}

/** A vacancy as its own provider's team sees it: fetched by id and provider together. */
export async function getVacancyForProvider(id: number, providerId: string) {
	return prisma.vacancy.findFirst({
		where: { id, providerId },
		include: { screeningQuestions: { orderBy: { position: 'asc' } } },
	})
}

export type VacancyRecord = Omit<
	NonNullable<Awaited<ReturnType<typeof getVacancyForProvider>>>,
	'screeningQuestions'
> & {
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
		confirmNoDriving: v.drivingConfirmedAt ? 'on' : '',
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
	const vacancy = await readWithFallback((db) =>
		db.vacancy.findFirst({
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
		}),
	)
	if (!vacancy) return null
	const isLive = isLiveVacancy(vacancy)
	return { vacancy, isLive }
}

/** Live vacancies like this one (same role nearby, then the same setting nearby). */
export async function similarVacancies(
	v: { id: number; roleId: string; setting: string; lat: number; lng: number },
	limit = 5,
) {
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

/** The figures on the home page: live vacancies, live apprenticeships and the providers with a live vacancy. */
export async function liveVacancyTotals(now = new Date()) {
	const live = liveVacancyWhere(now)
	const [vacancies, apprenticeships, providers] = await Promise.all([
		prisma.vacancy.count({ where: live }),
		prisma.vacancy.count({ where: { ...live, apprenticeship: true } }),
		prisma.vacancy.groupBy({ by: ['providerId'], where: live }).then((rows) => rows.length),
	])
	return { vacancies, apprenticeships, providers }
}

/** Every live vacancy's id and last change, for the sitemap. */
export async function listLiveVacancyIdsForSitemap(take = 50_000) {
	return prisma.vacancy.findMany({
		where: liveVacancyWhere(),
		select: { id: true, updatedAt: true },
		orderBy: { id: 'asc' },
		take,
	})
}

function toFormData(values: Record<string, string | string[]>) {
	const form = new FormData()
	for (const [key, value] of Object.entries(values)) {
		for (const v of Array.isArray(value) ? value : [value]) form.append(key, v)
	}
	return form
}
