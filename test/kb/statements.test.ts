// Say of an entry only what the article says of it. An entry's own
// quotes name it (or hold the article's words for what it says to do about
// it); what the article says of a group (the neurological diseases, the
// harmless twitching, every calf twitching) is a group statement, shown as the
// group's, never in an entry's own « Que faire » or patient text.
import { describe, expect, it } from 'vitest'
import { composeHandout } from '../../shared/handout/compose'
import { findQuote } from '../../shared/kb/provenance'
import { conditionsOf, type Condition } from '../../shared/kb/types'
import { readArticle, readKb } from './kb-files'

const kb = readKb()
const article = readArticle(kb.meta)
const conditions: readonly Condition[] = conditionsOf(kb)

/** Case and apostrophes folded; accents kept (the article's words are quoted as written). */
const fold = (text: string): string => text.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ')

/** The wording of the article's group statements: none of it belongs to one entry's own text. */
const GROUP_WORDING = [
  'physiothérapie',
  'kinésithérapie',
  'ergothérapie',
  'chirurgi',
  'toujours être consulté',
  'contractions sont fréquentes',
  'fréquentes ou persistent',
  'chronique',
  's’aggraver',
  'dépend de la cause',
  'dépend essentiellement',
  'médecin',
]

/** Whether a quote names the entry: one of its article terms is in the quote, or in the heading of the quote's section. */
function namesEntry(c: Condition, p: { section: string; quote: string }): boolean {
  return c.articleTerms.some((t) => fold(p.quote).includes(fold(t)) || fold(p.section).includes(fold(t)))
}

describe('each entry’s own text is backed by quotes that name it', () => {
  it.each(conditions.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    for (const term of c.articleTerms) expect(findQuote(article, term), `« ${term} » dans l’article`).not.toBeNull()
    const unnamed = c.provenance.filter((p) => !namesEntry(c, p)).map((p) => p.quote)
    expect(unnamed).toEqual([])
  })

  it('the check fails on a quote the article says of a group', () => {
    const meningite = conditions.find((c) => c.id === 'meningite') as Condition
    const group = kb.groups.find((g) => g.id === 'maladies-neurologiques-traitement')
    expect(group?.members).toContain('meningite')
    expect(namesEntry(meningite, group?.provenance[0] as { section: string; quote: string })).toBe(false)
  })

  it('no entry’s own « Que faire » or patient text carries a group statement', () => {
    const found = conditions.flatMap((c) =>
      GROUP_WORDING.filter((w) => fold(c.whatToDo).includes(fold(w)) || fold(c.patientExplanation).includes(fold(w))).map(
        (w) => `${c.id}: ${w}`,
      ),
    )
    expect(found).toEqual([])
  })

  it('an entry the article only lists says so in plain French', () => {
    const onlyListed = conditions.filter((c) => c.provenance.length === 1)
    expect(onlyListed.length).toBeGreaterThan(8)
    for (const c of onlyListed) {
      expect(c.whatToDo, c.id).toMatch(/sans en dire plus|sans rien en dire de propre|n’en dit pas plus|ne dit rien de plus/)
    }
  })
})

describe('group statements', () => {
  const byId = new Map(kb.groups.map((g) => [g.id, g]))
  const groupsOf = (id: string) => kb.groups.filter((g) => g.members.includes(id)).map((g) => g.id)

  it('name existing entries, and each entry of the base belongs to at least one', () => {
    const ids = new Set(conditions.map((c) => c.id))
    expect(kb.groups.flatMap((g) => g.members.filter((m) => !ids.has(m)))).toEqual([])
    for (const c of conditions) expect(groupsOf(c.id).length, c.id).toBeGreaterThan(0)
  })

  it('meningitis and brain haemorrhage get the neurological statements as their group’s', () => {
    for (const id of ['meningite', 'hemorragie-cerebrale']) {
      expect(groupsOf(id)).toEqual(expect.arrayContaining(['maladies-plus-graves-consulter', 'maladies-neurologiques-traitement']))
    }
    expect(byId.get('maladies-neurologiques-traitement')?.text).toMatch(/physiothérapie.*ergothérapie.*chirurgie/)
    expect(byId.get('maladies-plus-graves-consulter')?.text).toContain('contractions fréquentes')
    expect(byId.get('maladies-plus-graves-consulter')?.provenance[0]?.section).toBe('Causes neurologiques')
  })

  it('the neurological treatment stays an advice of the neurological entries, phrased for the group, for the handout', () => {
    const advice = kb.advice.find((a) => a.id === 'traitement-causes-neurologiques')
    expect(advice?.appliesTo).toEqual(expect.arrayContaining(['epilepsie', 'meningite', 'hemorragie-cerebrale']))
    expect(advice?.patientText.startsWith('Si une maladie du système nerveux est en cause')).toBe(true)
  })
})

describe('the handout', () => {
  it('says of meningitis and brain haemorrhage nothing the article says only of their group', () => {
    const doc = composeHandout(
      { ...kb, article },
      { causes: ['meningite', 'hemorragie-cerebrale'], advice: [], patientName: '', note: '', largePrint: false, alerts: [] },
      { name: '', address: '', phone: '' },
      new Date('2026-12-01T12:00:00Z'),
    )
    const causes = doc.sections.find((s) => s.id === 'causes')
    const items = causes?.content.flatMap((c) => (c.type === 'list' ? c.items.map((i) => i.text) : [])) ?? []
    expect(items).toHaveLength(2)
    for (const text of items) {
      expect(text).not.toMatch(/fréquentes|médecin|traitement/)
      expect(text).toContain('n’en dit pas plus')
    }
  })

  it('never speaks of « l’article », which the patient never saw', () => {
    const patientTexts = [
      ...conditions.map((c) => ({ id: c.id, text: c.patientExplanation })),
      ...kb.advice.map((a) => ({ id: a.id, text: a.patientText })),
      ...kb.handout.map((b) => ({ id: b.id, text: b.text })),
      ...kb.findings.filter((f) => f.redFlag).map((f) => ({ id: f.id, text: f.label })),
    ]
    expect(patientTexts.filter((t) => /\barticle/iu.test(t.text)).map((t) => t.id)).toEqual([])
  })
})

describe('seriousness is the entry’s own only where the article grades the entry', () => {
  /** The article's words that grade: « grave(s) », « avertissement », « avant-coureurs ». */
  const GRADING = /grave|avertissement|avant-coureur/u
  const ownGrade = (c: Condition) => c.provenance.some((p) => GRADING.test(fold(p.quote)))

  it('a serious entry whose own quotes grade nothing takes its grade from a group that grades', () => {
    const ungraded = conditions.filter((c) => c.seriousness === 'grave' && !ownGrade(c))
    expect(ungraded.length).toBeGreaterThan(0)
    for (const c of ungraded) {
      const group = kb.groups.find((g) => g.id === c.seriousnessOf)
      expect(group, c.id).toBeDefined()
      expect(group?.members, c.id).toContain(c.id)
      expect(
        group?.provenance.some((p) => GRADING.test(fold(p.quote))),
        c.id,
      ).toBe(true)
    }
  })

  it('an entry the article grades on its own is not said to be graded by a group', () => {
    for (const c of conditions.filter(ownGrade)) expect(c.seriousnessOf, c.id).toBeUndefined()
  })
})
