// The one search over causes and differentials: the tables, the orientation
// list and the tests all ask it. Each entry's searchable text is folded once
// (one string per entry, kept with it, and one array of them per list); a
// query is folded once; a query that extends an earlier one of the same
// typing looks only among that one's matches, and erasing back to an earlier
// query finds its result again instead of searching the list anew.
import type { ConditionSummary } from '../kb/types'
import { CATEGORIES } from '../kb/vocabulary'
import { foldForSearch } from '../text/fold'
import { searchTerms } from './words'

/**
 * What the search box looks into: name, aliases, the words clinicians type
 * (searchTerms), category, patient explanation, and the CIM-10 code, with and
 * without its dot, and its label.
 */
export function searchFields(c: ConditionSummary): string[] {
  const code = c.icd10 ? [c.icd10.code, c.icd10.code.replace('.', ''), c.icd10.label] : []
  return [c.name, ...c.aliases, ...(c.searchTerms ?? []), CATEGORIES[c.category], c.patientExplanation, ...code]
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
  const text = searchText(c)
  return searchTerms(query).every((term) => text.includes(term))
}

/**
 * Per list (the snapshot's lists are read-only, and so is each list of results
 * a view derives from it), the folded text of each entry at its position: a
 * keystroke then reads an array rather than asking the WeakMap above for
 * every entry. Folded ahead of the first search (prepareSearch) or by it, not
 * for a blank query; `ready` texts are folded so far.
 */
const listTexts = new WeakMap<readonly unknown[], FoldedList>()

interface FoldedList {
  texts: string[]
  /** Per text, the CHAR_BITS of the characters it holds: a term whose bits a text lacks cannot be in it. */
  masks: Int32Array
  /** Per text, PAIR_WORDS words: a bit for each pair of letters a–z it holds side by side. */
  pairs: Int32Array
  ready: number
}

/**
 * Two letters side by side, each pair its own bit (26 × 26): a two-letter term
 * is answered by the bits alone. At 100,000 entries reading the texts for
 * « de », the second key of most queries, took 13 ms; the bits, 4.
 */
const PAIR_WORDS = Math.ceil((26 * 26) / 32)

/** Sets in `into` from `at` the bit of each pair of letters a–z side by side in `text` (lower case). */
function addPairs(text: string, into: Int32Array, at: number): void {
  let a = text.charCodeAt(0) - 97
  for (let i = 1; i < text.length; i++) {
    const b = text.charCodeAt(i) - 97
    // Unsigned: a code below « a » wraps round to a large number.
    if (a >>> 0 < 26 && b >>> 0 < 26) {
      const bit = a * 26 + b
      into[at + (bit >>> 5)] = (into[at + (bit >>> 5)] as number) | (1 << (bit & 31))
    }
    a = b
  }
}

/**
 * A character's bit: a–z each their own (the folded texts are lower case and
 * unaccented), the digits five bits between them, anything else bit 31. Two
 * characters may share a bit, so a mask can only rule a text out — except for
 * a one-letter term, whose bit is its own: there the mask is the answer
 * (most first keys of a query, which would otherwise read every text).
 */
function charBit(code: number): number {
  if (code >= 97 && code <= 122) return 1 << (code - 97)
  if (code >= 48 && code <= 57) return 1 << (26 + ((code - 48) % 5))
  return 1 << 31
}

function maskOf(text: string): number {
  let mask = 0
  for (let i = 0; i < text.length; i++) mask |= charBit(text.charCodeAt(i))
  return mask
}
/**
 * Positions in a list, ascending. Typed: at 100,000 entries a keystroke's
 * matches pushed one by one into a growing array cost 6–7 ms, filled into a
 * typed array about one.
 */
export type Positions = Int32Array

/** Per list, 0 … length − 1: what a blank query matches. */
const listPositions = new WeakMap<readonly unknown[], Positions>()

function fold<T>(entries: readonly T[], conditionOf: (entry: T) => ConditionSummary, more: () => boolean): FoldedList {
  let list = listTexts.get(entries)
  if (list === undefined) {
    list = {
      texts: new Array<string>(entries.length),
      masks: new Int32Array(entries.length),
      pairs: new Int32Array(entries.length * PAIR_WORDS),
      ready: 0,
    }
    listTexts.set(entries, list)
  }
  while (list.ready < entries.length && more()) {
    const text = searchText(conditionOf(entries[list.ready] as T))
    list.texts[list.ready] = text
    list.masks[list.ready] = maskOf(text)
    addPairs(text, list.pairs, list.ready * PAIR_WORDS)
    list.ready += 1
  }
  return list
}

const always = () => true

/**
 * Folds the texts of `entries` for their first search while `more()` says
 * there is time left, from where an earlier call stopped: true once all are
 * folded. Otherwise the first keystroke on a long list folds them all first
 * (1.4 s for 100,000 entries in Node).
 */
export function prepareSearch<T>(entries: readonly T[], conditionOf: (entry: T) => ConditionSummary, more: () => boolean): boolean {
  return fold(entries, conditionOf, more).ready === entries.length
}

function positionsOf(entries: readonly unknown[]): Positions {
  let all = listPositions.get(entries)
  if (all === undefined) {
    all = new Int32Array(entries.length)
    for (let i = 0; i < all.length; i++) all[i] = i
    listPositions.set(entries, all)
  }
  return all
}

export interface SearchResult<T> {
  /** The list searched. */
  entries: readonly T[]
  /** Its folded terms, in the query's order. */
  terms: readonly string[]
  /** The positions in `entries` of the entries that match, ascending (not to be written to). */
  indices: Positions
  /** The entries that match, in the list's order (made when first read: the tables need only `indices`). */
  matches: readonly T[]
  /** The result this one narrowed, kept so that erasing back to its query costs nothing. */
  parent: SearchResult<T> | null
}

/** Every term of `before` is inside a term of `terms`: what matches `terms` matches `before`. */
function narrows(terms: readonly string[], before: readonly string[]): boolean {
  return before.every((b) => terms.some((term) => term.includes(b)))
}

function sameTerms(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((term, i) => term === b[i])
}

function result<T>(entries: readonly T[], terms: readonly string[], indices: Positions, parent: SearchResult<T> | null): SearchResult<T> {
  let matches: readonly T[] | undefined
  return {
    entries,
    terms,
    indices,
    parent,
    get matches() {
      matches ??= terms.length === 0 ? entries : Array.from(indices, (i) => entries[i] as T)
      return matches
    },
  }
}

/**
 * The entries of `entries` that match `query` (via `conditionOf`, which must
 * give an entry the same condition at every call: its text is read once per
 * list), in order. Given the previous result for the same list: the same
 * query as it or as one it narrowed returns that result; a query extending
 * one of them searches only its matches.
 */
export function searchEntries<T>(
  entries: readonly T[],
  query: string,
  conditionOf: (entry: T) => ConditionSummary,
  previous: SearchResult<T> | null = null,
): SearchResult<T> {
  const terms = searchTerms(query)
  let narrowed: SearchResult<T> | null = null
  for (let r = previous; r !== null && r.entries === entries; r = r.parent) {
    if (sameTerms(r.terms, terms)) return r
    if (narrowed === null && narrows(terms, r.terms)) narrowed = r
  }
  if (terms.length === 0) return result(entries, terms, positionsOf(entries), null)
  const { texts, masks, pairs } = fold(entries, conditionOf, always)
  const pool = narrowed === null ? positionsOf(entries) : narrowed.indices
  const needed = terms.reduce((mask, term) => mask | maskOf(term), 0)
  // A term of one letter or two is answered by the bits alone; the others are looked for in the
  // texts (as a filter before them, the pairs cost more than they saved: most long terms that
  // are typed match most texts that hold their letters).
  const wanted = new Int32Array(PAIR_WORDS)
  for (const term of terms) if (/^[a-z]{2}$/u.test(term)) addPairs(term, wanted, 0)
  const words: number[] = []
  for (let w = 0; w < PAIR_WORDS; w++) if (wanted[w] !== 0) words.push(w)
  const read = terms.filter((term) => !/^[a-z]{1,2}$/u.test(term))
  const indices = new Int32Array(pool.length)
  let found = 0
  for (let k = 0; k < pool.length; k++) {
    const i = pool[k] as number
    if (((masks[i] as number) & needed) !== needed) continue
    const at = i * PAIR_WORDS
    let hit = true
    for (let w = 0; w < words.length && hit; w++) {
      const word = words[w] as number
      const bits = wanted[word] as number
      hit = ((pairs[at + word] as number) & bits) === bits
    }
    if (!hit) continue
    const text = texts[i] as string
    for (let t = 0; t < read.length && hit; t++) hit = text.includes(read[t] as string)
    if (hit) indices[found++] = i
  }
  // A copy the size of the matches: a view would keep the whole pool's buffer for each result kept.
  return result(entries, terms, indices.slice(0, found), narrowed)
}
