import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { emailOutbox, processEmailOutbox } from '#app/background/email-outbox.server.ts'
import { deleteCandidateAccount, exportCandidateData } from '#app/models/applications/candidate-profile.server.ts'
import * as candidateApplicationRoute from '#app/routes/account.applications.$applicationId.tsx'
import * as confirmRoute from '#app/routes/confirm-application.$token.tsx'
import * as fileRoute from '#app/routes/files.$fileId.tsx'
import * as forgotRoute from '#app/routes/forgot-password.tsx'
import * as checkEmailRoute from '#app/routes/jobs.$vacancyId_.apply_.check-email.tsx'
import * as providerApplicationRoute from '#app/routes/provider.applications.$applicationId.tsx'
import * as providerApplicationsRoute from '#app/routes/provider.applications._index.tsx'
import * as resetRoute from '#app/routes/reset-password.$token.tsx'
import { createSession } from '#app/utils/auth.server.ts'
import { dataDir } from '#app/utils/data-dir.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import {
	applyForm,
	minimalPdf,
	providerWithOwner,
	submitApplication,
	vacancyWithQuestions,
} from '#tests/fixtures/applications.ts'
import { callRoute, cookieFrom, routeRequest, waitFor } from '#tests/helpers.ts'
import { linkIn, startTestMailServer } from '#tests/mail-server.ts'

const context = { clientIp: '203.0.113.20' }
let mail: Awaited<ReturnType<typeof startTestMailServer>>

beforeAll(async () => {
	mail = await startTestMailServer()
})

afterAll(async () => {
	await mail.stop()
})

async function deliverAll() {
	for (let i = 0; i < 20; i++) {
		const { claimed } = await processEmailOutbox()
		if (!claimed) return
	}
}

/** Applies without an account, confirms from the emailed link, and returns the signed-in candidate. */
async function applyAndConfirm(
	vacancyId: number,
	questions: Array<{ id: number; kind: string }>,
	overrides: Record<string, string | string[]> = {},
	file?: { name: string; type: string; bytes: Uint8Array },
) {
	const form = applyForm(questions, overrides)
	const applied = await submitApplication(vacancyId, form, { file })
	expect(applied.location).toBe(`/jobs/${vacancyId}/apply/check-email`)
	await deliverAll()
	const [confirmEmail] = mail.mailbox(form.email as string).filter((m) => m.subject?.startsWith('Confirm your email'))
	const link = linkIn(confirmEmail, 'http://localhost:3999/confirm-application/')
	const token = link.split('/').pop()!
	const page = await callRoute(() =>
		confirmRoute.loader({ request: routeRequest(`/confirm-application/${token}`), params: { token }, context }),
	)
	expect(page.data.valid).toBe(true)
	const confirmed = await callRoute(() =>
		confirmRoute.action({
			request: routeRequest(`/confirm-application/${token}`, { form: {} }),
			params: { token },
			context,
		}),
	)
	expect(confirmed.location).toMatch(/^\/account\/applications\/\w+\?sent=1$/)
	const applicationId = confirmed.location!.split('/')[3].split('?')[0]
	await deliverAll()
	return { email: form.email as string, token, applicationId, cookie: cookieFrom(confirmed.headers) }
}

describe('applying without an account', () => {
	test('"Check your email" shows the address the link went to, without putting it in the URL', async () => {
		const provider = await providerWithOwner()
		const { vacancy, questions } = await vacancyWithQuestions(provider.providerId)
		const form = applyForm(questions)
		const applied = await submitApplication(vacancy.id, form)
		expect(applied.location).toBe(`/jobs/${vacancy.id}/apply/check-email`)
		const cookie = cookieFrom(applied.headers)
		const params = { vacancyId: String(vacancy.id) }
		const page = await callRoute(() =>
			checkEmailRoute.loader({
				request: routeRequest(`/jobs/${vacancy.id}/apply/check-email`, { cookie }),
				params,
				context,
			}),
		)
		expect(page.data.email).toBe(form.email)
		// Another vacancy's page, or no cookie, shows no address.
		const other = await callRoute(() =>
			checkEmailRoute.loader({
				request: routeRequest(`/jobs/${vacancy.id + 1}/apply/check-email`, { cookie }),
				params: { vacancyId: String(vacancy.id + 1) },
				context,
			}),
		)
		expect(other.data.email).toBeNull()
		const none = await callRoute(() =>
			checkEmailRoute.loader({ request: routeRequest(`/jobs/${vacancy.id}/apply/check-email`), params, context }),
		)
		expect(none.data.email).toBeNull()
	})

	test('the application waits for the confirmation link; confirming sends it and emails both sides', async () => {
		const provider = await providerWithOwner()
		const { vacancy, questions } = await vacancyWithQuestions(provider.providerId)
		const form = applyForm(questions)
		await submitApplication(vacancy.id, form)
		const pending = await prisma.application.findFirstOrThrow({ where: { vacancyId: vacancy.id } })
		expect(pending.submittedAt).toBeNull()
		// Not visible to the provider until confirmed.
		const before = await callRoute(() =>
			providerApplicationsRoute.loader({
				request: routeRequest('/provider/applications', { cookie: provider.cookie }),
				params: {},
				context,
			}),
		)
		expect(before.data.rows).toHaveLength(0)

		await deliverAll()
		const link = linkIn(mail.mailbox(form.email as string)[0], 'http://localhost:3999/confirm-application/')
		const token = link.split('/').pop()!
		const confirmed = await callRoute(() =>
			confirmRoute.action({
				request: routeRequest(link.replace('http://localhost:3999', ''), { form: {} }),
				params: { token },
				context,
			}),
		)
		expect(confirmed.status).toBe(302)
		await deliverAll()

		const candidateMail = mail.mailbox(form.email as string).map((m) => m.subject)
		expect(candidateMail).toContain(
			`Application sent: Care assistant with ${(await prisma.provider.findUniqueOrThrow({ where: { id: provider.providerId } })).name}`,
		)
		const providerMail = mail.mailbox(provider.email)
		expect(providerMail.map((m) => m.subject)).toContain('New application: Care assistant')
		const reviewLink = linkIn(
			providerMail.find((m) => m.subject === 'New application: Care assistant')!,
			'http://localhost:3999/provider/applications/',
		)
		expect(reviewLink).toBe(`http://localhost:3999/provider/applications/${pending.id}`)

		// The link works once.
		const again = await callRoute(() =>
			confirmRoute.loader({ request: routeRequest(`/confirm-application/${token}`), params: { token }, context }),
		)
		expect(again.data.valid).toBe(false)
		// Every email has an HTML and a plain-text part.
		for (const m of [...mail.mailbox(form.email as string), ...providerMail]) {
			expect(m.html).toMatch(/<html[^>]*lang="en-GB"/)
			expect(m.text?.length).toBeGreaterThan(50)
		}
	})
})

describe('the provider’s pipeline', () => {
	test('interview invitation carries a valid .ics; moving it keeps the UID and raises SEQUENCE; the candidate can ask for another time', async () => {
		const provider = await providerWithOwner()
		const { vacancy, questions } = await vacancyWithQuestions(provider.providerId)
		const candidate = await applyAndConfirm(vacancy.id, questions)
		const tomorrow = new Date(Date.now() + 2 * 86_400_000)
		const interviewForm = (time: string) => ({
			intent: 'interview',
			interviewDay: String(tomorrow.getUTCDate()),
			interviewMonth: String(tomorrow.getUTCMonth() + 1),
			interviewYear: String(tomorrow.getUTCFullYear()),
			time,
			durationMinutes: '45',
			location: 'Wensum Lodge, 1 High Street, Norwich NR1 1AA',
			videoUrl: '',
			details: 'Ask for Olive at reception.',
		})
		const act = (form: Record<string, string>) =>
			callRoute(() =>
				providerApplicationRoute.action({
					request: routeRequest(`/provider/applications/${candidate.applicationId}`, { form, cookie: provider.cookie }),
					params: { applicationId: candidate.applicationId },
					context,
				}),
			)
		// A wrong time is the time's problem alone, never "not a real date".
		const wrongTime = await act(interviewForm('25:00'))
		expect(wrongTime.status).toBe(400)
		expect(wrongTime.data.result.error.time).toEqual(['Enter a real time, like 2:30pm or 14:30'])
		expect(wrongTime.data.result.error.interviewDay).toBeUndefined()
		expect((await act(interviewForm('14:30'))).location).toBe(
			`/provider/applications/${candidate.applicationId}?done=interview`,
		)
		await deliverAll()
		const invitation = mail.mailbox(candidate.email).find((m) => m.subject?.startsWith('Interview invitation'))!
		expect(invitation.subject).toMatch(/ at 2:30pm$/)
		const ics = invitation.attachments.find((a) => a.filename === 'interview.ics')!
		expect(ics.contentType).toBe('text/calendar')
		const folded = ics.content.toString('utf8')
		// RFC 5545: CRLF line endings, long lines folded at 75 octets.
		expect(folded.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true)
		const calendar = folded.replace(/\r\n[ \t]/g, '')
		for (const line of [
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'METHOD:REQUEST',
			'BEGIN:VEVENT',
			'SEQUENCE:0',
			'DURATION:PT45M',
			'END:VEVENT',
			'END:VCALENDAR',
		]) {
			expect(calendar).toContain(line)
		}
		expect(calendar).toMatch(/UID:interview-\w+@carecareers\.localhost/)
		expect(calendar).toMatch(/DTSTART:\d{8}T\d{6}Z/)
		expect(calendar).toMatch(/ORGANIZER;CN=.*:mailto:no-reply@carecareers\.localhost/i)
		expect(calendar).toContain(`mailto:${candidate.email}`)
		const uid = calendar.match(/UID:(\S+)/)![1]

		await act(interviewForm('15:00'))
		await deliverAll()
		const moved = mail.mailbox(candidate.email).find((m) => m.subject?.startsWith('Interview time changed'))!
		const movedCalendar = moved.attachments[0].content.toString('utf8')
		expect(movedCalendar).toContain(`UID:${uid}`)
		expect(movedCalendar).toContain('SEQUENCE:1')

		const reply = await callRoute(() =>
			candidateApplicationRoute.action({
				request: routeRequest(`/account/applications/${candidate.applicationId}`, {
					form: { reply: 'reschedule', message: 'Could we do Thursday morning?' },
					cookie: candidate.cookie,
				}),
				params: { applicationId: candidate.applicationId },
				context,
			}),
		)
		expect(reply.status).toBe(302)
		await deliverAll()
		const told = mail.mailbox(provider.email).find((m) => m.subject?.includes('asked for another time'))!
		expect((told.text ?? '').replace(/\s+/g, ' ')).toContain('Could we do Thursday morning?')
	})

	test('an offer lists the checks; hired needs every check cleared; hiring the last position closes the vacancy', async () => {
		const provider = await providerWithOwner()
		const { vacancy, questions } = await vacancyWithQuestions(provider.providerId, { positions: 1 })
		const candidate = await applyAndConfirm(vacancy.id, questions)
		const act = (form: Record<string, string>) =>
			callRoute(() =>
				providerApplicationRoute.action({
					request: routeRequest(`/provider/applications/${candidate.applicationId}`, { form, cookie: provider.cookie }),
					params: { applicationId: candidate.applicationId },
					context,
				}),
			)
		await act({ intent: 'offer' })
		await deliverAll()
		const offer = mail.mailbox(candidate.email).find((m) => m.subject?.startsWith('Conditional job offer'))!
		expect((offer.text ?? '').replace(/\s+/g, ' ')).toContain(
			'Enhanced DBS check: the employer will ask you for documents or details',
		)
		expect((await act({ intent: 'hired' })).data.result.error['']).toEqual([
			'6 pre-employment checks are not cleared yet',
		])
		for (const kind of ['dbs', 'reference-1', 'reference-2', 'right-to-work', 'id', 'health']) {
			expect((await act({ intent: 'check', kind, status: 'cleared', nextActor: 'provider', note: '' })).status).toBe(
				302,
			)
		}
		expect((await act({ intent: 'hired' })).location).toBe(
			`/provider/applications/${candidate.applicationId}?done=hired-closed`,
		)
		expect(await prisma.vacancy.findUniqueOrThrow({ where: { id: vacancy.id } })).toMatchObject({
			status: 'closed',
			closedReason: 'filled',
		})
		expect(
			await prisma.searchOutbox.count({ where: { entity: 'vacancy', entityId: String(vacancy.id) } }),
		).toBeGreaterThan(0)
		await deliverAll()
		expect(mail.mailbox(candidate.email).map((m) => m.subject)).toContain(
			`You got the job: Care assistant with ${(await prisma.provider.findUniqueOrThrow({ where: { id: provider.providerId } })).name}`,
		)
	})

	test('unsuccessful needs a reason, and the email is specific and kind', async () => {
		const provider = await providerWithOwner()
		const { vacancy, questions } = await vacancyWithQuestions(provider.providerId)
		const candidate = await applyAndConfirm(vacancy.id, questions)
		const act = (form: Record<string, string>) =>
			callRoute(() =>
				providerApplicationRoute.action({
					request: routeRequest(`/provider/applications/${candidate.applicationId}`, { form, cookie: provider.cookie }),
					params: { applicationId: candidate.applicationId },
					context,
				}),
			)
		const missing = await act({ intent: 'unsuccessful' })
		expect(missing.status).toBe(400)
		expect(missing.data.result.error.reason).toEqual(['Choose the reason, so the candidate gets the right message'])
		await act({
			intent: 'unsuccessful',
			reason: 'driving-licence',
			feedback: 'Try our care home roles in Norwich.',
			suitable: 'no',
		})
		await deliverAll()
		const email = mail.mailbox(candidate.email).find((m) => m.subject === 'Your application for Care assistant')!
		const text = (email.text ?? '').replace(/\s+/g, ' ')
		expect(text).toContain(
			'This job needs a driving licence and car. Many jobs in care homes and supported living do not.',
		)
		expect(text).toContain('Try our care home roles in Norwich.')
		expect(linkIn(email, 'http://localhost:3999/jobs?')).toBe('http://localhost:3999/jobs?where=NR3')
	})
})

describe('only the provider’s own team sees its applicants', () => {
	test('provider B gets 404 for provider A’s applicant, notes and CV, including by direct URL', async () => {
		const a = await providerWithOwner()
		const b = await providerWithOwner()
		const { vacancy, questions } = await vacancyWithQuestions(a.providerId)
		const candidate = await applyAndConfirm(
			vacancy.id,
			questions,
			{},
			{ name: 'cv.pdf', type: 'application/pdf', bytes: minimalPdf },
		)
		const application = await prisma.application.findUniqueOrThrow({ where: { id: candidate.applicationId } })
		expect(application.cvFileId).toBeTruthy()
		const params = { applicationId: candidate.applicationId }

		const own = await callRoute(() =>
			providerApplicationRoute.loader({
				request: routeRequest(`/provider/applications/${candidate.applicationId}`, { cookie: a.cookie }),
				params,
				context,
			}),
		)
		expect(own.status).toBe(200)
		expect(own.data.candidate.name).toBe('Casey Candidate')

		const asB = (form?: Record<string, string>) =>
			callRoute(() =>
				form
					? providerApplicationRoute.action({
							request: routeRequest(`/provider/applications/${candidate.applicationId}`, { form, cookie: b.cookie }),
							params,
							context,
						})
					: providerApplicationRoute.loader({
							request: routeRequest(`/provider/applications/${candidate.applicationId}`, { cookie: b.cookie }),
							params,
							context,
						}),
			)
		expect((await asB()).status).toBe(404)
		expect((await asB({ intent: 'note', body: 'sneaky' })).status).toBe(404)
		expect((await asB({ intent: 'unsuccessful', reason: 'other' })).status).toBe(404)
		expect(await prisma.applicationNote.count({ where: { applicationId: candidate.applicationId } })).toBe(0)
		const list = await callRoute(() =>
			providerApplicationsRoute.loader({
				request: routeRequest('/provider/applications', { cookie: b.cookie }),
				params: {},
				context,
			}),
		)
		expect(JSON.stringify(list.data)).not.toContain('Casey')

		const cvAs = (cookie: string) =>
			callRoute(() =>
				fileRoute.loader({
					request: routeRequest(`/files/${application.cvFileId}`, { cookie }),
					params: { fileId: application.cvFileId! },
					context,
				}),
			)
		expect((await cvAs(b.cookie)).status).toBe(404)
		const forA = await cvAs(a.cookie)
		expect(forA.status).toBe(200)
		expect(forA.headers.get('Content-Type')).toBe('application/pdf')
		expect(forA.headers.get('Content-Disposition')).toMatch(/^attachment/)
		expect((await cvAs(candidate.cookie)).status).toBe(200)

		// Another candidate cannot open this application either.
		const other = await applyAndConfirm(vacancy.id, questions)
		const peek = await callRoute(() =>
			candidateApplicationRoute.loader({
				request: routeRequest(`/account/applications/${candidate.applicationId}`, { cookie: other.cookie }),
				params,
				context,
			}),
		)
		expect(peek.status).toBe(404)
		expect((await cvAs(other.cookie)).status).toBe(404)
	})
})

describe('uploads are checked by their content', () => {
	test('a renamed executable uploaded as .pdf is refused with a clear message, and the rest of the form is kept', async () => {
		const provider = await providerWithOwner()
		const { vacancy, questions } = await vacancyWithQuestions(provider.providerId)
		const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, ...new Array(200).fill(0)])
		const result = await submitApplication(vacancy.id, applyForm(questions), {
			file: { name: 'cv.pdf', type: 'application/pdf', bytes: exe },
		})
		expect(result.status).toBe(400)
		expect(result.data.result.error.cv).toEqual(['The CV must be a PDF or a Word document (.docx)'])
		expect(result.data.result.initialValue.firstName).toBe('Casey')
		expect(await prisma.application.count({ where: { vacancyId: vacancy.id } })).toBe(0)
		expect(await prisma.storedFile.count({ where: { originalName: 'cv.pdf', size: exe.length } })).toBe(0)
	})

	test('a file over 5 MB is refused', async () => {
		const provider = await providerWithOwner()
		const { vacancy, questions } = await vacancyWithQuestions(provider.providerId)
		const big = new Uint8Array(5 * 1024 * 1024 + 10)
		big.set(minimalPdf)
		const result = await submitApplication(vacancy.id, applyForm(questions), {
			file: { name: 'big.pdf', type: 'application/pdf', bytes: big },
		})
		expect(result.status).toBe(400)
		expect(result.data.result.error.cv).toEqual(['The CV must be smaller than 5 MB'])
	})
})

describe('email is never lost', () => {
	test('SMTP refusing for a while, then accepting: every email is delivered exactly once', async () => {
		const provider = await providerWithOwner()
		const { vacancy, questions } = await vacancyWithQuestions(provider.providerId)
		mail.refuse(true)
		const emails: string[] = []
		for (let i = 0; i < 5; i++) {
			const form = applyForm(questions)
			emails.push(form.email as string)
			await submitApplication(vacancy.id, form)
		}
		const worker = emailOutbox.start({ pollMs: 100 })
		try {
			// Every email has been tried, refused and put back to wait its turn.
			await waitFor(
				async () => {
					const waiting = await prisma.emailOutbox.findMany({ where: { toAddress: { in: emails } } })
					expect(waiting).toHaveLength(5)
					expect(
						waiting.every((e) => e.status === 'pending' && e.attempts >= 1 && e.lastError?.includes('mailbox busy')),
					).toBe(true)
				},
				30_000,
				100,
			)
			mail.refuse(false)
			await waitFor(
				async () => {
					expect(
						await prisma.emailOutbox.count({ where: { toAddress: { in: emails }, status: { not: 'sent' } } }),
					).toBe(0)
				},
				60_000,
				200,
			)
		} finally {
			await worker.stop()
		}
		for (const email of emails) {
			const received = mail.deliveries.filter((d) => JSON.stringify(d.mail.to).includes(email))
			expect(received).toHaveLength(1)
		}
	})

	test('a crash after the server accepted an email but before it was marked sent: the retry is the same message, so the mailbox holds it once', async () => {
		const provider = await providerWithOwner()
		const { vacancy, questions } = await vacancyWithQuestions(provider.providerId)
		// Only the application's email waiting (not the owner's sign-up confirmation).
		await deliverAll()
		const form = applyForm(questions)
		await submitApplication(vacancy.id, form)
		await expect(
			processEmailOutbox({
				afterSend: () => {
					throw new Error('simulated crash')
				},
			}),
		).rejects.toThrow('simulated crash')
		const row = await prisma.emailOutbox.findFirstOrThrow({ where: { toAddress: form.email as string } })
		expect(row.status).toBe('sending')
		// The lease runs out, as it would after a restart.
		await prisma.emailOutbox.update({ where: { id: row.id }, data: { availableAt: new Date(Date.now() - 1000) } })
		await deliverAll()
		expect((await prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('sent')
		const raw = mail.deliveries.filter((d) => JSON.stringify(d.mail.to).includes(form.email as string))
		expect(new Set(raw.map((d) => d.mail.messageId)).size).toBe(1)
		expect(mail.mailbox(form.email as string)).toHaveLength(1)
	})
})

describe('candidates own their data', () => {
	test('download gives everything; deleting the account removes the personal data and providers see “withdrawn candidate”', async () => {
		const provider = await providerWithOwner()
		const { vacancy, questions } = await vacancyWithQuestions(provider.providerId)
		const candidate = await applyAndConfirm(
			vacancy.id,
			questions,
			{ firstName: 'Robin', lastName: 'Erasable', consentRedirect: 'on', consentTalentPool: 'on' },
			{ name: 'robin-cv.pdf', type: 'application/pdf', bytes: minimalPdf },
		)
		const user = await prisma.user.findUniqueOrThrow({ where: { email: candidate.email }, include: { files: true } })
		await prisma.employerBlock.create({ data: { userId: user.id, providerId: provider.providerId } })
		const exported = await exportCandidateData(user.id)
		expect(exported.account.candidate?.firstName).toBe('Robin')
		expect(exported.account.applications[0].answers).toHaveLength(2)
		// Everything, not only the profile: the permissions with their words and times, blocks, and more.
		expect(exported.consents.map((c) => c.kind).sort()).toEqual(['redirect', 'talent-pool'])
		expect(exported.consents.every((c) => c.wording.length > 20 && c.grantedAt)).toBe(true)
		expect(exported.blockedEmployers).toHaveLength(1)
		expect(exported).toHaveProperty('talentPoolInvitations')
		expect(exported).toHaveProperty('passedOnByEmployers')
		const cvPath = dataDir('uploads', user.files[0].id)
		const cvKept = async () =>
			getEnv().UPLOAD_STORAGE === 'disk'
				? fs.existsSync(cvPath)
				: (await prisma.uploadBlob.count({ where: { id: user.files[0].id } })) === 1
		expect(await cvKept()).toBe(true)

		await deleteCandidateAccount(user.id)

		expect(await prisma.user.findUnique({ where: { id: user.id } })).toBeNull()
		expect(await prisma.candidateProfile.findUnique({ where: { userId: user.id } })).toBeNull()
		expect(await prisma.storedFile.count({ where: { ownerId: user.id } })).toBe(0)
		expect(await cvKept()).toBe(false)
		expect(await prisma.emailOutbox.count({ where: { toAddress: candidate.email } })).toBe(0)
		const application = await prisma.application.findUniqueOrThrow({
			where: { id: candidate.applicationId },
			include: { answers: true },
		})
		expect(application).toMatchObject({
			candidateId: null,
			supportingStatement: '',
			stage: 'withdrawn',
			cvFileId: null,
		})
		expect(application.answers).toHaveLength(0)
		const stored = JSON.stringify(
			await prisma.emailOutbox.findMany({ where: { messageKey: { contains: candidate.applicationId } } }),
		)
		expect(stored).not.toContain('Robin')

		const view = await callRoute(() =>
			providerApplicationRoute.loader({
				request: routeRequest(`/provider/applications/${candidate.applicationId}`, { cookie: provider.cookie }),
				params: { applicationId: candidate.applicationId },
				context,
			}),
		)
		expect(view.data.candidate).toBeNull()
		expect(JSON.stringify(view.data)).not.toMatch(/Robin|Erasable|07700|NR3 1AB/)
	})
})

describe('password reset', () => {
	test('the link is single-use, expires, and signs the account out everywhere', async () => {
		const provider = await providerWithOwner()
		const otherSession = (await createSession(provider.userId)).split(';')[0]
		const asked = await callRoute(() =>
			forgotRoute.action({
				request: routeRequest('/forgot-password', { form: { email: provider.email } }),
				params: {},
				context,
			}),
		)
		expect(asked.location).toBe('/forgot-password?sent=1')
		// Unknown addresses get the same answer.
		const unknown = await callRoute(() =>
			forgotRoute.action({
				request: routeRequest('/forgot-password', { form: { email: 'nobody@nowhere.test' } }),
				params: {},
				context,
			}),
		)
		expect(unknown.location).toBe('/forgot-password?sent=1')
		await deliverAll()
		const link = linkIn(
			mail.mailbox(provider.email).find((m) => m.subject === 'Reset your password')!,
			'http://localhost:3999/reset-password/',
		)
		const token = link.split('/').pop()!
		const reset = await callRoute(() =>
			resetRoute.action({
				request: routeRequest(`/reset-password/${token}`, { form: { password: 'a brand new password' } }),
				params: { token },
				context,
			}),
		)
		expect(reset.location).toBe('/provider?reset=1')
		expect(await prisma.session.count({ where: { userId: provider.userId } })).toBe(1)
		expect(otherSession).not.toBe(cookieFrom(reset.headers))
		const reused = await callRoute(() =>
			resetRoute.action({
				request: routeRequest(`/reset-password/${token}`, { form: { password: 'another new password' } }),
				params: { token },
				context,
			}),
		)
		expect(reused.location).toBe(`/reset-password/${token}`)
		const expired = await prisma.verification.findFirstOrThrow({
			where: { userId: provider.userId, purpose: 'password-reset' },
		})
		expect(Math.abs(expired.expiresAt.getTime() - expired.createdAt.getTime() - 60 * 60_000)).toBeLessThan(1000)
	})
})
