import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import { z } from 'zod'
import { notifyEmailOutbox, queueEmail } from '#app/background/email-outbox.server.ts'
import { careRoles, roleName } from '#app/models/jobs/care-roles.server.ts'
import {
	discardUpload,
	readPhotoForm,
	readUploadFile,
	recordUpload,
	writeUpload,
	type Upload,
} from '#app/models/uploads/uploads.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { publicUrl } from '#app/utils/env.server.ts'
import { hasFieldErrors, photoProblems, withFieldErrors } from '#app/utils/form-reply.ts'
import { optionalText, requiredText } from '#app/utils/validation.ts'
import { renderEmail } from '#emails/render.server.ts'
import * as storyDecision from '#emails/templates/story-decision.tsx'

const roleIds = careRoles.map((r) => r.id) as [string, ...string[]]

export const StorySchema = z.object({
	tellerRoleId: z.enum(roleIds, { error: 'Choose the role of the person whose story it is' }),
	title: requiredText('a title', 120, 3),
	body: requiredText('your story', 6000, 100),
	roleIds: z.preprocess((v) => (v == null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(roleIds))),
	employerName: optionalText('the employer', 120),
	photoAlt: optionalText('the photo description', 200),
})

export type StoryInput = z.infer<typeof StorySchema>

/** Providers tell a member of staff's story, so they say whose it is. */
export const ProviderStorySchema = StorySchema.extend({
	tellerName: requiredText('the person’s first name', 60),
	body: requiredText('their story', 6000, 100),
})

/**
 * The story form as posted (multipart, with an optional photo): the valid story
 * and its photo, or `reply`, the 4xx to send back with the errors beside the fields.
 */
export async function readStorySubmission<Schema extends typeof StorySchema>(request: Request, schema: Schema) {
	const form = await readPhotoForm(request)
	if (form.tooLarge)
		return {
			reply: data(
				{ result: { status: 'error' as const, error: { photo: ['The photo must be smaller than 2 MB'] } } },
				{ status: 413 },
			),
		}
	const submission = parseWithZod(form.formData, { schema })
	const extra = photoProblems({
		chosen: Boolean(form.photo || form.photoError),
		fileError: form.photoError,
		alt: form.formData.get('photoAlt')?.toString().trim() ?? '',
		hasCurrentPhoto: false,
		otherErrors: submission.status !== 'success',
	})
	if (submission.status !== 'success' || hasFieldErrors(extra))
		return { reply: data({ result: withFieldErrors(submission.reply(), extra) }, { status: 400 }) }
	return { value: submission.value, photo: form.photo }
}

/** Submitted stories wait for the regional team; nothing is public until published. */
export async function submitStory(
	author: { userId: string; kind: 'ambassador' | 'provider'; name: string },
	input: StoryInput,
	photo: { upload: Upload; mimeType: string } | null,
) {
	const file = photo ? await writeUpload(photo.upload, photo.mimeType) : null
	try {
		return await prisma.$transaction(async (tx) => {
			if (file) await recordUpload(tx, file, author.userId)
			return tx.story.create({
				data: {
					authorId: author.userId,
					authorKind: author.kind,
					authorName: author.name,
					tellerRoleId: input.tellerRoleId,
					title: input.title,
					body: input.body,
					roleIds: [...new Set([input.tellerRoleId, ...input.roleIds])],
					employerName: input.employerName ?? null,
					photoFileId: file?.id ?? null,
					photoAlt: file ? (input.photoAlt ?? null) : null,
				},
				select: { id: true },
			})
		})
	} catch (error) {
		await discardUpload(file)
		throw error
	}
}

const publicStory = {
	id: true,
	title: true,
	body: true,
	tellerRoleId: true,
	roleIds: true,
	authorName: true,
	authorKind: true,
	employerName: true,
	photoFileId: true,
	photoAlt: true,
	publishedAt: true,
} as const

type PublicStoryRow = { roleIds: unknown; tellerRoleId: string } & Record<string, unknown>

const withRoles = <T extends PublicStoryRow>(story: T) => ({
	...story,
	tellerRole: roleName(story.tellerRoleId),
	roles: ((story.roleIds as string[]) ?? []).map((id) => ({ id, name: roleName(id) })),
})

/** Published stories only, newest first; optionally those about one role. */
export async function listPublishedStories(options: { roleId?: string; take?: number } = {}) {
	const rows = await prisma.story.findMany({
		where: { status: 'published' },
		orderBy: { publishedAt: 'desc' },
		select: publicStory,
	})
	return rows
		.filter((s) => !options.roleId || ((s.roleIds as string[]) ?? []).includes(options.roleId))
		.slice(0, options.take ?? 100)
		.map(withRoles)
}

/** The ids of every published story, for the sitemap. */
export async function listPublishedStoryIds() {
	return prisma.story.findMany({ where: { status: 'published' }, select: { id: true } })
}

export async function getPublishedStory(id: string) {
	const story = await prisma.story.findFirst({ where: { id, status: 'published' }, select: publicStory })
	return story ? withRoles(story) : null
}

export async function storiesForModeration() {
	return prisma.story.findMany({ where: { status: 'submitted' }, orderBy: { submittedAt: 'asc' } })
}

/**
 * Publishes or turns down a submitted story, or takes a published one down, and
 * tells its author. False if the story was not in the state the decision needs.
 */
export async function moderateStory(id: string, decision: 'publish' | 'reject' | 'withdraw', note?: string) {
	const story = await prisma.story.findUnique({
		where: { id },
		select: { title: true, authorKind: true, author: { select: { email: true } } },
	})
	if (!story) return false
	const outcome = decision === 'publish' ? 'published' : decision === 'reject' ? 'rejected' : 'withdrawn'
	const url =
		outcome === 'published'
			? `${publicUrl()}/stories/${id}`
			: `${publicUrl()}/${story.authorKind === 'ambassador' ? 'ambassador' : 'provider'}/stories`
	const email = story.author
		? await renderEmail(storyDecision, { title: story.title, decision: outcome, note: note ?? null, url })
		: null
	const changed = await prisma.$transaction(async (tx) => {
		const result = await tx.story.updateMany({
			where: { id, status: decision === 'withdraw' ? 'published' : 'submitted' },
			data:
				decision === 'publish'
					? { status: 'published', publishedAt: new Date(), reviewNote: null }
					: { status: outcome, reviewNote: note ?? null },
		})
		if (result.count && email && story.author)
			await queueEmail(tx, {
				key: `story-${outcome}:${id}:${Date.now().toString(36)}`,
				to: story.author.email,
				...email,
			})
		return result.count > 0
	})
	if (changed) notifyEmailOutbox()
	return changed
}

export async function publishedStoriesForAdmin() {
	return prisma.story.findMany({
		where: { status: 'published' },
		orderBy: { publishedAt: 'desc' },
		select: { id: true, title: true, authorName: true, publishedAt: true },
	})
}

export async function getStoryPhotoForReview(storyId: string) {
	const story = await prisma.story.findUnique({ where: { id: storyId }, select: { photoFileId: true } })
	if (!story?.photoFileId) return null
	const file = await prisma.storedFile.findUnique({
		where: { id: story.photoFileId },
		select: { id: true, mimeType: true },
	})
	const bytes = file ? await readUploadFile(file.id) : null
	return file && bytes ? { mimeType: file.mimeType, bytes } : null
}

export async function storiesByAuthor(userId: string) {
	return prisma.story.findMany({
		where: { authorId: userId },
		orderBy: { submittedAt: 'desc' },
		select: { id: true, title: true, status: true, reviewNote: true, submittedAt: true },
	})
}
