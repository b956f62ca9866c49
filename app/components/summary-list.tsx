import type { ReactNode } from 'react'

export type SummaryRow = { key: ReactNode; value: ReactNode; action?: ReactNode }

/**
 * GOV.UK summary list: keys and values as a description list, in two columns on
 * wider screens and stacked on a phone (so it fits 320 px without scrolling).
 * Rows with an empty value are left out.
 *
 * `compact` is the small version for a card in a list of results: muted keys
 * beside their values, no rules between rows.
 */
export function SummaryList({
	rows,
	className = 'mb-8',
	compact = false,
}: {
	rows: Array<SummaryRow | null | false>
	className?: string
	compact?: boolean
}) {
	const shown = rows.filter(
		(row): row is SummaryRow => Boolean(row) && (row as SummaryRow).value != null && (row as SummaryRow).value !== '',
	)
	if (compact) {
		return (
			<dl className={`${className} grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1`}>
				{shown.map((row, i) => (
					<div key={i} className="contents">
						<dt className="text-muted">{row.key}</dt>
						<dd className="min-w-0 break-words">{row.value}</dd>
					</div>
				))}
			</dl>
		)
	}
	return (
		<dl className={`${className} border-t border-line`}>
			{shown.map((row, i) => (
				<div key={i} className="border-b border-line py-2 sm:grid sm:grid-cols-[minmax(8rem,1fr)_2fr_auto] sm:gap-x-6">
					<dt className="font-bold">{row.key}</dt>
					<dd className="min-w-0 break-words">{row.value}</dd>
					{row.action ? <dd className="sm:text-right">{row.action}</dd> : null}
				</div>
			))}
		</dl>
	)
}
