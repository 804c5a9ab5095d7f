// The table's state: what the URL and the settings hold (filters, sort, hidden
// columns), the facets a list offers, and the rows that the search and the
// facets keep. The table itself holds none of it: it reads it and asks for
// changes.
import { useMemo } from 'react'
import {
  useTable,
  type ColumnFiltersState,
  type ColumnVisibilityState,
  type ReactTable,
  type SortingState,
  type Updater,
} from '@tanstack/react-table'
import type { Arrangement } from '@shared/app/url-state'
import type { ConditionSummary } from '@shared/kb/types'
import { useKbIndex } from '../lib/useKbIndex'
import { conditionColumns, conditionFeatures, type ConditionFeatures, type FacetOption } from './conditionColumns'
import { facetCounts, indexFacets, type FacetCounts, type FacetSpec } from './facets'
import { useConditionSearch } from './useConditionSearch'

type Columns = ReturnType<typeof conditionColumns>
export type ConditionTableApi = ReactTable<ConditionFeatures, ConditionSummary>

/** A filter the list offers: its column, label and options. */
interface OfferedFacet extends FacetSpec {
  label: string
  options: FacetOption[]
}

interface ConditionTableState {
  query: string
  /** Faceted filters, column id → checked values. */
  filters: Record<string, string[]>
  onFiltersChange: (filters: Record<string, string[]>) => void
  arrangement: Arrangement
  onArrangementChange: (arrangement: Arrangement) => void
}

const columnIdOf = (c: { id?: string }): string => c.id ?? ('accessorKey' in c ? String(c.accessorKey) : '')

function resolve<T>(updater: Updater<T>, old: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater
}

/** Whether filtering on these values can keep some entries and not others. */
function tellsApart(entries: readonly ConditionSummary[], valuesOf: (c: ConditionSummary) => readonly string[]): boolean {
  const seen = new Set(entries.map((c) => [...valuesOf(c)].sort().join('\u0001')))
  return seen.size > 1
}

/**
 * The facets, their options and their values: from the list, not from each keystroke's rows.
 * A filter that cannot tell the list's entries apart (every cause is « Mollet ») is not offered.
 */
function offeredFacets(columns: Columns, entries: readonly ConditionSummary[]): OfferedFacet[] {
  return columns.flatMap((c) => {
    const facet = c.meta?.facet
    const options = facet ? facet.options(entries) : []
    return facet && options.length > 0 && tellsApart(entries, facet.valuesOf)
      ? [{ id: columnIdOf(c), label: facet.label, options, valuesOf: facet.valuesOf }]
      : []
  })
}

/**
 * Only the faceted columns take filters, and only values they offer: anything
 * else in the hash (#view=causes&f.category=nexistepas) is ignored, never
 * applied as a filter that hides every row while no box is ticked.
 */
function appliedFilters(facets: readonly OfferedFacet[], filters: Record<string, string[]>): ColumnFiltersState {
  return facets.flatMap(({ id, options }) => {
    const value = (filters[id] ?? []).filter((v) => options.some((o) => o.value === v))
    return value.length > 0 ? [{ id, value }] : []
  })
}

/** Sort and hidden columns; like the filters, a column the table does not have is ignored. */
function useArrangement(columns: Columns, arrangement: Arrangement) {
  const columnIds = useMemo(() => new Set(columns.map(columnIdOf)), [columns])
  const sorting: SortingState = useMemo(
    () => (arrangement.sort && columnIds.has(arrangement.sort.id) ? [arrangement.sort] : []),
    [arrangement.sort, columnIds],
  )
  const columnVisibility: ColumnVisibilityState = useMemo(
    () => Object.fromEntries(arrangement.hidden.filter((id) => columnIds.has(id)).map((id) => [id, false])),
    [arrangement.hidden, columnIds],
  )
  return { sorting, columnVisibility }
}

export function useConditionTable(
  entries: readonly ConditionSummary[],
  { query, filters, onFiltersChange, arrangement, onArrangementChange }: ConditionTableState,
): { table: ConditionTableApi; facets: OfferedFacet[]; counts: FacetCounts; columnFilters: ColumnFiltersState } {
  const index = useKbIndex()
  const columns = useMemo(() => conditionColumns(index), [index])
  const facets = useMemo(() => offeredFacets(columns, entries), [columns, entries])
  const columnFilters = useMemo(() => appliedFilters(facets, filters), [facets, filters])
  const { sorting, columnVisibility } = useArrangement(columns, arrangement)

  // The search and the facets give positions in the list; the table, given the whole list
  // once, shows the rows at those positions (keptRows.ts) and sorts them.
  const search = useConditionSearch(entries, query)
  const facetIndex = useMemo(() => indexFacets(entries, facets), [entries, facets])
  const ticked = useMemo(() => Object.fromEntries(columnFilters.map((f) => [f.id, f.value as string[]])), [columnFilters])
  const { counts, kept } = useMemo(() => facetCounts(facetIndex, search.indices, ticked), [facetIndex, search, ticked])

  const table = useTable({
    features: conditionFeatures,
    columns,
    data: entries as ConditionSummary[],
    meta: { kept },
    getRowId: (c) => c.id,
    enableMultiSort: false,
    sortDescFirst: false,
    state: { columnFilters, sorting, columnVisibility },
    onSortingChange: (updater) => {
      const [first] = resolve(updater, sorting)
      onArrangementChange({ ...arrangement, sort: first ? { id: first.id, desc: first.desc } : null })
    },
    onColumnVisibilityChange: (updater) => {
      const next = resolve(updater, columnVisibility)
      onArrangementChange({ ...arrangement, hidden: Object.keys(next).filter((id) => next[id] === false) })
    },
    onColumnFiltersChange: (updater) => {
      const next = resolve(updater, columnFilters)
      onFiltersChange(Object.fromEntries(next.map((f) => [f.id, Array.isArray(f.value) ? f.value.map(String) : []])))
    },
  })
  return { table, facets, counts, columnFilters }
}
