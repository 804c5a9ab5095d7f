// French typography for the interface's own strings (the clinical text comes
// from the knowledge base as written). U+00A0 before ':' and inside « »,
// U+202F before ; ! ?, ’ for apostrophes.

export const NBSP = '\u00a0'
export const NNBSP = '\u202f'

/** « text » with no-break spaces inside the guillemets. */
export function guillemets(text: string): string {
  return `«${NBSP}${text}${NBSP}»`
}

/** "label :" with the no-break space French puts before the colon. */
export function withColon(label: string): string {
  return `${label}${NBSP}:`
}

export interface Noun {
  one: string
  other: string
}

/** "1 cause", "3 causes" (French: 0 and 1 take the singular). */
export function count(n: number, noun: Noun): string {
  return `${n}${NBSP}${n <= 1 ? noun.one : noun.other}`
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "2026-11-25" → "25 novembre 2026". */
export function frenchDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date)
}
