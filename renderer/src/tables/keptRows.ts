// The conditions table's filtered row model: the rows the search and the
// facets keep. Both are worked out outside the table, in one pass that also
// counts the facets (facets.ts), as positions in the list; the table is given
// the whole list once (its core row model, one Row per entry, is built once)
// and this model only picks the kept Rows out of it. TanStack's own filtered
// row model visits every row of the list, and gives each two new objects, at
// every change of the filters; rebuilding the core row model from a new
// `data` at each keystroke cost more still.
import {
  makeObjectMap,
  tableMemo,
  type RowData,
  type RowModel,
  type SortingState,
  type Table,
  type TableFeatures,
} from '@tanstack/react-table'

/** What the table is told through `options.meta`. */
export interface KeptRowsMeta {
  /** Positions in `data` of the rows to show, ascending; none given: every row. */
  kept?: readonly number[]
}

/** The rows of `all` at the positions `kept`, in that order (`all` itself when every row is kept). */
export function keptRows<TFeatures extends TableFeatures, TData extends RowData>(
  all: RowModel<TFeatures, TData>,
  kept: readonly number[] | undefined,
): RowModel<TFeatures, TData> {
  // Positions are distinct and within the list: as many as the rows means all of them, in order.
  if (kept === undefined || kept.length === all.rows.length) return all
  const rows: (typeof all.rows)[number][] = new Array(kept.length)
  for (let k = 0; k < kept.length; k++) rows[k] = all.rows[kept[k] as number] as (typeof all.rows)[number]
  let byId: Record<string, (typeof rows)[number]> | undefined
  return {
    rows,
    flatRows: rows,
    // Asked only by table.getRow(id), which the tables never call: made then, not at each keystroke.
    get rowsById() {
      if (byId === undefined) {
        byId = makeObjectMap()
        for (const row of rows) byId[row.id] = row
      }
      return byId
    },
  }
}

/** The `filteredRowModel` slot of a table whose `options.meta` is a KeptRowsMeta. */
export function createKeptRowModel() {
  return <TFeatures extends TableFeatures, TData extends RowData>(table: Table<TFeatures, TData>) =>
    tableMemo({
      feature: 'columnFilteringFeature',
      table,
      fnName: 'table.getFilteredRowModel',
      memoDeps: () => [table.getPreFilteredRowModel(), (table.options.meta as KeptRowsMeta | undefined)?.kept] as const,
      fn: keptRows,
    })
}

/**
 * The whole list in the order `sorting` gives, the rows in the list's order
 * breaking ties (as TanStack's sorted row model does; the conditions' columns
 * set neither sortUndefined nor invertSorting).
 */
function sortedList<TFeatures extends TableFeatures, TData extends RowData>(
  table: Table<TFeatures, TData>,
  all: RowModel<TFeatures, TData>,
  sorting: SortingState,
): RowModel<TFeatures, TData>['rows'] {
  type R = RowModel<TFeatures, TData>['rows'][number]
  const sorts = sorting.flatMap(({ id, desc }) => {
    const column = (table as unknown as SortingTable<R>).getColumn(id)
    return column?.getCanSort() ? [{ id, sign: desc ? -1 : 1, sortFn: column.getSortFn() }] : []
  })
  return [...all.rows].sort((a, b) => {
    for (const { id, sign, sortFn } of sorts) {
      const order = sortFn(a, b, id)
      if (order !== 0) return sign * order
    }
    return a.index - b.index
  })
}

/** The sorting APIs the sorted model uses (the table has them with rowSortingFeature). */
interface SortingTable<R> {
  atoms: { sorting?: { get: () => SortingState | undefined } }
  getColumn: (id: string) => { getCanSort: () => boolean; getSortFn: () => (a: R, b: R, id: string) => number } | undefined
}

/** The rows of `kept` (a subset of the list) in the order of `sorted` (the whole list sorted). */
function inSortedOrder<TFeatures extends TableFeatures, TData extends RowData>(
  sorted: RowModel<TFeatures, TData>['rows'],
  all: RowModel<TFeatures, TData>,
  kept: RowModel<TFeatures, TData>,
): RowModel<TFeatures, TData> {
  if (kept === all) return { rows: sorted, flatRows: sorted, rowsById: all.rowsById }
  const keep = new Uint8Array(all.rows.length)
  for (const row of kept.rows) keep[row.index] = 1
  const rows = sorted.filter((row) => keep[row.index] === 1)
  return {
    rows,
    flatRows: rows,
    // Read when asked: the kept model makes its map then.
    get rowsById() {
      return kept.rowsById
    },
  }
}

/**
 * The `sortedRowModel` slot to go with createKeptRowModel: the whole list is
 * sorted once per sorting, and a keystroke only picks the kept rows out of
 * it in that order, where TanStack's sorted row model sorted the kept rows
 * again at each keystroke (about a second for 96,000 rows by name: the
 * French collation is slow).
 */
export function createKeptSortedRowModel() {
  return <TFeatures extends TableFeatures, TData extends RowData>(table: Table<TFeatures, TData>) => {
    const sorting = () => (table as unknown as SortingTable<unknown>).atoms.sorting?.get() ?? []
    const sorted = tableMemo({
      feature: 'rowSortingFeature',
      table,
      fnName: 'table.getSortedList',
      memoDeps: () => [table.getCoreRowModel(), sorting()] as const,
      fn: (all, by) => (by.length === 0 ? null : sortedList(table, all, by)),
    })
    return tableMemo({
      feature: 'rowSortingFeature',
      table,
      fnName: 'table.getSortedRowModel',
      memoDeps: () => [sorted(), table.getPreSortedRowModel()] as const,
      fn: (list, kept) => (list === null ? kept : inSortedOrder(list, table.getCoreRowModel(), kept)),
    })
  }
}
