import fs from 'node:fs'
import { z } from 'zod'
import { notifySearchOutbox, recordCandidateChange } from '#app/background/search-outbox.server.ts'
import { deleteAlertsForAccount } from '#app/models/alerts/job-alerts.server.ts'
import { careRoles } from '#app/models/jobs/care-roles.server.ts'
import { settings } from '#app/models/jobs/vocabulary.ts'
import { findDistrict } from '#app/models/places/places.server.ts'
import { newPoolId } from '#app/models/redirect/pool-id.server.ts'
import { deleteUploadFiles } from '#app/models/uploads/uploads.server.ts'
import { dataDir } from '#app/utils/data-dir.server.ts'
import { Prisma, prisma, type Tx } from '#app/utils/db.server.ts'
import { ids } from '#app/utils/options.ts'
import { requiredText, UkPostcodeSchema } from '#app/utils/validation.ts'
import {
	availabilityOptions,
	candidateQualifications,
	experienceOptions,
	hoursWantedOptions,
	isFinished,
	rightToWorkOptions,
	travelChoices,
} from './vocabulary.ts'

const checkboxList = <T extends [string, ...string[]]>(values: T) =>
	z.preprocess((v) => (v == null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values)))

const yesNo = (message: string) => z.enum(['yes', 'no'], { error: message }).transform((v) => v === 'yes')

export const CandidateProfileSchema = z.object({
	firstName: requiredText('your first name', 60),
	lastName: requiredText('your last name', 60),
	phone: z
		.string({ error: 'Enter a phone number' })
		.trim()
		.min(1, { error: 'Enter a phone number' })
		.max(20, { error: 'Enter a UK phone number, like 07700 900 982 or 01603 123 456' })
		.refine((v) => /^(\+44|0)\d{9,10}$/.test(v.replace(/[\s()-]/g, '')), {
			error: 'Enter a UK phone number, like 07700 900 982 or 01603 123 456',
		}),
	// A real postcode district, not just the right shape: matching and the talent
	// pool place people by their district, and "ZZ9 9ZZ" would leave them nowhere.
	postcode: UkPostcodeSchema.superRefine((postcode, ctx) => {
		if (!findDistrict(postcode.outcode)) {
			ctx.addIssue({
				code: 'custom',
				message: `We could not find the postcode ${postcode.postcode}. Check it and enter it again`,
			})
		}
	}),
	rightToWork: z.enum(ids(rightToWorkOptions), { error: 'Say whether you have the right to work in the UK' }),
	drivingLicence: yesNo('Say whether you have a driving licence'),
	hasCar: yesNo('Say whether you have a car you can use for work'),
	availability: checkboxList(ids(availabilityOptions)).refine((v) => v.length > 0, {
		error: 'Choose when you can work',
	}),
	hoursWanted: z.enum(ids(hoursWantedOptions), { error: 'Choose the hours you want' }),
	roles: checkboxList(ids(careRoles.map((r) => ({ id: r.id })))),
	experienceYears: z.enum(ids(experienceOptions), { error: 'Choose how much care experience you have' }),
	experienceSettings: checkboxList(ids(settings)),
	qualifications: checkboxList(ids(candidateQualifications)),
	travelMiles: z.coerce
		.number({ error: 'Choose how far you can travel to work' })
		.refine((v) => (travelChoices as readonly number[]).includes(v), {
			error: 'Choose how far you can travel to work',
		}),
})

export type CandidateProfileInput = z.infer<typeof CandidateProfileSchema>

/** Stored JSON form of the profile (for an unconfirmed candidate's application). */
export function profileToJson(input: CandidateProfileInput) {
	return { ...input, postcode: input.postcode.postcode, outcode: input.postcode.outcode }
}

export type StoredProfile = ReturnType<typeof profileToJson>

function profileData(p: StoredProfile) {
	return {
		firstName: p.firstName,
		lastName: p.lastName,
		phone: p.phone,
		postcode: p.postcode,
		outcode: p.outcode,
		rightToWork: p.rightToWork,
		drivingLicence: p.drivingLicence,
		hasCar: p.hasCar,
		availableDays: p.availability.includes('days'),
		availableNights: p.availability.includes('nights'),
		availableWeekends: p.availability.includes('weekends'),
		hoursWanted: p.hoursWanted,
		roles: p.roles,
		experienceYears: p.experienceYears,
		experienceSettings: p.experienceSettings,
		qualifications: p.qualifications,
		travelMiles: p.travelMiles,
	}
}

export async function saveCandidateProfile(tx: Tx, userId: string, profile: StoredProfile) {
	const data = profileData(profile)
	const saved = await tx.candidateProfile.upsert({
		where: { userId },
		// Random, never the database default (a cuid, which embeds the time it was made).
		create: { userId, poolId: newPoolId(), ...data },
		update: data,
		select: { poolId: true },
	})
	await tx.user.update({ where: { id: userId }, data: { name: `${profile.firstName} ${profile.lastName}` } })
	// The talent pool index follows (the projection decides whether they are in it).
	await recordCandidateChange(tx, saved.poolId)
}

export async function getCandidateProfile(userId: string) {
	return prisma.candidateProfile.findUnique({ where: { userId } })
}

type ProfileRow = NonNullable<Awaited<ReturnType<typeof getCandidateProfile>>>

/** Form values for a stored profile (apply and account forms start from these). */
export function profileFormValues(p: ProfileRow) {
	return {
		firstName: p.firstName,
		lastName: p.lastName,
		phone: p.phone,
		postcode: p.postcode,
		rightToWork: p.rightToWork,
		drivingLicence: p.drivingLicence ? 'yes' : 'no',
		hasCar: p.hasCar ? 'yes' : 'no',
		availability: [p.availableDays && 'days', p.availableNights && 'nights', p.availableWeekends && 'weekends'].filter(
			Boolean,
		) as string[],
		hoursWanted: p.hoursWanted,
		roles: (p.roles as string[]) ?? [],
		experienceYears: p.experienceYears,
		experienceSettings: (p.experienceSettings as string[]) ?? [],
		qualifications: (p.qualifications as string[]) ?? [],
		travelMiles: String(p.travelMiles),
	}
}

export async function updateCandidateProfile(userId: string, input: CandidateProfileInput) {
	await prisma.$transaction((tx) => saveCandidateProfile(tx, userId, profileToJson(input)))
	notifySearchOutbox()
}

/** Everything we hold about a candidate, for "download my data" and the page that shows it. */
export async function exportCandidateData(userId: string) {
	const user = await prisma.user.findUniqueOrThrow({
		where: { id: userId },
		select: {
			email: true,
			name: true,
			emailVerifiedAt: true,
			createdAt: true,
			lastActiveAt: true,
			candidate: true,
			files: { select: { id: true, originalName: true, mimeType: true, size: true, createdAt: true } },
			consents: {
				orderBy: { grantedAt: 'asc' },
				select: { kind: true, wording: true, source: true, grantedAt: true, withdrawnAt: true },
			},
			employerBlocks: {
				orderBy: { createdAt: 'asc' },
				select: { createdAt: true, provider: { select: { name: true } } },
			},
			poolInvitations: {
				orderBy: { createdAt: 'asc' },
				select: {
					createdAt: true,
					status: true,
					respondedAt: true,
					provider: { select: { name: true } },
					vacancy: { select: { id: true, title: true } },
				},
			},
			applications: {
				select: {
					id: true,
					stage: true,
					submittedAt: true,
					supportingStatement: true,
					unsuccessfulReason: true,
					feedback: true,
					vacancy: { select: { id: true, title: true, provider: { select: { name: true } } } },
					answers: { select: { answer: true, question: { select: { text: true } } } },
					events: { select: { stage: true, actor: true, at: true, detail: true }, orderBy: { at: 'asc' } },
					interviews: {
						select: {
							startsAt: true,
							durationMinutes: true,
							location: true,
							videoUrl: true,
							response: true,
							responseMessage: true,
						},
					},
					checks: { select: { kind: true, status: true, nextActor: true } },
				},
			},
		},
	})
	const [redirects, emails, jobAlerts, savedJobs] = await Promise.all([
		// Passed on by an employer who could not offer the job, and the jobs we suggested.
		prisma.redirect.findMany({
			where: { candidateId: userId },
			orderBy: { createdAt: 'asc' },
			select: {
				createdAt: true,
				status: true,
				roles: true,
				fromProvider: { select: { name: true } },
				matches: {
					orderBy: { rank: 'asc' },
					select: {
						rank: true,
						reasons: true,
						vacancy: { select: { id: true, title: true, provider: { select: { name: true } } } },
					},
				},
			},
		}),
		prisma.emailOutbox.findMany({
			where: { toAddress: user.email },
			select: { subject: true, status: true, createdAt: true, sentAt: true },
			orderBy: { createdAt: 'asc' },
		}),
		prisma.jobAlert.findMany({
			where: { OR: [{ userId }, { email: user.email }] },
			orderBy: { createdAt: 'asc' },
			select: { description: true, frequency: true, status: true, createdAt: true, lastSentAt: true },
		}),
		prisma.savedJob.findMany({
			where: { userId },
			orderBy: { createdAt: 'asc' },
			select: { createdAt: true, vacancy: { select: { id: true, title: true, provider: { select: { name: true } } } } },
		}),
	])
	const { consents, employerBlocks, poolInvitations, ...account } = user
	return {
		exportedAt: new Date().toISOString(),
		account,
		consents,
		blockedEmployers: employerBlocks.map((b) => ({ employer: b.provider.name, blockedAt: b.createdAt })),
		talentPoolInvitations: poolInvitations.map((i) => ({
			from: i.provider.name,
			vacancy: i.vacancy,
			sentAt: i.createdAt,
			answer: i.status,
			answeredAt: i.respondedAt,
		})),
		passedOnByEmployers: redirects.map((r) => ({
			by: r.fromProvider.name,
			at: r.createdAt,
			rolesTheySuggested: r.roles,
			whatHappened: r.status,
			jobsWeSuggested: r.matches.map((m) => ({ vacancy: m.vacancy, reasons: m.reasons })),
		})),
		jobAlerts,
		savedJobs: savedJobs.map((s) => ({ savedAt: s.createdAt, vacancy: s.vacancy })),
		emailsSentToYou: emails,
	}
}

export type CandidateData = Awaited<ReturnType<typeof exportCandidateData>>

/**
 * Deletes a candidate's account and personal data. Their applications stay with
 * the providers as "withdrawn candidate": no name, contact details, answers,
 * statement, CV, interview replies, check notes or emails.
 */
export async function deleteCandidateAccount(userId: string) {
	const removedFiles: string[] = []
	const email = await prisma.$transaction(async (tx) => {
		// Empty at the start of each try: a transaction may be run again (db.server.ts).
		removedFiles.length = 0
		const user = await tx.user.findUniqueOrThrow({
			where: { id: userId },
			select: { email: true, files: { select: { id: true } }, candidate: { select: { poolId: true } } },
		})
		removedFiles.push(...user.files.map((f) => f.id))
		// Applications still waiting for this address to confirm them.
		const pending = await tx.verification.findMany({
			where: { userId, purpose: 'confirm-application' },
			select: { subjectId: true },
		})
		const pendingIds = pending.map((p) => p.subjectId).filter((id): id is string => Boolean(id))
		const pendingFiles = await tx.application.findMany({
			where: { id: { in: pendingIds }, candidateId: null },
			select: { cvFileId: true },
		})
		removedFiles.push(...pendingFiles.map((a) => a.cvFileId).filter((id): id is string => Boolean(id)))
		await tx.application.deleteMany({ where: { id: { in: pendingIds }, candidateId: null } })
		await tx.storedFile.deleteMany({ where: { id: { in: removedFiles } } })

		const applications = await tx.application.findMany({
			where: { candidateId: userId },
			select: { id: true, stage: true },
		})
		const applicationIds = applications.map((a) => a.id)
		await tx.screeningAnswer.deleteMany({ where: { applicationId: { in: applicationIds } } })
		await tx.applicationNote.deleteMany({ where: { applicationId: { in: applicationIds } } })
		await tx.interview.updateMany({ where: { applicationId: { in: applicationIds } }, data: { responseMessage: null } })
		await tx.preEmploymentCheck.updateMany({ where: { applicationId: { in: applicationIds } }, data: { note: '' } })
		for (const application of applications) {
			const open = !isFinished(application.stage)
			await tx.application.update({
				where: { id: application.id },
				data: {
					candidateId: null,
					supportingStatement: '',
					feedback: null,
					pendingProfile: Prisma.DbNull,
					cvFileId: null,
					...(open ? { stage: 'withdrawn' } : {}),
				},
			})
			if (open)
				await tx.applicationEvent.create({
					data: { applicationId: application.id, stage: 'withdrawn', actor: 'candidate', detail: 'account deleted' },
				})
		}
		// Emails to them go; copies of emails to providers that named them are emptied.
		await tx.emailOutbox.deleteMany({ where: { toAddress: user.email } })
		for (const id of applicationIds) {
			await tx.emailOutbox.deleteMany({ where: { messageKey: { contains: id }, status: { not: 'sent' } } })
			await tx.emailOutbox.updateMany({
				where: { messageKey: { contains: id } },
				data: {
					html: '',
					text: '(removed: the candidate deleted their account)',
					subject: '(removed)',
					attachments: Prisma.DbNull,
					lastError: null,
				},
			})
		}
		await tx.redirect.updateMany({ where: { candidateId: userId }, data: { candidateId: null } })
		// Job alerts to their address (made signed in or not) go, with the record of jobs sent; saved jobs go with the user.
		await deleteAlertsForAccount(tx, userId, user.email)
		// Stories they wrote go too (their photos are among the user's files, removed above).
		await tx.story.deleteMany({ where: { authorId: userId } })
		// Out of the talent pool index too (the worker deletes the document).
		if (user.candidate) await recordCandidateChange(tx, user.candidate.poolId)
		await tx.user.delete({ where: { id: userId } })
		return user.email
	})
	await deleteUploadFiles(removedFiles)
	removeFromLocalMailbox(email)
	notifySearchOutbox()
}

/** The local mailbox (running on your own machine only) keeps copies too. */
function removeFromLocalMailbox(email: string) {
	const dir = dataDir('mailbox')
	if (!fs.existsSync(dir)) return
	for (const file of fs.readdirSync(dir)) {
		const head = fs.readFileSync(`${dir}/${file}`, 'utf8').slice(0, 4000)
		if (new RegExp(`^To:.*${email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'im').test(head))
			fs.rmSync(`${dir}/${file}`, { force: true })
	}
}
