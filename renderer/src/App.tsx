// The app shell: header and view nav, the knowledge-base states (loading, IPC
// error, problems in the files), the views, and the one detail dialog.
import { useCallback, useMemo, useRef, useState } from 'react'
import { ConditionDetail } from './components/ConditionDetail'
import { ProblemsBanner } from './components/ProblemsBanner'
import { ViewTabs, panelId, tabId } from './components/ViewTabs'
import { OpenDetailContext } from './hooks/useDetail'
import { KbIndexContext } from './hooks/useKbIndex'
import { useKnowledgeBase } from './hooks/useKnowledgeBase'
import { NBSP, frenchDate, guillemets } from './lib/fr'
import { EMPTY_KB, indexKnowledgeBase } from './lib/kbIndex'
import { VIEWS } from './views'

export function App() {
  const { state, reload } = useKnowledgeBase()
  const snapshot = state.status === 'ready' ? state.snapshot : null
  const index = useMemo(() => indexKnowledgeBase(snapshot?.kb ?? EMPTY_KB), [snapshot])
  const [view, setView] = useState<string>(VIEWS[0]?.id ?? '')

  const [detailId, setDetailId] = useState<string | null>(null)
  const opener = useRef<HTMLElement | null>(null)
  const openDetail = useCallback((id: string, from: HTMLElement | null) => {
    opener.current = from
    setDetailId(id)
  }, [])
  const closeDetail = useCallback(() => {
    setDetailId(null)
    if (opener.current?.isConnected) opener.current.focus()
    opener.current = null
  }, [])

  const meta = index.kb.meta
  return (
    <KbIndexContext value={index}>
      <OpenDetailContext value={openDetail}>
        <div className="app">
          <header className="app-header">
            <div className="brand">
              <h1>Mollet</h1>
              <p className="subtitle">Contractions musculaires au mollet{NBSP}: causes et diagnostics différentiels</p>
            </div>
            <ViewTabs views={VIEWS} current={view} onSelect={setView} />
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
                  {v.render(index)}
                </section>
              ))}
          </main>

          {meta && (
            <footer className="app-footer">
              Source{NBSP}: {guillemets(meta.source.title)} · contenu vérifié le {frenchDate(meta.revision)}
            </footer>
          )}
        </div>

        <ConditionDetail entryId={detailId} onNavigate={setDetailId} onClose={closeDetail} />
      </OpenDetailContext>
    </KbIndexContext>
  )
}
