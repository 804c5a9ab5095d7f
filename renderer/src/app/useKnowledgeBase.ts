// Loads the knowledge base once through the IPC API. A failed call is a state
// of its own (French message from main) with a retry; the app stays usable.
import { useCallback, useEffect, useState } from 'react'
import { api } from '../api'
import type { KnowledgeOutlineSnapshot } from '@shared/kb/types'

export type KnowledgeBaseState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; snapshot: KnowledgeOutlineSnapshot }

export function useKnowledgeBase(): { state: KnowledgeBaseState; reload: () => void } {
  const [state, setState] = useState<KnowledgeBaseState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `attempt` is what asks for the reload
  useEffect(() => {
    let current = true
    setState({ status: 'loading' })
    api.loadKnowledgeBase().then((result) => {
      if (!current) return
      setState(result.ok ? { status: 'ready', snapshot: result.value } : { status: 'error', message: result.error.message })
    })
    return () => {
      current = false
    }
  }, [attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { state, reload }
}
