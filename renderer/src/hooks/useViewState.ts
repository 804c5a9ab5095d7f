// The one owner of what the URL hash says: the view, each view's search,
// filters and table arrangement (sort, hidden columns), and the patient's marked findings. Back and Forward walk through it
// (a history entry per view switch, filter or finding change; the search box
// replaces the current entry as one types). With an empty hash at start, the
// last view, search and filters saved in the settings are restored: never the
// findings, which are facts about a patient and stay in this session's hash.
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../api'
import { decodeViewState, defaultArrangement, encodeViewState, type Arrangement, type ViewState } from '../../../shared/differentials/hash'
import type { FindingState } from '../../../shared/differentials/match'

export type Filters = Record<string, string[]>
export type Findings = Record<string, FindingState>

/** A view's own search, filters and table arrangement (sort, hidden columns), kept while another view is shown. */
export interface ViewScope {
  query: string
  filters: Filters
  arrangement: Arrangement
}

interface State {
  view: string
  scopes: Record<string, ViewScope>
  findings: Findings
}

export interface ViewStateApi {
  view: string
  setView: (view: string) => void
  scope: (view: string) => ViewScope
  setQuery: (view: string, query: string) => void
  setFilters: (view: string, filters: Filters) => void
  setArrangement: (view: string, arrangement: Arrangement) => void
  findings: Findings
  setFindings: (findings: Findings) => void
}

/** How long the last view waits before it is saved in the settings. */
export const SAVE_DELAY_MS = 500

const EMPTY_SCOPE: ViewScope = { query: '', filters: {}, arrangement: defaultArrangement() }

/** The state a hash stands for; a view the app does not have falls back to the first one. */
function fromHash(hash: string, views: readonly string[], previous: State | null): State {
  const decoded = decodeViewState(hash)
  const view = views.includes(decoded.view) ? decoded.view : (views[0] ?? decoded.view)
  return {
    view,
    scopes: { ...previous?.scopes, [view]: { query: decoded.query, filters: decoded.filters, arrangement: decoded.arrangement } },
    findings: decoded.findings,
  }
}

function toViewState(state: State, withFindings: boolean): ViewState {
  const scope = state.scopes[state.view] ?? EMPTY_SCOPE
  return {
    // The view ids of views.tsx are those of the hash format.
    view: state.view as ViewState['view'],
    arrangement: scope.arrangement,
    query: scope.query,
    filters: scope.filters,
    findings: withFindings ? state.findings : {},
  }
}

function hasHash(): boolean {
  return window.location.hash.replace(/^#/, '') !== ''
}

export function useViewState(views: readonly string[]): ViewStateApi {
  /** The hash of the first view with no search or filter: what an empty saved view means. */
  const START = encodeViewState(toViewState(fromHash('', views, null), false))
  const [state, setState] = useState<State>(() => fromHash(window.location.hash, views, null))
  /** How the next state change reaches the history: a new entry or in place. */
  const mode = useRef<'push' | 'replace'>('replace')
  /** The finding changed last: changing it again replaces the entry (arrows in one radio group). */
  const lastFinding = useRef<string | null>(null)
  /** Nothing is saved before the saved view has been read back (or found absent). */
  const [restored, setRestored] = useState(hasHash())
  const touched = useRef(false)

  const update = useCallback((how: 'push' | 'replace', next: (s: State) => State) => {
    touched.current = true
    lastFinding.current = null
    // Several changes in one render: one entry, pushed if any of them asked for it.
    if (how === 'push') mode.current = 'push'
    setState(next)
  }, [])

  // State → URL.
  useEffect(() => {
    const hash = encodeViewState(toViewState(state, true))
    const how = mode.current
    mode.current = 'replace'
    if (hash === window.location.hash) return
    if (how === 'push') window.history.pushState(null, '', hash)
    else window.history.replaceState(null, '', hash)
  }, [state])

  // URL → state (Back, Forward, a hash typed in).
  useEffect(() => {
    const onNavigate = () => {
      lastFinding.current = null
      setState((previous) => {
        const next = fromHash(window.location.hash, views, previous)
        return encodeViewState(toViewState(next, true)) === encodeViewState(toViewState(previous, true)) ? previous : next
      })
    }
    window.addEventListener('popstate', onNavigate)
    window.addEventListener('hashchange', onNavigate)
    return () => {
      window.removeEventListener('popstate', onNavigate)
      window.removeEventListener('hashchange', onNavigate)
    }
  }, [views])

  // Start with an empty hash: the last view, search and filters from the settings.
  useEffect(() => {
    if (restored) return
    let current = true
    api.getSettings().then(
      (result) => {
        if (!current) return
        const saved = result.ok ? result.value.settings.preferences.lastView : ''
        if (saved !== '' && !touched.current) {
          setState((previous) => ({ ...fromHash(saved, views, previous), findings: {} }))
        }
        setRestored(true)
      },
      () => {
        if (current) setRestored(true)
      },
    )
    return () => {
      current = false
    }
  }, [restored, views])

  // The last view, search and filters (no findings) → settings, debounced.
  const lastView = encodeViewState(toViewState(state, false))
  useEffect(() => {
    if (!restored) return
    const timer = window.setTimeout(() => {
      void (async () => {
        const loaded = await api.getSettings()
        if (!loaded.ok) return
        const saved = loaded.value.settings.preferences.lastView
        // Nothing saved yet and still on the start view: nothing to write.
        if (saved === lastView || (saved === '' && lastView === START)) return
        const settings = loaded.value.settings
        await api.saveSettings({ ...settings, preferences: { ...settings.preferences, lastView } })
      })().catch(() => {
        // A preference only: when the settings cannot be reached, the app simply reopens on its first view.
      })
    }, SAVE_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [lastView, restored, START])

  const setView = useCallback((view: string) => update('push', (s) => (s.view === view ? s : { ...s, view })), [update])
  const setQuery = useCallback(
    (view: string, query: string) =>
      update('replace', (s) => ({ ...s, scopes: { ...s.scopes, [view]: { ...(s.scopes[view] ?? EMPTY_SCOPE), query } } })),
    [update],
  )
  const setFilters = useCallback(
    (view: string, filters: Filters) =>
      update('push', (s) => ({ ...s, scopes: { ...s.scopes, [view]: { ...(s.scopes[view] ?? EMPTY_SCOPE), filters } } })),
    [update],
  )
  const setArrangement = useCallback(
    (view: string, arrangement: Arrangement) =>
      update('push', (s) => ({ ...s, scopes: { ...s.scopes, [view]: { ...(s.scopes[view] ?? EMPTY_SCOPE), arrangement } } })),
    [update],
  )
  const current = useRef(state)
  current.current = state
  const setFindings = useCallback(
    (findings: Findings) => {
      const before = current.current.findings
      const changed = [...new Set([...Object.keys(before), ...Object.keys(findings)])].filter((id) => before[id] !== findings[id])
      const single = changed.length === 1 ? (changed[0] ?? null) : null
      update(single !== null && single === lastFinding.current ? 'replace' : 'push', (s) => ({ ...s, findings }))
      lastFinding.current = single
    },
    [update],
  )
  const scope = useCallback((view: string) => state.scopes[view] ?? EMPTY_SCOPE, [state.scopes])

  return { view: state.view, setView, scope, setQuery, setFilters, setArrangement, findings: state.findings, setFindings }
}
