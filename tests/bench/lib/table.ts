import Table from 'cli-table3'

/** A boxed table as a string: `renderTable(['what', 'value'], [['insert', '3.1 s']])`. */
export function renderTable(head: string[], rows: Array<Array<string | number>>) {
	const colour = process.stdout.isTTY
	const table = new Table({ head, style: { head: colour ? ['cyan'] : [], border: colour ? ['grey'] : [] } })
	for (const row of rows) table.push(row.map(String))
	return table.toString()
}
