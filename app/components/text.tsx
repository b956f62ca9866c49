/** Plain text typed by a provider, shown as paragraphs (blank lines) and lines. Never HTML. */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
	const paragraphs = text
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean)
	return (
		<div className={className ?? 'prose-text max-w-3xl'}>
			{paragraphs.map((p, i) => (
				<p key={i}>
					{p.split('\n').map((line, j) => (
						<span key={j}>
							{j > 0 ? <br /> : null}
							{line}
						</span>
					))}
				</p>
			))}
		</div>
	)
}
