import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { roleName } from '#app/models/jobs/care-roles.server.ts'
import { localAuthorityOf } from '#app/models/places/places.server.ts'
import { LONDON } from '#app/utils/dates.ts'
import { prisma } from '#app/utils/db.server.ts'

type Totals = { judged: number; sent: number; viewed: number; applied: number; hired: number }

const empty = (): Totals => ({ judged: 0, sent: 0, viewed: 0, applied: 0, hired: 0 })

/**
 * Redirect outcomes for the regional team, by month (London time), by the role
 * the candidate was turned down for, and by the area of that job. One redirect
 * is one turned-down application the employer judged suitable for other roles,
 * from a candidate who had asked for jobs elsewhere. Each column counts the
 * redirects that got that far, from what actually happened: "sent jobs" only
 * when we found some, "viewed" only when they opened them; anyone hired
 * elsewhere is also counted as having applied.
 */
export async function redirectTotals() {
	const rows = await prisma.redirect.findMany({
		select: {
			createdAt: true,
			viewedAt: true,
			appliedAt: true,
			hiredAt: true,
			_count: { select: { matches: true } },
			application: { select: { vacancy: { select: { roleId: true, outcode: true } } } },
		},
	})
	const groups = {
		byMonth: new Map<string, Totals>(),
		byRole: new Map<string, Totals>(),
		byArea: new Map<string, Totals>(),
	}
	const total = empty()
	const count = (t: Totals, row: (typeof rows)[number]) => {
		t.judged++
		if (row._count.matches > 0) t.sent++
		if (row.viewedAt) t.viewed++
		if (row.appliedAt || row.hiredAt) t.applied++
		if (row.hiredAt) t.hired++
	}
	const add = (map: Map<string, Totals>, key: string, row: (typeof rows)[number]) => {
		const t = map.get(key) ?? empty()
		count(t, row)
		map.set(key, t)
	}
	for (const row of rows) {
		count(total, row)
		add(groups.byMonth, format(new TZDate(row.createdAt.getTime(), LONDON), 'yyyy-MM'), row)
		add(groups.byRole, roleName(row.application.vacancy.roleId), row)
		add(groups.byArea, localAuthorityOf(row.application.vacancy.outcode), row)
	}
	const monthName = (key: string) => format(new Date(`${key}-01T12:00:00Z`), 'MMMM yyyy')
	const toRows = (map: Map<string, Totals>, label = (k: string) => k) =>
		[...map].map(([key, t]) => ({ key, label: label(key), ...t }))
	return {
		total,
		byMonth: toRows(groups.byMonth, monthName).sort((a, b) => b.key.localeCompare(a.key)),
		byRole: toRows(groups.byRole).sort((a, b) => b.judged - a.judged || a.label.localeCompare(b.label)),
		byArea: toRows(groups.byArea).sort((a, b) => b.judged - a.judged || a.label.localeCompare(b.label)),
	}
}
