// The view, search and filters last shown (never the findings), kept in the
// settings: restored when Mollet starts with an empty hash, saved a moment
// after they change (coalesced, off the keystroke path).
import { useEffect, useRef } from 'react'
import type { UrlState } from './useUrlState'
import { useSettings } from '../lib/useSettings'

/** How long the last view waits before it is saved in the settings. */
const SAVE_DELAY_MS = 500

export function useLastView({ lastView, startView, restorable, restore }: UrlState): void {
  const { state, update } = useSettings()
  /** Saving starts once the saved view has been read back (or found absent, or unreadable). */
  const settled = state.status !== 'loading'
  const restored = useRef(false)

  useEffect(() => {
    if (restored.current || state.status === 'loading') return
    restored.current = true
    const saved = state.status === 'ready' ? state.settings.preferences.lastView : ''
    if (saved !== '' && restorable()) restore(saved)
  }, [state, restorable, restore])

  useEffect(() => {
    if (!settled) return
    const timer = window.setTimeout(() => {
      void update((settings) => {
        const saved = settings.preferences.lastView
        // Nothing saved yet and still on the start view: nothing to write.
        if (saved === lastView || (saved === '' && lastView === startView)) return settings
        return { ...settings, preferences: { ...settings.preferences, lastView } }
      })
      // A preference only: when the settings cannot be written, the app simply reopens on its first view.
    }, SAVE_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [lastView, startView, settled, update])
}
