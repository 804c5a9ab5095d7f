// The one search over causes and differentials: the tables, the orientation
// list and the tests all ask it. Each entry's searchable text is folded once
// (one string per entry, kept with it); a query is folded once; a query that
// extends the previous one looks only among the previous matches.
import type { ConditionSummary } from '../kb/types'
import { CATEGORIES } from '../kb/vocabulary'
import { foldForSearch, queryTerms } from '../text/fold'

/** What the search box looks into: name, aliases, category, patient explanation. */
export function searchFields(c: ConditionSummary): string[] {
  return [c.name, ...c.aliases, CATEGORIES[c.category], c.patientExplanation]
}

/** Between two fields: folding never produces it, so no term spans two fields. */
const FIELD_BREAK = '\u0001'
const folded = new WeakMap<ConditionSummary, string>()

/** An entry's fields, folded and joined: computed once per entry object (the snapshot is read-only). */
function searchText(c: ConditionSummary): string {
  let text = folded.get(c)
  if (text === undefined) {
    text = searchFields(c).map(foldForSearch).join(FIELD_BREAK)
    folded.set(c, text)
  }
  return text
}

/**
 * True when every term of the query (accents, case and ligatures folded) is
 * in one of the entry's fields; terms may hit different fields. A blank query
 * matches every entry.
 */
export function conditionMatches(c: ConditionSummary, query: string): boolean {
  return matchesTerms(c, queryTerms(query))
}

function matchesTerms(c: ConditionSummary, terms: readonly string[]): boolean {
  const text = searchText(c)
  return terms.every((term) => text.includes(term))
}

export interface SearchResult<T> {
  /** The list searched. */
  entries: readonly T[]
  /** Its folded terms, in the query's order. */
  terms: readonly string[]
  /** The entries that match, in the list's order. */
  matches: readonly T[]
}

/**
 * The entries of `entries` that match `query` (via `conditionOf`), in order.
 * Given the previous result for the same list, a query whose every term
 * extends a term of the previous one (typing on) searches only its matches.
 */
export function searchEntries<T>(
  entries: readonly T[],
  query: string,
  conditionOf: (entry: T) => ConditionSummary,
  previous: SearchResult<T> | null = null,
): SearchResult<T> {
  const terms = queryTerms(query)
  if (terms.length === 0) return { entries, terms, matches: entries }
  const narrows =
    previous !== null && previous.entries === entries && previous.terms.every((before) => terms.some((term) => term.includes(before)))
  const pool = narrows ? previous.matches : entries
  return { entries, terms, matches: pool.filter((entry) => matchesTerms(conditionOf(entry), terms)) }
}
