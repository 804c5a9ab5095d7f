import { describe, expect, it } from 'vitest'
import { sectionsOf, type ArticleSection } from '../../shared/kb/provenance'
import type { Condition } from '../../shared/kb/schema'
import { readArticle, readKb } from './kb-files'
import { conditionsOf } from '../../shared/kb/types'

const kb = readKb()
const article = readArticle(kb.meta)
const sections = sectionsOf(
  article,
  kb.meta.sections.map((s) => s.heading),
)
const conditions = conditionsOf(kb)

/** Case, accents, apostrophes, leading articles and punctuation folded away. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/^(de l'|de la |du |des |la |le |les |l')/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

function sectionText(heading: string): { section: ArticleSection; text: string } {
  const section = sections.find((s) => s.heading === heading)
  if (!section) throw new Error(`section absente : ${heading}`)
  return { section, text: article.slice(section.start, section.end) }
}

function bulletsOf(heading: string): string[] {
  return sectionText(heading)
    .text.split(/\r?\n/)
    .filter((line) => /^\s+•\s/.test(line))
    .map((line) => line.replace(/^\s+•\s+/, '').trim())
}

/** Bullets whose wording matches no name or alias: mapped by hand. */
const ODD_BULLETS: Record<string, string[]> = {
  'Les troubles circulatoires des muscles affectés et le soi-disant syndrome des jambes sans repos peuvent être accompagnés de contractions musculaires du mollet.':
    ['troubles-circulatoires-musculaires', 'syndrome-jambes-sans-repos'],
}

function entriesFor(bullet: string): Condition[] {
  const mapped = ODD_BULLETS[bullet]
  if (mapped) return conditions.filter((c) => mapped.includes(c.id))
  const wanted = fold(bullet)
  return conditions.filter((c) => [c.name, ...c.aliases].some((n) => fold(n) === wanted))
}

describe('every bullet of the article is an entry', () => {
  for (const heading of ['causes', 'Causes neurologiques']) {
    const bullets = bulletsOf(heading)

    it(`${heading}: the bullets are read from the article`, () => {
      expect(bullets.length).toBeGreaterThanOrEqual(11)
    })

    for (const bullet of bullets) {
      it(`${heading}: « ${bullet.slice(0, 60)} »`, () => {
        const entries = entriesFor(bullet)
        expect(entries.map((e) => e.id)).toEqual(ODD_BULLETS[bullet] ?? [expect.any(String)])
        // Each entry quotes its own bullet, in that section.
        for (const entry of entries) {
          const quotesBullet = entry.provenance.some((p) => p.section === heading && bullet.includes(p.quote))
          expect(quotesBullet, entry.id).toBe(true)
        }
      })
    }
  }

  it('the hand-made mapping only names bullets that exist', () => {
    const all = [...bulletsOf('causes'), ...bulletsOf('Causes neurologiques')]
    for (const bullet of Object.keys(ODD_BULLETS)) expect(all).toContain(bullet)
  })

  it('causes bullets are causes; neurological bullets are differentials', () => {
    for (const bullet of bulletsOf('causes')) {
      expect(entriesFor(bullet).map((e) => e.kind)).toEqual(['cause'])
    }
    for (const bullet of bulletsOf('Causes neurologiques')) {
      expect(new Set(entriesFor(bullet).map((e) => e.kind))).toEqual(new Set(['differential']))
    }
  })
})

describe('other article items have an entry', () => {
  const byName = (name: string) => conditions.filter((c) => [c.name, ...c.aliases].some((n) => fold(n) === fold(name))).map((c) => c.id)

  it.each([
    ['prolapsus discal', 'hernie-discale-lombaire'],
    ['disque bombé', 'hernie-discale-lombaire'],
    ['crise de grand mal', 'epilepsie'],
    ['frissons', 'frissons-generalises'],
    ['tension excessive', 'surmenage-musculaire'],
    ['carence en calcium et en magnésium après l’effort', 'perte-mineraux-transpiration'],
    ['stress mental', 'stress-eleve'],
  ])('%s → %s', (name, id) => {
    expect(byName(name)).toEqual([id])
  })

  it('the stress hormones are named in the stress entry', () => {
    const stress = kb.causes.find((c) => c.id === 'stress-eleve')
    expect(stress?.whatToDo).toMatch(/cortisol.*adrénaline.*noradrénaline/)
  })
})

describe('"En savoir plus" lines', () => {
  const lines = article
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('En savoir plus'))

  it('the article has seven of them', () => {
    expect(lines).toHaveLength(7)
  })

  it.each(lines)('« %s » is a topic quoting it in its section', (line) => {
    const topics = kb.topics.filter((t) => t.provenance.some((p) => p.quote === line))
    expect(topics).toHaveLength(1)
    const topic = topics[0]!
    const { text } = sectionText(topic.provenance.find((p) => p.quote === line)!.section)
    expect(text).toContain(line)
  })

  it('there is no topic the article does not have', () => {
    expect(kb.topics).toHaveLength(lines.length)
  })
})

describe('ICD-10 codes', () => {
  /** Copied from the clinical notes (WHO ICD-10 / CIM-10). */
  const ALLOWED = new Set([
    'R25.3',
    'R25.2',
    'E86',
    'E83.4',
    'E16.2',
    'T68',
    'R68.0',
    'G40',
    'G40.9',
    'G35',
    'G12.2',
    'G20',
    'A81.0',
    'E83.0',
    'F95.2',
    'F95.9',
    'G03.9',
    'I61.9',
    'G25.8',
    'M51.1',
    'F10.1',
    'T88.7',
  ])

  it('every code comes from the allow-list', () => {
    const outside = conditions.filter((c) => c.icd10 && !ALLOWED.has(c.icd10.code)).map((c) => `${c.id}:${c.icd10?.code}`)
    expect(outside).toEqual([])
  })

  it('each condition has the expected code, or none where the list has no clean code', () => {
    const codes = Object.fromEntries(conditions.map((c) => [c.id, c.icd10?.code ?? null]))
    expect(codes).toEqual({
      deshydratation: 'E86',
      'carence-vitamines-oligoelements': null,
      hypoglycemie: 'E16.2',
      'stress-eleve': null,
      'carence-magnesium': 'E83.4',
      'desequilibre-psychique': null,
      'compression-nerveuse': null,
      'consommation-alcool': 'F10.1',
      'consommation-drogues': null,
      hypothermie: 'T68',
      'effets-secondaires-medicaments': 'T88.7',
      'perte-mineraux-transpiration': null,
      'surmenage-musculaire': null,
      epilepsie: 'G40.9',
      'sclerose-en-plaques': 'G35',
      'sclerose-laterale-amyotrophique': 'G12.2',
      'maladie-de-parkinson': 'G20',
      'maladie-de-creutzfeldt-jakob': 'A81.0',
      'maladie-de-wilson': 'E83.0',
      'syndrome-gilles-de-la-tourette': 'F95.2',
      tics: 'F95.9',
      meningite: 'G03.9',
      'hemorragie-cerebrale': 'I61.9',
      'troubles-circulatoires-musculaires': null,
      'syndrome-jambes-sans-repos': 'G25.8',
      'hernie-discale-lombaire': 'M51.1',
      'frissons-generalises': null,
    })
  })
})
