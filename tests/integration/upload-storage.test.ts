import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'

// Uploads kept in the database (UPLOAD_STORAGE=database), as several instances
// need: written by one, read by another, gone with their owner.
process.env.UPLOAD_STORAGE = 'database'
;(globalThis as { __remember_epic_web?: Map<string, unknown> }).__remember_epic_web?.delete('env')

const { writeUpload, recordUpload, getReadableFile, discardUpload } =
	await import('#app/models/uploads/uploads.server.ts')
const { deleteCandidateAccount } = await import('#app/models/applications/candidate-profile.server.ts')
const { prisma } = await import('#app/utils/db.server.ts')
const { dataDir } = await import('#app/utils/data-dir.server.ts')

const run = promisify(execFile)
const readInAnotherInstance = async (id: string) =>
	(
		await run(process.execPath, ['--import', 'tsx', 'tests/fixtures/read-upload.ts', id], {
			env: { ...process.env, UPLOAD_STORAGE: 'database' },
		})
	).stdout

const cv = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

describe('uploads in the database', () => {
	test('a CV written by one instance is read by another, never touches the disk, and goes with its owner', async () => {
		const user = await prisma.user.create({ data: { email: `storage.${Date.now()}@candidate.test` } })
		const file = await writeUpload({ name: 'cv.pdf', bytes: cv, tooLarge: false }, 'application/pdf')
		await prisma.$transaction((tx) => recordUpload(tx, file, user.id))
		expect(fs.existsSync(dataDir('uploads', file.id))).toBe(false)

		const readable = await getReadableFile(file.id, user.id)
		expect(readable?.bytes.equals(cv)).toBe(true)
		expect(await readInAnotherInstance(file.id)).toBe(file.sha256)
		// Another person may not read it.
		const stranger = await prisma.user.create({ data: { email: `stranger.${Date.now()}@candidate.test` } })
		expect(await getReadableFile(file.id, stranger.id)).toBeNull()

		await deleteCandidateAccount(user.id)
		expect(await prisma.uploadBlob.count({ where: { id: file.id } })).toBe(0)
		expect(await readInAnotherInstance(file.id)).toBe('missing')
	})

	test('an upload whose record was never written is discarded', async () => {
		const file = await writeUpload({ name: 'cv.pdf', bytes: cv, tooLarge: false }, 'application/pdf')
		expect(await prisma.uploadBlob.count({ where: { id: file.id } })).toBe(1)
		await discardUpload(file)
		expect(await prisma.uploadBlob.count({ where: { id: file.id } })).toBe(0)
	})
})
