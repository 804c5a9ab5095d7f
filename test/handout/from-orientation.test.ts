// The rule that turns the orientation into the handout's ticks
// (shared/handout/from-orientation.ts), on the real knowledge base.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { redFlagAlert, type FindingState, type MarkedFindings } from '../../shared/differentials/match'
import { editOf, orientationCauses, patientHandout, withEdit, type HandoutEdit } from '../../shared/handout/from-orientation'
import { adviceFor, adviceOf, standardChoice } from '../../shared/handout/selection'
import { conditionsOf, type KnowledgeOutline } from '../../shared/kb/types'
import { readKb } from '../kb/kb-files'

const kb = readKb() as unknown as KnowledgeOutline
const defaults = standardChoice(kb)
const redFlagIds = kb.findings.filter((f) => f.redFlag).map((f) => f.id)
const benign = new Set(defaults.causes)

const marked = fc
  .dictionary(fc.constantFrom(...kb.findings.map((f) => f.id)), fc.constantFrom<FindingState>('present', 'absent'), { maxKeys: 8 })
  .map((d): MarkedFindings => d)
const edit = fc.oneof(
  fc.record({ kind: fc.constant('cause' as const), id: fc.constantFrom(...conditionsOf(kb).map((c) => c.id)), on: fc.boolean() }),
  fc.record({ kind: fc.constant('advice' as const), id: fc.constantFrom(...kb.advice.map((a) => a.id)), on: fc.boolean() }),
)
const edits = fc.array(edit, { maxLength: 8 }).map((list) => list.reduce<HandoutEdit[]>(withEdit, []))

describe('the handout follows the orientation', () => {
  it('with nothing marked, it is the default handout', () => {
    const h = patientHandout(kb, {}, defaults, [])
    expect(h.basis).toBe('defaut')
    expect(h.choice).toEqual(defaults)
    expect(h.alerts).toEqual([])
    expect([...h.reasons.values()].every((r) => r === 'defaut')).toBe(true)
  })

  it('pain down the leg and tingling: the disc herniation is ticked, the harmless defaults are not', () => {
    const h = patientHandout(kb, { 'douleur-jambe-dos': 'present', picotements: 'present' }, defaults, [])
    expect(h.basis).toBe('orientation')
    expect(h.choice.causes).toContain('hernie-discale-lombaire')
    expect(h.reasons.get('hernie-discale-lombaire')).toBe('orientation')
    expect(h.alerts).toEqual(['douleur-jambe-dos', 'picotements'])
    for (const id of h.choice.causes)
      expect(orientationCauses(kb, { 'douleur-jambe-dos': 'present', picotements: 'present' })).toContain(id)
  })

  it('stress alone: only what the orientation ranks, with its advice', () => {
    const h = patientHandout(kb, { stress: 'present' }, defaults, [])
    expect(h.basis).toBe('orientation')
    expect(h.choice.causes).toEqual(orientationCauses(kb, { stress: 'present' }))
    expect(adviceOf(kb, h.choice)).toEqual(adviceFor(kb, h.choice.causes))
  })

  it('an untick by hand survives a change of the findings; a tick by hand says so', () => {
    const first = patientHandout(kb, { picotements: 'present' }, defaults, [])
    const [ranked] = first.choice.causes
    expect(ranked).toBeDefined()
    const byHand = withEdit(withEdit([], { kind: 'cause', id: ranked as string, on: false }), {
      kind: 'cause',
      id: 'stress-eleve',
      on: true,
    })
    const later = patientHandout(kb, { picotements: 'present', 'douleur-jambe-dos': 'present' }, defaults, byHand)
    expect(later.choice.causes).not.toContain(ranked)
    expect(later.reasons.get('stress-eleve')).toBe('main')
  })

  it('an edit naming an entry the content no longer holds is dropped', () => {
    const h = patientHandout(kb, {}, defaults, [{ kind: 'cause', id: 'retiree-du-contenu', on: true }])
    expect(h.choice.causes).not.toContain('retiree-du-contenu')
  })

  it('withEdit keeps only the last edit of a box', () => {
    const list = [
      { kind: 'cause', id: 'a', on: true },
      { kind: 'advice', id: 'a', on: false },
      { kind: 'cause', id: 'a', on: false },
    ].reduce<HandoutEdit[]>((l, e) => withEdit(l, e as HandoutEdit), [])
    expect(list).toEqual([
      { kind: 'advice', id: 'a', on: false },
      { kind: 'cause', id: 'a', on: false },
    ])
    expect(editOf(list, 'cause', 'a')?.on).toBe(false)
  })
})

describe('properties over any marked findings and edits (fast-check)', () => {
  it('the alerts are exactly the red flags marked present', () => {
    fc.assert(
      fc.property(marked, edits, (m, e) => {
        const h = patientHandout(kb, m, defaults, e)
        expect(h.alerts).toEqual(redFlagIds.filter((id) => m[id] === 'present'))
        expect(h.alerts.length > 0).toBe(redFlagAlert(kb, m) !== null)
      }),
    )
  })

  it('every ranked entry is ticked unless unticked by hand; nothing else is ticked but by hand', () => {
    fc.assert(
      fc.property(marked, edits, (m, e) => {
        const h = patientHandout(kb, m, defaults, e)
        const ranked = orientationCauses(kb, m)
        if (ranked.length === 0) return
        for (const id of ranked) expect(h.choice.causes.includes(id)).toBe(editOf(e, 'cause', id)?.on !== false)
        for (const id of h.choice.causes) expect(ranked.includes(id) || editOf(e, 'cause', id)?.on === true).toBe(true)
      }),
    )
  })

  it('with a red flag present, no harmless default is ticked unless ranked or ticked by hand', () => {
    fc.assert(
      fc.property(marked, edits, (m, e) => {
        const h = patientHandout(kb, m, defaults, e)
        if (h.alerts.length === 0) return
        expect(h.basis).not.toBe('defaut')
        const ranked = new Set(orientationCauses(kb, m))
        for (const id of h.choice.causes) {
          if (benign.has(id)) expect(ranked.has(id) || editOf(e, 'cause', id)?.on === true, id).toBe(true)
        }
      }),
    )
  })

  it('with no red flag present and nothing ranked, the defaults as edited by hand', () => {
    fc.assert(
      fc.property(marked, (m) => {
        const h = patientHandout(kb, m, defaults, [])
        if (h.alerts.length > 0 || orientationCauses(kb, m).length > 0) return
        expect(h.basis).toBe('defaut')
        expect(h.choice).toEqual(defaults)
      }),
    )
  })

  it('every ticked cause has a reason, and « main » only for a tick by hand', () => {
    fc.assert(
      fc.property(marked, edits, (m, e) => {
        const h = patientHandout(kb, m, defaults, e)
        expect([...h.reasons.keys()]).toEqual(h.choice.causes)
        for (const [id, reason] of h.reasons) if (reason === 'main') expect(editOf(e, 'cause', id)?.on).toBe(true)
      }),
    )
  })
})
