// The area a portal serves, by configuration (REGION, and REGION_LOCAL_AUTHORITIES
// to name another list): the local authority areas it covers, as the postcode
// districts file names them (2014 boundaries: Waveney stays Waveney), with its
// name, colour and the place its examples use. Vacancies may be posted within
// 15 miles of the area (places.server.ts), so towns over a border are served too.

export type RegionPreset = {
	name: string
	localAuthorities: string[]
	/** the place examples name ("such as Norwich or NR3") */
	centre: { place: string; outcode: string; postcode: string }
	colour: string
}

export const regionPresets = {
	'norfolk-and-waveney': {
		name: 'Norfolk and Waveney',
		localAuthorities: [
			'Breckland',
			'Broadland',
			'Great Yarmouth',
			"King's Lynn and West Norfolk",
			'North Norfolk',
			'Norwich',
			'South Norfolk',
			'Waveney',
		],
		centre: { place: 'Norwich', outcode: 'NR3', postcode: 'NR1 3QU' },
		colour: '#0b5c55',
	},
	staffordshire: {
		name: 'Staffordshire and Stoke-on-Trent',
		localAuthorities: [
			'Cannock Chase',
			'City of Stoke-on-Trent',
			'East Staffordshire',
			'Lichfield',
			'Newcastle-under-Lyme',
			'South Staffordshire',
			'Stafford',
			'Staffordshire Moorlands',
			'Tamworth',
		],
		centre: { place: 'Stafford', outcode: 'ST16', postcode: 'ST16 2LP' },
		colour: '#1d4f91',
	},
} satisfies Record<string, RegionPreset>

export type RegionId = keyof typeof regionPresets

export const regionIds = Object.keys(regionPresets) as [RegionId, ...RegionId[]]
