import fs from 'node:fs/promises'
import { dataDir } from '#app/utils/data-dir.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

// Where uploads' bytes live (CVs, photos), behind one interface. The default is
// the local disk, under DATA_DIR/uploads (outside public/). With several app
// instances, UPLOAD_STORAGE=database keeps them in the database, which every
// instance reads; an object store would be a third implementation of the same four calls.

export type UploadStorage = {
	put(id: string, bytes: Buffer): Promise<void>
	get(id: string): Promise<Buffer<ArrayBuffer> | null>
	remove(ids: string[]): Promise<void>
}

const diskStorage: UploadStorage = {
	async put(id, bytes) {
		await fs.mkdir(dataDir('uploads'), { recursive: true })
		await fs.writeFile(dataDir('uploads', id), bytes, { mode: 0o600 })
	},
	async get(id) {
		return fs.readFile(dataDir('uploads', id)).catch((error: NodeJS.ErrnoException) => {
			if (error.code === 'ENOENT') return null
			throw error
		})
	},
	async remove(ids) {
		await Promise.all(ids.map((id) => fs.rm(dataDir('uploads', id), { force: true })))
	},
}

const databaseStorage: UploadStorage = {
	async put(id, bytes) {
		await prisma.uploadBlob.create({ data: { id, bytes: new Uint8Array(bytes) } })
	},
	async get(id) {
		const blob = await prisma.uploadBlob.findUnique({ where: { id } })
		return blob ? Buffer.from(blob.bytes) : null
	},
	async remove(ids) {
		if (ids.length) await prisma.uploadBlob.deleteMany({ where: { id: { in: ids } } })
	},
}

export function uploadStorage(): UploadStorage {
	return getEnv().UPLOAD_STORAGE === 'database' ? databaseStorage : diskStorage
}
