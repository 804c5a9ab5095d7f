// « Copier pour le dossier »: the note for the medical record, written to the
// system clipboard by the main process (in a sandboxed renderer,
// navigator.clipboard needs a permission Mollet refuses). The copied text
// stays in React state only, so that the view shows what was copied: never in
// the settings, the URL hash, localStorage or a log.
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, events } from '../api'

export type CopyState = { status: 'idle' } | { status: 'copied'; text: string; at: Date } | { status: 'error'; message: string }

const UNEXPECTED = 'Mollet n’a pas pu joindre son processus principal. Réessayez.'

/**
 * `compose` gives the note at the moment of copying; `show` brings the
 * Orientation view forward. Ctrl/Cmd+Shift+C and the menu's Édition › Copier
 * pour le dossier do what the button does, from any view (over a dialog, nothing).
 */
export function useRecordNote(compose: () => string, show: () => void): { state: CopyState; copy: () => void } {
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

  return { state, copy: useCallback(() => void copy(), [copy]) }
}
