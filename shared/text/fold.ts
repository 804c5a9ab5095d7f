// Accent- and case-insensitive search for the tables and the finding picker.
// Pure: the renderer and the tests use it.

const DIACRITICS = /\p{Diacritic}/gu
const WHITESPACE = /\s+/gu

/**
 * Folds a string for searching: lower case, accents dropped (NFD then
 * \p{Diacritic}), the ligatures œ → oe and æ → ae (which NFD leaves whole),
 * the typographic apostrophe ’ → ' (the article writes ', the UI ’), and
 * every run of whitespace (no-break spaces included) to one space, trimmed.
 */
export function foldForSearch(s: string): string {
  return foldByTable(s) ?? foldWhole(s)
}

/** The definition, on the whole string: what foldByTable gives, character by character, where it can. */
export function foldWhole(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(DIACRITICS, '')
    .replace(/œ/gu, 'oe')
    .replace(/æ/gu, 'ae')
    .replace(/\u2019/gu, "'")
    .replace(WHITESPACE, ' ')
    .trim()
}

/**
 * Each character whose folding depends on no other (the Latin letters, and
 * the punctuation and spaces of French text), folded once: foldWhole of the
 * character alone, as char codes, or SPACE. Accents typed apart, Greek (whose
 * final sigma lowers by context) and every other script take the whole
 * string's way. Folding the 100,000 entries of the bench's largest base took
 * 1.5 s of the page's time before its first search; and the strings it made,
 * kept in two bytes a character by the normalisation, were read twice as
 * slowly by each keystroke's search.
 */
const SPACE = -1
const TABLE_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x024f], // Latin: Basic, Latin-1, Extended-A and -B
  [0x2000, 0x206f], // General Punctuation: ’ « narrow no-break space », dashes, …
]
type Fold = readonly number[] | typeof SPACE | undefined
let table: Fold[] | null = null

/** The table, made at the first folding (not at start-up: about 800 characters folded the slow way). */
function folds(): Fold[] {
  if (table) return table
  table = []
  for (const [from, to] of TABLE_RANGES) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp)
      if (/^\s$/u.test(ch)) table[cp] = SPACE
      else {
        const folded = foldWhole(ch)
        // A character folding to some space (none does today) is left to the whole string's way.
        if (!/\s/u.test(folded)) table[cp] = Array.from(folded, (c) => c.charCodeAt(0))
      }
    }
  }
  return table
}

/** What foldWhole gives, from the table, or null when a character of `s` is not in it. */
function foldByTable(s: string): string | null {
  const byCode = folds()
  const codes: number[] = []
  let space = false
  for (let i = 0; i < s.length; i++) {
    const fold = byCode[s.charCodeAt(i)]
    if (fold === undefined) return null
    if (fold === SPACE) space = codes.length > 0
    else if (fold.length > 0) {
      if (space) codes.push(32)
      space = false
      for (const code of fold) codes.push(code)
    }
  }
  let out = ''
  for (let i = 0; i < codes.length; i += CHUNK) out += String.fromCharCode(...codes.slice(i, i + CHUNK))
  return out
}
/** Char codes given to String.fromCharCode at once (far below any engine's limit on arguments). */
const CHUNK = 8192

/** The folded, non-empty terms of a query. */
export function queryTerms(query: string): string[] {
  return foldForSearch(query)
    .split(' ')
    .filter((term) => term.length > 0)
}

/**
 * True when every whitespace-separated term of the folded query is a
 * substring of at least one folded haystack (terms may hit different
 * haystacks). An empty or blank query matches everything.
 */
export function matchesQuery(haystacks: readonly string[], query: string): boolean {
  const terms = queryTerms(query)
  if (terms.length === 0) return true
  const folded = haystacks.map(foldForSearch)
  return terms.every((term) => folded.some((h) => h.includes(term)))
}
