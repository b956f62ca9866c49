import { describe, expect, test } from 'vitest'
import { renderEmail } from '#emails/render.server.ts'
import * as jobsYouMaySuit from './jobs-you-may-suit.tsx'

const match = (n: number) => ({
	title: `Care assistant ${n}`,
	providerName: `Home ${n}`,
	town: 'Norwich',
	reasons: ['1 mile away', 'full-time'],
	cautions: n === 1 ? ['the advert says a driving licence is usually needed'] : [],
	url: `http://localhost:3999/jobs/${n}`,
})

describe('the "jobs that may suit you" email', () => {
	test('the subject counts every job found, the body lists five and says how many more are waiting', async () => {
		const email = await renderEmail(jobsYouMaySuit, {
			firstName: 'Sam',
			fromProviderName: 'Wensum Lodge',
			total: 10,
			matches: [1, 2, 3, 4, 5].map(match),
			matchesUrl: 'http://localhost:3999/account/matches',
		})
		const text = email.text.replace(/\s+/g, ' ')
		expect(email.subject).toBe('10 jobs near you that may suit you')
		expect(text).toContain('We found 10 jobs near you')
		expect(text).toContain('Here are the first 5')
		expect(text).toContain('5 more jobs are waiting for you on your list')
		expect(text).toContain('See all 10 jobs')
		expect(text).toContain('Check: the advert says a driving licence is usually needed')
		expect(text).toContain('JOBS THAT MAY SUIT YOU')
	})

	test('when every job fits in the email, it says nothing about more', async () => {
		const email = await renderEmail(jobsYouMaySuit, {
			firstName: 'Sam',
			fromProviderName: 'Wensum Lodge',
			total: 1,
			matches: [match(2)],
			matchesUrl: 'http://localhost:3999/account/matches',
		})
		expect(email.subject).toBe('1 job near you that may suit you')
		expect(email.text).not.toMatch(/more jobs? (is|are) waiting/)
	})
})
