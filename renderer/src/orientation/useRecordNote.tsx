// « Copier pour le dossier »: the note for the medical record, written to the
// system clipboard by the main process (in a sandboxed renderer,
// navigator.clipboard needs a permission Mollet refuses). The copied text is
// the consultation's (so that the view shows what was copied for this patient
// only): never in the settings, the URL hash, localStorage or a log.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
import { api } from '../api'
import { useCommand } from '../lib/commands'
import type { MenuCommand } from '@shared/ipc/contract'
import { composeRecordNote } from '@shared/orientation/record-note'
import { useHandout } from '../handout'
import { useKbIndex } from '../lib/useKbIndex'
import { useConsultation } from '../consultation'

export type CopyState = { status: 'idle' } | { status: 'copied'; text: string; at: Date } | { status: 'error'; message: string }

const COPY: readonly MenuCommand[] = ['copy-record-note']

export interface RecordNote {
  state: CopyState
  copy: () => void
}

const RecordNoteContext = createContext<RecordNote | null>(null)

/** What was copied last, and the copy itself: for the Orientation view. */
export function useRecordNote(): RecordNote {
  const value = useContext(RecordNoteContext)
  if (!value) throw new Error('useRecordNote outside RecordNoteProvider')
  return value
}

/**
 * Mounted with the app, not with the Orientation view (only the view shown is
 * mounted): Ctrl/Cmd+Shift+C and the menu's Édition › Copier pour le dossier
 * do what the view's button does, from any view (over a dialog, nothing), and
 * `onShow` brings the Orientation view forward. The note is composed at the
 * moment of copying, from the findings marked and the handout given.
 */
export function RecordNoteProvider({ onShow, children }: { onShow: () => void; children: ReactNode }) {
  const { kb } = useKbIndex()
  const { given } = useHandout()
  const { consultation, dispatch } = useConsultation()
  const compose = () => composeRecordNote(kb, consultation.findings, new Date(), given)
  const show = onShow
  const id = consultation.id
  // A failed copy, for the consultation it was asked in.
  const [failure, setFailure] = useState<{ consultation: number; message: string } | null>(null)
  const latest = useRef({ compose, show, id })
  latest.current = { compose, show, id }

  const copy = useCallback(async () => {
    const { compose, id: asked } = latest.current
    const text = compose()
    const result = await api.copyToClipboard(text)
    if (result.ok) {
      setFailure(null)
      dispatch({ type: 'copied', consultation: asked, copy: { text, at: new Date() } })
    } else setFailure({ consultation: asked, message: result.error.message })
  }, [dispatch])
  const copied = consultation.copied
  const state = useMemo<CopyState>(
    () =>
      failure?.consultation === id
        ? { status: 'error', message: failure.message }
        : copied
          ? { status: 'copied', text: copied.text, at: copied.at }
          : { status: 'idle' },
    [failure, id, copied],
  )

  useCommand(COPY, () => {
    if (document.querySelector('dialog[open]')) return
    latest.current.show()
    void copy()
  })

  const copyNow = useCallback(() => void copy(), [copy])
  const value = useMemo<RecordNote>(() => ({ state, copy: copyNow }), [state, copyNow])
  return <RecordNoteContext value={value}>{children}</RecordNoteContext>
}
