// Distinct possibilities: entries tied for the very same reasons (same group,
// score, specificity, concordant and contrary signs) are one thing to
// consider, not ten. The Orientation view shows them as one row, named for
// the article's list when they are exactly that list (« Maladies
// neurologiques »), opening to its members; a group counts such a row once.
//
// Pure.
import type { GroupStatement } from '../kb/types'
import type { MatchResult } from './match'

/**
 * Fewest entries tied for the same reasons that make one row, unless they are
 * exactly one of the article's lists (then three do): a few rows are still
 * read at a glance, and the three causes of exercise are three things to say.
 */
export const TIE_ROW_MIN = 6
/** Fewest entries of an article's list, all of it, that make one row. */
const LIST_ROW_MIN = 3

export type RankedRow =
  | { kind: 'entry'; result: MatchResult }
  | {
      kind: 'tie'
      /** Stable across renders: the members' ids. */
      key: string
      /** The article's list that holds them (at least half of it), or null. */
      label: string | null
      /** How many entries that list holds (the members may be all of it, or most). */
      listSize: number
      members: MatchResult[]
    }

/** The reasons a result ranks where it does: equal for entries that nothing marked sets apart. */
function reasonsOf(r: MatchResult): string {
  return [r.group, r.score, Math.round(r.specificity * 1e9), r.matched.join(','), r.against.join(',')].join('|')
}

/**
 * The rows of ranked results, in their order: each tie of TIE_ROW_MIN or more
 * entries that a marked finding points to becomes one row where its first
 * member stood. Entries nothing points to (« Autres ») are never collapsed.
 */
export function rankedRows(results: readonly MatchResult[], groups: readonly GroupStatement[]): RankedRow[] {
  const byReasons = new Map<string, MatchResult[]>()
  for (const r of results) {
    if (r.matched.length === 0) continue
    const key = reasonsOf(r)
    byReasons.set(key, [...(byReasons.get(key) ?? []), r])
  }
  const rows: RankedRow[] = []
  const placed = new Set<string>()
  for (const r of results) {
    const members = r.matched.length > 0 ? (byReasons.get(reasonsOf(r)) ?? []) : []
    const ids = new Set(members.map((m) => m.id))
    // The smallest of the article's lists that holds them all and is at most twice their number.
    const list = groups
      .filter((g) => g.members.length <= 2 * ids.size && [...ids].every((id) => g.members.includes(id)))
      .sort((a, b) => a.members.length - b.members.length)[0]
    const wholeList = list !== undefined && list.members.length === ids.size
    if (members.length < (wholeList ? LIST_ROW_MIN : TIE_ROW_MIN)) {
      rows.push({ kind: 'entry', result: r })
      continue
    }
    const key = members.map((m) => m.id).join(' ')
    if (placed.has(key)) continue
    placed.add(key)
    rows.push({ kind: 'tie', key, label: list?.group ?? null, listSize: list?.members.length ?? members.length, members })
  }
  return rows
}
