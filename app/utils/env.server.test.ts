import { describe, expect, test } from 'vitest'
import { EnvError, parseEnv } from './env.server.ts'

describe('environment variables are checked at start', () => {
	test('defaults give an embedded set-up on port 3000', () => {
		expect(parseEnv({})).toMatchObject({ PORT: 3000, DATA_DIR: 'data', MEILI_INDEX: 'vacancies', SEED_DEMO_DATA: true })
	})

	test('a region comes with its own name, colour and area', () => {
		expect(parseEnv({ REGION: 'staffordshire' })).toMatchObject({
			REGION_NAME: 'Staffordshire and Stoke-on-Trent',
			BRAND_COLOUR: '#1d4f91',
			REGION_CENTRE: { place: 'Stafford' },
		})
		expect(parseEnv({ REGION_LOCAL_AUTHORITIES: ' Ipswich ; Babergh;', REGION_NAME: 'South Suffolk' })).toMatchObject({
			REGION_LOCAL_AUTHORITIES: ['Ipswich', 'Babergh'],
			REGION_CENTRE: null,
		})
		expect(parseEnv({}).REGION_NAME).toBe('Norfolk and Waveney')
	})

	test.each([
		[{ PORT: 'abc' }, /PORT="abc": must be a port number/],
		[{ MEILI_URL: 'not a url', MEILI_MASTER_KEY: '0123456789abcdef' }, /MEILI_URL="not a url"/],
		[{ MEILI_URL: 'http://127.0.0.1:7700' }, /MEILI_MASTER_KEY="": set MEILI_URL and MEILI_MASTER_KEY together/],
		[{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL="mysql:\/\/x": must be a SQLite file URL/],
		[
			{ DATABASE_REPLICA_URL: 'postgresql://replica/db' },
			/DATABASE_REPLICA_URL.*needs DATABASE_URL to be the PostgreSQL primary/,
		],
		[{ SEED_DEMO_DATA: 'maybe' }, /SEED_DEMO_DATA="maybe": use true or false/],
		[{ SESSION_SECRET: 'short' }, /SESSION_SECRET="short": must be at least 32 characters/],
		[{ REGION: 'mars' }, /REGION="mars": use one of norfolk-and-waveney, staffordshire/],
		[
			{ REGION_LOCAL_AUTHORITIES: 'Ipswich;Babergh' },
			/REGION_NAME="": a region of your own local authorities needs its name/,
		],
		[{ UPLOAD_STORAGE: 's3' }, /UPLOAD_STORAGE="s3": use disk or database/],
	])('%o is refused with a message naming the variable', (env, message) => {
		expect(() => parseEnv(env)).toThrow(EnvError)
		expect(() => parseEnv(env)).toThrow(message)
	})
})
