// The one rule for what a handout holds (shared/handout/selection.ts): on a
// small knowledge base, on the real one (the Épilepsie case a clinician met), and
// as properties over any sequence of ticks.
import { beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { resolve } from 'node:path'
import {
  adviceFor,
  adviceOf,
  adviceReasons,
  choiceFrom,
  knownChoice,
  selectionOf,
  standardChoice,
  standardSelection,
  withAdvice,
  withCause,
  type HandoutChoice,
} from '../../shared/handout/selection'
import { conditionsOf, type KnowledgeBase } from '../../shared/kb/types'
import { loadKnowledgeBase } from '../../electron/main/knowledge/load'
import { fixtureKb } from './fixture'

const NONE: HandoutChoice = { causes: [], addedAdvice: [], removedAdvice: [] }

describe('on a small knowledge base', () => {
  const kb = fixtureKb()

  it('the standard handout: the harmless causes and their advice', () => {
    expect(standardSelection(kb)).toEqual({
      causes: ['deshydratation', 'stress', 'effort'],
      advice: ['boire', 'recuperer', 'detente'],
    })
  })

  it('advice follows the causes it belongs to', () => {
    expect(adviceFor(kb, ['stress'])).toEqual(['detente'])
    expect(adviceFor(kb, ['hernie-discale'])).toEqual([])
  })

  it('ticking a cause brings its advice; unticking it takes it away', () => {
    const on = withCause(kb, NONE, 'stress', true)
    expect(adviceOf(kb, on)).toEqual(['detente'])
    expect(adviceOf(kb, withCause(kb, on, 'stress', false))).toEqual([])
  })

  it('an advice ticked by hand stays when its cause goes', () => {
    const choice = withAdvice(kb, withCause(kb, NONE, 'deshydratation', true), 'detente', true)
    expect(adviceOf(kb, choice)).toEqual(['boire', 'detente'])
    expect(adviceReasons(kb, choice, 'detente')).toEqual({ causes: [], byHand: true })
    expect(adviceOf(kb, withCause(kb, choice, 'deshydratation', false))).toEqual(['detente'])
  })

  it('an advice unticked by hand stays off while its cause is ticked, and comes back when the cause is ticked again', () => {
    const off = withAdvice(kb, withCause(kb, NONE, 'stress', true), 'detente', false)
    expect(adviceOf(kb, off)).toEqual([])
    const again = withCause(kb, withCause(kb, off, 'stress', false), 'stress', true)
    expect(adviceOf(kb, again)).toEqual(['detente'])
  })

  it('an advice unticked by hand stays off when another cause bringing it is ticked, unticked and ticked again', () => {
    const kb2 = { ...kb, advice: kb.advice.map((a) => (a.id === 'boire' ? { ...a, appliesTo: ['deshydratation', 'effort'] } : a)) }
    let choice = withCause(kb2, withCause(kb2, NONE, 'deshydratation', true), 'effort', true)
    choice = withAdvice(kb2, choice, 'boire', false)
    choice = withCause(kb2, withCause(kb2, choice, 'effort', false), 'effort', true)
    expect(adviceOf(kb2, choice)).not.toContain('boire')
    expect(adviceReasons(kb2, choice, 'boire').causes).toEqual(['deshydratation', 'effort'])
  })

  it('says which ticked causes bring an advice', () => {
    const choice = withCause(kb, withCause(kb, NONE, 'effort', true), 'stress', true)
    expect(adviceReasons(kb, choice, 'recuperer')).toEqual({ causes: ['effort'], byHand: false })
  })

  it('drops ids the knowledge base no longer holds', () => {
    expect(knownChoice(kb, { causes: ['stress', 'gone'], addedAdvice: ['gone', 'boire'], removedAdvice: ['x'] })).toEqual({
      causes: ['stress'],
      addedAdvice: ['boire'],
      removedAdvice: [],
    })
  })
})

describe('on the real knowledge base', () => {
  let kb: KnowledgeBase
  beforeAll(async () => {
    kb = (await loadKnowledgeBase(resolve(import.meta.dirname, '../../resources'))).kb
  })

  it('untick the harmless causes, tick Épilepsie: the neurological advice and none of the mineral advice', () => {
    let choice = standardChoice(kb)
    for (const id of [...choice.causes]) choice = withCause(kb, choice, id, false)
    choice = withCause(kb, choice, 'epilepsie', true)
    const { causes, advice } = selectionOf(kb, choice)
    expect(causes).toEqual(['epilepsie'])
    expect(advice).toEqual(['traitement-causes-neurologiques'])
  })

  it('« Ajouter à la fiche patient » and ticking the box give the same handout', () => {
    for (const entry of conditionsOf(kb)) {
      const fromForm = withCause(kb, standardChoice(kb), entry.id, true)
      // The detail's button adds the entry to whatever the form holds: the same call.
      expect(selectionOf(kb, fromForm).advice).toEqual(adviceFor(kb, [...standardChoice(kb).causes, entry.id]))
    }
  })
})

describe('properties, over any sequence of ticks', () => {
  const kb = fixtureKb()
  const causeIds = conditionsOf(kb).map((c) => c.id)
  const adviceIds = kb.advice.map((a) => a.id)
  const step = fc.oneof(
    fc.record({ kind: fc.constant('cause' as const), id: fc.constantFrom(...causeIds), on: fc.boolean() }),
    fc.record({ kind: fc.constant('advice' as const), id: fc.constantFrom(...adviceIds), on: fc.boolean() }),
  )
  const play = (steps: { kind: 'cause' | 'advice'; id: string; on: boolean }[]): HandoutChoice =>
    steps.reduce((c, s) => (s.kind === 'cause' ? withCause(kb, c, s.id, s.on) : withAdvice(kb, c, s.id, s.on)), NONE)

  it('every advice on the handout has a ticked cause or was ticked by hand; every advice off was unticked or has no cause', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const choice = play(steps)
        const advice = adviceOf(kb, choice)
        for (const id of adviceIds) {
          const reasons = adviceReasons(kb, choice, id)
          if (advice.includes(id)) expect(reasons.byHand || reasons.causes.length > 0).toBe(true)
          else expect(reasons.byHand).toBe(false)
        }
      }),
    )
  })

  it('the last tick of an advice decides it', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), fc.constantFrom(...adviceIds), fc.boolean(), (steps, id, on) => {
        expect(adviceOf(kb, withAdvice(kb, play(steps), id, on)).includes(id)).toBe(on)
      }),
    )
  })

  it('a saved selection (the settings defaults, the command line) reads back as the same handout', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const selection = selectionOf(kb, play(steps))
        expect(selectionOf(kb, choiceFrom(kb, selection))).toEqual(selection)
      }),
    )
  })
})
