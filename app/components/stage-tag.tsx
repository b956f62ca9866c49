import { stages } from '#app/models/applications/vocabulary.ts'
import { labelOf } from '#app/utils/options.ts'

const colours: Record<string, string> = {
	new: 'tag-blue',
	reviewing: 'tag-yellow',
	interview: 'tag-purple',
	'conditional-offer': 'tag-turquoise',
	hired: 'tag-green',
	unsuccessful: 'tag-red',
	withdrawn: 'tag-grey',
}

export function StageTag({ stage }: { stage: string }) {
	return <strong className={`tag ${colours[stage] ?? colours.withdrawn}`}>{labelOf(stages, stage)}</strong>
}

/** The dated history of an application, oldest first. */
export function StageHistory({
	events,
}: {
	events: Array<{ id: number; stage: string; actor: string; detail: string | null; at: string }>
}) {
	return (
		<ol className="border-l-4 border-line pl-4">
			{events.map((e) => (
				<li key={e.id} className="mb-3">
					<span className="block text-sm text-muted">{e.at}</span>
					<span className="font-bold">{labelOf(stages, e.stage)}</span>
					{e.detail ? <span> ({e.detail})</span> : null}
				</li>
			))}
		</ol>
	)
}
