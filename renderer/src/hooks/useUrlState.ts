// The one owner of what the URL hash says (shared/app/url-state.ts): the view,
// each view's search, filters and table arrangement (sort, hidden columns),
// and the patient's marked findings. Back and Forward walk through it (a
// history entry per view switch, filter or finding change; the search box
// replaces the current entry as one types). What the settings keep of it is
// useLastView's.
import { useCallback, useEffect, useRef, useState } from 'react'
import { decodeViewState, defaultArrangement, encodeViewState, type Arrangement, type ViewState } from '../../../shared/app/url-state'
import type { ViewId } from '../../../shared/app/views'
import type { FindingState } from '../../../shared/differentials/match'

export type Filters = Record<string, string[]>
export type Findings = Record<string, FindingState>

/** A view's own search, filters and table arrangement (sort, hidden columns), kept while another view is shown. */
interface ViewScope {
  query: string
  filters: Filters
  arrangement: Arrangement
}

interface State {
  view: ViewId
  scopes: Partial<Record<ViewId, ViewScope>>
  findings: Findings
}

export interface UrlState {
  view: ViewId
  setView: (view: ViewId) => void
  scope: (view: ViewId) => ViewScope
  setQuery: (view: ViewId, query: string) => void
  setFilters: (view: ViewId, filters: Filters) => void
  setArrangement: (view: ViewId, arrangement: Arrangement) => void
  findings: Findings
  setFindings: (findings: Findings) => void
  /** The hash without the findings (facts about a patient): what may be saved as the last view. */
  lastView: string
  /** The same for the start page: no view chosen, no search, no filter. */
  startView: string
  /** The hash was empty at start and nothing was changed since: a saved last view may be restored. */
  restorable: () => boolean
  /** Shows a saved last view (its findings, if any, are dropped). */
  restore: (hash: string) => void
}

const EMPTY_SCOPE: ViewScope = { query: '', filters: {}, arrangement: defaultArrangement() }

function fromHash(hash: string, previous: State | null): State {
  const decoded = decodeViewState(hash)
  return {
    view: decoded.view,
    scopes: { ...previous?.scopes, [decoded.view]: { query: decoded.query, filters: decoded.filters, arrangement: decoded.arrangement } },
    findings: decoded.findings,
  }
}

function toViewState(state: State, withFindings: boolean): ViewState {
  const scope = state.scopes[state.view] ?? EMPTY_SCOPE
  return { view: state.view, ...scope, findings: withFindings ? state.findings : {} }
}

const START_VIEW = encodeViewState(toViewState(fromHash('', null), false))

/**
 * Writes the hash off the keystroke path: a new history entry at once, but a
 * replacement (the search as one types) after the frame is painted, and only
 * the last of several — Chromium's replaceState costs more the more form
 * controls the page holds.
 */
function useHistoryWriter() {
  const pending = useRef<{ hash: string; timer: number } | null>(null)
  const flush = useCallback(() => {
    const waiting = pending.current
    if (!waiting) return
    window.clearTimeout(waiting.timer)
    pending.current = null
    if (waiting.hash !== window.location.hash) window.history.replaceState(null, '', waiting.hash)
  }, [])
  const write = useCallback(
    (hash: string, how: 'push' | 'replace') => {
      if (how === 'push') {
        flush()
        if (hash !== window.location.hash) window.history.pushState(null, '', hash)
        return
      }
      if (pending.current) window.clearTimeout(pending.current.timer)
      pending.current = { hash, timer: 0 }
      const waiting = pending.current
      window.requestAnimationFrame(() => {
        if (pending.current === waiting) waiting.timer = window.setTimeout(flush, 0)
      })
    },
    [flush],
  )
  /** Back, Forward or a typed hash wins over a replacement not yet written. */
  const cancel = useCallback(() => {
    if (pending.current) window.clearTimeout(pending.current.timer)
    pending.current = null
  }, [])
  useEffect(() => flush, [flush])
  return { write, cancel }
}

export function useUrlState(): UrlState {
  const [state, setState] = useState<State>(() => fromHash(window.location.hash, null))
  /** How the next state change reaches the history: a new entry or in place. */
  const mode = useRef<'push' | 'replace'>('replace')
  /** The finding changed last: changing it again replaces the entry (arrows in one radio group). */
  const lastFinding = useRef<string | null>(null)
  const emptyAtStart = useRef(window.location.hash.replace(/^#/, '') === '')
  const touched = useRef(false)
  const history = useHistoryWriter()

  const update = useCallback((how: 'push' | 'replace', next: (s: State) => State) => {
    touched.current = true
    lastFinding.current = null
    // Several changes in one render: one entry, pushed if any of them asked for it.
    if (how === 'push') mode.current = 'push'
    setState(next)
  }, [])

  // State → URL.
  useEffect(() => {
    const how = mode.current
    mode.current = 'replace'
    history.write(encodeViewState(toViewState(state, true)), how)
  }, [state, history])

  // URL → state (Back, Forward, a hash typed in).
  useEffect(() => {
    const onNavigate = () => {
      history.cancel()
      lastFinding.current = null
      setState((previous) => {
        const next = fromHash(window.location.hash, previous)
        return encodeViewState(toViewState(next, true)) === encodeViewState(toViewState(previous, true)) ? previous : next
      })
    }
    window.addEventListener('popstate', onNavigate)
    window.addEventListener('hashchange', onNavigate)
    return () => {
      window.removeEventListener('popstate', onNavigate)
      window.removeEventListener('hashchange', onNavigate)
    }
  }, [history])

  const setScope = useCallback(
    (how: 'push' | 'replace', view: ViewId, change: Partial<ViewScope>) =>
      update(how, (s) => ({ ...s, scopes: { ...s.scopes, [view]: { ...(s.scopes[view] ?? EMPTY_SCOPE), ...change } } })),
    [update],
  )
  const setView = useCallback((view: ViewId) => update('push', (s) => (s.view === view ? s : { ...s, view })), [update])
  const setQuery = useCallback((view: ViewId, query: string) => setScope('replace', view, { query }), [setScope])
  const setFilters = useCallback((view: ViewId, filters: Filters) => setScope('push', view, { filters }), [setScope])
  const setArrangement = useCallback((view: ViewId, arrangement: Arrangement) => setScope('push', view, { arrangement }), [setScope])
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
  const scope = useCallback((view: ViewId) => state.scopes[view] ?? EMPTY_SCOPE, [state.scopes])
  const restorable = useCallback(() => emptyAtStart.current && !touched.current, [])
  const restore = useCallback((hash: string) => setState((previous) => ({ ...fromHash(hash, previous), findings: {} })), [])

  return {
    view: state.view,
    setView,
    scope,
    setQuery,
    setFilters,
    setArrangement,
    findings: state.findings,
    setFindings,
    lastView: encodeViewState(toViewState(state, false)),
    startView: START_VIEW,
    restorable,
    restore,
  }
}
