import { useRouteLoaderData } from '@remix-run/react'
import type { RootLoader } from '#app/root.tsx'

/** The configured region's example place and postcode ("like NR3"), for hints. */
export function useRegionExample() {
	return (
		useRouteLoaderData<RootLoader>('root')?.regionExample ?? { place: 'Norwich', outcode: 'NR3', postcode: 'NR1 3QU' }
	)
}
