// What the clinician chooses for one handout, and the clinic's letterhead.
// Pure types and limits: the renderer, main and the command line share them.

/** Longest note the clinician may type (characters). */
export const NOTE_MAX = 20_000
/** Longest patient name (characters). */
export const PATIENT_NAME_MAX = 200
/** Most ids in one selection, and the longest id. */
export const IDS_MAX = 100
export const ID_MAX = 80
/** Longest letterhead field (characters). */
export const LETTERHEAD_FIELD_MAX = 500

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
