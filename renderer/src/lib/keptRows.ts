// The conditions table's filtered row model: the rows the search and the
// facets keep. Both are worked out outside the table, in one pass that also
// counts the facets (facets.ts), as positions in the list; the table is given
// the whole list once (its core row model, one Row per entry, is built once)
// and this model only picks the kept Rows out of it. TanStack's own filtered
// row model visits every row of the list, and gives each two new objects, at
// every change of the filters; rebuilding the core row model from a new
// `data` at each keystroke cost more still.
import { makeObjectMap, tableMemo, type RowData, type RowModel, type Table, type TableFeatures } from '@tanstack/react-table'

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
