// The views' lookups over one knowledge-base snapshot (renderer/src/lib/kbIndex.ts).
import { describe, expect, it } from 'vitest'
import { EMPTY_KB, findingLabel, indexKnowledgeBase } from '../../renderer/src/lib/kbIndex'
import { emptyKnowledgeBase, type KnowledgeBase } from '../../shared/kb/types'
import { fixtureKb } from '../handout/fixture'

describe('indexKnowledgeBase', () => {
  const kb = fixtureKb()
  const index = indexKnowledgeBase(kb)

  it('keeps the snapshot it indexes', () => {
    expect(index.kb).toBe(kb)
  })

  it('finds every cause and differential by id, one map for both', () => {
    expect([...index.conditions.keys()]).toEqual(['deshydratation', 'stress', 'effort', 'hernie-discale'])
    expect(index.conditions.get('hernie-discale')).toBe(kb.differentials[0])
    expect(index.conditions.get('stress')).toBe(kb.causes[1])
  })

  it('finds findings and topics by id', () => {
    expect([...index.findings.keys()]).toEqual(kb.findings.map((f) => f.id))
    const withTopic: KnowledgeBase = { ...kb, topics: [{ id: 'crampes', label: 'Crampes', related: [], provenance: [] }] }
    expect(indexKnowledgeBase(withTopic).topics.get('crampes')?.label).toBe('Crampes')
  })

  it('labels the article’s headings as the interface shows them', () => {
    expect([...index.sectionLabels]).toEqual([['causes', 'Causes']])
  })

  it('splits the article at its headings, in order', () => {
    const article = 'Intro\ncauses\nDéshydratation, stress.\nstress\nLe stress.'
    const meta = {
      ...(kb.meta as NonNullable<KnowledgeBase['meta']>),
      sections: [
        { heading: 'causes', label: 'Causes' },
        { heading: 'stress', label: 'Stress' },
      ],
    }
    const sections = indexKnowledgeBase({ ...kb, meta, article }).sections
    expect(sections.map((s) => [s.heading, article.slice(s.start, s.end)])).toEqual([
      ['causes', 'causes\nDéshydratation, stress.\n'],
      ['stress', 'stress\nLe stress.'],
    ])
  })

  it('has no sections without an article, and no labels without meta', () => {
    expect(index.sections).toEqual([])
    const bare = indexKnowledgeBase({ ...kb, meta: null, article: 'causes\ntexte' })
    expect(bare.sectionLabels.size).toBe(0)
    expect(bare.sections).toEqual([])
  })

  it('indexes the empty knowledge base the views show while loading', () => {
    expect(EMPTY_KB).toEqual(emptyKnowledgeBase())
    const empty = indexKnowledgeBase(EMPTY_KB)
    expect([empty.conditions.size, empty.findings.size, empty.topics.size, empty.sectionLabels.size, empty.sections.length]).toEqual([
      0, 0, 0, 0, 0,
    ])
  })
})

describe('findingLabel', () => {
  const index = indexKnowledgeBase(fixtureKb())

  it('is the finding’s label, or its id when the knowledge base does not hold it', () => {
    expect(findingLabel(index, 'fievre')).toBe('De la fièvre')
    expect(findingLabel(index, 'disparu')).toBe('disparu')
  })
})
