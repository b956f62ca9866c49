import { stages } from '#app/models/applications/vocabulary.ts'
import { labelOf } from '#app/utils/options.ts'

const colours: Record<string, string> = {
	new: 'bg-[#d2e2f1] text-[#0c2d4a]',
	reviewing: 'bg-[#fff7bf] text-[#594d00]',
	interview: 'bg-[#e8e1f5] text-[#3d2375]',
	'conditional-offer': 'bg-[#bfe3e0] text-[#10403c]',
	hired: 'bg-[#cce2d8] text-[#005a30]',
	unsuccessful: 'bg-[#f4cdc6] text-[#2a0b06]',
	withdrawn: 'bg-[#eeefef] text-[#383f43]',
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
