// The consultation: what belongs to the patient in front of the clinician,
// from the first finding marked to the handout and the note for the record.
// One owner: the findings, the handout's ticks made by hand, its print size,
// the name and the note, and what was printed, saved or copied. The
// letterhead and the saved defaults are the clinic's and live in the settings.
//
// « Nouveau patient » starts a consultation with nothing in it; the one just
// left is kept, in memory only, until « Annuler » brings it back or it is
// forgotten a few seconds later. Nothing here is ever written anywhere.
//
// Pure: the renderer's ConsultationProvider holds it with useReducer.
import type { MarkedFindings } from '../differentials/match'
import { withEdit, type HandoutEdit } from '../handout/from-orientation'
import type { GivenHandout } from '../orientation/record-note'

/** The note for the record as it was copied, and when. */
export interface RecordCopy {
  text: string
  at: Date
}

export interface Consultation {
  /** A new one for each patient: an answer that arrives for an earlier consultation is dropped. */
  id: number
  findings: MarkedFindings
  /** Ticks and unticks made by hand on the handout (from-orientation.ts replays them). */
  edits: HandoutEdit[]
  /** Null: the print size of the saved defaults. */
  largePrint: boolean | null
  patientName: string
  note: string
  /** The handout printed or saved last for this patient. */
  given: GivenHandout | null
  /** The note for the record copied last for this patient. */
  copied: RecordCopy | null
}

/** The consultation in progress, and the one « Nouveau patient » just left while it can still be brought back. */
export interface Desk {
  current: Consultation
  previous: Consultation | null
  /** The last consultation id handed out: ids never repeat, even after « Annuler ». */
  issued: number
}

export type PatientText = 'patientName' | 'note'

export type DeskAction =
  | { type: 'findings'; findings: MarkedFindings }
  | { type: 'edit'; edit: HandoutEdit }
  | { type: 'large-print'; on: boolean }
  | { type: 'text'; key: PatientText; value: string }
  /** Back to what the orientation or the defaults give: the edits and the print size go, the name and note stay. */
  | { type: 'reset-handout' }
  | { type: 'given'; consultation: number; given: GivenHandout }
  | { type: 'copied'; consultation: number; copy: RecordCopy }
  | { type: 'new-patient' }
  | { type: 'undo' }
  /** The few seconds of « Annuler » are over: the previous patient leaves memory. */
  | { type: 'forget'; consultation: number }

function emptyConsultation(id: number): Consultation {
  return { id, findings: {}, edits: [], largePrint: null, patientName: '', note: '', given: null, copied: null }
}

export function openDesk(): Desk {
  return { current: emptyConsultation(1), previous: null, issued: 1 }
}

/** A name or a note was typed and the patient left with neither printed, saved nor copied. */
export function unsentText(c: Consultation): boolean {
  return (c.patientName.trim() !== '' || c.note.trim() !== '') && c.given === null && c.copied === null
}

function change(desk: Desk, update: (c: Consultation) => Consultation): Desk {
  return { ...desk, current: update(desk.current) }
}

export function deskReducer(desk: Desk, action: DeskAction): Desk {
  switch (action.type) {
    case 'findings':
      return change(desk, (c) => ({ ...c, findings: action.findings }))
    case 'edit':
      return change(desk, (c) => ({ ...c, edits: withEdit(c.edits, action.edit) }))
    case 'large-print':
      return change(desk, (c) => ({ ...c, largePrint: action.on }))
    case 'text':
      return change(desk, (c) => ({ ...c, [action.key]: action.value }))
    case 'reset-handout':
      return change(desk, (c) => ({ ...c, edits: [], largePrint: null }))
    case 'given':
      return action.consultation === desk.current.id ? change(desk, (c) => ({ ...c, given: action.given })) : desk
    case 'copied':
      return action.consultation === desk.current.id ? change(desk, (c) => ({ ...c, copied: action.copy })) : desk
    case 'new-patient':
      return { current: emptyConsultation(desk.issued + 1), previous: desk.current, issued: desk.issued + 1 }
    case 'undo':
      return desk.previous ? { ...desk, current: desk.previous, previous: null } : desk
    case 'forget':
      return desk.previous && desk.current.id === action.consultation ? { ...desk, previous: null } : desk
  }
}
