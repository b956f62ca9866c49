/**
 * HTTP load with autocannon, recording every response's latency so percentiles
 * are exact, plus the same statistics for work done in-process.
 *
 *   await httpLoad({ url: app.url, connections: 10, amount: 600, next: () => ({ path: urls[i++ % urls.length] }) })
 *   await inProcessLoad({ connections: 1, amount: 200, task: (i) => searchDatabase(queries[i]) })
 */
import autocannon from 'autocannon'

export type LoadStats = {
	requests: number
	seconds: number
	perSecond: number
	p50: number
	p95: number
	p99: number
	max: number
	/** 5xx answers, connection errors and timeouts */
	errors: number
	/** answers by status class, e.g. { '2xx': 590, '3xx': 10 } */
	statuses: Record<string, number>
}

export function percentile(sorted: number[], p: number) {
	if (!sorted.length) return 0
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

function stats(latencies: number[], seconds: number, errors: number, statuses: Record<string, number>): LoadStats {
	const sorted = [...latencies].sort((a, b) => a - b)
	return {
		requests: latencies.length,
		seconds,
		perSecond: latencies.length / seconds,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		max: sorted.at(-1) ?? 0,
		errors,
		statuses,
	}
}

export type NextRequest = { path: string; method?: string; body?: string; headers?: Record<string, string> }

/**
 * Drives `connections` clients at once until `amount` requests, `duration`
 * seconds, or `until` settles, whichever is first.
 */
export async function httpLoad(options: {
	url: string
	connections: number
	amount?: number
	duration?: number
	until?: Promise<unknown>
	headers?: Record<string, string>
	next: () => NextRequest
}) {
	const latencies: number[] = []
	const statuses: Record<string, number> = {}
	let serverErrors = 0
	const started = performance.now()
	let instance!: autocannon.Instance
	const finished = new Promise<autocannon.Result>((resolve, reject) => {
		instance = autocannon(
			{
				url: options.url,
				connections: options.connections,
				...(options.amount
					? { amount: options.amount }
					: { duration: options.duration ?? (options.until ? 24 * 3600 : 10) }),
				timeout: 30,
				headers: options.headers,
				requests: [
					{
						setupRequest: (request) => {
							const next = options.next()
							return {
								...request,
								path: next.path,
								method: (next.method ?? 'GET') as 'GET',
								body: next.body,
								headers: { ...request.headers, ...next.headers },
							}
						},
					},
				],
			},
			(error, result) => (error ? reject(error) : resolve(result)),
		)
	})
	void options.until?.finally(() => instance.stop())
	instance.on('response', (_client, statusCode, _bytes, responseTime) => {
		latencies.push(responseTime)
		const kind = `${Math.floor(statusCode / 100)}xx`
		statuses[kind] = (statuses[kind] ?? 0) + 1
		if (statusCode >= 500) serverErrors++
	})
	const result = await finished
	const seconds = (performance.now() - started) / 1000
	return stats(latencies, seconds, serverErrors + result.errors + result.timeouts, statuses)
}

/** Runs `task` `amount` times, `connections` at a time, timing each. */
export async function inProcessLoad(options: {
	connections: number
	amount: number
	task: (i: number) => Promise<unknown>
}) {
	const latencies: number[] = []
	let errors = 0
	let next = 0
	const started = performance.now()
	const worker = async () => {
		while (next < options.amount) {
			const i = next++
			const t0 = performance.now()
			try {
				await options.task(i)
			} catch {
				errors++
			}
			latencies.push(performance.now() - t0)
		}
	}
	await Promise.all(Array.from({ length: options.connections }, worker))
	return stats(latencies, (performance.now() - started) / 1000, errors, { ok: latencies.length - errors })
}

/** Samples a value every `everyMs` while `run` runs; returns run's result and the highest sample. */
export async function sampleMax<T, S extends Record<string, number>>(
	sample: () => S,
	run: () => Promise<T>,
	everyMs = 250,
) {
	const max: Record<string, number> = {}
	const take = () => {
		for (const [k, v] of Object.entries(sample())) max[k] = Math.max(max[k] ?? 0, v)
	}
	take()
	const timer = setInterval(take, everyMs)
	try {
		return { result: await run(), max: max as S }
	} finally {
		clearInterval(timer)
		take()
	}
}
