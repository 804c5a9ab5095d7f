// What a handout holds: the one rule, shared by the Fiche patient form,
// « Ajouter à la fiche patient », the settings' defaults and the command line.
//
// - Ticking a cause brings the advice the knowledge base ties to it (advice.appliesTo).
// - An advice stays only while a ticked cause brings it, or while the clinician
//   ticked it by hand; an advice the clinician unticked stays off while a cause
//   brings it, whatever else is ticked.
// - The red flags are not a choice: composeHandout always prints them.
//
// Pure: no React, no Electron. The choice keeps what the clinician did by hand,
// so that the advice can follow the causes without losing those decisions.
import { conditionsOf, type KnowledgeOutline } from '../kb/types'
import type { HandoutOptions } from './options'

export interface HandoutChoice {
  /** Cause and differential ids, in the order they were ticked. */
  causes: string[]
  /** Advice ticked by hand: kept whatever the causes. */
  addedAdvice: string[]
  /** Advice unticked by hand although a ticked cause brings it. */
  removedAdvice: string[]
}

export type HandoutSelection = Pick<HandoutOptions, 'causes' | 'advice'>

/** Advice ids (knowledge-base order) that the given causes bring. */
export function adviceFor(kb: KnowledgeOutline, causeIds: readonly string[]): string[] {
  const chosen = new Set(causeIds)
  return kb.advice.filter((a) => a.appliesTo.some((id) => chosen.has(id))).map((a) => a.id)
}

/** The advice a choice gives, in knowledge-base order. */
export function adviceOf(kb: KnowledgeOutline, choice: HandoutChoice): string[] {
  const brought = new Set(adviceFor(kb, choice.causes))
  const added = new Set(choice.addedAdvice)
  const removed = new Set(choice.removedAdvice)
  return kb.advice.filter((a) => added.has(a.id) || (brought.has(a.id) && !removed.has(a.id))).map((a) => a.id)
}

/** What a handout made from this choice holds (the options' causes and advice). */
export function selectionOf(kb: KnowledgeOutline, choice: HandoutChoice): HandoutSelection {
  return { causes: [...choice.causes], advice: adviceOf(kb, choice) }
}

/**
 * The choice that gives exactly these causes and advice (saved defaults, the
 * command line's lists): an advice no cause brings counts as ticked by hand,
 * an advice a cause brings but missing from the list as unticked by hand.
 */
export function choiceFrom(kb: KnowledgeOutline, selection: HandoutSelection): HandoutChoice {
  const brought = new Set(adviceFor(kb, selection.causes))
  const advice = new Set(selection.advice)
  return {
    causes: unique(selection.causes),
    addedAdvice: kb.advice.filter((a) => advice.has(a.id) && !brought.has(a.id)).map((a) => a.id),
    removedAdvice: kb.advice.filter((a) => brought.has(a.id) && !advice.has(a.id)).map((a) => a.id),
  }
}

/**
 * Ticks or unticks a cause; its advice follows, except what the clinician
 * unticked by hand while a cause brought it (« Boire suffisamment » for a
 * patient on fluid restriction stays off when another cause is ticked). An
 * untick by hand is forgotten once no ticked cause brings that advice.
 */
export function withCause(kb: KnowledgeOutline, choice: HandoutChoice, id: string, on: boolean): HandoutChoice {
  const causes = on ? unique([...choice.causes, id]) : choice.causes.filter((c) => c !== id)
  const stillBrought = new Set(adviceFor(kb, causes))
  return {
    causes,
    addedAdvice: choice.addedAdvice,
    removedAdvice: choice.removedAdvice.filter((a) => stillBrought.has(a)),
  }
}

/** Ticks or unticks an advice by hand. */
export function withAdvice(kb: KnowledgeOutline, choice: HandoutChoice, id: string, on: boolean): HandoutChoice {
  const brought = adviceFor(kb, choice.causes).includes(id)
  const addedAdvice = choice.addedAdvice.filter((a) => a !== id)
  const removedAdvice = choice.removedAdvice.filter((a) => a !== id)
  if (on && !brought) addedAdvice.push(id)
  if (!on && brought) removedAdvice.push(id)
  return { causes: choice.causes, addedAdvice, removedAdvice }
}

/** Why an advice is on the handout (or would be): the ticked causes that bring it, and whether it was ticked by hand. */
export function adviceReasons(kb: KnowledgeOutline, choice: HandoutChoice, adviceId: string): { causes: string[]; byHand: boolean } {
  const advice = kb.advice.find((a) => a.id === adviceId)
  const appliesTo = new Set(advice?.appliesTo ?? [])
  return { causes: choice.causes.filter((c) => appliesTo.has(c)), byHand: choice.addedAdvice.includes(adviceId) }
}

/**
 * The standard handout: the common, usually harmless causes (causes.json,
 * "généralement bénin") and the advice they bring. The clinician ticks the
 * others (alcohol, medication, a nerve…) for the patient in front of them.
 */
export function standardChoice(kb: KnowledgeOutline): HandoutChoice {
  return { causes: kb.causes.filter((c) => c.seriousness === 'benin').map((c) => c.id), addedAdvice: [], removedAdvice: [] }
}

/**
 * The choice a handout starts from: saved causes and advice (the settings'
 * defaults, the command line's lists), each falling back to the standard
 * handout's causes and to the advice those causes bring.
 */
export function startingChoice(kb: KnowledgeOutline, saved: { causes: string[] | null; advice: string[] | null }): HandoutChoice {
  const causes = saved.causes ?? standardChoice(kb).causes
  return saved.advice ? choiceFrom(kb, { causes, advice: saved.advice }) : { causes: unique(causes), addedAdvice: [], removedAdvice: [] }
}

/** The standard handout's causes and advice. */
export function standardSelection(kb: KnowledgeOutline): HandoutSelection {
  return selectionOf(kb, standardChoice(kb))
}

/** Ids of a selection that the knowledge base does not hold. */
export function unknownSelection(kb: KnowledgeOutline, selection: HandoutSelection): string[] {
  const conditions = new Set(conditionsOf(kb).map((c) => c.id))
  const advice = new Set(kb.advice.map((a) => a.id))
  return [...selection.causes.filter((id) => !conditions.has(id)), ...selection.advice.filter((id) => !advice.has(id))]
}

/** The same choice without the ids the knowledge base no longer holds (saved defaults of an older base). */
export function knownChoice(kb: Pick<KnowledgeOutline, 'causes' | 'differentials' | 'advice'>, choice: HandoutChoice): HandoutChoice {
  const conditions = new Set(conditionsOf(kb).map((c) => c.id))
  const advice = new Set(kb.advice.map((a) => a.id))
  return {
    causes: choice.causes.filter((id) => conditions.has(id)),
    addedAdvice: choice.addedAdvice.filter((id) => advice.has(id)),
    removedAdvice: choice.removedAdvice.filter((id) => advice.has(id)),
  }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)]
}
