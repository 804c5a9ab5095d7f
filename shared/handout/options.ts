// What the clinician chooses for one handout, and the clinic's letterhead.
// Pure types and limits: the renderer, main and the command line share them.
import { LINE_ENDS } from './printable'

/**
 * The note's bounds: far above what a clinician writes on a handout (a few
 * lines), low enough that the longest note costs about one page and less than
 * twice a handout without one (BENCHMARKS.md). Lines count blank ones too:
 * a note of thousands of short lines once took minutes to lay out.
 */
export const NOTE_MAX = 3_000
export const NOTE_LINES_MAX = 40
/** Longest patient name (characters). */
export const PATIENT_NAME_MAX = 200
/** Most ids in one selection, and the longest id. */
export const IDS_MAX = 100
export const ID_MAX = 80
/** Longest letterhead field a settings file may hold (characters); older files are read up to it. */
export const LETTERHEAD_FIELD_MAX = 500
/**
 * What a handout's letterhead may hold: enough for a clinic's name, a
 * four-line address with its practitioners, a phone line, and still leave
 * page 1 to the main message and the warning signs, in large print and with
 * the longest patient name (test/handout/layout.test.ts draws them at these
 * limits). A 25-line letterhead pushed the warning signs to page 2.
 */
export const LETTERHEAD_LIMITS = { name: 150, address: 400, addressLines: 6, phone: 80 } as const

/** Why a letterhead cannot go on a handout, in French; null when it can. */
export function letterheadProblem(letterhead: Letterhead): string | null {
  if (letterhead.name.trim().length > LETTERHEAD_LIMITS.name) {
    return `Le nom du cabinet est trop long pour la fiche\u00a0: ${fr(LETTERHEAD_LIMITS.name)} caractères au plus.`
  }
  const address = letterhead.address.trim()
  if (address.length > LETTERHEAD_LIMITS.address) {
    return `L’adresse du cabinet est trop longue pour la fiche\u00a0: ${fr(LETTERHEAD_LIMITS.address)} caractères au plus.`
  }
  if (lineCount(address) > LETTERHEAD_LIMITS.addressLines) {
    return `L’adresse du cabinet compte trop de lignes pour la fiche\u00a0: ${fr(LETTERHEAD_LIMITS.addressLines)} au plus.`
  }
  if (letterhead.phone.trim().length > LETTERHEAD_LIMITS.phone) {
    return `Le téléphone du cabinet est trop long pour la fiche\u00a0: ${fr(LETTERHEAD_LIMITS.phone)} caractères au plus.`
  }
  return null
}

/**
 * Lines of a typed text, blank ones included, ended wherever the handout starts
 * a new line: \r\n, \r, \n and the separators pasted from a word processor
 * (\v, form feed, NEL, U+2028/2029), which once passed the limits uncounted.
 */
export function lineCount(text: string): number {
  return text.length === 0 ? 0 : text.split(LINE_ENDS).length
}

/** Why a note cannot go on a handout, in French; null when it can. */
export function noteProblem(note: string): string | null {
  if (note.length > NOTE_MAX) {
    return `La note est trop longue\u00a0: ${fr(note.length)} caractères pour ${fr(NOTE_MAX)} au plus. Raccourcissez-la.`
  }
  const lines = lineCount(note)
  if (lines > NOTE_LINES_MAX) {
    return `La note compte trop de lignes\u00a0: ${fr(lines)} pour ${fr(NOTE_LINES_MAX)} au plus. Regroupez des lignes.`
  }
  return null
}

/** Signs a clinician types for which French words fit: the suggestion names the first one found. */
const WORDS_FOR: Readonly<Record<string, string>> = {
  '≤': 'au plus',
  '≥': 'au moins',
  '≠': 'différent de',
  '≈': 'environ',
  '☎': 'Tél.',
  '📞': 'Tél.',
  '✆': 'Tél.',
  '→': 'puis',
  '✓': 'oui',
}

/** What to do with characters the handout's font cannot draw, fitted to what they are. */
function unprintableAdvice(characters: readonly string[]): string {
  const worded = characters.find((c) => Object.hasOwn(WORDS_FOR, c))
  if (worded)
    return `Remplacez-les ou retirez-les (par exemple «\u00a0${worded}\u00a0» par «\u00a0${WORDS_FOR[worded]}\u00a0»), puis réessayez.`
  if (characters.some((c) => /\p{L}/u.test(c) && !/\p{Extended_Pictographic}/u.test(c))) {
    return 'Écrivez ce texte en lettres latines (par exemple «\u00a0Li Wei\u00a0» plutôt qu’en caractères chinois), puis réessayez.'
  }
  return 'Retirez-les ou écrivez-les en toutes lettres, puis réessayez.'
}

/**
 * Why a handout with characters its font cannot draw is not printed or
 * saved, in French: the one message of the form (as typed), the letterhead
 * (at « Enregistrer l’en-tête »), printing and the command line.
 */
export function unprintableMessage(characters: readonly string[]): string {
  return `La fiche contient des caractères que sa police ne peut pas imprimer\u00a0: ${characters.join(' ')}. ${unprintableAdvice(characters)}`
}

const fr = (n: number): string => n.toLocaleString('fr-FR')

export interface HandoutOptions {
  /** Cause or differential ids whose explanation the handout carries. */
  causes: string[]
  /** Advice ids the handout carries. */
  advice: string[]
  /** Never written to disk or logs. Empty: no name on the handout. */
  patientName: string
  /** Free text from the clinician. Never written to disk or logs. Empty: no note. */
  note: string
  /** 14 pt body instead of 12 pt. */
  largePrint: boolean
  /**
   * The red flags (finding ids) marked Présent for this patient: the handout
   * then opens on the article's words on consulting and the referral, never
   * on reassurance. Empty: no red flag present.
   */
  alerts: string[]
}

export interface Letterhead {
  name: string
  /** May hold several lines. */
  address: string
  phone: string
}
