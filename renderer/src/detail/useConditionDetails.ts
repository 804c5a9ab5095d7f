// What an entry's detail adds to its summary (« Que faire », the quotes),
// asked of main when the detail opens: the first screen goes without them
// (loadKnowledgeBase sends summaries only). Kept per knowledge base, so an
// entry opened again shows at once, and an installed pack asks anew.
import { useCallback, useEffect, useState } from 'react'
import { api } from '../api'
import type { ConditionDetails, KnowledgeOutline } from '@shared/kb/types'

export type ConditionDetailsState =
  | { status: 'loading' }
  | { status: 'ready'; details: ConditionDetails }
  | { status: 'error'; message: string }

const loaded = new WeakMap<KnowledgeOutline, Map<string, ConditionDetails>>()

function keptFor(kb: KnowledgeOutline): Map<string, ConditionDetails> {
  let kept = loaded.get(kb)
  if (kept === undefined) {
    kept = new Map()
    loaded.set(kb, kept)
  }
  return kept
}

export function useConditionDetails(kb: KnowledgeOutline, id: string): { state: ConditionDetailsState; retry: () => void } {
  const known = keptFor(kb).get(id)
  const [state, setState] = useState<{ id: string; kb: KnowledgeOutline; value: ConditionDetailsState } | null>(null)
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `attempt` is what asks again
  useEffect(() => {
    if (known) return
    let current = true
    const answer = (value: ConditionDetailsState) => {
      if (current) setState({ id, kb, value })
    }
    answer({ status: 'loading' })
    api.loadConditionDetails(id).then((result) => {
      if (result.ok) keptFor(kb).set(id, result.value)
      answer(result.ok ? { status: 'ready', details: result.value } : { status: 'error', message: result.error.message })
    })
    return () => {
      current = false
    }
  }, [kb, id, known, attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  if (known) return { state: { status: 'ready', details: known }, retry }
  // A state left from another entry is not this one's.
  return { state: state && state.id === id && state.kb === kb ? state.value : { status: 'loading' }, retry }
}
