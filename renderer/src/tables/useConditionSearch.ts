// The tables' search: folded once per query, narrowing an earlier result while
// one types on, finding it again as one erases. It gives positions in the list.
import { useEffect, useMemo, useRef } from 'react'
import type { ConditionSummary } from '@shared/kb/types'
import { prepareSearch, searchEntries, type SearchResult } from '@shared/search/conditions'

/** How long one slice of folding the search's texts ahead of time runs (ms). */
const FOLD_SLICE_MS = 4

const itself = (c: ConditionSummary): ConditionSummary => c

export function useConditionSearch(entries: readonly ConditionSummary[], query: string): SearchResult<ConditionSummary> {
  const lastSearch = useRef<SearchResult<ConditionSummary> | null>(null)
  const search = useMemo(() => {
    const result = searchEntries(entries, query, itself, lastSearch.current)
    lastSearch.current = result
    return result
  }, [entries, query])
  // The entries' texts are folded for the search ahead of the first keystroke, in slices of a few
  // milliseconds each its own task (a key pressed meanwhile waits no longer than a slice), so that
  // the first keystroke searches at once rather than folding the whole list first.
  useEffect(() => {
    const tasks = new MessageChannel()
    tasks.port1.onmessage = () => {
      const until = performance.now() + FOLD_SLICE_MS
      if (!prepareSearch(entries, itself, () => performance.now() < until)) tasks.port2.postMessage(null)
    }
    tasks.port2.postMessage(null)
    return () => tasks.port1.close()
  }, [entries])
  return search
}
