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
