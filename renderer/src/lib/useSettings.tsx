// The one owner of the settings in the renderer: read once from main, held
// here, changed only through `update`, which applies a change to the latest
// settings and saves them — one write at a time, so the handout's defaults,
// its letterhead and the last view never overwrite one another's change.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { api } from '../api'
import type { Settings } from '@shared/settings/schema'

export type SettingsState =
  | { status: 'loading' }
  | { status: 'ready'; settings: Settings; notice: string | null }
  | { status: 'error'; message: string }

/** Outcome of a settings write: null when saved, else a French message. */
export type SaveOutcome = string | null

export interface SettingsApi {
  state: SettingsState
  /** Applies `change` to the current settings and saves them; the state follows once saved. */
  update: (change: (settings: Settings) => Settings) => Promise<SaveOutcome>
}

const NOT_LOADED = 'Les réglages n’ont pas pu être lus\u202f; ils ne peuvent pas être enregistrés.'

const SettingsContext = createContext<SettingsApi | null>(null)

export function useSettings(): SettingsApi {
  const value = useContext(SettingsContext)
  if (!value) throw new Error('useSettings outside SettingsProvider')
  return value
}

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SettingsState>({ status: 'loading' })
  /** Resolves with the settings as read (null when they could not be); writes wait for it. */
  const loaded = useRef<Promise<Settings | null> | null>(null)
  /** The settings as last saved (or read): what the next change applies to. */
  const latest = useRef<Settings | null>(null)
  /** The write in progress: the next one starts after it. */
  const queue = useRef<Promise<unknown>>(Promise.resolve())

  useEffect(() => {
    let current = true
    const reading = api.getSettings().then((result) => {
      if (result.ok) latest.current = result.value.settings
      if (current) {
        setState(
          result.ok
            ? { status: 'ready', settings: result.value.settings, notice: result.value.notice }
            : { status: 'error', message: result.error.message },
        )
      }
      return result.ok ? result.value.settings : null
    })
    loaded.current = reading
    return () => {
      current = false
    }
  }, [])

  const update = useCallback((change: (settings: Settings) => Settings): Promise<SaveOutcome> => {
    const write = queue.current.then(async (): Promise<SaveOutcome> => {
      await loaded.current
      const base = latest.current
      if (!base) return NOT_LOADED
      const next = change(base)
      if (next === base) return null
      const result = await api.saveSettings(next)
      if (!result.ok) return result.error.message
      latest.current = next
      setState((s) => (s.status === 'ready' ? { ...s, settings: next } : s))
      return null
    })
    queue.current = write
    return write
  }, [])

  const value = useMemo<SettingsApi>(() => ({ state, update }), [state, update])
  return <SettingsContext value={value}>{children}</SettingsContext>
}
