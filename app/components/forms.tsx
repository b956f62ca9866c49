import { useActionData } from '@remix-run/react'
import { useEffect, useRef, type InputHTMLAttributes, type MouseEvent, type ReactNode } from 'react'
import type { FormReply } from '#app/utils/form-reply.ts'

// Form pieces following the GOV.UK Design System patterns (error summary, error
// message above the input with a hidden "Error:" prefix, hint and error ids in
// aria-describedby), rendered with Tailwind. Validation happens on the server;
// these components only show its result, so every form works without JavaScript.

/** What a form action returns on failure: Conform's `submission.reply()`. */
export type FormResult = {
	status?: 'success' | 'error'
	initialValue?: Record<string, unknown> | null
	error?: Record<string, string[] | null> | null
}

export type FieldState = ReturnType<typeof useFormFields>

/** The two answers of a yes-or-no question, for `Radios`. */
export const yesNoOptions = [
	{ id: 'yes', label: 'Yes' },
	{ id: 'no', label: 'No' },
] as const

/** The action's reply to this form (`form` names it among the page's forms), if the last one sent was this. */
export function useFormReply(form: string) {
	const reply = useActionData() as FormReply | undefined
	return reply && typeof reply === 'object' && reply.form === form ? reply.result : undefined
}

/**
 * Reads values and errors for a form: what the person typed (when the server
 * sent the form back), else `defaults`.
 */
export function useFormFields(formId: string, result: FormResult | undefined, defaults: Record<string, unknown> = {}) {
	const submitted = result?.status === 'error' ? (result.initialValue ?? {}) : null
	const raw = (name: string) => (submitted ? submitted[name] : defaults[name])
	const errors = (result?.status === 'error' && result.error) || {}
	return {
		formId,
		id: (name: string) => `${formId}-${name}`,
		value: (name: string) => {
			const v = raw(name)
			return Array.isArray(v) ? String(v[0] ?? '') : v == null ? '' : String(v)
		},
		values: (name: string) => {
			const v = raw(name)
			return Array.isArray(v) ? v.map(String) : v == null || v === '' ? [] : [String(v)]
		},
		checked: (name: string) => {
			const v = raw(name)
			return v === true || v === 'on' || v === 'true'
		},
		error: (name: string) => errors[name]?.[0] ?? undefined,
		formError: errors['']?.[0] ?? undefined,
		/** Errors in the order the fields appear, with links to them. */
		summary: (order: Array<string | [name: string, targetId: string]>) =>
			order
				.map((entry) => {
					const [name, target] = Array.isArray(entry) ? entry : [entry, entry]
					const message = errors[name]?.[0]
					return message ? { href: `#${formId}-${target}`, message } : null
				})
				.filter((e): e is { href: string; message: string } => e !== null),
	}
}

/**
 * GOV.UK error summary: takes focus when it appears, and its links move focus to
 * the field while scrolling its label or legend into view (a plain #hash link
 * would hide the label and, in a client-side router, reset the page).
 */
export function ErrorSummary({
	errors,
	formError,
}: {
	errors: Array<{ href: string; message: string }>
	formError?: string
}) {
	const ref = useRef<HTMLDivElement>(null)
	const key = [formError ?? '', ...errors.map((e) => e.href + e.message)].join('|')
	useEffect(() => {
		if (key !== '') ref.current?.focus()
	}, [key])
	if (!errors.length && !formError) return null
	function focusField(event: MouseEvent<HTMLAnchorElement>, href: string) {
		const input = document.getElementById(href.slice(1))
		if (!input) return
		event.preventDefault()
		const legend = input.closest('fieldset')?.querySelector('legend')
		const label = document.querySelector(`label[for="${input.id}"]`)
		;(legend ?? label ?? input).scrollIntoView()
		input.focus({ preventScroll: true })
	}
	return (
		<div
			ref={ref}
			className="mb-8 border-4 border-error p-4 md:p-5"
			role="alert"
			aria-labelledby="error-summary-title"
			tabIndex={-1}
		>
			<h2 id="error-summary-title" className="mb-3 text-xl">
				There is a problem
			</h2>
			<ul className="space-y-2 font-bold">
				{formError ? <li className="text-error">{formError}</li> : null}
				{errors.map((e) => (
					<li key={e.href}>
						<a href={e.href} onClick={(event) => focusField(event, e.href)} className="text-error visited:text-error">
							{e.message}
						</a>
					</li>
				))}
			</ul>
		</div>
	)
}

function describedBy(...ids: unknown[]) {
	const joined = ids.filter((id): id is string => typeof id === 'string' && id.length > 0).join(' ')
	return joined || undefined
}

function ErrorMessage({ id, message }: { id: string; message?: string }) {
	if (!message) return null
	return (
		<p id={id} className="mb-2 font-bold text-error">
			<span className="sr-only">Error: </span>
			{message}
		</p>
	)
}

function Hint({ id, children }: { id: string; children?: ReactNode }) {
	if (!children) return null
	return (
		<div id={id} className="mb-2 text-muted">
			{children}
		</div>
	)
}

function FormGroup({ error, children }: { error?: string; children: ReactNode }) {
	return <div className={`mb-6 ${error ? 'border-l-4 border-error pl-4' : ''}`}>{children}</div>
}

type TextFieldProps = {
	fields: FieldState
	name: string
	label: ReactNode
	hint?: ReactNode
	width?: string
	prefix?: string
	suffix?: string
	labelClassName?: string
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'defaultValue' | 'prefix'>

export function TextField({
	fields,
	name,
	label,
	hint,
	width = 'max-w-xl',
	prefix,
	suffix,
	labelClassName,
	...input
}: TextFieldProps) {
	const id = fields.id(name)
	const error = fields.error(name)
	return (
		<FormGroup error={error}>
			<label htmlFor={id} className={labelClassName ?? 'mb-1 block font-bold'}>
				{label}
			</label>
			<Hint id={`${id}-hint`}>{hint}</Hint>
			<ErrorMessage id={`${id}-error`} message={error} />
			<div className="flex items-stretch">
				{prefix ? (
					<span aria-hidden="true" className="border-2 border-r-0 border-ink bg-surface px-2 py-1.5">
						{prefix}
					</span>
				) : null}
				<input
					id={id}
					name={name}
					defaultValue={fields.value(name)}
					aria-invalid={error ? true : undefined}
					aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
					className={`input ${width} ${error ? 'input-error' : ''}`}
					{...input}
				/>
				{suffix ? (
					<span aria-hidden="true" className="border-2 border-l-0 border-ink bg-surface px-2 py-1.5">
						{suffix}
					</span>
				) : null}
			</div>
		</FormGroup>
	)
}

export function TextArea({
	fields,
	name,
	label,
	hint,
	rows = 6,
	maxLength,
}: {
	fields: FieldState
	name: string
	label: ReactNode
	hint?: ReactNode
	rows?: number
	maxLength?: number
}) {
	const id = fields.id(name)
	const error = fields.error(name)
	return (
		<FormGroup error={error}>
			<label htmlFor={id} className="mb-1 block font-bold">
				{label}
			</label>
			<Hint id={`${id}-hint`}>{hint}</Hint>
			<ErrorMessage id={`${id}-error`} message={error} />
			<textarea
				id={id}
				name={name}
				rows={rows}
				maxLength={maxLength}
				defaultValue={fields.value(name)}
				aria-invalid={error ? true : undefined}
				aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
				className={`input max-w-2xl ${error ? 'input-error' : ''}`}
			/>
		</FormGroup>
	)
}

export function SelectField({
	fields,
	name,
	label,
	hint,
	options,
	placeholder = 'Choose one',
}: {
	fields: FieldState
	name: string
	label: ReactNode
	hint?: ReactNode
	options: ReadonlyArray<{ id: string; label: string }>
	placeholder?: string
}) {
	const id = fields.id(name)
	const error = fields.error(name)
	return (
		<FormGroup error={error}>
			<label htmlFor={id} className="mb-1 block font-bold">
				{label}
			</label>
			<Hint id={`${id}-hint`}>{hint}</Hint>
			<ErrorMessage id={`${id}-error`} message={error} />
			<select
				id={id}
				name={name}
				defaultValue={fields.value(name)}
				aria-invalid={error ? true : undefined}
				aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
				className={`input max-w-xl ${error ? 'input-error' : ''}`}
			>
				<option value="">{placeholder}</option>
				{options.map((o) => (
					<option key={o.id} value={o.id}>
						{o.label}
					</option>
				))}
			</select>
		</FormGroup>
	)
}

function ChoiceFieldset({
	legend,
	hint,
	error,
	id,
	children,
}: {
	legend: ReactNode
	hint?: ReactNode
	error?: string
	id: string
	children: ReactNode
}) {
	return (
		<FormGroup error={error}>
			<fieldset aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}>
				<legend className="mb-1 font-bold">{legend}</legend>
				<Hint id={`${id}-hint`}>{hint}</Hint>
				<ErrorMessage id={`${id}-error`} message={error} />
				{children}
			</fieldset>
		</FormGroup>
	)
}

const choiceInput = 'size-6 shrink-0 accent-ink cursor-pointer'

export function Radios({
	fields,
	name,
	legend,
	hint,
	options,
	inline,
}: {
	fields: FieldState
	name: string
	legend: ReactNode
	hint?: ReactNode
	options: ReadonlyArray<{ id: string; label: string; hint?: string }>
	inline?: boolean
}) {
	const id = fields.id(name)
	const value = fields.value(name)
	return (
		<ChoiceFieldset legend={legend} hint={hint} error={fields.error(name)} id={id}>
			<div className={inline ? 'flex flex-wrap gap-6' : 'space-y-2'}>
				{options.map((o, i) => {
					const optionId = i === 0 ? id : `${id}-${o.id}`
					return (
						<div key={o.id} className="flex items-start gap-2">
							<input
								type="radio"
								id={optionId}
								name={name}
								value={o.id}
								defaultChecked={value === o.id}
								className={choiceInput}
								aria-describedby={o.hint ? `${optionId}-hint` : undefined}
							/>
							<div>
								<label htmlFor={optionId} className="cursor-pointer">
									{o.label}
								</label>
								{o.hint ? (
									<div id={`${optionId}-hint`} className="text-muted">
										{o.hint}
									</div>
								) : null}
							</div>
						</div>
					)
				})}
			</div>
		</ChoiceFieldset>
	)
}

export function Checkboxes({
	fields,
	name,
	legend,
	hint,
	options,
}: {
	fields: FieldState
	name: string
	legend: ReactNode
	hint?: ReactNode
	options: ReadonlyArray<{ id: string; label: string }>
}) {
	const id = fields.id(name)
	const values = fields.values(name)
	return (
		<ChoiceFieldset legend={legend} hint={hint} error={fields.error(name)} id={id}>
			<div className="space-y-2">
				{options.map((o, i) => {
					const optionId = i === 0 ? id : `${id}-${o.id}`
					return (
						<div key={o.id} className="flex items-center gap-2">
							<input
								type="checkbox"
								id={optionId}
								name={name}
								value={o.id}
								defaultChecked={values.includes(o.id)}
								className={choiceInput}
							/>
							<label htmlFor={optionId} className="cursor-pointer">
								{o.label}
							</label>
						</div>
					)
				})}
			</div>
		</ChoiceFieldset>
	)
}

export function Checkbox({
	fields,
	name,
	label,
	hint,
}: {
	fields: FieldState
	name: string
	label: ReactNode
	hint?: ReactNode
}) {
	const id = fields.id(name)
	const error = fields.error(name)
	return (
		<FormGroup error={error}>
			<ErrorMessage id={`${id}-error`} message={error} />
			<div className="flex items-start gap-2">
				<input
					type="checkbox"
					id={id}
					name={name}
					defaultChecked={fields.checked(name)}
					className={choiceInput}
					aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
				/>
				<div>
					<label htmlFor={id} className="cursor-pointer font-bold">
						{label}
					</label>
					{/* Beside the label, not inside it: inside, screen readers would read it twice (name and description). */}
					{hint ? (
						<div id={`${id}-hint`} className="text-muted">
							{hint}
						</div>
					) : null}
				</div>
			</div>
		</FormGroup>
	)
}

/** GOV.UK date input: three boxes, so it works the same on every device and without JavaScript. */
export function DateInput({
	fields,
	prefix,
	legend,
	hint,
}: {
	fields: FieldState
	prefix: string
	legend: ReactNode
	hint?: ReactNode
}) {
	const id = fields.id(`${prefix}Day`)
	const error = fields.error(`${prefix}Day`) ?? fields.error(`${prefix}Month`) ?? fields.error(`${prefix}Year`)
	const part = (name: string, label: string, width: string) => (
		<div>
			<label htmlFor={fields.id(`${prefix}${name}`)} className="mb-1 block">
				{label}
			</label>
			<input
				id={fields.id(`${prefix}${name}`)}
				name={`${prefix}${name}`}
				inputMode="numeric"
				defaultValue={fields.value(`${prefix}${name}`)}
				className={`input ${width} ${error ? 'input-error' : ''}`}
				aria-invalid={error ? true : undefined}
			/>
		</div>
	)
	return (
		<ChoiceFieldset legend={legend} hint={hint} error={error} id={id}>
			<div className="flex gap-4">
				{part('Day', 'Day', 'w-16')}
				{part('Month', 'Month', 'w-16')}
				{part('Year', 'Year', 'w-24')}
			</div>
		</ChoiceFieldset>
	)
}

export function Honeypot() {
	return (
		<div aria-hidden="true" className="absolute left-[-9999px] h-px w-px overflow-hidden">
			<label htmlFor="website-url">Leave this field empty</label>
			<input id="website-url" name="website_url" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
		</div>
	)
}

export function FileField({
	fields,
	name,
	label,
	hint,
	accept,
}: {
	fields: FieldState
	name: string
	label: ReactNode
	hint?: ReactNode
	accept?: string
}) {
	const id = fields.id(name)
	const error = fields.error(name)
	return (
		<FormGroup error={error}>
			<label htmlFor={id} className="mb-1 block font-bold">
				{label}
			</label>
			<Hint id={`${id}-hint`}>{hint}</Hint>
			<ErrorMessage id={`${id}-error`} message={error} />
			<input
				id={id}
				name={name}
				type="file"
				accept={accept}
				aria-invalid={error ? true : undefined}
				aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
				className={`block w-full max-w-xl border-2 p-1 ${error ? 'border-error' : 'border-transparent'}`}
			/>
		</FormGroup>
	)
}
