// Search filters that say how many results each choice would give, as on
// GOV.UK finders. Plain checkboxes in a GET form: they work without JavaScript.

const count = (n: number) => <span className="text-muted">({n.toLocaleString('en-GB')})</span>

export function CountedCheckboxes({
	legend,
	name,
	options,
	selected,
}: {
	legend: string
	name: string
	options: Array<{ id: string; label: string; count: number }>
	selected: string[]
}) {
	return (
		<fieldset className="mb-6">
			<legend className="mb-2 font-bold">{legend}</legend>
			<div className="space-y-2">
				{options.map((o) => (
					<div key={o.id} className="flex items-center gap-2">
						<input
							type="checkbox"
							id={`${name}-${o.id}`}
							name={name}
							value={o.id}
							defaultChecked={selected.includes(o.id)}
							className="size-6 shrink-0 cursor-pointer accent-ink"
						/>
						<label htmlFor={`${name}-${o.id}`} className="cursor-pointer">
							{o.label} {count(o.count)}
						</label>
					</div>
				))}
			</div>
		</fieldset>
	)
}

/** One yes-or-nothing filter ("Apprenticeships only"), sent as name=1. */
export function CountedToggle({
	name,
	label,
	count: n,
	checked,
}: {
	name: string
	label: string
	count: number
	checked: boolean
}) {
	return (
		<div className="mb-3 flex items-center gap-2">
			<input
				type="checkbox"
				id={`filter-${name}`}
				name={name}
				value="1"
				defaultChecked={checked}
				className="size-6 shrink-0 cursor-pointer accent-ink"
			/>
			<label htmlFor={`filter-${name}`} className="cursor-pointer">
				{label} {count(n)}
			</label>
		</div>
	)
}
