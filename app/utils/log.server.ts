// A deliberately small logger: one line per event, a topic, and a message that
// must never carry personal data (emails, names, postcodes, free text).
type Level = 'info' | 'warn' | 'error'

function write(level: Level, topic: string, message: string) {
	if (process.env.NODE_ENV === 'test' && level === 'info') return
	const line = `${new Date().toISOString()} ${level.toUpperCase()} [${topic}] ${message}`
	if (level === 'error') console.error(line)
	else if (level === 'warn') console.warn(line)
	else console.log(line)
}

export const log = {
	info: (topic: string, message: string) => write('info', topic, message),
	warn: (topic: string, message: string) => write('warn', topic, message),
	error: (topic: string, message: string) => write('error', topic, message),
}

/**
 * An error for the log without its message, which can quote personal data
 * (Prisma's validation errors print the arguments): name, code and where.
 */
export function describeError(error: unknown) {
	if (!(error instanceof Error)) return typeof error
	const code = (error as { code?: unknown }).code
	const frames = (error.stack ?? '')
		.split('\n')
		.filter((line) => line.trim().startsWith('at '))
		.slice(0, 5)
		.map((line) => line.trim())
	return [`${error.name}${code ? ` (${String(code)})` : ''}`, ...frames].join('\n    ')
}
