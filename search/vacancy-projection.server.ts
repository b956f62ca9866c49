import { isLiveVacancy, liveVacancyWhere } from '#app/models/jobs/vacancy-rules.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { searchConfig } from './client.server.ts'
import { documentVersion, toSearchDocument, vacancyDocumentSelect } from './document.ts'
import type { Projection } from './projection.ts'
import { DOCUMENT_VERSION, indexSettings } from './settings.ts'

export const vacancyProjection: Projection = {
	entity: 'vacancy',
	indexUid: () => searchConfig().indexName,
	settings: indexSettings,
	documentVersion: DOCUMENT_VERSION,
	async load(ids) {
		const now = new Date()
		const vacancies = await prisma.vacancy.findMany({
			where: { id: { in: ids.map(Number) } },
			select: vacancyDocumentSelect,
		})
		return vacancies.filter((v) => isLiveVacancy(v, now)).map(toSearchDocument)
	},
	async expected() {
		const rows = await prisma.vacancy.findMany({
			where: liveVacancyWhere(),
			select: { id: true, updatedAt: true, provider: { select: { updatedAt: true } } },
		})
		return new Map(rows.map((r) => [String(r.id), documentVersion(r)]))
	},
}
