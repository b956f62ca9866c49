import { format } from 'date-fns'
import { TZDate } from '@date-fns/tz'
import { LONDON } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'
import { roleName } from './care-roles.server.ts'
import { localAuthorityOf } from './places.server.ts'

type Totals = { suggested: number; viewed: number; applied: number; hired: number }

const reached: Record<string, Array<keyof Totals>> = {
	suggested: ['suggested'],
	viewed: ['suggested', 'viewed'],
	applied: ['suggested', 'viewed', 'applied'],
	hired: ['suggested', 'viewed', 'applied', 'hired'],
}

/**
 * Redirect outcomes for the regional team, by month (London time), by the role
 * the candidate was turned down for, and by the area of that job. "Passed on"
 * counts every redirect; each later column counts those that got that far.
 */
export async function redirectTotals() {
	const rows = await prisma.redirect.findMany({
		select: { status: true, createdAt: true, application: { select: { vacancy: { select: { roleId: true, outcode: true } } } } },
	})
	const groups = { byMonth: new Map<string, Totals>(), byRole: new Map<string, Totals>(), byArea: new Map<string, Totals>() }
	const total: Totals = { suggested: 0, viewed: 0, applied: 0, hired: 0 }
	const add = (map: Map<string, Totals>, key: string, status: string) => {
		const t = map.get(key) ?? { suggested: 0, viewed: 0, applied: 0, hired: 0 }
		for (const step of reached[status] ?? []) t[step]++
		map.set(key, t)
	}
	for (const row of rows) {
		for (const step of reached[row.status] ?? []) total[step]++
		add(groups.byMonth, format(new TZDate(row.createdAt.getTime(), LONDON), 'yyyy-MM'), row.status)
		add(groups.byRole, roleName(row.application.vacancy.roleId), row.status)
		add(groups.byArea, localAuthorityOf(row.application.vacancy.outcode), row.status)
	}
	const monthName = (key: string) => format(new Date(`${key}-01T12:00:00Z`), 'MMMM yyyy')
	const toRows = (map: Map<string, Totals>, label = (k: string) => k) =>
		[...map].map(([key, t]) => ({ key, label: label(key), ...t }))
	return {
		total,
		byMonth: toRows(groups.byMonth, monthName).sort((a, b) => b.key.localeCompare(a.key)),
		byRole: toRows(groups.byRole).sort((a, b) => b.suggested - a.suggested || a.label.localeCompare(b.label)),
		byArea: toRows(groups.byArea).sort((a, b) => b.suggested - a.suggested || a.label.localeCompare(b.label)),
	}
}
