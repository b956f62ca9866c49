import crypto from 'node:crypto'
import { unstable_parseMultipartFormData, type UploadHandler } from '@remix-run/node'
import { fileTypeFromBuffer } from 'file-type'
import sharp from 'sharp'
import { prisma, type Tx } from '#app/utils/db.server.ts'
import { DomainError } from '#app/utils/domain-error.ts'
import { isMultipart, readFormData, unreadableForm } from '#app/utils/form-data.server.ts'
import { uploadStorage } from './storage.server.ts'

export const MAX_CV_BYTES = 5 * 1024 * 1024
const MAX_TEXT_FIELD_BYTES = 100 * 1024

const allowedCvTypes: Record<string, string> = {
	'application/pdf': 'pdf',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
}

export type Upload = { name: string; bytes: Buffer; tooLarge: boolean }

/**
 * Reads a multipart form, keeping at most 5 MB of any file (the rest is read
 * and thrown away, so we can still answer with the other fields and a clear
 * message instead of a broken connection).
 */
export const MAX_FORM_BYTES = MAX_CV_BYTES + 512 * 1024
const MAX_PARTS = 200

export class FormTooLargeError extends DomainError {
	constructor() {
		super('The form is too large to send: attach a smaller file', { status: 413 })
	}
}

export async function readMultipartForm(request: Request) {
	const declared = Number(request.headers.get('Content-Length') ?? 0)
	if (declared > MAX_FORM_BYTES) throw new FormTooLargeError()
	const uploads = new Map<string, Upload>()
	let parts = 0
	const handler: UploadHandler = async ({ name, filename, data }) => {
		if (++parts > MAX_PARTS) throw new FormTooLargeError()
		const chunks: Uint8Array[] = []
		let size = 0
		const limit = filename !== undefined ? MAX_CV_BYTES : MAX_TEXT_FIELD_BYTES
		for await (const chunk of data) {
			size += chunk.byteLength
			if (size <= limit) chunks.push(chunk)
		}
		const bytes = Buffer.concat(chunks)
		if (filename === undefined) return bytes.toString('utf8')
		if (!filename && size === 0) return undefined
		uploads.set(name, { name: filename.slice(0, 200), bytes, tooLarge: size > limit })
		return filename
	}
	// A form sent without its files (urlencoded) is read as one with none.
	if (!isMultipart(request)) return { formData: await readFormData(request), uploads }
	try {
		const formData = await unstable_parseMultipartFormData(request, handler)
		return { formData, uploads }
	} catch (error) {
		if (error instanceof FormTooLargeError) throw error
		return unreadableForm()
	}
}

/** A CV's problem in words, or its detected type. The type comes from the file's bytes, never its name. */
export async function checkCv(upload: Upload): Promise<{ error: string } | { mimeType: string; extension: string }> {
	if (upload.tooLarge) return { error: 'The CV must be smaller than 5 MB' }
	if (upload.bytes.length === 0) return { error: 'The selected CV is empty' }
	const detected = await fileTypeFromBuffer(upload.bytes)
	const extension = detected ? allowedCvTypes[detected.mime] : undefined
	if (!detected || !extension) return { error: 'The CV must be a PDF or a Word document (.docx)' }
	return { mimeType: detected.mime, extension }
}

export type WrittenUpload = { id: string; name: string; mimeType: string; size: number; sha256: string }

/**
 * Stores an upload's bytes (storage.server.ts) before the database transaction
 * that records it, so the transaction holds no lock while they are written.
 * Call `discardUpload` if that transaction fails.
 */
export async function writeUpload(upload: Upload, mimeType: string): Promise<WrittenUpload> {
	const id = `f${crypto.randomBytes(12).toString('hex')}`
	await uploadStorage().put(id, upload.bytes)
	return {
		id,
		name: upload.name,
		mimeType,
		size: upload.bytes.length,
		sha256: crypto.createHash('sha256').update(upload.bytes).digest('hex'),
	}
}

export async function discardUpload(file: { id: string } | null) {
	if (file) await deleteUploadFiles([file.id])
}

/** Removes uploads' bytes, once their rows have gone. */
export async function deleteUploadFiles(fileIds: string[]) {
	await uploadStorage().remove(fileIds)
}

export async function readUploadFile(fileId: string) {
	return uploadStorage().get(fileId)
}

export async function recordUpload(tx: Tx, file: WrittenUpload, ownerId: string | null) {
	await tx.storedFile.create({
		data: {
			id: file.id,
			ownerId,
			originalName: file.name,
			mimeType: file.mimeType,
			size: file.size,
			sha256: file.sha256,
		},
	})
	return file.id
}

/**
 * A file the user may read: their own, or a CV sent with a submitted application
 * to a vacancy of a provider whose team they are in. Anything else is null.
 */
export async function getReadableFile(fileId: string, userId: string) {
	const file = await prisma.storedFile.findFirst({
		where: {
			id: fileId,
			OR: [
				{ ownerId: userId },
				{
					applications: {
						some: { submittedAt: { not: null }, vacancy: { provider: { members: { some: { userId } } } } },
					},
				},
			],
		},
		select: { id: true, originalName: true, mimeType: true, size: true },
	})
	if (!file) return null
	const bytes = await readUploadFile(file.id)
	return bytes ? { ...file, bytes } : null
}

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024
const allowedPhotoTypes = new Set(['image/jpeg', 'image/png', 'image/webp'])

/**
 * A photo's problem in words, or the photo made safe to publish: its type is
 * checked from its bytes, then it is re-encoded as a JPEG no larger than
 * 1600 pixels, which drops the camera's metadata (including where it was taken).
 */
export async function checkPhoto(upload: Upload): Promise<{ error: string } | { mimeType: string; upload: Upload }> {
	if (upload.tooLarge || upload.bytes.length > MAX_PHOTO_BYTES) return { error: 'The photo must be smaller than 2 MB' }
	if (upload.bytes.length === 0) return { error: 'The selected photo is empty' }
	const detected = await fileTypeFromBuffer(upload.bytes)
	if (!detected || !allowedPhotoTypes.has(detected.mime)) return { error: 'The photo must be a JPG, PNG or WebP image' }
	try {
		const bytes = await sharp(upload.bytes, { limitInputPixels: 40_000_000 })
			.rotate()
			.resize(1600, 1600, { fit: 'inside', withoutEnlargement: true })
			.flatten({ background: { r: 255, g: 255, b: 255 } })
			.jpeg({ quality: 82, mozjpeg: true })
			.toBuffer()
		return {
			mimeType: 'image/jpeg',
			upload: { name: upload.name.replace(/\.[^.]*$/, '') + '.jpg', bytes, tooLarge: false },
		}
	} catch {
		return { error: 'The photo could not be read. Try a different JPG, PNG or WebP image' }
	}
}

type PhotoForm =
	| { tooLarge: true }
	| {
			tooLarge: false
			formData: FormData
			photo: { upload: Upload; mimeType: string } | null
			photoError: string | null
	  }

/** A form with an optional photo field named "photo": the fields, and the photo made safe or its problem. */
export async function readPhotoForm(request: Request): Promise<PhotoForm> {
	try {
		const { formData, uploads } = await readMultipartForm(request)
		const upload = uploads.get('photo')
		const checked = upload ? await checkPhoto(upload) : null
		if (checked && 'error' in checked) return { tooLarge: false, formData, photo: null, photoError: checked.error }
		return {
			tooLarge: false,
			formData,
			photo: checked ? { upload: checked.upload, mimeType: checked.mimeType } : null,
			photoError: null,
		}
	} catch (error) {
		if (error instanceof FormTooLargeError) return { tooLarge: true }
		throw error
	}
}

/** Photos anyone may see: on a published story, or on an ambassador's profile. Anything else is null. */
export async function getPublicPhoto(fileId: string) {
	const file = await prisma.storedFile.findFirst({
		where: { id: fileId, mimeType: { in: [...allowedPhotoTypes] } },
		select: { id: true, mimeType: true },
	})
	if (!file) return null
	const [story, ambassador] = await Promise.all([
		prisma.story.count({ where: { photoFileId: fileId, status: 'published' } }),
		prisma.ambassador.count({ where: { photoFileId: fileId } }),
	])
	if (!story && !ambassador) return null
	const bytes = await readUploadFile(file.id)
	return bytes ? { mimeType: file.mimeType, bytes } : null
}
