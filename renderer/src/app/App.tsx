// The app shell: header and view nav, the knowledge-base states (loading, IPC
// error, problems in the files), the views, and the one detail dialog.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ConditionDetail } from '../detail'
import { ContentUpdates } from '../content'
import { ProblemsBanner } from './ProblemsBanner'
import { ShortcutsDialog } from './ShortcutsDialog'
import { ViewTabs, panelId, tabId } from './ViewTabs'
import { HandoutProvider } from '../handout'
import { ConsultationProvider, useConsultation } from '../consultation'
import { NewPatient } from '../consultation'
import { HANDOUT_VIEW, type ViewId } from '@shared/app/views'
import { OpenDetailContext } from '../detail'
import { KbIndexContext } from '../lib/useKbIndex'
import { useKnowledgeBase } from './useKnowledgeBase'
import { RecordNoteProvider } from '../orientation'
import { useNavigation } from './useNavigation'
import { useLastView } from './useLastView'
import { useStickyHeader } from './useStickyHeader'
import { ScopeDialog } from './ScopeDialog'
import { useCommand } from '../lib/commands'
import type { MenuCommand } from '@shared/ipc/contract'
import { useUrlState } from './useUrlState'
import { NBSP, frenchIsoDate, guillemets } from '@shared/text/french'
import { EMPTY_KB, indexKnowledgeBase } from '../lib/kbIndex'
import { VIEWS, type View, type ViewContext } from './views'
import type { Arrangement } from '@shared/app/url-state'
import type { Filters } from './useUrlState'

/** True when a key press belongs to a text field rather than to the shortcuts. */
function typing(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('input:not([type="radio"]):not([type="checkbox"]), textarea, select, [contenteditable="true"]') !== null
  )
}

interface ViewContentProps {
  view: View
  query: string
  filters: Filters
  arrangement: Arrangement
  setQuery: (view: ViewId, query: string) => void
  setFilters: (view: ViewId, filters: Filters) => void
  setArrangement: (view: ViewId, arrangement: Arrangement) => void
}

/** The shown view's content, drawn again only when its own search or filters, the consultation or the knowledge base change. */
const ViewContent = memo(function ViewContent({
  view,
  query,
  filters,
  arrangement,
  setQuery,
  setFilters,
  setArrangement,
}: ViewContentProps) {
  const { consultation, setFindings } = useConsultation()
  const findings = consultation.findings
  const context = useMemo<ViewContext>(
    () => ({
      query,
      onQueryChange: (next) => setQuery(view.id, next),
      filters,
      onFiltersChange: (next) => setFilters(view.id, next),
      arrangement,
      onArrangementChange: (next) => setArrangement(view.id, next),
      findings,
      onFindingsChange: setFindings,
    }),
    [view.id, query, filters, arrangement, findings, setQuery, setFilters, setArrangement, setFindings],
  )
  return view.render(context)
})

/** The view drawn anew for each consultation: nothing of its scroll, focus or local state carries to the next patient. */
function ConsultationView(props: ViewContentProps) {
  const { consultation } = useConsultation()
  return <ViewContent key={consultation.id} {...props} />
}

/** The source line: drawn again only for another source or revision, not with each keystroke of a search (the shell renders with the URL). */
const SourceFooter = memo(function SourceFooter({ title, revision, onScope }: { title: string; revision: string; onScope: () => void }) {
  return (
    <footer className="app-footer">
      Source{NBSP}: {guillemets(title)} · contenu révisé le {frenchIsoDate(revision)} ·{' '}
      <button type="button" className="link" onClick={onScope}>
        Ce que Mollet couvre
      </button>
    </footer>
  )
})

const SCOPE: readonly MenuCommand[] = ['show-scope']

export function App() {
  const { state, reload } = useKnowledgeBase()
  const snapshot = state.status === 'ready' ? state.snapshot : null
  const index = useMemo(() => indexKnowledgeBase(snapshot?.kb ?? EMPTY_KB), [snapshot])
  const viewState = useUrlState()
  useLastView(viewState)
  const view = viewState.view

  // `/` goes to the view's search, `?` lists the shortcuts (not while typing, nor over a dialog).
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return
      if (document.querySelector('dialog[open]')) return
      if (event.key === '/') {
        const search = document.querySelector<HTMLInputElement>(`#${panelId(view)} input[type="search"]`)
        if (!search) return
        event.preventDefault()
        search.focus()
        search.select()
      } else if (event.key === '?') {
        event.preventDefault()
        setShortcutsOpen(true)
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [view])

  const [detailId, setDetailId] = useState<string | null>(null)
  const opener = useRef<HTMLElement | null>(null)
  const openDetail = useCallback((id: string, from: HTMLElement | null) => {
    opener.current = from
    setDetailId(id)
  }, [])
  const setView = viewState.setView
  useNavigation(setView, viewState.walk)
  const openHandout = useCallback(() => setView(HANDOUT_VIEW), [setView])
  const startOver = viewState.startOver
  // A new patient: the first view, scrolled to the top, and the focus on its tab (the view it was in is gone).
  const newPatient = useCallback(() => {
    startOver()
    window.scrollTo(0, 0)
    window.requestAnimationFrame(() => document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus())
  }, [startOver])
  const showOrientation = useCallback(() => setView('orientation'), [setView])
  const closeDetail = useCallback(() => setDetailId(null), [])

  const closeShortcuts = useCallback(() => setShortcutsOpen(false), [])
  const [scopeOpen, setScopeOpen] = useState(false)
  const openScope = useCallback(() => setScopeOpen(true), [])
  const closeScope = useCallback(() => setScopeOpen(false), [])
  useCommand(SCOPE, openScope)

  const header = useRef<HTMLElement>(null)
  useStickyHeader(header)

  const meta = index.kb.meta
  return (
    <KbIndexContext value={index}>
      <OpenDetailContext value={openDetail}>
        <ConsultationProvider onNewPatient={newPatient}>
          <HandoutProvider view={view} onOpen={openHandout}>
            <RecordNoteProvider onShow={showOrientation}>
              <div className="app">
                <header ref={header} className="app-header">
                  <div className="brand-row">
                    <div className="brand">
                      <h1>Mollet</h1>
                      <p className="subtitle">Contractions musculaires au mollet{NBSP}: causes et diagnostics différentiels</p>
                    </div>
                    <NewPatient />
                  </div>
                  <div className="nav-row">
                    <ViewTabs views={VIEWS} current={view} onSelect={viewState.setView} />
                    <button type="button" className="button button-quiet shortcuts-button" onClick={() => setShortcutsOpen(true)}>
                      Raccourcis clavier <kbd>?</kbd>
                    </button>
                  </div>
                </header>

                <main className="app-main">
                  {state.status === 'loading' && (
                    <p className="loading" role="status">
                      Chargement de la base de connaissances…
                    </p>
                  )}
                  {state.status === 'error' && (
                    <section className="banner banner-error" role="alert">
                      <div className="banner-head">
                        <div>
                          <h2 className="banner-title">La base de connaissances n’a pas pu être chargée</h2>
                          <p className="banner-text">{state.message}</p>
                        </div>
                        <button type="button" className="button" onClick={reload}>
                          Réessayer
                        </button>
                      </div>
                    </section>
                  )}
                  {snapshot && <ProblemsBanner problems={snapshot.problems} />}
                  <ContentUpdates onChanged={reload} />

                  {state.status !== 'loading' &&
                    VIEWS.map((v) => (
                      <section
                        key={v.id}
                        role="tabpanel"
                        id={panelId(v.id)}
                        aria-labelledby={tabId(v.id)}
                        hidden={v.id !== view}
                        className="panel"
                      >
                        {/* Only the view shown is mounted: hidden ones held ~100,000 elements at 10,000 entries. */}
                        {v.id === view && (
                          <ConsultationView
                            view={v}
                            query={viewState.scope(v.id).query}
                            filters={viewState.scope(v.id).filters}
                            arrangement={viewState.scope(v.id).arrangement}
                            setQuery={viewState.setQuery}
                            setFilters={viewState.setFilters}
                            setArrangement={viewState.setArrangement}
                          />
                        )}
                      </section>
                    ))}
                </main>

                {meta && <SourceFooter title={meta.source.title} revision={meta.revision} onScope={openScope} />}
              </div>

              <ConditionDetail entryId={detailId} onNavigate={setDetailId} onClose={closeDetail} opener={opener} />
              <ShortcutsDialog open={shortcutsOpen} onClose={closeShortcuts} />
              <ScopeDialog open={scopeOpen} onClose={closeScope} />
            </RecordNoteProvider>
          </HandoutProvider>
        </ConsultationProvider>
      </OpenDetailContext>
    </KbIndexContext>
  )
}
