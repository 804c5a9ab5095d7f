// French typography of the knowledge base's displayed text: each field named
// below is checked on every entry of its file, as the editors wrote it, and a
// failure names the entry and the field. Every text field the schema declares
// is either named here or set aside with its reason, so a new field cannot go
// unchecked by default.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { KB_FILES } from '../../shared/kb/schema'
import { readRaw } from './kb-files'

type KbFile = keyof typeof KB_FILES

/** French typography problems of one displayed string (empty when correct). */
function typographyProblems(text: string): string[] {
  const problems: string[] = []
  if (text.includes("'")) problems.push('apostrophe droite (attendu ’)')
  if (text.includes('"')) problems.push('guillemet droit (attendu « »)')
  if (/(^|[^\u00a0]):/.test(text)) problems.push('deux-points sans espace insécable U+00A0 avant')
  if (/(^|[^\u202f\u00a0])[;!?]/.test(text)) problems.push('; ! ? sans espace fine insécable avant')
  if (/«(?!\u00a0)/.test(text)) problems.push('« sans espace insécable après')
  if (/(?<!\u00a0)»/.test(text)) problems.push('» sans espace insécable avant')
  if (/ [,.…]/.test(text)) problems.push('espace avant , . …')
  if (/ {2}|^\s|\s$/.test(text)) problems.push('espaces en trop')
  return problems
}

const CONDITION = ['name', 'whatToDo', 'patientExplanation', 'aliases', 'searchTerms', 'icd10.label']

/**
 * The fields the app or the handout shows, by path in an entry: `aliases` is a
 * list of strings, `sections.label` the label of each section, `icd10.label`
 * inside an object that may be null.
 */
const DISPLAYED: Record<KbFile, string[]> = {
  meta: ['title', 'source.title', 'sections.label', 'edition', 'editor'],
  causes: CONDITION,
  differentials: CONDITION,
  findings: ['label', 'advice'],
  advice: ['label', 'patientText'],
  groups: ['group', 'text'],
  topics: ['label'],
  handout: ['text'],
}

/** The schema's other text fields, not held to the rules, and why. */
const NOT_CHECKED: Record<string, string> = {
  id: 'an identifier',
  contexts: 'identifiers of findings',
  pointingFindings: 'identifiers of findings',
  opposingFindings: 'identifiers of findings',
  usualFindings: 'identifiers of findings',
  related: 'identifiers of entries',
  topics: 'identifiers of topics',
  members: 'identifiers of conditions',
  seriousnessOf: 'the identifier of a group statement',
  appliesTo: 'identifiers of conditions',
  articleTerms: 'the article’s own words, as it spells them (matched against its text)',
  'provenance.section': 'a heading of the article, as it spells it',
  'provenance.quote': 'a verbatim quote of the article, shown as it spells it',
  'icd10.code': 'a CIM-10 code',
  revision: 'a date, AAAA-MM-JJ',
  'source.file': 'a file path',
  'sections.heading': 'a heading of the article, as it spells it (its label is the one shown)',
}

/** Paths of the string fields a schema declares (enums and literals are codes of the vocabulary, not text). */
function stringFields(schema: z.ZodType, path = ''): string[] {
  if (schema instanceof z.ZodString) return [path]
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) return stringFields(schema.unwrap() as z.ZodType, path)
  if (schema instanceof z.ZodArray) return stringFields(schema.element as z.ZodType, path)
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape).flatMap(([key, field]) => stringFields(field as z.ZodType, path ? `${path}.${key}` : key))
  }
  return []
}

/** The entries of a file as written (meta is one entry), each with the name a failure gives it. */
function entriesOf(file: KbFile): { name: string; entry: unknown }[] {
  const raw = readRaw(file)
  if (file === 'meta') return [{ name: 'meta', entry: raw }]
  return (raw as { id?: unknown }[]).map((entry, i) => ({ name: `${file}.${typeof entry.id === 'string' ? entry.id : `n° ${i}`}`, entry }))
}

/**
 * The texts at `path` in `value`, each with where it is ('causes.stress.aliases.0');
 * none for a field left null; 'missing' when the field is absent or not text.
 */
function textsAt(value: unknown, path: string[], where: string): [string, string][] | 'missing' {
  if (Array.isArray(value)) {
    const items = value.map((item, i) => textsAt(item, path, `${where}.${i}`))
    return items.includes('missing') ? 'missing' : items.flatMap((texts) => (texts === 'missing' ? [] : texts))
  }
  if (value === null) return []
  const [key, ...rest] = path
  if (key === undefined) return typeof value === 'string' ? [[where, value]] : 'missing'
  if (typeof value !== 'object' || !(key in value)) return 'missing'
  return textsAt((value as Record<string, unknown>)[key], rest, `${where}.${key}`)
}

const FILES = Object.keys(KB_FILES) as KbFile[]
const FIELDS = FILES.flatMap((file) => DISPLAYED[file].map((field) => [file, field] as const))

/** Every text of `field` in `file`, and the entries that lack it. */
function fieldTexts(file: KbFile, field: string): { texts: [string, string][]; missing: string[] } {
  const texts: [string, string][] = []
  const missing: string[] = []
  for (const { name, entry } of entriesOf(file)) {
    const found = textsAt(entry, field.split('.'), name)
    if (found === 'missing') missing.push(name)
    else texts.push(...found)
  }
  return { texts, missing }
}

describe('French typography of displayed text', () => {
  it.each(FILES)('%s: every text field of the schema is named, as displayed or set aside with a reason', (file) => {
    const declared = stringFields(KB_FILES[file].schema).sort()
    for (const field of DISPLAYED[file]) expect(declared, `${file}: ${field} is not a text field of the schema`).toContain(field)
    const others = declared.filter((field) => !DISPLAYED[file].includes(field))
    expect(others.filter((field) => !(field in NOT_CHECKED))).toEqual([])
  })

  it('sets aside only fields some schema declares', () => {
    const declared = new Set(FILES.flatMap((file) => stringFields(KB_FILES[file].schema)))
    expect(Object.keys(NOT_CHECKED).filter((field) => !declared.has(field))).toEqual([])
  })

  it.each(FIELDS)('%s: %s is on every entry, and every text of it follows the rules', (file, field) => {
    const { texts, missing } = fieldTexts(file, field)
    expect(missing, `entries of ${file} without a text ${field}`).toEqual([])
    expect(texts.length, `no entry of ${file} has a ${field} to check`).toBeGreaterThan(0)
    const bad = texts.map(([where, text]) => ({ where, problems: typographyProblems(text) })).filter((r) => r.problems.length > 0)
    expect(bad).toEqual([])
  })

  it('the displayed text does use the French signs', () => {
    const all = FIELDS.flatMap(([file, field]) => fieldTexts(file, field).texts.map(([, text]) => text)).join('\n')
    expect(all).toContain('’')
    expect(all).toContain('\u00a0:')
    expect(all).toContain('\u202f;')
  })

  it('names where each text is, down to the list item', () => {
    const aliases = fieldTexts('causes', 'aliases').texts.map(([where]) => where)
    expect(aliases.length).toBeGreaterThan(0)
    for (const where of aliases) expect(where).toMatch(/^causes\.[a-z0-9-]+\.aliases\.\d+$/u)
    expect(textsAt({ id: 'x', icd10: null }, ['icd10', 'label'], 'causes.x')).toEqual([])
    expect(textsAt({ id: 'x' }, ['icd10', 'label'], 'causes.x')).toBe('missing')
    expect(textsAt({ aliases: ['a', 3] }, ['aliases'], 'causes.x')).toBe('missing')
    expect(textsAt({ sections: [{ label: 'A' }, { label: 'B' }] }, ['sections', 'label'], 'meta')).toEqual([
      ['meta.sections.0.label', 'A'],
      ['meta.sections.1.label', 'B'],
    ])
  })

  it.each([
    ["l'alcool", 'apostrophe droite (attendu ’)'],
    ['Traitement : repos', 'deux-points sans espace insécable U+00A0 avant'],
    ['Traitement: repos', 'deux-points sans espace insécable U+00A0 avant'],
    ['Pourquoi ?', '; ! ? sans espace fine insécable avant'],
    ['repos; calme', '; ! ? sans espace fine insécable avant'],
    ['le «\u00a0glisse»', '» sans espace insécable avant'],
    ['le « glisse\u00a0»', '« sans espace insécable après'],
    ['fin .', 'espace avant , . …'],
  ])('the checker flags %j', (text, problem) => {
    expect(typographyProblems(text)).toContain(problem)
  })

  it('the checker accepts correct French typography', () => {
    expect(typographyProblems('L’article\u00a0: «\u00a0repos\u00a0»\u202f; vraiment\u202f?')).toEqual([])
  })
})
