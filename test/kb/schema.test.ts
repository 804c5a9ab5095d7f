import { describe, expect, it } from 'vitest'
import { KB_FILES } from '../../shared/kb/schema'
import { HANDOUT_SECTIONS } from '../../shared/kb/vocabulary'
import { LIST_KEYS, readKb, readRaw } from './kb-files'
import { conditionsOf } from '../../shared/kb/types'

describe('knowledge-base files against their schema', () => {
  it('meta.json parses and names the article copy', () => {
    const parsed = KB_FILES.meta.schema.safeParse(readRaw('meta'))
    expect(parsed.error?.issues ?? []).toEqual([])
    expect(parsed.data?.source).toEqual({
      title: 'Contractions musculaires au mollet',
      file: 'source/contractions-musculaires-au-mollet.txt',
      language: 'fr',
    })
    expect(parsed.data?.revision).toBe('2026-11-25')
  })

  for (const key of LIST_KEYS) {
    it(`${KB_FILES[key].file}: a non-empty list whose every entry parses`, () => {
      const raw = readRaw(key)
      expect(Array.isArray(raw)).toBe(true)
      const items = raw as unknown[]
      expect(items.length).toBeGreaterThan(0)
      const failures = items.flatMap((item, index) => {
        const parsed = KB_FILES[key].schema.safeParse(item)
        return parsed.success ? [] : [{ index, issues: parsed.error.issues }]
      })
      expect(failures).toEqual([])
    })

    it(`${KB_FILES[key].file}: ids are unique`, () => {
      const ids = (readKb()[key] as { id: string }[]).map((e) => e.id)
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
    })
  }

  it('ids are unique across causes and differentials, and each file holds its own kind', () => {
    const kb = readKb()
    const ids = conditionsOf(kb).map((c) => c.id)
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
    expect(kb.causes.every((c) => c.kind === 'cause')).toBe(true)
    expect(kb.differentials.every((c) => c.kind === 'differential')).toBe(true)
  })
})

describe('references between files', () => {
  const kb = readKb()
  const conditions = conditionsOf(kb)
  const conditionIds = new Set(conditions.map((c) => c.id))
  const findingIds = new Set(kb.findings.map((f) => f.id))
  const contextIds = new Set(kb.findings.filter((f) => f.group === 'contexte').map((f) => f.id))
  const topicIds = new Set(kb.topics.map((t) => t.id))

  it('conditions point at existing findings, contexts, conditions and topics', () => {
    const dangling = conditions.flatMap((c) => [
      ...c.contexts.filter((id) => !contextIds.has(id)).map((id) => `${c.id}.contexts:${id}`),
      ...[...c.pointingFindings, ...c.opposingFindings, ...c.usualFindings]
        .filter((id) => !findingIds.has(id))
        .map((id) => `${c.id}.findings:${id}`),
      ...c.related.filter((id) => !conditionIds.has(id) || id === c.id).map((id) => `${c.id}.related:${id}`),
      ...c.topics.filter((id) => !topicIds.has(id)).map((id) => `${c.id}.topics:${id}`),
    ])
    expect(dangling).toEqual([])
  })

  it('a usual finding of a condition also points to it', () => {
    const loose = conditions.flatMap((c) => c.usualFindings.filter((f) => !c.pointingFindings.includes(f)).map((f) => `${c.id}:${f}`))
    expect(loose).toEqual([])
  })

  it('a finding never both points to and opposes the same condition', () => {
    const both = conditions.flatMap((c) => c.pointingFindings.filter((f) => c.opposingFindings.includes(f)).map((f) => `${c.id}:${f}`))
    expect(both).toEqual([])
  })

  it('advice and topics refer to existing conditions; topic links agree both ways', () => {
    expect(kb.advice.flatMap((a) => a.appliesTo.filter((id) => !conditionIds.has(id)))).toEqual([])
    expect(kb.topics.flatMap((t) => t.related.filter((id) => !conditionIds.has(id)))).toEqual([])
    for (const topic of kb.topics) {
      const fromConditions = conditions.filter((c) => c.topics.includes(topic.id)).map((c) => c.id)
      expect([...fromConditions].sort(), topic.id).toEqual([...topic.related].sort())
    }
  })

  it('related conditions are listed on both sides', () => {
    const byId = new Map(conditions.map((c) => [c.id, c]))
    const oneWay = conditions.flatMap((c) =>
      c.related.filter((other) => !byId.get(other)?.related.includes(c.id)).map((other) => `${c.id}→${other}`),
    )
    expect(oneWay).toEqual([])
  })

  it('red-flag findings carry advice and a referral; contexts carry neither', () => {
    for (const f of kb.findings) {
      if (f.redFlag) {
        expect(f.advice, f.id).not.toBeNull()
        expect(f.referral, f.id).not.toBeNull()
      }
      if (f.group === 'contexte') {
        expect(f.redFlag, f.id).toBe(false)
        expect([f.advice, f.referral], f.id).toEqual([null, null])
      }
    }
  })

  it('every handout section has at least one block', () => {
    const sections = new Set(kb.handout.map((b) => b.section))
    expect([...sections].sort()).toEqual(Object.keys(HANDOUT_SECTIONS).sort())
    // One opening for a handout without a red flag present, one for a handout with one: never both.
    const openings = kb.handout.filter((b) => b.section === 'message-principal')
    expect(openings.filter((b) => b.when === 'sans-alerte')).toHaveLength(1)
    expect(openings.filter((b) => b.when === 'alerte')).toHaveLength(1)
    expect(openings.filter((b) => b.when === undefined)).toEqual([])
  })

  it('a block written for one kind of handout has its counterpart for the other', () => {
    // A section left with nothing to say on a red-flag handout would lose its heading silently.
    for (const section of new Set(kb.handout.filter((b) => b.when === 'sans-alerte').map((b) => b.section))) {
      expect(
        kb.handout.some((b) => b.section === section && b.when === 'alerte'),
        section,
      ).toBe(true)
    }
  })
})
