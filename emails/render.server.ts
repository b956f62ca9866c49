import { render } from '@react-email/render'
import { createElement, type ReactElement } from 'react'
import { getEnv, publicUrl } from '#app/utils/env.server.ts'
import type { Brand } from './layout.tsx'

export type EmailTemplate<P> = {
	default: (props: P & { brand: Brand }) => ReactElement
	subject: (props: P) => string
}

export type RenderedEmail = { subject: string; html: string; text: string }

/** The region's branding, from configuration. */
export function brand(): Brand {
	const env = getEnv()
	return { serviceName: env.SERVICE_NAME, region: env.REGION_NAME, colour: env.BRAND_COLOUR, siteUrl: publicUrl() }
}

/** Renders a template to its subject, an accessible HTML part and a plain-text part. */
export async function renderEmail<P>(template: EmailTemplate<P>, props: P): Promise<RenderedEmail> {
	const element = createElement(template.default, { ...props, brand: brand() })
	const [html, text] = await Promise.all([
		render(element),
		render(element, {
			plainText: true,
			htmlToTextOptions: {
				wordwrap: 78,
				selectors: [
					{ selector: 'img', format: 'skip' },
					{ selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
				],
			},
		}),
	])
	return { subject: template.subject(props), html, text }
}
