// Hostile content crafted against the knowledge-base checks
// themselves (a pack's files and the bundled ones): hidden characters in a
// text, revisions that are no calendar day, an article that made every quote
// fold it again, and names shown back safely.
import { describe, expect, it } from 'vitest'
import { isCalendarDate, addDays } from '../../shared/kb/dates'
import { cappedProblems, pushAll } from '../../shared/kb/problems'
import { findQuote, foldArticle, locateProvenance } from '../../shared/kb/provenance'
import { KB_FILES } from '../../shared/kb/schema'
import { shown } from '../../shared/text/shown'
import { readContentFolder } from '../../electron/main/pack/build'
import { validateKnowledge } from '../../electron/main/knowledge/load'
import { RESOURCES_DIR, readRaw } from './kb-files'

const finding = () => structuredClone((readRaw('findings') as Record<string, unknown>[])[0] as Record<string, unknown>)

describe('texts of the content: one line, nothing hidden', () => {
  const hidden: [string, string][] = [
    ['\u202e', 'U+202E'],
    ['\u2066', 'U+2066'],
    ['\u200b', 'U+200B'],
    ['\u00ad', 'U+00AD'],
    ['\ufeff', 'U+FEFF'],
    ['\u2028', 'U+2028'],
    ['\n', 'U+000A'],
    ['\u001b[32m', 'U+001B'],
  ]
  for (const [ch, code] of hidden) {
    it(`${code} inside a label is refused and named`, () => {
      const entry = finding()
      entry.label = `Crampe${ch}nocturne`
      const parsed = KB_FILES.findings.schema.safeParse(entry)
      expect(parsed.success).toBe(false)
      const issue = parsed.error?.issues.find((i) => i.path.join('.') === 'label')
      expect(issue?.message).toContain(code)
      expect(issue?.message).toContain('Retirez-le.')
    })
  }

  it('an id longer than 100 characters is refused, the field named', () => {
    const entry = finding()
    entry.id = 'a'.repeat(101)
    const parsed = KB_FILES.findings.schema.safeParse(entry)
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['id', 'identifiant de 100 caractères au plus']])
    entry.id = 'a'.repeat(100)
    expect(KB_FILES.findings.schema.safeParse(entry).success).toBe(true)
  })

  it('a title past 200 characters, an edition past 40, are refused, the field named', () => {
    const meta = readRaw('meta') as Record<string, unknown>
    const long = KB_FILES.meta.schema.safeParse({ ...meta, title: 'T'.repeat(201), edition: '9'.repeat(41) })
    expect(long.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['title', 'titre de 200 caractères au plus'],
      ['edition', 'édition de 40 caractères au plus'],
    ])
    expect(KB_FILES.meta.schema.safeParse({ ...meta, title: 'T'.repeat(200), edition: '9'.repeat(40) }).success).toBe(true)
  })

  it('the bundled labels, with their no-break spaces, still pass', () => {
    const entry = finding()
    entry.label = 'Fièvre\u00a0: 39\u202f°C'
    expect(KB_FILES.findings.schema.safeParse(entry).success).toBe(true)
  })
})

describe('revisions are days of the calendar', () => {
  it.each(['2026-13-45', '9999-99-99', '0000-00-00', '2026-02-30', '2026-04-31', '2026-1-05', '2026-11-25T00'])('%s is refused', (iso) => {
    expect(isCalendarDate(iso)).toBe(false)
    const meta = { ...(readRaw('meta') as Record<string, unknown>), revision: iso }
    const parsed = KB_FILES.meta.schema.safeParse(meta)
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['revision'])
  })

  it.each(['2026-11-25', '2028-02-29', '2026-12-31'])('%s is a day', (iso) => {
    expect(isCalendarDate(iso)).toBe(true)
  })

  it('days are moved across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
  })
})

describe('finding quotes: the article folded once', () => {
  it('a folded article finds what the text finds, inside its section only', () => {
    const article = 'Titre\nUn  texte\u00a0qui\n parle.\nAutre\nUn texte qui parle encore.'
    const folded = foldArticle(article)
    expect(folded.text).toBe('Titre Un texte qui parle. Autre Un texte qui parle encore.')
    const second = { start: article.indexOf('Autre'), end: article.length }
    expect(findQuote(folded, 'texte qui parle', second)).toEqual(findQuote(article, 'texte qui parle', second))
    const at = findQuote(folded, 'texte qui parle', second)
    expect(at && article.slice(at.start, at.end)).toBe('texte qui parle')
    expect(at?.start).toBeGreaterThan(second.start)
    expect(findQuote(folded, 'Titre', second)).toBeNull()
    const first = { start: 0, end: article.indexOf('Autre') }
    expect(findQuote(folded, 'encore', first)).toBeNull()
    expect(locateProvenance(folded, [{ heading: 'Autre', ...second }], { section: 'Autre', quote: 'parle encore' })).not.toBeNull()
  })
})

describe('the source article: lines, nothing hidden', () => {
  it('an override, a zero-width space or an escape in the article is refused and named; its quotes are not shown', async () => {
    const { files } = await readContentFolder(RESOURCES_DIR)
    const text = new Map([...files].map(([path, data]) => [path, new TextDecoder().decode(data)]))
    const articlePath = [...text.keys()].find((path) => path.startsWith('source/')) as string
    const article = text.get(articlePath) as string
    const at = article.indexOf('\n', 200)
    for (const [ch, code] of [
      ['\u202e', 'U+202E'],
      ['\u200b', 'U+200B'],
      ['\u001b[2J', 'U+001B'],
      ['\u2028', 'U+2028'],
    ] as const) {
      const hostile = new Map(text).set(articlePath, `${article.slice(0, at)}${ch}${article.slice(at)}`)
      const { kb, problems } = validateKnowledge(hostile)
      expect(problems[0]).toMatchObject({ file: articlePath, entry: null, field: null })
      expect(problems[0]?.message).toContain(code)
      expect(kb.article).toBe('')
    }
    // Its own line breaks (and a Windows editor's) are what it is made of.
    const crlf = new Map(text).set(articlePath, article.replaceAll('\n', '\r\n'))
    expect(validateKnowledge(crlf).problems.filter((p) => p.file === articlePath)).toEqual([])
  })
})

describe('the quote checks are bounded', () => {
  it('past the search budget, quotes are said unchecked and their entries left out; within it, all pass', async () => {
    const { files } = await readContentFolder(RESOURCES_DIR)
    const text = new Map([...files].map(([path, data]) => [path, new TextDecoder().decode(data)]))
    expect(validateKnowledge(text).problems).toEqual([])
    const starved = validateKnowledge(text, 0)
    expect(starved.problems.length).toBeGreaterThan(0)
    expect(starved.problems[0]).toMatchObject({
      field: 'provenance.0.quote',
      message: 'Citation non vérifiée\u00a0: l’article et les citations sont trop longs pour être tous vérifiés.',
    })
  })
})

describe('what a hostile file may show', () => {
  it('controls, bidi and separators are written as code points; long names are cut', () => {
    expect(shown('\u001b[32mPaquet valide\u001b[0m')).toBe('<U+001B>[32mPaquet valide<U+001B>[0m')
    expect(shown('a\u0000b\u202ec\u2028d\ne')).toBe('a<U+0000>b<U+202E>c<U+2028>d<U+000A>e')
    expect(shown('x'.repeat(260))).toBe(`${'x'.repeat(80)}…`)
    expect(shown('Fièvre\u00a0: 39\u202f°C')).toBe('Fièvre\u00a0: 39\u202f°C')
  })

  it('100,000 problems: appended without spreading, shown capped with the rest counted', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({
      file: 'causes.json',
      entry: `n°\u00a0${i + 1}`,
      field: 'id',
      message: 'Requis.',
    }))
    const target: typeof many = []
    pushAll(target, many)
    expect(target).toHaveLength(100_000)
    const capped = cappedProblems(many, 'paquet.mollet')
    expect(capped).toHaveLength(101)
    expect(capped.at(-1)).toEqual({ file: 'paquet.mollet', entry: null, field: null, message: '… et 99\u202f900 autres problèmes.' })
  })
})
