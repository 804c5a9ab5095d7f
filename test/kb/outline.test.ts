// The first screen's knowledge base (outlineOf) and a detail's fields
// (detailsOf): together they are the entry, nothing lost, nothing doubled.
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadKnowledgeBase } from '../../electron/main/knowledge/load'
import { detailsOf, outlineOf } from '../../electron/main/knowledge/outline'
import { DETAIL_FIELDS, conditionsOf, type KnowledgeBaseSnapshot } from '../../shared/kb/types'

let snapshot: KnowledgeBaseSnapshot

beforeAll(async () => {
  snapshot = await loadKnowledgeBase(resolve(import.meta.dirname, '../../resources'))
})

describe('outlineOf', () => {
  it('keeps every entry, in order, with every field but the detail ones', () => {
    const outline = outlineOf(snapshot)
    const full = conditionsOf(snapshot.kb)
    const summaries = conditionsOf(outline.kb)
    expect(summaries.map((c) => c.id)).toEqual(full.map((c) => c.id))
    full.forEach((entry, i) => {
      const summary = summaries[i] as Record<string, unknown>
      for (const field of DETAIL_FIELDS) expect(summary).not.toHaveProperty(field)
      const details = detailsOf(snapshot, entry.id)
      expect({ ...summary, ...details, articleTerms: entry.articleTerms }).toEqual(entry)
    })
  })

  it('leaves the rest of the base as it is, and the snapshot untouched', () => {
    const before = structuredClone(snapshot)
    const { kb, problems } = outlineOf(snapshot)
    const { causes: _c, differentials: _d, ...rest } = kb
    const { causes: _fc, differentials: _fd, ...fullRest } = snapshot.kb
    expect(rest).toEqual(fullRest)
    expect(problems).toBe(snapshot.problems)
    expect(snapshot).toEqual(before)
  })

  it('is made once per snapshot', () => {
    expect(outlineOf(snapshot)).toBe(outlineOf(snapshot))
  })

  it('is much smaller than the snapshot', () => {
    const size = (value: unknown) => JSON.stringify(conditionsOf((value as KnowledgeBaseSnapshot).kb)).length
    expect(size(outlineOf(snapshot))).toBeLessThan(0.65 * size(snapshot))
  })
})

describe('detailsOf', () => {
  it('answers null for an id the snapshot does not have', () => {
    expect(detailsOf(snapshot, 'nexiste-pas')).toBeNull()
    expect(detailsOf(snapshot, '')).toBeNull()
  })
})
