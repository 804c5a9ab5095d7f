// Locating quotes and sections in the source article. Pure: used by the loader
// to check every quote, by the tests, and by the renderer to show a quote in place.

export interface TextRange {
  start: number
  end: number
}

interface Folded {
  text: string
  /** Index in the original text of each character of `text`. */
  origin: number[]
}

/** Folds every run of whitespace (including no-break spaces) to one space. */
function fold(source: string): Folded {
  let text = ''
  const origin: number[] = []
  let inSpace = false
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string
    if (/\s/u.test(ch)) {
      if (!inSpace && text.length > 0) {
        text += ' '
        origin.push(i)
      }
      inSpace = true
    } else {
      text += ch
      origin.push(i)
      inSpace = false
    }
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1)
    origin.pop()
  }
  return { text, origin }
}

function foldWhitespace(source: string): string {
  return fold(source).text
}

/** Where `quote` stands in `article`, whitespace folded; null when it does not. */
export function findQuote(article: string, quote: string, within?: TextRange): TextRange | null {
  const folded = fold(article)
  const needle = foldWhitespace(quote)
  if (needle.length === 0) return null
  let from = 0
  for (;;) {
    const at = folded.text.indexOf(needle, from)
    if (at < 0) return null
    const start = folded.origin[at] as number
    const end = (folded.origin[at + needle.length - 1] as number) + 1
    if (!within || (start >= within.start && end <= within.end)) return { start, end }
    from = at + 1
  }
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
  article: string,
  sections: readonly ArticleSection[],
  provenance: { section: string; quote: string },
): TextRange | null {
  const section = sections.find((s) => s.heading === provenance.section)
  if (!section) return null
  return findQuote(article, provenance.quote, section)
}
