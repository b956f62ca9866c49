import { Link } from '@remix-run/react'
import type { PageHandle } from '#app/utils/page.ts'

export const handle: PageHandle = { title: 'About this data' }

export default function AboutDataRoute() {
	return (
		<div className="max-w-3xl">
			<h1 className="mb-4 text-3xl">About this data</h1>
			<p className="mb-4">
				Place names, postcode districts, care roles and apprenticeship standards on this site come from open data. We
				use them to find jobs near a town, village or postcode, to work out distances, and to describe roles and
				apprenticeships.
			</p>

			<h2 className="mb-2 mt-8 text-2xl">Places and postcodes</h2>
			<ul className="mb-4 ml-6 list-disc space-y-2">
				<li>
					Postcode district centres: Ordnance Survey Code-Point Open (August 2014), averaged over each district. For
					Northern Ireland, the Channel Islands, the Isle of Man and a few non-geographic districts: GeoNames postal
					codes.
				</li>
				<li>
					Towns and villages in Norfolk and Suffolk: Ordnance Survey Open Names (2017), with other names from GeoNames.
				</li>
			</ul>
			<p className="mb-4">
				Distances are measured in a straight line from the centre of a town, village or postcode district, so they can
				be out by a mile or two in large rural districts.
			</p>

			<h2 className="mb-2 mt-8 text-2xl">Care roles and apprenticeships</h2>
			<p className="mb-4">
				Role names and groups follow Skills for Care’s Adult Social Care Workforce Data Set job roles. Career routes
				follow the Department of Health and Social Care’s care workforce pathway. Apprenticeship standards are published
				by Skills England. Descriptions are our own summaries.
			</p>

			<h2 className="mb-2 mt-8 text-2xl">Attribution</h2>
			<div className="space-y-3 border-l-4 border-line pl-4">
				<p>
					Contains OS data © Crown copyright and database right 2014 and 2017. Contains Royal Mail data © Royal Mail
					copyright and database right 2014 and 2017. Contains National Statistics data © Crown copyright and database
					right 2014 and 2017. Licensed under the{' '}
					<a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">
						Open Government Licence v3.0
					</a>
					.
				</p>
				<p>
					Postcode and place-name data from <a href="https://www.geonames.org">GeoNames</a>, licensed under{' '}
					<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>. Modified: aggregated and ranked by this
					project.
				</p>
				<p>
					Contains public sector information licensed under the Open Government Licence v3.0 (care workforce pathway,
					apprenticeship standards).
				</p>
				<p>
					Job role names and codes from the Skills for Care ASC-WDS source code, © 2020 Skills for Care, MIT licence.
				</p>
			</div>

			<h2 className="mb-2 mt-8 text-2xl">Pay rules</h2>
			<p className="mb-4">
				Every vacancy must pay at least the legal minimum in force: the National Living Wage, or the apprentice rate for
				apprenticeships. Yearly salaries are compared using the hours per week the employer gives.
			</p>
			<p>
				<Link to="/jobs">Search for jobs</Link>
			</p>
		</div>
	)
}
