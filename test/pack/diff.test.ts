// What a new content changes, list by list, and how it is said in French.
import { describe, expect, it } from 'vitest'
import { checkContent } from '../../electron/main/pack/build'
import type { KnowledgeBase } from '../../shared/kb/types'
import { describeDiff } from '../../shared/pack/describe'
import { diffKnowledge, isEmptyDiff } from '../../shared/pack/diff'
import { SIGNING_DAY, content, readJsonFile, writeJsonFile } from './helpers'

async function kb(
  edits: Parameters<typeof content>[0] = {},
  more?: (files: Awaited<ReturnType<typeof content>>) => void,
): Promise<KnowledgeBase> {
  const files = await content(edits)
  more?.(files)
  const { snapshot, problems } = checkContent(files, SIGNING_DAY)
  expect(problems).toEqual([])
  return snapshot.kb
}

const NBSP = '\u00a0'

describe('diffKnowledge', () => {
  it('the same content: nothing changes', async () => {
    const a = await kb()
    const diff = diffKnowledge(a, await kb())
    expect(isEmptyDiff(diff)).toBe(true)
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 0 })
  })

  it('an entry renamed, one added, a finding changed, a newer revision and edition; and back again', async () => {
    const before = await kb()
    const after = await kb(
      {
        revision: '2026-12-15',
        edition: '2',
        rename: { deshydratation: 'Déshydratation (manque d’eau)' },
        add: [{ from: 'stress-eleve', id: 'stress-aigu', name: 'Stress aigu' }],
      },
      (files) => {
        const findings = readJsonFile<{ id: string; redFlag: boolean; label: string }[]>(files, 'knowledge/findings.json')
        const f = findings.find((x) => !x.redFlag)!
        f.label = `${f.label} (modifié)`
        writeJsonFile(files, 'knowledge/findings.json', findings)
      },
    )
    const diff = diffKnowledge(before, after)
    expect(diff.from).toEqual({ title: 'Contractions musculaires au mollet', edition: '1', revision: '2026-11-25' })
    expect(diff.to).toEqual({ title: 'Contractions musculaires au mollet', edition: '2', revision: '2026-12-15' })
    expect(diff.added).toEqual([{ list: 'causes', id: 'stress-aigu', label: 'Stress aigu' }])
    expect(diff.removed).toEqual([])
    expect(diff.changed).toEqual([
      { list: 'causes', id: 'deshydratation', label: 'Déshydratation (manque d’eau)', fields: ['name'], previousLabel: expect.any(String) },
      expect.objectContaining({ list: 'findings', fields: ['label'] }),
    ])
    expect(diff.metaFields).toEqual([])
    expect(diff.articleChanged).toBe(false)

    const back = diffKnowledge(after, before)
    expect(back.removed).toEqual([{ list: 'causes', id: 'stress-aigu', label: 'Stress aigu' }])
    expect(back.added).toEqual([])
  })

  it('in French, for the command line', async () => {
    const before = await kb()
    const after = await kb({ revision: '2026-12-15', edition: '2', rename: { deshydratation: 'Déshydratation sévère' } })
    const lines = describeDiff(diffKnowledge(before, after))
    const previous = before.causes.find((c) => c.id === 'deshydratation')?.name
    expect(lines).toEqual([
      `Révision${NBSP}: 25${NBSP}novembre 2026 → 15${NBSP}décembre 2026`,
      `Édition${NBSP}: 1 → 2`,
      `Entrées ajoutées${NBSP}: aucune`,
      `Entrées retirées${NBSP}: aucune`,
      `Entrées modifiées (1)${NBSP}:`,
      `  ~ Causes${NBSP}: Déshydratation sévère (deshydratation), anciennement «${NBSP}${previous}${NBSP}» — champ${NBSP}: nom`,
      `Article source${NBSP}: inchangé`,
    ])
  })

  it('keeps at most `limit` entries per list, and the whole counts', async () => {
    const before = await kb()
    const after = { ...before, causes: [], differentials: [] }
    const diff = diffKnowledge(before, after, 5)
    expect(diff.removed).toHaveLength(5)
    expect(diff.counts.removed).toBe(before.causes.length + before.differentials.length)
    expect(describeDiff(diff)).toContain(`  … et ${diff.counts.removed - 5} autres`)
  })

  it('meta.json and the article', async () => {
    const before = await kb()
    const after: KnowledgeBase = { ...before, article: `${before.article}\n`, meta: { ...before.meta!, editor: 'Autre éditeur' } }
    const diff = diffKnowledge(before, after)
    expect(diff.metaFields).toEqual(['editor'])
    expect(diff.articleChanged).toBe(true)
  })
})
