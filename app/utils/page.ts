export type PageHandle = {
	/** The page's title, before the service name; a function receives the route's loader data. */
	title?: string | ((data: any) => string)
}

export function pageTitle(title: string | null | undefined, serviceName: string) {
	return title ? `${title} – ${serviceName}` : serviceName
}
