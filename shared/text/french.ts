// French text conventions, said once for the interface, the handout and the
// record note: the no-break spaces (U+00A0 before ':' and inside « »,
// U+202F before ; ! ?), guillemets, counts and long dates (« 1er décembre »).
// The clinical text comes from the knowledge base as written.

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

/** Made once per time zone: building an Intl.DateTimeFormat costs far more than formatting with one (the footer formats at every render). */
const longDateFormats = new Map<string | undefined, Intl.DateTimeFormat>()
function longDateFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  let format = longDateFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone })
    longDateFormats.set(timeZone, format)
  }
  return format
}

/** "1er décembre 2026", "25 novembre 2026": the first of the month is « 1er », a no-break space before the month. */
export function frenchLongDate(date: Date, timeZone?: string): string {
  const parts = longDateFormat(timeZone).formatToParts(date)
  const day = parts.find((p) => p.type === 'day')?.value ?? ''
  const month = parts.find((p) => p.type === 'month')?.value ?? ''
  const year = parts.find((p) => p.type === 'year')?.value ?? ''
  return `${day === '1' ? '1er' : day}${NBSP}${month} ${year}`
}

/** A calendar date of the knowledge base ("2026-11-25") as a long French date; a malformed or unreal one is shown as written. */
export function frenchIsoDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso)
  if (!match) return iso
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  // « 2026-02-30 » is no day: shown as written, never as the 2 March it would roll over to.
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  return real ? frenchLongDate(date, 'UTC') : iso
}
