import { useRouteLoaderData } from '@remix-run/react'
import { regionPresets } from '#app/models/places/regions.ts'
import type { RootLoader } from '#app/root.tsx'

/** The configured region's example place and postcode ("like NR3"), for hints. */
export function useRegionExample() {
	return useRouteLoaderData<RootLoader>('root')?.regionExample ?? regionPresets['norfolk-and-waveney'].centre
}
