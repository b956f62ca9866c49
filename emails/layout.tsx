import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'

export type Brand = { serviceName: string; region: string; colour: string; siteUrl: string }

const font = "'Helvetica Neue', Arial, sans-serif"

/**
 * Every email's frame: the service's name and colour, one heading, readable
 * 19px text, and a footer that says who sent it and why. Tables and inline
 * styles come from React Email, so it holds up in Outlook and Gmail.
 */
export function EmailLayout({
	brand,
	preview,
	heading,
	children,
}: {
	brand: Brand
	preview: string
	heading: string
	children: ReactNode
}) {
	return (
		<Html lang="en-GB" dir="ltr">
			<Head>
				<meta name="color-scheme" content="light" />
			</Head>
			<Preview>{preview}</Preview>
			<Body style={{ backgroundColor: '#f3f2f1', margin: 0, padding: '24px 0', fontFamily: font }}>
				<Container style={{ backgroundColor: '#ffffff', maxWidth: '580px', borderTop: `8px solid ${brand.colour}` }}>
					<Section style={{ padding: '16px 24px 0' }}>
						<Text style={{ margin: 0, fontSize: '16px', fontWeight: 700, color: brand.colour }}>
							{brand.serviceName} · {brand.region}
						</Text>
					</Section>
					<Section style={{ padding: '0 24px 24px' }}>
						<Heading as="h1" style={{ fontSize: '28px', lineHeight: '32px', color: '#0b0c0c', margin: '16px 0' }}>
							{heading}
						</Heading>
						{children}
						<Hr style={{ borderColor: '#b1b4b6', margin: '24px 0 16px' }} />
						<Text style={{ fontSize: '14px', lineHeight: '20px', color: '#4a5358', margin: 0 }}>
							Sent by {brand.serviceName}, the free health and social care jobs service for {brand.region}.{' '}
							<Link href={brand.siteUrl} style={{ color: '#1d70b8' }}>
								{brand.siteUrl}
							</Link>
						</Text>
					</Section>
				</Container>
			</Body>
		</Html>
	)
}

export function P({ children }: { children: ReactNode }) {
	return <Text style={{ fontSize: '19px', lineHeight: '28px', color: '#0b0c0c', margin: '0 0 16px' }}>{children}</Text>
}

export function ActionButton({ href, children }: { href: string; children: ReactNode }) {
	return (
		<Button
			href={href}
			style={{
				backgroundColor: '#00703c',
				color: '#ffffff',
				fontSize: '19px',
				fontWeight: 700,
				padding: '12px 20px',
				borderRadius: '2px',
				display: 'inline-block',
				margin: '8px 0 16px',
			}}
		>
			{children}
		</Button>
	)
}

/** A labelled list of facts (when, where, pay) that reads well as text too. */
export function Facts({ items }: { items: Array<[label: string, value: ReactNode]> }) {
	return (
		<Section style={{ borderLeft: '6px solid #b1b4b6', padding: '4px 0 4px 16px', margin: '0 0 16px' }}>
			{items.map(([label, value]) => (
				<Text key={label} style={{ fontSize: '19px', lineHeight: '28px', color: '#0b0c0c', margin: '0 0 4px' }}>
					<strong>{label}:</strong> {value}
				</Text>
			))}
		</Section>
	)
}

export function TextLink({ href, children }: { href: string; children: ReactNode }) {
	return (
		<Link href={href} style={{ color: '#1d70b8', textDecoration: 'underline' }}>
			{children}
		</Link>
	)
}
