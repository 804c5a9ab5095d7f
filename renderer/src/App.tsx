import { useEffect, useState } from 'react'
import { api } from './api'
import type { KnowledgeBaseSnapshot } from '../../shared/kb/types'

export function App() {
  const [snapshot, setSnapshot] = useState<KnowledgeBaseSnapshot | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    void api.loadKnowledgeBase().then((r) => (r.ok ? setSnapshot(r.value) : setError(r.error.message)))
  }, [])
  return (
    <main>
      <h1>Mollet</h1>
      {error && <p role="alert">{error}</p>}
      {snapshot && <p>{snapshot.kb.causes.length} causes</p>}
    </main>
  )
}
