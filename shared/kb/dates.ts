// The content's dates (a revision, the day a pack was signed): real calendar
// days written AAAA-MM-JJ, compared as text (that order is the calendar's).
// A revision may not be later than the day its pack was signed plus
// REVISION_SLACK_DAYS — the slack covers an editor whose day has begun
// before the signing machine's (time zones) — so that a mistyped far-future
// revision (9999-…) cannot make every later genuine pack look older.

/** Days a revision may be after the day its pack was signed. */
export const REVISION_SLACK_DAYS = 1

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/u

/** True when `iso` is AAAA-MM-JJ and names a day that exists (no 2026-02-30, no month 13, no year 0000). */
export function isCalendarDate(iso: string): boolean {
  const match = ISO_DAY.exec(iso)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 1970) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** The UTC day of `date`, AAAA-MM-JJ. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** `iso` (a calendar date) moved by `days`. */
export function addDays(iso: string, days: number): string {
  return isoDay(new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000))
}
