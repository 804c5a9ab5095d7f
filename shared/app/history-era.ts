// Back and Forward stay inside the consultation. The browser's session
// history cannot be cut, so each entry the app writes carries a mark: the
// era (one per consultation, a new one at « Nouveau patient »), its own
// position, and where its era begins. Back from an era's first entry does
// nothing; an entry of an earlier era reached any other way (a mouse's back
// button, a script) is left at once for the first entry of the current era.
//
// Pure: the renderer's useUrlState keeps the marks in history.state.

export interface HistoryMark {
  era: number
  /** Position in the session history, counted by the app's own writes. */
  index: number
  /** Position of the era's first entry. */
  first: number
}

export const FIRST_MARK: HistoryMark = { era: 0, index: 0, first: 0 }

/** The mark of the entry written after `mark`: a new entry, the same one replaced, or the first of a new era. */
export function nextMark(mark: HistoryMark, how: 'push' | 'replace' | 'new-era'): HistoryMark {
  if (how === 'replace') return mark
  if (how === 'push') return { ...mark, index: mark.index + 1 }
  return { era: mark.era + 1, index: mark.index + 1, first: mark.index + 1 }
}

/** Whether Back may leave `mark`: not from the first entry of its era. */
export function canGoBack(mark: HistoryMark): boolean {
  return mark.index > mark.first
}

const same = (a: HistoryMark | null, b: HistoryMark | null): boolean =>
  a !== null && b !== null && a.era === b.era && a.index === b.index && a.first === b.first

/**
 * What to do on arriving at an entry (popstate, hashchange): `show` its
 * state, `go` that many steps to the first entry of the current era, or
 * `wait` where the app already asked to leave this very entry (`leaving`):
 * a hash change brings popstate and hashchange for one arrival, and a second
 * `go` would overshoot. `landed` is null for an entry the app did not write
 * (a hash typed in, a link): it joins the current era as the next entry.
 */
export function arrive(
  current: HistoryMark,
  landed: HistoryMark | null,
  leaving: HistoryMark | null,
): { show: HistoryMark } | { go: number } | { wait: true } {
  if (landed === null) return { show: nextMark(current, 'push') }
  if (landed.era < current.era) return same(landed, leaving) ? { wait: true } : { go: current.first - landed.index }
  return { show: landed }
}

/** A mark read back from history.state, or null when it holds none (or anything else). */
export function markOf(state: unknown): HistoryMark | null {
  if (typeof state !== 'object' || state === null || !('mollet' in state)) return null
  const mark = (state as { mollet: unknown }).mollet
  if (typeof mark !== 'object' || mark === null) return null
  const { era, index, first } = mark as Record<string, unknown>
  return [era, index, first].every((n) => Number.isSafeInteger(n) && (n as number) >= 0) && (first as number) <= (index as number)
    ? { era: era as number, index: index as number, first: first as number }
    : null
}

/** What history.state holds for a mark. */
export function stateOf(mark: HistoryMark): { mollet: HistoryMark } {
  return { mollet: mark }
}
