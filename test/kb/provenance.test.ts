import { describe, expect, it } from 'vitest'
import { KB_FILES } from '../../shared/kb/schema'
import { findQuote, locateProvenance, sectionsOf } from '../../shared/kb/provenance'
import { LIST_KEYS, readArticle, readKb } from './kb-files'

const kb = readKb()
const article = readArticle(kb.meta)
const headings = kb.meta.sections.map((s) => s.heading)
const sections = sectionsOf(article, headings)

/** Short lines standing alone between blank lines, not bullets, not sentences: the article's headings. */
function headingLikeLines(text: string): string[] {
  const lines = text.split(/\r?\n/)
  return lines.filter((line, i) => {
    const blankAround = (i === 0 || lines[i - 1]?.trim() === '') && (lines[i + 1] ?? '').trim() === ''
    return (
      blankAround &&
      line.trim() !== '' &&
      line.length <= 80 &&
      !line.trimStart().startsWith('•') &&
      !/[.:)]$/.test(line.trim()) &&
      !line.startsWith('En savoir plus')
    )
  })
}

describe('meta.json sections and the article', () => {
  it('every heading is found as a line of its own, in the given order', () => {
    expect(sections.map((s) => s.heading)).toEqual(headings)
    const starts = sections.map((s) => s.start)
    expect([...starts].sort((a, b) => a - b)).toEqual(starts)
  })

  it('lists every heading of the article, and the title is not a section', () => {
    const [title, ...rest] = headingLikeLines(article)
    expect(title).toBe(kb.meta.title)
    expect(headings).not.toContain(kb.meta.title)
    expect(rest).toEqual(headings)
  })
})

describe('every quote is verbatim inside its own section', () => {
  for (const key of LIST_KEYS) {
    it(KB_FILES[key].file, () => {
      const entries = kb[key] as { id: string; provenance: { section: string; quote: string }[] }[]
      const missing = entries.flatMap((entry) =>
        entry.provenance
          .map((p, i) => ({ where: `${entry.id}.provenance.${i}`, ...p }))
          .filter((p) => locateProvenance(article, sections, p) === null),
      )
      expect(missing).toEqual([])
    })
  }

  it('a quote is refused outside its section and when it is not verbatim', () => {
    const bullet = { section: 'causes', quote: 'Déshydratation' }
    expect(locateProvenance(article, sections, bullet)).not.toBeNull()
    expect(locateProvenance(article, sections, { ...bullet, section: 'Durée' })).toBeNull()
    expect(locateProvenance(article, sections, { ...bullet, section: 'pas une section' })).toBeNull()
    expect(locateProvenance(article, sections, { section: 'causes', quote: 'Deshydratation' })).toBeNull()
  })

  it('whitespace is folded but words are not', () => {
    const at = findQuote(article, 'Ces causes   peuvent\n déclencher')
    expect(at).not.toBeNull()
    expect(article.slice(at!.start, at!.end)).toBe('Ces causes peuvent déclencher')
    expect(findQuote(article, 'Ces causes peuvent declencher')).toBeNull()
  })
})
