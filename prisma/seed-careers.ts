/**
 * Demo I Care Ambassadors, their pathways and stories, and two school visit
 * requests, so the careers pages and the ambassador area have something to show.
 */
import crypto from 'node:crypto'
import { locateWorkplace } from '#app/models/places/places.server.ts'
import { addDays } from '#app/utils/dates.ts'
import type { Tx } from '#app/utils/db.server.ts'
import { demoOutcode, demoPostcode, demoText, demoTown } from './seed-region.ts'

export const DEMO_AMBASSADOR = 'ruth.ambassador@carecareers.example'

type Step = [title: string, roleId: string | null, from: number, to: number | null]

const ambassadors: Array<{
	email: string
	firstName: string
	roleId: string
	employer: string | null
	town: string
	postcode: string
	bio: string
	visitRadiusMiles: number
	pathway: Step[]
}> = [
	{
		email: DEMO_AMBASSADOR,
		firstName: 'Ruth',
		roleId: 'registered-manager',
		employer: 'Wensum Lodge Care Home',
		town: 'Norwich',
		postcode: 'NR3 1HG',
		bio: 'I left school with no plan and took a job as a care assistant to pay the bills. Twenty years later I manage the home I started in.\n\nI talk to students about how far you can go in care without a degree, and how much the job gives back.',
		visitRadiusMiles: 20,
		pathway: [
			['Care worker', 'care-worker', 2006, 2010],
			['Senior care worker', 'senior-care-worker', 2010, 2014],
			['Team leader', 'team-leader', 2014, 2018],
			['Deputy manager', 'deputy-manager', 2018, 2021],
			['Registered manager', 'registered-manager', 2021, null],
		],
	},
	{
		email: 'tom.ambassador@carecareers.example',
		firstName: 'Tom',
		roleId: 'support-worker',
		employer: 'Broadland Supported Living',
		town: 'Great Yarmouth',
		postcode: 'NR30 2AA',
		bio: 'I support young adults with learning disabilities to live in their own flats. Before this I worked in a warehouse: I wanted a job where my day mattered to someone.',
		visitRadiusMiles: 15,
		pathway: [
			['Volunteer at a day centre', null, 2019, 2020],
			['Support worker apprentice', 'support-worker', 2020, 2022],
			['Support worker', 'support-worker', 2022, null],
		],
	},
	{
		email: 'amara.ambassador@carecareers.example',
		firstName: 'Amara',
		roleId: 'nursing-associate',
		employer: null,
		town: "King's Lynn",
		postcode: 'PE30 1AB',
		bio: 'I started as a healthcare assistant and trained as a nursing associate through an apprenticeship while I worked. Next I am topping up to become a registered nurse.',
		visitRadiusMiles: 30,
		pathway: [
			['Care worker', 'care-worker', 2015, 2017],
			['Nursing assistant', 'nursing-assistant', 2017, 2021],
			['Nursing associate apprenticeship', 'nursing-associate', 2021, 2023],
			['Nursing associate', 'nursing-associate', 2023, null],
		],
	},
	{
		email: 'dev.ambassador@carecareers.example',
		firstName: 'Dev',
		roleId: 'personal-assistant',
		employer: null,
		town: 'Lowestoft',
		postcode: 'NR32 1BB',
		bio: 'I work as a personal assistant for two people who employ me directly. I help them with everything from getting up to going to the football. The hours fit around my children.',
		visitRadiusMiles: 10,
		pathway: [
			['Retail assistant', null, 2012, 2018],
			['Care worker', 'care-worker', 2018, 2020],
			['Personal assistant', 'personal-assistant', 2020, null],
		],
	},
	{
		email: 'kate.ambassador@carecareers.example',
		firstName: 'Kate',
		roleId: 'occupational-therapist',
		employer: 'Norfolk Community Health',
		town: 'Thetford',
		postcode: 'IP24 2EE',
		bio: 'I help people get back to doing the things that matter to them after illness or injury. I began as an occupational therapy assistant and studied for my degree part-time.',
		visitRadiusMiles: 25,
		pathway: [
			['Care worker', 'care-worker', 2010, 2013],
			['Occupational therapy assistant', 'occupational-therapist-assistant', 2013, 2018],
			['Occupational therapy degree apprenticeship', 'occupational-therapist', 2018, 2022],
			['Occupational therapist', 'occupational-therapist', 2022, null],
		],
	},
	{
		email: 'lewis.ambassador@carecareers.example',
		firstName: 'Lewis',
		roleId: 'senior-care-worker',
		employer: 'Coastal Home Care',
		town: 'Cromer',
		postcode: 'NR27 9FF',
		bio: 'I visit people in their own homes along the coast. I love the variety and the people: no two days are the same.',
		visitRadiusMiles: 15,
		pathway: [
			['Care worker (home care)', 'care-worker', 2019, 2023],
			['Senior care worker', 'senior-care-worker', 2023, null],
		],
	},
]

const stories: Array<{
	by: string
	title: string
	body: string
	roleIds: string[]
	employerName: string | null
	status: 'published' | 'submitted'
}> = [
	{
		by: DEMO_AMBASSADOR,
		title: 'From care assistant to registered manager in the same home',
		body: 'I was nineteen when I walked into Wensum Lodge for an interview. I had no qualifications in care and I was terrified I would say the wrong thing. The manager asked me one question I still remember: “Tell me about someone you have looked after.” I talked about my nan.\n\nThose first months were hard. Early shifts, learning to help people wash and dress with dignity, learning everyone’s names and stories. But I loved it. When a senior post came up, my manager told me to go for it, and the home paid for my level 3 diploma.\n\nEvery step since has been like that: someone saw what I could do before I did. Now I try to do the same for my team. If you are kind, reliable and curious, care will find a place for you.',
		roleIds: ['care-worker', 'registered-manager', 'senior-care-worker'],
		employerName: 'Wensum Lodge Care Home',
		status: 'published',
	},
	{
		by: 'tom.ambassador@carecareers.example',
		title: 'Why I swapped a warehouse for supported living',
		body: 'For six years I picked orders in a warehouse. The money was fine, but I went home every day feeling like a machine. A friend who worked in supported living said I would be good at it, so I volunteered at a day centre on my days off to see.\n\nNow I support four young adults who live in their own flats. Some days we are budgeting and cooking, some days we are at college or the gym. Seeing someone do something for the first time on their own is the best feeling there is.\n\nI did my apprenticeship while I worked, so I was paid the whole time.',
		roleIds: ['support-worker'],
		employerName: 'Broadland Supported Living',
		status: 'published',
	},
	{
		by: 'amara.ambassador@carecareers.example',
		title: 'Becoming a nurse without giving up work',
		body: 'I always wanted to be a nurse, but I could not afford to stop working for three years at university. Becoming a nursing associate through an apprenticeship changed that.\n\nI spent two years learning on the job, with study days at university, and I was paid throughout. Now I give medicines, care for wounds and help plan people’s care, working alongside registered nurses.\n\nThe next step is a top-up course to become a registered nurse. If you think nursing is out of reach, look at the apprenticeship routes first.',
		roleIds: ['nursing-associate', 'nursing-assistant', 'registered-nurse'],
		employerName: null,
		status: 'published',
	},
	{
		by: 'dev.ambassador@carecareers.example',
		title: 'Working as a personal assistant',
		body: 'As a personal assistant I am employed directly by the people I support. That means we decide together how the day goes. One of my employers loves Lowestoft Town, so Saturday afternoons we are at the match.\n\nThe hours are flexible, which means I can do the school run. You do need to be organised and confident working on your own, but you are never really alone: there is training and a network of other PAs.\n\nIf you like the idea of one-to-one support and real relationships, it is worth a look.',
		roleIds: ['personal-assistant'],
		employerName: null,
		status: 'published',
	},
	{
		by: 'kate.ambassador@carecareers.example',
		title: 'Helping people back to what matters',
		body: 'An occupational therapist helps people carry on with everyday life after illness, injury or as their needs change. That might mean adapting a kitchen so someone can cook again, or finding a new way to get dressed after a stroke.\n\nI started as a care worker, moved into an occupational therapy assistant role, and then did a degree apprenticeship. It took time, but every step was paid work that taught me something.\n\nCare work is a brilliant grounding for any health career: you learn to see the person first.',
		roleIds: ['occupational-therapist', 'occupational-therapist-assistant', 'care-worker'],
		employerName: 'Norfolk Community Health',
		status: 'published',
	},
	{
		by: 'lewis.ambassador@carecareers.example',
		title: 'A week on the coast road',
		body: 'Monday starts at seven with a gentleman in Overstrand who likes his porridge just so. By nine I am in Cromer helping a lady with her medicines, then on to Sheringham. Between visits I listen to podcasts and look at the sea.\n\nHome care is not for everyone: you need a driving licence in most places, and you are on your own at each visit. But you get to know people properly, in their own homes, and you can really see the difference you make.',
		roleIds: ['senior-care-worker', 'care-worker'],
		employerName: 'Coastal Home Care',
		status: 'submitted',
	},
]

export async function seedCareersDemo(tx: Tx, passwordHash: string, now: Date) {
	const ids = new Map<string, { userId: string; ambassadorId: string; firstName: string; roleId: string }>()
	for (const [i, written] of ambassadors.entries()) {
		// In the configured region's own towns (seed-region.ts).
		const outcode = written.postcode.split(' ')[0]
		const a = {
			...written,
			postcode: demoPostcode(written.postcode),
			town: demoTown(written.town, outcode),
			employer: written.employer && demoText(written.employer, outcode),
		}
		const at = locateWorkplace(a.postcode, a.town)
		if (!at) throw new Error(`demo ambassador postcode ${a.postcode} cannot be located`)
		const user = await tx.user.create({
			data: { email: a.email, name: a.firstName, passwordHash, emailVerifiedAt: now },
		})
		const ambassador = await tx.ambassador.create({
			data: {
				id: `demo-ambassador-${i + 1}`,
				userId: user.id,
				firstName: a.firstName,
				roleId: a.roleId,
				employer: a.employer,
				town: a.town,
				outcode: a.postcode.split(' ')[0],
				lat: at.lat,
				lng: at.lng,
				bio: a.bio,
				visitRadiusMiles: a.visitRadiusMiles,
				pathwaySteps: {
					create: a.pathway.map(([title, roleId, fromYear, toYear], position) => ({
						position: position + 1,
						title,
						roleId,
						fromYear,
						toYear,
					})),
				},
			},
		})
		ids.set(a.email, { userId: user.id, ambassadorId: ambassador.id, firstName: a.firstName, roleId: a.roleId })
	}
	for (const [i, s] of stories.entries()) {
		const author = ids.get(s.by)!
		await tx.story.create({
			data: {
				authorId: author.userId,
				authorKind: 'ambassador',
				authorName: author.firstName,
				tellerRoleId: author.roleId,
				title: s.title,
				body: s.body,
				roleIds: s.roleIds,
				employerName: s.employerName,
				status: s.status,
				submittedAt: addDays(now, -30 + i),
				publishedAt: s.status === 'published' ? addDays(now, -28 + i) : null,
			},
		})
	}

	// A visit already done, and one waiting for Ruth's answer.
	const ruth = ids.get(DEMO_AMBASSADOR)!
	const schoolPostcode = demoPostcode('NR3 3DH')
	const schoolTown = demoTown('Norwich', 'NR3')
	const school = locateWorkplace(schoolPostcode, schoolTown)!
	const link = () => ({ create: { tokenHash: crypto.randomBytes(32).toString('hex') } })
	const common = {
		organisationType: 'school',
		contactName: 'Ms Patel',
		contactEmail: 'careers@northgate-academy.example',
		postcode: schoolPostcode,
		outcode: demoOutcode('NR3'),
		town: schoolTown,
		lat: school.lat,
		lng: school.lng,
		ageGroup: '14-16',
		topics: ['careers-in-care', 'apprenticeships'],
	}
	await tx.visitRequest.create({
		data: {
			...common,
			organisation: 'Northgate Academy',
			preferredDates: 'Any Thursday afternoon in October',
			audience: 'Year 10 health and social care group',
			numberOfPeople: 28,
			status: 'fulfilled',
			ambassadorId: ruth.ambassadorId,
			acceptedAt: addDays(now, -40),
			visitedOn: addDays(now, -30),
			peopleReached: 28,
			createdAt: addDays(now, -42),
			links: link(),
			offers: {
				create: {
					ambassadorId: ruth.ambassadorId,
					distanceMiles: 0.6,
					status: 'accepted',
					createdAt: addDays(now, -42),
					respondedAt: addDays(now, -40),
				},
			},
		},
	})
	await tx.visitRequest.create({
		data: {
			...common,
			organisation: 'Riverside Sixth Form',
			contactName: 'Mr Green',
			contactEmail: 'sixthform@riverside.example',
			ageGroup: '16-18',
			preferredDates: 'Careers week, 1 to 5 February',
			audience: 'Year 12 students thinking about nursing and social work',
			numberOfPeople: 60,
			topics: ['nursing', 'qualifications'],
			createdAt: addDays(now, -1),
			links: link(),
			offers: { create: { ambassadorId: ruth.ambassadorId, distanceMiles: 1.8, createdAt: addDays(now, -1) } },
		},
	})
}
