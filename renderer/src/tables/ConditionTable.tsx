// The one table of conditions, used by the "Causes" and the "Diagnostics
// différentiels" views: search (accents and case ignored), faceted filters with
// counts, sorting, column visibility; a row opens the entry's detail. A long
// list (a knowledge base of thousands of entries) renders only the rows on
// screen, still as one <table>: spacer rows stand for the others, and
// aria-rowcount / aria-rowindex give assistive technologies the whole table.
import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import {
  FlexRender,
  useTable,
  type ColumnFiltersState,
  type ColumnVisibilityState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table'
import type { Arrangement } from '@shared/app/url-state'
import { useKbIndex } from '../lib/useKbIndex'
import { useOpenDetail } from '../detail'
import { NBSP, count, type Noun } from '@shared/text/french'
import { focusFirstRow, moveRowFocus } from '../lib/rowFocus'
import { ColumnMenu } from './ColumnMenu'
import { FacetFilter } from './FacetFilter'
import { conditionColumns, conditionFeatures, type ConditionRow } from './conditionColumns'
import { facetCounts, indexFacets } from './facets'
import { rowWindow, sameRows, VIRTUAL_FROM, type BodyPlace, type RowWindow } from './rowWindow'
import { prepareSearch, searchEntries, type SearchResult } from '@shared/search/conditions'
import type { ConditionSummary } from '@shared/kb/types'
import { SearchBox } from '../lib/SearchBox'
import { NoResult, SearchNotes } from '../lib/SearchNotes'

/** Whether filtering on these values can keep some entries and not others. */
function tellsApart(entries: readonly ConditionSummary[], valuesOf: (c: ConditionSummary) => readonly string[]): boolean {
  const seen = new Set(entries.map((c) => [...valuesOf(c)].sort().join('\u0001')))
  return seen.size > 1
}

export interface ConditionTableProps {
  /** Which list of the knowledge base the table shows. */
  list: 'causes' | 'differentials'
  /** Accessible caption of the table. */
  caption: string
  /** How the count line names the entries ("cause" / "causes"). */
  noun: Noun
  /** The search (controlled: it lives in the URL hash). */
  query: string
  onQueryChange: (query: string) => void
  /** Faceted filters, column id → checked values (controlled, like the search). */
  filters: Record<string, string[]>
  onFiltersChange: (filters: Record<string, string[]>) => void
  /** Sort and hidden columns (controlled, like the filters: kept in the hash and the settings). */
  arrangement: Arrangement
  onArrangementChange: (arrangement: Arrangement) => void
}

const SORT_ARIA = { asc: 'ascending', desc: 'descending' } as const

/** A row's height before one has been measured (px). */
const ROW_GUESS = 56
/** How long one slice of folding the search's texts ahead of time runs (ms). */
const FOLD_SLICE_MS = 4

/**
 * The rows to render out of `count` (rowWindow.ts), from where the table body
 * was last seen: measured at the next frame when the list becomes long, on any
 * scroll of the page or of a container, and on resize, never in the middle of
 * a keystroke's render (a keystroke changes only `count`: its window is
 * derived here, with no layout read and no second render).
 */
function useRowWindow(count: number, body: RefObject<HTMLTableSectionElement | null>): RowWindow & { rowHeight: number } {
  const virtual = count > VIRTUAL_FROM
  const [rowHeight, setRowHeight] = useState(ROW_GUESS)
  // Until measured, at the next frame: the body's top on screen, as when a view opens.
  const [place, setPlace] = useState<BodyPlace>(() => ({ top: 0, viewport: window.innerHeight }))

  useEffect(() => {
    if (!virtual) return
    let frame = 0
    const measure = () => {
      frame = 0
      const el = body.current
      if (!el) return
      const next = { top: el.getBoundingClientRect().top, viewport: window.innerHeight }
      setPlace((last) => (sameRows(last, next, rowHeight) ? last : next))
    }
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(measure)
    }
    schedule()
    document.addEventListener('scroll', schedule, { capture: true, passive: true })
    window.addEventListener('resize', schedule)
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame)
      document.removeEventListener('scroll', schedule, { capture: true })
      window.removeEventListener('resize', schedule)
    }
  }, [virtual, rowHeight, body])

  // The average height of the first rows rendered, measured once (measuring at
  // every render would move the spacers, hence the rows, under the reader).
  const measured = useRef(false)
  useLayoutEffect(() => {
    if (!virtual || measured.current || !body.current) return
    const rows = body.current.querySelectorAll<HTMLTableRowElement>('tr.entry-row')
    if (rows.length === 0) return
    let total = 0
    for (const r of rows) total += r.getBoundingClientRect().height
    const average = Math.round(total / rows.length)
    // A hidden view's rows have no height yet: measured when it is shown.
    if (average === 0) return
    measured.current = true
    setRowHeight(average)
  })

  return { ...rowWindow(count, place, rowHeight), rowHeight }
}

const itself = (c: ConditionSummary): ConditionSummary => c
const columnIdOf = (c: { id?: string }): string => c.id ?? ('accessorKey' in c ? String(c.accessorKey) : '')

function resolve<T>(updater: Updater<T>, old: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater
}

export function ConditionTable({
  list,
  caption,
  noun,
  query,
  onQueryChange,
  filters,
  onFiltersChange,
  arrangement,
  onArrangementChange,
}: ConditionTableProps) {
  const index = useKbIndex()
  const entries = index.kb[list]
  const columns = useMemo(() => conditionColumns(index), [index])
  // The facets, their options and their values: from the list, not from each keystroke's rows.
  // A filter that cannot tell the list's entries apart (every cause is « Mollet ») is not offered.
  const facets = useMemo(
    () =>
      columns.flatMap((c) => {
        const facet = c.meta?.facet
        const options = facet ? facet.options(entries) : []
        return facet && options.length > 0 && tellsApart(entries, facet.valuesOf)
          ? [{ id: columnIdOf(c), label: facet.label, options, valuesOf: facet.valuesOf }]
          : []
      }),
    [columns, entries],
  )
  // Only the faceted columns take filters, and only values they offer: anything
  // else in the hash (#view=causes&f.category=nexistepas) is ignored, never
  // applied as a filter that hides every row while no box is ticked.
  const columnFilters: ColumnFiltersState = useMemo(
    () =>
      facets.flatMap(({ id, options }) => {
        const value = (filters[id] ?? []).filter((v) => options.some((o) => o.value === v))
        return value.length > 0 ? [{ id, value }] : []
      }),
    [facets, filters],
  )

  // Like the filters: a column the table does not have is ignored.
  const columnIds = useMemo(() => new Set(columns.map(columnIdOf)), [columns])
  const sorting: SortingState = useMemo(
    () => (arrangement.sort && columnIds.has(arrangement.sort.id) ? [arrangement.sort] : []),
    [arrangement.sort, columnIds],
  )
  const columnVisibility: ColumnVisibilityState = useMemo(
    () => Object.fromEntries(arrangement.hidden.filter((id) => columnIds.has(id)).map((id) => [id, false])),
    [arrangement.hidden, columnIds],
  )

  // The search: folded once per query, narrowing an earlier result while one types on, finding
  // it again as one erases. It and the facets give positions in the list; the table, given the
  // whole list once, shows the rows at those positions (keptRows.ts) and sorts them.
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

  const rows = table.getRowModel().rows
  const body = useRef<HTMLTableSectionElement>(null)
  const filtersId = useId()
  const [filtersOpen, setFiltersOpen] = useState(false)
  const virtual = rows.length > VIRTUAL_FROM
  const { start, end, rowHeight } = useRowWindow(rows.length, body)
  const filtering = query.trim() !== '' || table.state.columnFilters.length > 0
  const visibleColumns = table.getVisibleLeafColumns().length

  const clearFilters = () => {
    table.resetColumnFilters(true)
    onQueryChange('')
  }

  return (
    <div className={facets.length > 0 ? 'conditions' : 'conditions conditions-unfiltered'}>
      {facets.length > 0 && (
        <aside id={filtersId} className={filtersOpen ? 'filters filters-open' : 'filters'} aria-label="Filtres">
          {facets.map(({ id, label, options }) => {
            const column = table.getColumn(id)
            return column ? <FacetFilter key={id} column={column} label={label} options={options} counts={counts.get(id)} /> : null
          })}
        </aside>
      )}

      <div className="conditions-main">
        <div className="toolbar">
          <SearchBox
            value={query}
            placeholder="Rechercher (nom, synonyme, catégorie, explication)"
            onChange={onQueryChange}
            onKeyDown={focusFirstRow}
          />
          <p className="count" role="status">
            {rows.length === entries.length ? count(entries.length, noun) : `${count(rows.length, noun)} sur${NBSP}${entries.length}`}
          </p>
          {filtering && (
            <button type="button" className="button button-quiet" onClick={clearFilters}>
              Effacer les filtres
            </button>
          )}
          {facets.length > 0 && (
            // Under 860 px the filters fold behind this button (styles.css): the table comes first.
            <button
              type="button"
              className="button filters-toggle"
              aria-expanded={filtersOpen}
              aria-controls={filtersId}
              onClick={() => setFiltersOpen((open) => !open)}
            >
              Filtres
              {columnFilters.length > 0 ? ` (${columnFilters.reduce((n, f) => n + (Array.isArray(f.value) ? f.value.length : 0), 0)})` : ''}
            </button>
          )}
          <ColumnMenu table={table} />
        </div>
        <SearchNotes query={query} />

        <div className="table-wrap">
          <table className="data" aria-rowcount={virtual ? rows.length + 1 : undefined}>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted()
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        className={`col-${header.column.id}`}
                        aria-sort={sorted ? SORT_ARIA[sorted] : undefined}
                      >
                        {header.column.getCanSort() ? (
                          <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                            <table.FlexRender header={header} />
                            <span className={`sort-mark${sorted ? ' sort-active' : ''}`} aria-hidden="true">
                              {sorted === 'desc' ? '▼' : sorted === 'asc' ? '▲' : '↕'}
                            </span>
                          </button>
                        ) : (
                          <table.FlexRender header={header} />
                        )}
                      </th>
                    )
                  })}
                </tr>
              ))}
            </thead>
            <tbody ref={body}>
              {virtual && start > 0 && <SpacerRow height={start * rowHeight} columns={visibleColumns} />}
              {rows.slice(start, end).map((row, i) => (
                <EntryRow key={row.id} row={row} cells={row.getVisibleCells()} rowIndex={virtual ? start + i + 2 : undefined} />
              ))}
              {virtual && end < rows.length && <SpacerRow height={(rows.length - end) * rowHeight} columns={visibleColumns} />}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={visibleColumns} className="empty">
                    {entries.length === 0 ? (
                      <p>Aucune entrée dans la base de connaissances.</p>
                    ) : (
                      <NoResult query={query} clearLabel="Effacer les filtres" onClear={clearFilters} />
                    )}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  )
}

interface EntryRowProps {
  row: ConditionRow
  cells: ReturnType<ConditionRow['getVisibleCells']>
  /** aria-rowindex, when only some rows are rendered. */
  rowIndex: number | undefined
}

/**
 * One entry: drawn again only when it moves in the table or its columns change. The table's Rows
 * and their cells outlive a keystroke, so the rows that stay on screen as one types are skipped.
 */
const EntryRow = memo(function EntryRow({ row, cells, rowIndex }: EntryRowProps) {
  const openDetail = useOpenDetail()
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    const tr = event.currentTarget
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      openDetail(row.original.id, tr)
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      moveRowFocus(tr, event.key === 'ArrowDown' ? 1 : -1)
    }
  }
  return (
    <tr
      tabIndex={0}
      className="entry-row"
      data-entry={row.id}
      aria-rowindex={rowIndex}
      onClick={(e) => openDetail(row.original.id, e.currentTarget)}
      onKeyDown={onKeyDown}
    >
      {cells.map((cell) => (
        <td key={cell.id} className={`col-${cell.column.id}`}>
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  )
})

/** Stands for the rows not rendered, so that the table keeps its height and its scroll bar. */
function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" className="spacer-row" style={{ height }}>
      <td colSpan={columns} style={{ padding: 0, border: 0 }} />
    </tr>
  )
}
