// « Copier pour le dossier »: the note for the medical record, written to the
// system clipboard by the main process (in a sandboxed renderer,
// navigator.clipboard needs a permission Mollet refuses). The copied text
// stays in React state only, so that the view shows what was copied: never in
// the settings, the URL hash, localStorage or a log.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { api, events } from '../api'
import { composeRecordNote } from '../../../shared/orientation/record-note'
import { useHandout } from '../handout/HandoutContext'
import type { Findings } from './useUrlState'
import { useKbIndex } from './useKbIndex'

export type CopyState = { status: 'idle' } | { status: 'copied'; text: string; at: Date } | { status: 'error'; message: string }

const UNEXPECTED = 'Mollet n’a pas pu joindre son processus principal. Réessayez.'

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
export function RecordNoteProvider({ findings, onShow, children }: { findings: Findings; onShow: () => void; children: ReactNode }) {
  const { kb } = useKbIndex()
  const { given } = useHandout()
  const compose = () => composeRecordNote(kb, findings, new Date(), given)
  const show = onShow
  const [state, setState] = useState<CopyState>({ status: 'idle' })
  const latest = useRef({ compose, show })
  latest.current = { compose, show }

  const copy = useCallback(async () => {
    const text = latest.current.compose()
    try {
      const result = await api.copyToClipboard(text)
      setState(result.ok ? { status: 'copied', text, at: new Date() } : { status: 'error', message: result.error.message })
    } catch {
      setState({ status: 'error', message: UNEXPECTED })
    }
  }, [])

  useEffect(() => {
    const command = () => {
      if (document.querySelector('dialog[open]')) return
      latest.current.show()
      void copy()
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey || event.key.toLowerCase() !== 'c') return
      // In Electron, a key the page handles does not also reach the menu.
      event.preventDefault()
      command()
    }
    document.addEventListener('keydown', onKeyDown)
    const stop = events.onMenuCommand((c) => {
      if (c === 'copy-record-note') command()
    })
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      stop()
    }
  }, [copy])

  const copyNow = useCallback(() => void copy(), [copy])
  const value = useMemo<RecordNote>(() => ({ state, copy: copyNow }), [state, copyNow])
  return <RecordNoteContext value={value}>{children}</RecordNoteContext>
}
