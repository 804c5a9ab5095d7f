// The consultation in progress (shared/consultation/desk.ts), for every view:
// Orientation marks its findings, the Fiche patient reads them and holds its
// ticks, name and note there, « Copier pour le dossier » records its copy.
// In React state only: never in the settings, the URL hash, localStorage or a log.
//
// « Nouveau patient » (the header's button, Ctrl/Cmd+N, Fichier › Nouveau
// patient) empties it; `onNewPatient` lets the shell reset views and
// history. For UNDO_MS the previous patient can be brought back, then it is
// forgotten.
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, type ReactNode } from 'react'
import { deskReducer, openDesk, unsentText, type Consultation, type DeskAction } from '@shared/consultation/desk'
import type { MarkedFindings } from '@shared/differentials/match'
import { closeDialogs } from '../lib/dialogs'
import { useCommand } from '../lib/commands'
import type { MenuCommand } from '@shared/ipc/contract'

const NEW_PATIENT: readonly MenuCommand[] = ['new-patient']

/** How long « Annuler » can bring the previous patient back. */
const UNDO_MS = 10_000

export interface ConsultationValue {
  consultation: Consultation
  /** The patient « Nouveau patient » just left, while « Annuler » can bring them back; `unsent`: a name or note typed and never given. */
  left: { unsent: boolean } | null
  dispatch: (action: DeskAction) => void
  setFindings: (findings: MarkedFindings) => void
  newPatient: () => void
  undo: () => void
}

const ConsultationContext = createContext<ConsultationValue | null>(null)

export function useConsultation(): ConsultationValue {
  const value = useContext(ConsultationContext)
  if (!value) throw new Error('useConsultation outside ConsultationProvider')
  return value
}

export interface ConsultationProviderProps {
  /** After « Nouveau patient »: the shell shows the first view, empties the searches, starts a new history. */
  onNewPatient: () => void
  children: ReactNode
}

export function ConsultationProvider({ onNewPatient, children }: ConsultationProviderProps) {
  const [desk, dispatch] = useReducer(deskReducer, undefined, openDesk)
  const current = desk.current
  const previous = desk.previous

  const setFindings = useCallback((findings: MarkedFindings) => dispatch({ type: 'findings', findings }), [])
  const newPatient = useCallback(() => {
    closeDialogs()
    dispatch({ type: 'new-patient' })
    onNewPatient()
  }, [onNewPatient])
  const undo = useCallback(() => dispatch({ type: 'undo' }), [])

  // The previous patient leaves memory once « Annuler » is no longer offered.
  useEffect(() => {
    if (!previous) return
    const timer = window.setTimeout(() => dispatch({ type: 'forget', consultation: current.id }), UNDO_MS)
    return () => window.clearTimeout(timer)
  }, [previous, current.id])

  useCommand(NEW_PATIENT, newPatient)

  const left = useMemo(() => (previous ? { unsent: unsentText(previous) } : null), [previous])
  const value = useMemo<ConsultationValue>(
    () => ({ consultation: current, left, dispatch, setFindings, newPatient, undo }),
    [current, left, setFindings, newPatient, undo],
  )
  return <ConsultationContext value={value}>{children}</ConsultationContext>
}
