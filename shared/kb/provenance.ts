// Locating quotes and sections in the source article. Pure: used by the loader
// to check every quote, by the tests, and by the renderer to show a quote in place.

export interface TextRange {
  start: number
  end: number
}

/**
 * The article with every run of whitespace folded to one space, and where each
 * of its characters stands in the original. Folding costs one pass over the
 * article: a caller that looks up many quotes folds it once (foldArticle) and
 * passes the result, so that a verification is linear in the article's size
 * rather than in its size times the number of quotes.
 */
export interface FoldedArticle {
  text: string
  /** Index in the original text of each character of `text` (increasing). */
  origin: Uint32Array
}

/** JavaScript's \s: what the article's whitespace is. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  if (code < 0xa0) return false
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

const utf16 = new TextDecoder('utf-16le')

/**
 * Folds every run of whitespace (including no-break spaces) to one space,
 * dropping those at both ends. One pass over the UTF-16 code units into typed
 * arrays (16 MiB: well under a second), no string built piece by piece.
 */
export function foldArticle(source: string): FoldedArticle {
  const units = new Uint16Array(source.length)
  const origin = new Uint32Array(source.length)
  let length = 0
  let pendingSpace = -1
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i)
    if (isSpace(code)) {
      if (pendingSpace < 0 && length > 0) pendingSpace = i
      continue
    }
    if (pendingSpace >= 0) {
      units[length] = 0x20
      origin[length++] = pendingSpace
      pendingSpace = -1
    }
    units[length] = code
    origin[length++] = i
  }
  return { text: utf16.decode(units.subarray(0, length)), origin: origin.slice(0, length) }
}

/** The first index of the folded text whose character stands at or after `at` in the original. */
function foldedIndexOf(folded: FoldedArticle, at: number): number {
  let low = 0
  let high = folded.origin.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((folded.origin[mid] as number) < at) low = mid + 1
    else high = mid
  }
  return low
}

/**
 * Where `quote` stands in `article`, whitespace folded; null when it does
 * not. With `within`, the first occurrence that starts inside it is the only
 * one looked at (a later one ends later still): one search per quote.
 */
export function findQuote(article: string | FoldedArticle, quote: string, within?: TextRange): TextRange | null {
  const folded = typeof article === 'string' ? foldArticle(article) : article
  const needle = foldArticle(quote).text
  if (needle.length === 0) return null
  const at = folded.text.indexOf(needle, within ? foldedIndexOf(folded, within.start) : 0)
  if (at < 0) return null
  const start = folded.origin[at] as number
  const end = (folded.origin[at + needle.length - 1] as number) + 1
  return !within || end <= within.end ? { start, end } : null
}

export interface ArticleSection extends TextRange {
  heading: string
}

/**
 * Splits the article at its headings: each heading is a line of its own, in
 * the given order. A heading not found is left out of the result.
 */
export function sectionsOf(article: string, headings: readonly string[]): ArticleSection[] {
  const found: { heading: string; start: number; bodyStart: number }[] = []
  let cursor = 0
  for (const heading of headings) {
    const at = findHeadingLine(article, heading, cursor)
    if (at === null) continue
    found.push({ heading, start: at.start, bodyStart: at.end })
    cursor = at.end
  }
  return found.map((s, i) => ({
    heading: s.heading,
    start: s.start,
    end: i + 1 < found.length ? (found[i + 1] as { start: number }).start : article.length,
  }))
}

function findHeadingLine(article: string, heading: string, from: number): TextRange | null {
  let at = article.indexOf(heading, from)
  while (at >= 0) {
    const lineStart = at === 0 || article[at - 1] === '\n'
    const afterEnd = at + heading.length
    const lineEnd = afterEnd === article.length || article[afterEnd] === '\n' || article[afterEnd] === '\r'
    if (lineStart && lineEnd) return { start: at, end: afterEnd }
    at = article.indexOf(heading, at + 1)
  }
  return null
}

/** Where the quote stands inside its own section; null when it does not. */
export function locateProvenance(
  article: string | FoldedArticle,
  sections: readonly ArticleSection[],
  provenance: { section: string; quote: string },
): TextRange | null {
  const section = sections.find((s) => s.heading === provenance.section)
  if (!section) return null
  return findQuote(article, provenance.quote, section)
}
