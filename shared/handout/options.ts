// What the clinician chooses for one handout, and the clinic's letterhead.
// Pure types and limits: the renderer, main and the command line share them.

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
/** Longest letterhead field (characters). */
export const LETTERHEAD_FIELD_MAX = 500

/** Lines of a typed text, blank ones included (\r\n, \r and \n all end a line). */
export function lineCount(text: string): number {
  return text.length === 0 ? 0 : text.split(/\r\n|\r|\n/u).length
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
}

export interface Letterhead {
  name: string
  /** May hold several lines. */
  address: string
  phone: string
}
