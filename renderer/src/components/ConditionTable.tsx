// The one table of conditions, used by the "Causes" and the "Diagnostics
// différentiels" views: search (accents and case ignored), faceted filters with
// counts, sorting, column visibility; a row opens the entry's detail.
import { useMemo, type KeyboardEvent } from 'react'
import { useTable, type ColumnFiltersState, type Updater } from '@tanstack/react-table'
import type { Condition } from '../../../shared/kb/types'
import { useKbIndex } from '../hooks/useKbIndex'
import { useOpenDetail } from '../hooks/useDetail'
import { NBSP, count, type Noun } from '../lib/fr'
import { focusFirstRow, moveRowFocus } from '../lib/rowFocus'
import { ColumnMenu } from './ColumnMenu'
import { FacetFilter } from './FacetFilter'
import { conditionColumns, conditionFeatures, searchEntries, type ConditionRow } from './conditionColumns'

export interface ConditionTableProps {
  /** Entries shown, in the knowledge base's order. */
  entries: Condition[]
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
}

const SORT_ARIA = { asc: 'ascending', desc: 'descending' } as const

function resolve<T>(updater: Updater<T>, old: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater
}

export function ConditionTable({ entries, caption, noun, query, onQueryChange, filters, onFiltersChange }: ConditionTableProps) {
  const index = useKbIndex()
  const openDetail = useOpenDetail()
  const columns = useMemo(() => conditionColumns(index), [index])
  // Only the faceted columns take filters; anything else in the hash is ignored.
  const facetIds = useMemo(
    () =>
      new Set(
        columns
          .filter((c) => c.meta?.facet)
          .map((c) => c.id ?? ('accessorKey' in c ? String(c.accessorKey) : '')),
      ),
    [columns],
  )
  const columnFilters: ColumnFiltersState = Object.entries(filters)
    .filter(([id, values]) => facetIds.has(id) && values.length > 0)
    .map(([id, value]) => ({ id, value }))

  const table = useTable({
    features: conditionFeatures,
    columns,
    data: entries,
    getRowId: (c) => c.id,
    globalFilterFn: searchEntries,
    getColumnCanGlobalFilter: (column) => column.id === 'name',
    enableMultiSort: false,
    sortDescFirst: false,
    state: { globalFilter: query, columnFilters },
    onGlobalFilterChange: (updater: Updater<unknown>) => {
      const next = resolve(updater, query)
      onQueryChange(typeof next === 'string' ? next : '')
    },
    onColumnFiltersChange: (updater) => {
      const next = resolve(updater, columnFilters)
      onFiltersChange(Object.fromEntries(next.map((f) => [f.id, Array.isArray(f.value) ? f.value.map(String) : []])))
    },
  })

  const rows = table.getRowModel().rows
  const filtering = query.trim() !== '' || table.state.columnFilters.length > 0
  const visibleColumns = table.getVisibleLeafColumns().length
  const facets = table.getAllLeafColumns().flatMap((column) => {
    const facet = column.columnDef.meta?.facet
    const options = facet ? facet.options(entries) : []
    return facet && options.length > 0 ? [{ column, label: facet.label, options }] : []
  })

  const clearFilters = () => {
    table.resetColumnFilters(true)
    table.setGlobalFilter('')
  }

  const open = (row: ConditionRow, element: HTMLElement) => openDetail(row.original.id, element)

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, row: ConditionRow) => {
    const tr = event.currentTarget
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      open(row, tr)
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      moveRowFocus(tr, event.key === 'ArrowDown' ? 1 : -1)
    }
  }

  return (
    <div className={facets.length > 0 ? 'conditions' : 'conditions conditions-unfiltered'}>
      {facets.length > 0 && (
        <aside className="filters" aria-label="Filtres">
          {facets.map(({ column, label, options }) => (
            <FacetFilter key={column.id} column={column} label={label} options={options} />
          ))}
        </aside>
      )}

      <div className="conditions-main">
        <div className="toolbar">
          <label className="search">
            <span className="visually-hidden">Rechercher</span>
            <input
              type="search"
              value={query}
              placeholder="Rechercher (nom, synonyme, catégorie, explication)"
              onChange={(e) => table.setGlobalFilter(e.target.value)}
              onKeyDown={focusFirstRow}
            />
          </label>
          <p className="count" role="status">
            {rows.length === entries.length
              ? count(entries.length, noun)
              : `${count(rows.length, noun)} sur${NBSP}${entries.length}`}
          </p>
          {filtering && (
            <button type="button" className="button button-quiet" onClick={clearFilters}>
              Effacer les filtres
            </button>
          )}
          <ColumnMenu table={table} />
        </div>

        <div className="table-wrap">
          <table className="data">
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
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.id}
                  tabIndex={0}
                  className="entry-row"
                  data-entry={row.id}
                  onClick={(e) => open(row, e.currentTarget)}
                  onKeyDown={(e) => onRowKey(e, row)}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={`col-${cell.column.id}`}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={visibleColumns} className="empty">
                    {entries.length === 0 ? (
                      <p>Aucune entrée dans la base de connaissances.</p>
                    ) : (
                      <>
                        <p>
                          <strong>Aucun résultat</strong> pour ces critères.
                        </p>
                        <button type="button" className="button" onClick={clearFilters}>
                          Effacer les filtres
                        </button>
                      </>
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
