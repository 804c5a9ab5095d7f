// The handout both benchmarks draw: the standard handout (common, harmless
// causes and their advice) with a letterhead and a patient's name, composed by
// the app's own code from the bundled knowledge base, on a fixed date.
import { composeHandout, type HandoutDocument } from '../../shared/handout/compose'
import { standardSelection } from '../../shared/handout/selection'
import { NOTE_LINES_MAX, type HandoutOptions, type Letterhead } from '../../shared/handout/options'
import type { KnowledgeBase } from '../../shared/kb/types'

const LETTERHEAD: Letterhead = {
  name: 'Cabinet médical du Parc',
  address: '12 rue des Lilas\n75011 Paris',
  phone: '01 23 45 67 89',
}
const DATE = new Date(Date.UTC(2026, 10, 25, 12))

function standardOptions(kb: KnowledgeBase): HandoutOptions {
  return { ...standardSelection(kb), patientName: 'Mme Exemple', note: '', largePrint: false, alerts: [] }
}

export function standardHandout(kb: KnowledgeBase): HandoutDocument {
  return composeHandout(kb, standardOptions(kb), LETTERHEAD, DATE)
}

/** The longest note allowed at both limits: 40 lines, 2,999 characters (options.ts). */
const NOTE_AT_LIMIT = Array.from({ length: NOTE_LINES_MAX }, (_, i) =>
  `Ligne ${i + 1} : revenez me voir si les contractions durent, et buvez assez d’eau chaque jour.`.slice(0, 74),
).join('\n')

/** The standard handout with the longest note allowed. */
export function handoutWithLongestNote(kb: KnowledgeBase): HandoutDocument {
  return composeHandout(kb, { ...standardOptions(kb), note: NOTE_AT_LIMIT }, LETTERHEAD, DATE)
}
