// The handout's defaults read from the settings (renderer/src/handout/defaults.ts):
// the standard handout when nothing is saved, the ids the knowledge base lacks
// dropped, and saved advice read back through the same rule as the form's ticks.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { defaultsFor } from '../../renderer/src/handout/defaults'
import {
  selectionOf,
  standardChoice,
  standardSelection,
  unknownSelection,
  withAdvice,
  withCause,
  type HandoutChoice,
} from '../../shared/handout/selection'
import { conditionsOf } from '../../shared/kb/types'
import { DEFAULT_SETTINGS } from '../../shared/settings/schema'
import { fixtureKb } from '../handout/fixture'

const kb = fixtureKb()
const NONE: HandoutChoice = { causes: [], addedAdvice: [], removedAdvice: [] }
type Saved = Parameters<typeof defaultsFor>[1]

/** Ticks causes one by one from an empty form, as the clinician would. */
const ticked = (causes: readonly string[], from: HandoutChoice = NONE): HandoutChoice =>
  causes.reduce((choice, id) => withCause(kb, choice, id, true), from)

describe('defaultsFor', () => {
  it('with nothing saved: the standard handout, in normal print', () => {
    const defaults = defaultsFor(kb, null)
    expect(defaults).toEqual({ choice: standardChoice(kb), largePrint: false })
    expect(selectionOf(kb, defaults.choice)).toEqual(standardSelection(kb))
  })

  it('with nothing saved: the same choice as ticking the standard causes one by one', () => {
    expect(standardChoice(kb).causes).toEqual(['deshydratation', 'stress', 'effort'])
    expect(defaultsFor(kb, null).choice).toEqual(ticked(standardChoice(kb).causes))
  })

  it('the settings’ own defaults (causes and advice null) are the standard handout too; the print size is theirs', () => {
    expect(DEFAULT_SETTINGS.handoutDefaults).toEqual({ largePrint: false, causes: null, advice: null })
    expect(defaultsFor(kb, DEFAULT_SETTINGS.handoutDefaults)).toEqual(defaultsFor(kb, null))
    expect(defaultsFor(kb, { largePrint: true, causes: null, advice: null })).toEqual({ choice: standardChoice(kb), largePrint: true })
  })

  it('an empty saved list is no causes, not the standard handout', () => {
    const defaults = defaultsFor(kb, { largePrint: false, causes: [], advice: [] })
    expect(selectionOf(kb, defaults.choice)).toEqual({ causes: [], advice: [] })
  })

  it('drops the saved causes and advice the knowledge base no longer has', () => {
    const saved: Saved = {
      largePrint: false,
      causes: ['gone-cause', 'stress', 'hernie-discale'],
      advice: ['gone-advice', 'detente', 'boire'],
    }
    const { choice } = defaultsFor(kb, saved)
    expect(choice).toEqual({ causes: ['stress', 'hernie-discale'], addedAdvice: ['boire'], removedAdvice: [] })
    expect(selectionOf(kb, choice)).toEqual({ causes: ['stress', 'hernie-discale'], advice: ['boire', 'detente'] })
    expect(unknownSelection(kb, selectionOf(kb, choice))).toEqual([])
  })

  it('saved causes without saved advice bring those causes’ advice, as ticking them does', () => {
    const defaults = defaultsFor(kb, { largePrint: false, causes: ['effort', 'stress', 'effort'], advice: null })
    expect(defaults.choice).toEqual(ticked(['effort', 'stress']))
    expect(selectionOf(kb, defaults.choice)).toEqual({ causes: ['effort', 'stress'], advice: ['recuperer', 'detente'] })
  })

  it('a saved advice left out while its cause is saved reads back as unticked by hand: it stays off', () => {
    const byHand = withAdvice(kb, ticked(['deshydratation', 'stress']), 'detente', false)
    const defaults = defaultsFor(kb, { largePrint: false, ...selectionOf(kb, byHand) })
    expect(defaults.choice).toEqual(byHand)
    // Unticked by hand, it stays off while its cause is ticked, from the defaults as from the form.
    const again = (choice: HandoutChoice) => selectionOf(kb, withCause(kb, choice, 'effort', true)).advice
    expect(again(defaults.choice)).toEqual(['boire', 'recuperer'])
    expect(again(defaults.choice)).toEqual(again(byHand))
  })

  it('a saved advice no saved cause brings reads back as ticked by hand: it stays when the causes change', () => {
    const byHand = withAdvice(kb, ticked(['stress']), 'boire', true)
    const defaults = defaultsFor(kb, { largePrint: false, ...selectionOf(kb, byHand) })
    expect(defaults.choice).toEqual(byHand)
    expect(selectionOf(kb, withCause(kb, defaults.choice, 'stress', false))).toEqual({ causes: [], advice: ['boire'] })
  })

  it('over any ticks: what was saved is what the defaults give, with only known ids', () => {
    const ids = conditionsOf(kb).map((c) => c.id)
    const advice = kb.advice.map((a) => a.id)
    const step = fc.oneof(
      fc.record({ cause: fc.constantFrom(...ids, 'gone'), on: fc.boolean() }),
      fc.record({ advice: fc.constantFrom(...advice, 'gone'), on: fc.boolean() }),
    )
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), fc.boolean(), (steps, largePrint) => {
        const choice = steps.reduce((c, s) => ('cause' in s ? withCause(kb, c, s.cause, s.on) : withAdvice(kb, c, s.advice, s.on)), NONE)
        const saved = selectionOf(kb, choice)
        const defaults = defaultsFor(kb, { largePrint, ...saved })
        const known = (list: string[], of: readonly string[]) => list.filter((id) => of.includes(id))
        expect(selectionOf(kb, defaults.choice)).toEqual({ causes: known(saved.causes, ids), advice: known(saved.advice, advice) })
        expect(defaults.largePrint).toBe(largePrint)
      }),
    )
  })
})
