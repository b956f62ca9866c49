// Helpers for fixed id/label vocabularies (see the vocabulary.ts of each area).

export const ids = <T extends readonly { id: string }[]>(list: T) =>
	list.map((item) => item.id) as unknown as [T[number]['id'], ...T[number]['id'][]]

export function labelOf(list: readonly { id: string; label: string }[], id: string) {
	return list.find((item) => item.id === id)?.label ?? id
}
