// The one owner of what the URL hash says (shared/app/url-state.ts): the view,
// each view's search, filters and table arrangement (sort, hidden columns).
// Nothing of the patient: the findings are the consultation's. Back and
// Forward walk through it (a history entry per view switch, filter or sort
// change; the search box replaces the current entry as one types), inside the
// current consultation only (shared/app/history-era.ts). What the settings keep
// of it is useLastView's.
import { useCallback, useEffect, useRef, useState } from 'react'
import { decodeViewState, defaultArrangement, encodeViewState, type Arrangement, type ViewState } from '@shared/app/url-state'
import { FIRST_MARK, arrive, canGoBack, markOf, nextMark, stateOf, type HistoryMark } from '@shared/app/history-era'
import type { ViewId } from '@shared/app/views'

export type Filters = Record<string, string[]>

/** A view's own search, filters and table arrangement (sort, hidden columns), kept while another view is shown. */
interface ViewScope {
  query: string
  filters: Filters
  arrangement: Arrangement
}

interface State {
  view: ViewId
  scopes: Partial<Record<ViewId, ViewScope>>
  /**
   * Counts the changes that asked for a new history entry. Carried by the
   * state itself, so that the entry goes with the change that asked for it
   * (a flag beside the state was spent by an unrelated render first, and a
   * view switch replaced the entry instead of adding one).
   */
  pushes: number
}

export interface UrlState {
  view: ViewId
  setView: (view: ViewId) => void
  scope: (view: ViewId) => ViewScope
  setQuery: (view: ViewId, query: string) => void
  setFilters: (view: ViewId, filters: Filters) => void
  setArrangement: (view: ViewId, arrangement: Arrangement) => void
  /** The hash: what may be saved as the last view. */
  lastView: string
  /** The same for the start page: no view chosen, no search, no filter. */
  startView: string
  /** The hash was empty at start and nothing was changed since: a saved last view may be restored. */
  restorable: () => boolean
  /** Shows a saved last view. */
  restore: (hash: string) => void
  /** Back (-1) or Forward (1), once the search waiting to be written is in the entry being left; Back stops at the consultation's first entry. */
  walk: (step: -1 | 1) => void
  /**
   * A new consultation: the first view, every search and filter emptied (each
   * table keeps its sort and hidden columns), and a history of its own that
   * Back never leaves.
   */
  startOver: () => void
}

const EMPTY_SCOPE: ViewScope = { query: '', filters: {}, arrangement: defaultArrangement() }

function fromHash(hash: string, previous: State | null): State {
  const decoded = decodeViewState(hash)
  return {
    view: decoded.view,
    scopes: { ...previous?.scopes, [decoded.view]: { query: decoded.query, filters: decoded.filters, arrangement: decoded.arrangement } },
    pushes: previous?.pushes ?? 0,
  }
}

function toViewState(state: State): ViewState {
  const scope = state.scopes[state.view] ?? EMPTY_SCOPE
  return { view: state.view, ...scope }
}

const START_VIEW = encodeViewState(toViewState(fromHash('', null)))

/**
 * Writes the hash off the keystroke path: a new history entry at once, but a
 * replacement (the search as one types) once typing pauses (REPLACE_QUIET_MS
 * after the last frame asked for one), and only the last of several:
 * Chromium's replaceState costs more the more form controls the page holds,
 * and written after each key's frame it was still 9–11 % of a keystroke at
 * 10,000 entries (bench profile). A new entry or unmounting writes the
 * waiting one first, and so does the app's own Back and Forward (walk):
 * after popstate the entry left can no longer be written.
 */
const REPLACE_QUIET_MS = 250

function useHistoryWriter() {
  /** The mark of the entry shown: read back at start (a reload keeps its era), written with every entry. */
  const mark = useRef<HistoryMark>(markOf(window.history.state) ?? FIRST_MARK)
  /** The replacement waiting for its frame, and the hash the page was on when it was asked. */
  const pending = useRef<{ hash: string; from: string; timer: number } | null>(null)
  const flush = useCallback(() => {
    const waiting = pending.current
    if (!waiting) return
    window.clearTimeout(waiting.timer)
    pending.current = null
    // Back, Forward or a typed hash came first (its popstate may not have run yet): never write over it.
    if (window.location.hash !== waiting.from) return
    if (waiting.hash !== window.location.hash) window.history.replaceState(stateOf(mark.current), '', waiting.hash)
  }, [])
  const cancel = useCallback(() => {
    if (pending.current) window.clearTimeout(pending.current.timer)
    pending.current = null
  }, [])
  const write = useCallback(
    (hash: string, how: 'push' | 'replace' | 'new-era') => {
      if (how !== 'replace') {
        flush()
        if (how === 'push' && hash === window.location.hash) return
        mark.current = nextMark(mark.current, how)
        window.history.pushState(stateOf(mark.current), '', hash)
        return
      }
      cancel()
      // Already there (the state followed Back or Forward): nothing to write.
      if (hash === window.location.hash) return
      const waiting = { hash, from: window.location.hash, timer: 0 }
      pending.current = waiting
      window.requestAnimationFrame(() => {
        if (pending.current === waiting) waiting.timer = window.setTimeout(flush, REPLACE_QUIET_MS)
      })
    },
    [flush, cancel],
  )
  // No unload event helps: a reload takes the entry's URL before they run. The app has no
  // reload (menu.ts); across a restart, the saved last view brings the search back.
  useEffect(() => flush, [flush])
  // The entry the page opened on gets its mark, so that a later arrival there is known.
  useEffect(() => {
    if (markOf(window.history.state) === null) window.history.replaceState(stateOf(mark.current), '', window.location.href)
  }, [])
  return { write, cancel, flush, mark }
}

export function useUrlState(): UrlState {
  const [state, setState] = useState<State>(() => fromHash(window.location.hash, null))
  /** The `pushes` of the state last written to the history. */
  const written = useRef(state.pushes)
  /** The state last rendered: what startOver starts from. */
  const shown = useRef(state)
  shown.current = state
  const emptyAtStart = useRef(window.location.hash.replace(/^#/, '') === '')
  const touched = useRef(false)
  const history = useHistoryWriter()

  const update = useCallback((how: 'push' | 'replace', next: (s: State) => State) => {
    touched.current = true
    // Several changes in one render: one entry, pushed if any of them asked for it.
    setState((s) => {
      const changed = next(s)
      return how === 'push' && changed !== s ? { ...changed, pushes: s.pushes + 1 } : changed
    })
  }, [])

  // State → URL. React runs this a task after drawing a state; « Nouveau patient » may come in
  // between and write its newer entry at once: the earlier state's entry is then never written.
  useEffect(() => {
    if (state.pushes < written.current) return
    const how = state.pushes !== written.current ? 'push' : 'replace'
    written.current = state.pushes
    history.write(encodeViewState(toViewState(state)), how)
  }, [state, history])

  // URL → state (Back, Forward, a hash typed in); never into an earlier consultation.
  /** The entry of an earlier consultation the app asked to leave, until it has left it. */
  const leaving = useRef<HistoryMark | null>(null)
  useEffect(() => {
    const onNavigate = () => {
      history.cancel()
      const landed = markOf(window.history.state)
      const arrival = arrive(history.mark.current, landed, leaving.current)
      if ('wait' in arrival) return
      if ('go' in arrival) {
        leaving.current = landed
        window.history.go(arrival.go)
        return
      }
      leaving.current = null
      history.mark.current = arrival.show
      if (landed === null) window.history.replaceState(stateOf(arrival.show), '', window.location.href)
      setState((previous) => {
        const next = fromHash(window.location.hash, previous)
        return encodeViewState(toViewState(next)) === encodeViewState(toViewState(previous)) ? previous : next
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
  const scope = useCallback((view: ViewId) => state.scopes[view] ?? EMPTY_SCOPE, [state.scopes])
  const restorable = useCallback(() => emptyAtStart.current && !touched.current, [])
  const restore = useCallback((hash: string) => setState((previous) => fromHash(hash, previous)), [])
  const walk = useCallback(
    (step: -1 | 1) => {
      history.flush()
      if (step === -1 && !canGoBack(history.mark.current)) return
      window.history.go(step)
    },
    [history],
  )
  // The new era's entry is written at once, not after the next render: a Back pressed right after
  // « Nouveau patient » must already find it, never the previous patient's entries.
  const startOver = useCallback(() => {
    touched.current = true
    const s = shown.current
    const start = fromHash('', null)
    const scopes: State['scopes'] = {}
    for (const [view, kept] of Object.entries(s.scopes) as [ViewId, ViewScope][])
      scopes[view] = { ...EMPTY_SCOPE, arrangement: kept.arrangement }
    const next: State = {
      ...start,
      scopes: { ...scopes, [start.view]: { ...EMPTY_SCOPE, arrangement: scopes[start.view]?.arrangement ?? defaultArrangement() } },
      pushes: s.pushes + 1,
    }
    written.current = next.pushes
    history.write(encodeViewState(toViewState(next)), 'new-era')
    shown.current = next
    setState(next)
  }, [history])

  return {
    view: state.view,
    setView,
    scope,
    setQuery,
    setFilters,
    setArrangement,
    lastView: encodeViewState(toViewState(state)),
    startView: START_VIEW,
    restorable,
    restore,
    walk,
    startOver,
  }
}
