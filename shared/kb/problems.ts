// Lists of problems that a hostile file can make as long as it likes (100,000
// invalid entries): they are appended one by one — never spread into a call,
// which throws RangeError past ~100,000 arguments — and shown capped, the
// rest counted in one last line « … et N autres problèmes ».
import { shown } from '../text/shown'
import type { KbProblem } from './types'

/** The most problems a verification reports (the rest are counted). */
export const PROBLEMS_SHOWN = 100

/** Appends every item of `items` to `target` (Array.prototype.push(...items) fails on long lists). */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item)
}

/** Every text of the problem as it may be shown: hidden characters written out, names shortened. */
export function shownProblem(p: KbProblem): KbProblem {
  return {
    file: shown(p.file),
    entry: p.entry === null ? null : shown(p.entry),
    field: p.field === null ? null : shown(p.field),
    message: shown(p.message, 400),
  }
}

const frenchNumber = new Intl.NumberFormat('fr-FR')

/** « … et 99 900 autres problèmes. » */
export function moreProblems(rest: number): string {
  return `… et ${frenchNumber.format(rest)} autre${rest > 1 ? 's' : ''} problème${rest > 1 ? 's' : ''}.`
}

/** The first PROBLEMS_SHOWN problems, shown safely, then one that counts the others (named after `file`). */
export function cappedProblems(problems: readonly KbProblem[], file: string): KbProblem[] {
  const kept = problems.slice(0, PROBLEMS_SHOWN).map(shownProblem)
  const rest = problems.length - kept.length
  if (rest > 0) {
    kept.push({ file: shown(file), entry: null, field: null, message: moreProblems(rest) })
  }
  return kept
}
