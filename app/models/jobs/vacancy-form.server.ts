import { z } from 'zod'
import { endOfLondonDay } from '#app/utils/dates.ts'
import { ids } from '#app/utils/options.ts'
import { parsePostcodeText } from '#app/utils/postcode.ts'
import { moneySchema, optionalText, requiredText } from '#app/utils/validation.ts'
import { getStandard, roleOptions } from './care-roles.server.ts'
import { hoursFlags, MAX_QUESTIONS, vacancyProblems } from './vacancy-rules.server.ts'
import { contracts, hoursOptions, settings } from './vocabulary.ts'

const questionFields = Object.fromEntries(
	Array.from({ length: MAX_QUESTIONS }, (_, i) => [
		[`question${i + 1}`, optionalText('the question', 200)],
		[`questionKind${i + 1}`, z.enum(['yes-no', 'text']).optional().catch(undefined)],
	]).flat(),
) as Record<string, z.ZodTypeAny>

const yesNo = (message: string) => z.enum(['yes', 'no'], { error: message }).transform((v) => v === 'yes')

// GOV.UK date input messages: "must include a day", "must be a real date".
const dateField = (part: 'day' | 'month' | 'year') =>
	z
		.string({ error: `Closing date must include a ${part}` })
		.trim()
		.min(1, { error: `Closing date must include a ${part}` })
		.regex(part === 'year' ? /^\d{4}$/ : /^\d{1,2}$/, {
			error: part === 'year' ? 'Year must include 4 numbers' : 'Closing date must be a real date',
		})
		.transform(Number)

/**
 * The vacancy form. Every message names what to do; rules that need today's date
 * (closing date, the minimum wage in force) take `now`.
 */
export function vacancyFormSchema(now = new Date()) {
	return (
		z
			.object({
				title: requiredText('a job title', 120, 3),
				roleId: z.enum(ids(roleOptions), { error: 'Choose the role that best fits this job' }),
				setting: z.enum(ids(settings), { error: 'Choose where the work happens' }),
				description: requiredText('a description of the job', 10_000, 50),
				requirements: optionalText('what the candidate needs', 5000),
				howToApply: optionalText('how to apply', 2000),
				postcode: z
					.string({ error: 'Enter the postcode where the work is' })
					.trim()
					.min(1, { error: 'Enter the postcode where the work is' }),
				town: requiredText('the town or village where the work is', 60, 2),
				payPeriod: z.enum(['hour', 'year'], { error: 'Choose whether pay is hourly or a yearly salary' }),
				payMin: moneySchema('Enter the pay, or the lowest pay if it is a range'),
				payMax: z
					.string()
					.trim()
					.optional()
					.transform((v) => v || undefined)
					.pipe(moneySchema('Enter the highest pay').optional()),
				hoursPerWeek: z.preprocess(
					(v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined),
					z.coerce
						.number({ error: 'Enter hours per week as a number, like 37.5' })
						.min(1, { error: 'Hours per week must be at least 1' })
						.max(60, { error: 'Hours per week must be 60 or fewer' })
						.optional(),
				),
				hours: z
					.array(z.enum(ids(hoursOptions)), { error: 'Choose at least one pattern of hours' })
					.min(1, { error: 'Choose at least one pattern of hours' }),
				contract: z.enum(ids(contracts), { error: 'Choose the type of contract' }),
				apprenticeship: z.boolean().optional().default(false),
				standardRef: z
					.string()
					.optional()
					.transform((v) => v || undefined),
				drivingLicenceRequired: yesNo('Say whether the job needs a driving licence'),
				// "No" although the advert's words say a licence is needed: the provider confirms it.
				confirmNoDriving: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()).default(false),
				visaSponsorship: yesNo('Say whether you can sponsor a visa for this job'),
				closingDay: dateField('day'),
				closingMonth: dateField('month'),
				closingYear: dateField('year'),
				positions: z.coerce
					.number({ error: 'Enter how many people you are hiring, as a number' })
					.int({ error: 'Enter a whole number of positions' })
					.min(1, { error: 'Enter at least 1 position' })
					.max(500, { error: 'Enter 500 positions or fewer' })
					.default(1),
				...questionFields,
			})
			// The checks across fields (vacancy-rules) run even when other fields have errors.
			.superRefine(
				(input, ctx) => {
					const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
					const dateGiven = isNumber(input.closingDay) && isNumber(input.closingMonth) && isNumber(input.closingYear)
					const problems = vacancyProblems(
						{
							postcode: typeof input.postcode === 'string' ? input.postcode : undefined,
							contract: typeof input.contract === 'string' ? input.contract : undefined,
							apprenticeship: input.apprenticeship === true,
							standardRef: input.standardRef,
							hoursPerWeek: isNumber(input.hoursPerWeek)
								? input.hoursPerWeek
								: input.hoursPerWeek === undefined
									? undefined
									: NaN,
							visaSponsorship: input.visaSponsorship === true,
							payPeriod: input.payPeriod,
							payMin: input.payMin,
							payMax: input.payMax,
							closingDate: dateGiven
								? endOfLondonDay(input.closingYear, input.closingMonth, input.closingDay)
								: undefined,
							drivingLicenceRequired:
								typeof input.drivingLicenceRequired === 'boolean' ? input.drivingLicenceRequired : undefined,
							drivingConfirmed: input.confirmNoDriving === true,
							text: [input.requirements, input.description].filter((t) => typeof t === 'string').join('\n'),
						},
						now,
					)
					for (const problem of problems)
						ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message })
				},
				{ when: () => true },
			)
			.transform((input) => {
				const place = parsePostcodeText(input.postcode)!
				const standard = input.apprenticeship && input.standardRef ? getStandard(input.standardRef) : null
				return {
					title: input.title,
					roleId: input.roleId,
					setting: input.setting,
					description: input.description,
					requirements: input.requirements ?? '',
					howToApply: input.howToApply ?? '',
					postcode: place.postcode,
					town: input.town,
					payPeriod: input.payPeriod,
					payMin: input.payMin,
					payMax: input.payMax ?? input.payMin,
					hoursPerWeek: input.hoursPerWeek ?? null,
					...hoursFlags(input.hours),
					contract: input.contract,
					apprenticeship: input.apprenticeship,
					standardRef: standard?.reference ?? null,
					apprenticeshipLevel: standard?.level ?? null,
					drivingLicenceRequired: input.drivingLicenceRequired,
					drivingConfirmed: !input.drivingLicenceRequired && input.confirmNoDriving,
					visaSponsorship: input.visaSponsorship,
					closingDate: endOfLondonDay(input.closingYear, input.closingMonth, input.closingDay)!,
					positions: input.positions,
					questions: Array.from({ length: MAX_QUESTIONS }, (_, i) => ({
						text: (input as Record<string, unknown>)[`question${i + 1}`] as string | undefined,
						kind: ((input as Record<string, unknown>)[`questionKind${i + 1}`] as string | undefined) ?? 'yes-no',
					})).filter((q): q is { text: string; kind: string } => Boolean(q.text)),
				}
			})
	)
}

export type VacancyInput = z.output<ReturnType<typeof vacancyFormSchema>>
