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
import type { Positions } from '@shared/search/conditions'

/** What the table is told through `options.meta`. */
export interface KeptRowsMeta {
  /** Positions in `data` of the rows to show, ascending; none given: every row. */
  kept?: Positions
}

/** The rows of `all` at the positions `kept`, in that order (`all` itself when every row is kept). */
export function keptRows<TFeatures extends TableFeatures, TData extends RowData>(
  all: RowModel<TFeatures, TData>,
  kept: Positions | undefined,
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
 * The order `sorting` gives, the rows in the list's order breaking ties (as
 * TanStack's sorted row model does; the conditions' columns set neither
 * sortUndefined nor invertSorting).
 */
function comparator<TFeatures extends TableFeatures, TData extends RowData>(
  table: Table<TFeatures, TData>,
  sorting: SortingState,
): (a: RowModel<TFeatures, TData>['rows'][number], b: RowModel<TFeatures, TData>['rows'][number]) => number {
  type R = RowModel<TFeatures, TData>['rows'][number]
  const sorts = sorting.flatMap(({ id, desc }) => {
    const column = (table as unknown as SortingTable<R>).getColumn(id)
    return column?.getCanSort() ? [{ id, sign: desc ? -1 : 1, sortFn: column.getSortFn() }] : []
  })
  return (a, b) => {
    for (const { id, sign, sortFn } of sorts) {
      const order = sortFn(a, b, id)
      if (order !== 0) return sign * order
    }
    return a.index - b.index
  }
}

/** The sorting APIs the sorted model uses (the table has them with rowSortingFeature). */
interface SortingTable<R> {
  atoms: { sorting?: { get: () => SortingState | undefined } }
  getColumn: (id: string) => { getCanSort: () => boolean; getSortFn: () => (a: R, b: R, id: string) => number } | undefined
}

/** The rows of `kept` (a subset of the list) in the order of `sorted` (sorted rows that hold them all). */
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
 * Sorting `kept` rows alone costs about k·log₂k comparisons; the whole list,
 * n·log₂n, once per sort. Alone while that stays under the list's size: a sort
 * asked for during a narrow search sorts only the matches (a whole
 * 100,000-entry list takes 0.3–0.9 s: the French collation is slow).
 */
const sortsAlone = (kept: number, all: number): boolean => kept < all && kept * Math.log2(kept + 1) <= all

/**
 * The `sortedRowModel` slot to go with createKeptRowModel. A keystroke picks
 * the kept rows out of rows already sorted: the whole list sorted once per
 * sort, or, until the whole list is needed, the kept rows sorted alone (see
 * sortsAlone) for as long as the next kept rows are among them (a search
 * typed on). TanStack's sorted row model sorted the kept rows again at each
 * keystroke.
 */
export function createKeptSortedRowModel() {
  return <TFeatures extends TableFeatures, TData extends RowData>(table: Table<TFeatures, TData>) => {
    type Model = RowModel<TFeatures, TData>
    const sorting = () => (table as unknown as SortingTable<unknown>).atoms.sorting?.get() ?? []
    /** Rows in sorted order for one core row model and one sorting: the whole list, or some of it. */
    let sorted: { all: Model; by: SortingState; rows: Model['rows']; whole: boolean; members: Uint8Array } | null = null
    const sort = (all: Model, by: SortingState, rows: Model['rows'], whole: boolean) => {
      const members = new Uint8Array(all.rows.length)
      for (const row of rows) members[row.index] = 1
      sorted = { all, by, rows: [...rows].sort(comparator(table, by)), whole, members }
      return sorted
    }
    return tableMemo({
      feature: 'rowSortingFeature',
      table,
      fnName: 'table.getSortedRowModel',
      memoDeps: () => [table.getCoreRowModel(), sorting(), table.getPreSortedRowModel()] as const,
      fn: (all, by, kept) => {
        if (by.length === 0) return kept
        let from = sorted !== null && sorted.all === all && sorted.by === by ? sorted : null
        if (from !== null && !from.whole && !kept.rows.every((row) => from?.members[row.index] === 1)) from = null
        from ??= sortsAlone(kept.rows.length, all.rows.length) ? sort(all, by, kept.rows, false) : sort(all, by, all.rows, true)
        return inSortedOrder(from.rows, all, kept)
      },
    })
  }
}
