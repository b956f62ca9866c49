import { Link } from '@remix-run/react'

// Tells the results page to move focus to its heading after the page changes.
const focusResults = { focusResults: true }

/** GOV.UK-style pagination: previous, numbered pages around the current one, next. */
export function Pagination({
	page,
	totalPages,
	hrefFor,
}: {
	page: number
	totalPages: number
	hrefFor: (page: number) => string
}) {
	if (totalPages <= 1) return null
	const pages = new Set([1, totalPages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= totalPages))
	const sorted = [...pages].sort((a, b) => a - b)
	return (
		<nav aria-label="Results pages" className="mt-8">
			<ul className="flex flex-wrap items-center gap-3">
				{page > 1 ? (
					<li>
						<Link to={hrefFor(page - 1)} state={focusResults} rel="prev" className="font-bold">
							‹ Previous<span className="sr-only"> page</span>
						</Link>
					</li>
				) : null}
				{sorted.map((p, i) => (
					<li key={p} className="flex items-center gap-3">
						{i > 0 && p - sorted[i - 1] > 1 ? <span aria-hidden="true">…</span> : null}
						{p === page ? (
							<span aria-current="page" className="bg-brand px-3 py-1 font-bold text-white">
								<span className="sr-only">Page </span>
								{p}
							</span>
						) : (
							<Link to={hrefFor(p)} state={focusResults} className="px-2 py-1">
								<span className="sr-only">Page </span>
								{p}
							</Link>
						)}
					</li>
				))}
				{page < totalPages ? (
					<li>
						<Link to={hrefFor(page + 1)} state={focusResults} rel="next" className="font-bold">
							Next<span className="sr-only"> page</span> ›
						</Link>
					</li>
				) : null}
			</ul>
		</nav>
	)
}
