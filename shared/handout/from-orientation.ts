// What the handout holds for the patient in front of the clinician. Once the
// marked findings point somewhere, the handout starts from the orientation:
// the entries it ranks (serious and probable) are ticked, with their advice.
// The saved defaults (the common, harmless causes) apply only when nothing is
// indicated: no entry ranked and no red flag present. What the clinician
// ticked or unticked by hand is replayed on top, in the order it was done,
// through the one rule of selection.ts, so every tick stays theirs to change
// and survives a change of the findings.
//
// Pure: no React, no Electron.
import { matchDifferentials, redFlagAlert, type MarkedFindings, type MatchKb } from '../differentials/match'
import type { KnowledgeOutline } from '../kb/types'
import type { Referral } from '../kb/vocabulary'
import { knownChoice, withAdvice, withCause, type HandoutChoice } from './selection'

/** One tick or untick by hand on the Fiche patient form (or « Ajouter à la fiche patient »). */
export interface HandoutEdit {
  kind: 'cause' | 'advice'
  id: string
  on: boolean
}

/** Why a cause is ticked: the orientation ranks it, the defaults bring it, or the clinician ticked it. */
export type CauseReason = 'orientation' | 'defaut' | 'main'

/** Where the ticks start from before any edit by hand. */
export type HandoutBasis =
  /** Entries ranked serious or probable by the marked findings. */
  | 'orientation'
  /** A red flag is present and no entry is ranked: no cause is ticked (never the harmless defaults). */
  | 'alerte'
  /** Nothing indicated: the saved defaults. */
  | 'defaut'

export interface PatientHandout {
  choice: HandoutChoice
  /** For each ticked cause, why it is there. */
  reasons: ReadonlyMap<string, CauseReason>
  basis: HandoutBasis
  /** Red-flag finding ids marked present, in findings.json order: the handout opens on consulting. */
  alerts: string[]
  /** Where those red flags send the patient (redFlagAlert's rule); null with none present. */
  referral: Referral | null
}

/** The entries the orientation ranks (serious, then probable), in its order. */
export function orientationCauses(kb: MatchKb, marked: MarkedFindings): string[] {
  return matchDifferentials(kb, marked)
    .filter((r) => r.group === 'serieux' || r.group === 'probable')
    .map((r) => r.id)
}

/** The edits with this one last; an earlier edit of the same box is dropped (only the last says what the clinician wants). */
export function withEdit(edits: readonly HandoutEdit[], edit: HandoutEdit): HandoutEdit[] {
  return [...edits.filter((e) => e.kind !== edit.kind || e.id !== edit.id), edit]
}

/** The last edit of a box, if the clinician touched it. */
export function editOf(edits: readonly HandoutEdit[], kind: HandoutEdit['kind'], id: string): HandoutEdit | undefined {
  return edits.findLast((e) => e.kind === kind && e.id === id)
}

export function patientHandout(
  kb: KnowledgeOutline,
  marked: MarkedFindings,
  defaults: HandoutChoice,
  edits: readonly HandoutEdit[],
): PatientHandout {
  const ranked = orientationCauses(kb, marked)
  const alert = redFlagAlert(kb, marked)
  const alerts = alert?.findings.map((f) => f.id) ?? []
  const basis: HandoutBasis = ranked.length > 0 ? 'orientation' : alerts.length > 0 ? 'alerte' : 'defaut'
  const start: HandoutChoice =
    basis === 'defaut' ? defaults : { causes: basis === 'orientation' ? ranked : [], addedAdvice: [], removedAdvice: [] }
  let choice = start
  for (const e of edits) choice = e.kind === 'cause' ? withCause(kb, choice, e.id, e.on) : withAdvice(kb, choice, e.id, e.on)
  // An edit made before the content was updated may name an entry the new content no longer holds.
  choice = knownChoice(kb, choice)
  const fromStart: CauseReason = basis === 'orientation' ? 'orientation' : 'defaut'
  const reasons = new Map<string, CauseReason>(
    choice.causes.map((id) => [id, editOf(edits, 'cause', id)?.on === true && !start.causes.includes(id) ? 'main' : fromStart]),
  )
  return { choice, reasons, basis, alerts, referral: alert?.referral ?? null }
}
