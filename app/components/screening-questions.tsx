import { Radios, TextArea, type FieldState, yesNoOptions } from './forms.tsx'

export type ScreeningQuestion = { id: number; kind: string; text: string }

/** The form field that holds the answer to a vacancy's own question. */
export const answerField = (question: { id: number }) => `q${question.id}`

/** The answer fields in the order they appear, for the error summary. */
export const answerFieldOrder = (questions: Array<{ id: number }>) => questions.map(answerField)

/** A vacancy's own questions: yes or no as radios, the rest as a short text box. */
export function ScreeningQuestions({
	questions,
	fields,
	rows = 3,
}: {
	questions: ScreeningQuestion[]
	fields: FieldState
	rows?: number
}) {
	return (
		<>
			{questions.map((q) =>
				q.kind === 'yes-no' ? (
					<Radios key={q.id} fields={fields} name={answerField(q)} legend={q.text} inline options={yesNoOptions} />
				) : (
					<TextArea key={q.id} fields={fields} name={answerField(q)} label={q.text} rows={rows} maxLength={1000} />
				),
			)}
		</>
	)
}
