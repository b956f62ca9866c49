import { Link } from '@remix-run/react'

export type PathwayMapData = {
	stages: string[]
	nodes: Array<{ id: string; name: string; column: number; row: number; health: boolean; hasPage: boolean }>
	links: Array<{ from: string; to: string }>
	list: Array<{
		title: string
		roles: Array<{ id: string; name: string; hasPage: boolean; leadsTo: Array<{ id: string; name: string }> }>
	}>
}

const NODE_W = 190
const NODE_H = 46
const COL_GAP = 72
const ROW_GAP = 24
const TOP = 40

const x = (column: number) => column * (NODE_W + COL_GAP)
const y = (row: number) => TOP + row * (NODE_H + ROW_GAP)

function Label({ text, cx, cy }: { text: string; cx: number; cy: number }) {
	// SVG text does not wrap: split long names over two lines at the space nearest the middle.
	if (text.length <= 24) {
		return (
			<text x={cx} y={cy} textAnchor="middle" dominantBaseline="middle" fontSize="14">
				{text}
			</text>
		)
	}
	const spaces = [...text.matchAll(/ /g)].map((m) => m.index ?? 0)
	const cut = spaces.reduce(
		(best, i) => (Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2) ? i : best),
		spaces[0] ?? text.length,
	)
	return (
		<text x={cx} y={cy} textAnchor="middle" fontSize="13">
			<tspan x={cx} dy="-0.35em">
				{text.slice(0, cut)}
			</tspan>
			<tspan x={cx} dy="1.15em">
				{text.slice(cut + 1)}
			</tspan>
		</text>
	)
}

type MapNode = { column: number; row: number }

const r = 8 // corner radius of routed lines

/**
 * A line from one role to the next that never crosses a box: to the next
 * column it curves through the gap between columns; within a column it loops
 * through the gap on the right; further on it runs along the gap between rows.
 */
function linkPath(from: MapNode, to: MapNode) {
	const y1 = y(from.row) + NODE_H / 2
	const y2 = y(to.row) + NODE_H / 2
	const span = to.column - from.column
	if (span === 1) {
		const x1 = x(from.column) + NODE_W
		const x2 = x(to.column) - 2
		const bend = (x2 - x1) / 2
		return `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`
	}
	if (span === 0) {
		const xr = x(from.column) + NODE_W
		const bulge = 18 + 6 * Math.min(4, Math.abs(to.row - from.row))
		return `M ${xr} ${y1 - 6} C ${xr + bulge} ${y1 - 6}, ${xr + bulge} ${y2 + 6}, ${xr + 2} ${y2 + 6}`
	}
	if (span < 0) {
		const x1 = x(from.column)
		const x2 = x(to.column) + NODE_W + 2
		const bend = (x1 - x2) / 2
		return `M ${x1} ${y1} C ${x1 - bend} ${y1}, ${x2 + bend} ${y2}, ${x2} ${y2}`
	}
	// Two or more columns on: out into the gap, along the gap above the target's row, then in.
	const gx1 = x(from.column) + NODE_W + COL_GAP / 2
	const gx2 = x(to.column) - COL_GAP / 2
	const lane = y(to.row) - ROW_GAP / 2
	const down = lane > y1 ? 1 : -1
	return [
		`M ${x(from.column) + NODE_W} ${y1}`,
		`H ${gx1 - r}`,
		`Q ${gx1} ${y1} ${gx1} ${y1 + down * r}`,
		`V ${lane - down * r}`,
		`Q ${gx1} ${lane} ${gx1 + r} ${lane}`,
		`H ${gx2 - r}`,
		`Q ${gx2} ${lane} ${gx2} ${lane + r}`,
		`V ${y2 - r}`,
		`Q ${gx2} ${y2} ${gx2 + r} ${y2}`,
		`H ${x(to.column) - 2}`,
	].join(' ')
}

/**
 * The map is a picture (role="img" with a title and description); the same
 * roles and routes follow as a list of links, which is what screen readers,
 * keyboards and narrow screens use.
 */
export function PathwayMap({ map }: { map: PathwayMapData }) {
	const rows = Math.max(...map.nodes.map((n) => n.row)) + 1
	// Room on the right for the loops between roles in the last column.
	const width = x(map.stages.length - 1) + NODE_W + 48
	const height = y(rows) + 10
	const byId = new Map(map.nodes.map((n) => [n.id, n]))
	return (
		<>
			<figure className="mb-8 hidden md:block">
				{/* Scrolls sideways on narrower screens, so it can take keyboard focus. */}
				<div
					className="overflow-x-auto"
					tabIndex={0}
					role="group"
					aria-label="Pathway map (scroll sideways to see all of it)"
				>
					<svg
						role="img"
						aria-labelledby="pathway-map-title pathway-map-desc"
						viewBox={`0 0 ${width} ${height}`}
						className="h-auto w-full min-w-[1000px]"
					>
						<title id="pathway-map-title">Career pathways in care</title>
						<desc id="pathway-map-desc">
							Roles in five columns, from trying care as a volunteer to leading and managing, with an arrow from each
							role to every role it leads to. Health roles have a dashed border. The same information follows as a list.
						</desc>
						<defs>
							<marker
								id="pathway-arrow"
								viewBox="0 0 10 10"
								refX="9"
								refY="5"
								markerWidth="7"
								markerHeight="7"
								orient="auto-start-reverse"
							>
								<path d="M 0 0 L 10 5 L 0 10 z" fill="var(--color-secondary)" />
							</marker>
						</defs>
						{map.stages.map((title, column) => (
							<text
								key={title}
								x={x(column) + NODE_W / 2}
								y={20}
								textAnchor="middle"
								fontSize="15"
								fontWeight="700"
								fill="var(--color-ink)"
							>
								{title}
							</text>
						))}
						<g fill="none" stroke="var(--color-secondary)" strokeWidth="1.5">
							{map.links.map((link) => {
								const from = byId.get(link.from)
								const to = byId.get(link.to)
								if (!from || !to) return null
								return <path key={`${link.from}-${link.to}`} d={linkPath(from, to)} markerEnd="url(#pathway-arrow)" />
							})}
						</g>
						{map.nodes.map((node) => (
							<g key={node.id}>
								<rect
									x={x(node.column)}
									y={y(node.row)}
									width={NODE_W}
									height={NODE_H}
									rx="4"
									fill={
										node.health
											? 'var(--color-health-light)'
											: node.hasPage
												? 'var(--color-white)'
												: 'var(--color-surface)'
									}
									stroke={node.health ? 'var(--color-health)' : 'var(--color-success)'}
									strokeWidth="2"
									strokeDasharray={node.health ? '6 3' : undefined}
								/>
								<g fill="var(--color-ink)">
									<Label text={node.name} cx={x(node.column) + NODE_W / 2} cy={y(node.row) + NODE_H / 2} />
								</g>
							</g>
						))}
					</svg>
				</div>
				<figcaption className="mt-2 text-muted">
					Dashed boxes are NHS and health roles. Choose a role from the list to read about it.
				</figcaption>
			</figure>
			<section aria-labelledby="pathway-list-heading">
				<h2 id="pathway-list-heading" className="mb-4 text-2xl">
					Every role, and where it can lead
				</h2>
				<div className="grid gap-6 md:grid-cols-2">
					{map.list.map((stage) => (
						<div key={stage.title}>
							<h3 className="mb-2 text-xl">{stage.title}</h3>
							<ul className="space-y-3">
								{stage.roles.map((role) => (
									<li key={role.id}>
										{role.hasPage ? (
											<Link to={`/careers/${role.id}`} className="font-bold">
												{role.name}
											</Link>
										) : (
											<span className="font-bold">{role.name}</span>
										)}
										{role.leadsTo.length ? (
											<span className="block text-muted">Leads to: {role.leadsTo.map((r) => r.name).join(', ')}</span>
										) : null}
									</li>
								))}
							</ul>
						</div>
					))}
				</div>
			</section>
		</>
	)
}
