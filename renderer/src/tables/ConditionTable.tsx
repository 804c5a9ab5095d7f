// The one table of conditions, used by the "Causes" and the "Diagnostics
// différentiels" views: search (accents and case ignored), faceted filters with
// counts, sorting, column visibility; a row opens the entry's detail. A long
// list renders only the rows on screen (ConditionBody.tsx); aria-rowcount
// gives assistive technologies the whole table.
import { useId, useState } from 'react'
import type { Arrangement } from '@shared/app/url-state'
import type { Noun } from '@shared/text/french'
import { useKbIndex } from '../lib/useKbIndex'
import { NoResult, SearchNotes } from '../lib/SearchNotes'
import { ConditionBody, isWindowed } from './ConditionBody'
import { ConditionTableHead } from './ConditionTableHead'
import { ConditionToolbar } from './ConditionToolbar'
import { FacetFilter } from './FacetFilter'
import { useConditionTable } from './useConditionTable'

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

export function ConditionTable(props: ConditionTableProps) {
  const { list, caption, noun, query, onQueryChange } = props
  const entries = useKbIndex().kb[list]
  const { table, facets, counts, columnFilters } = useConditionTable(entries, props)
  const rows = table.getRowModel().rows
  const filtersId = useId()
  const [filtersOpen, setFiltersOpen] = useState(false)
  const visibleColumns = table.getVisibleLeafColumns().length

  const clearFilters = () => {
    table.resetColumnFilters(true)
    onQueryChange('')
  }
  const filters = {
    id: filtersId,
    open: filtersOpen,
    toggle: () => setFiltersOpen((open) => !open),
    ticked: columnFilters.reduce((n, f) => n + (Array.isArray(f.value) ? f.value.length : 0), 0),
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
        <ConditionToolbar
          table={table}
          query={query}
          onQueryChange={onQueryChange}
          shown={rows.length}
          total={entries.length}
          noun={noun}
          filtering={query.trim() !== '' || table.state.columnFilters.length > 0}
          onClear={clearFilters}
          filters={facets.length > 0 ? filters : null}
        />
        <SearchNotes query={query} />

        <div className="table-wrap">
          <table className="data" aria-rowcount={isWindowed(rows.length) ? rows.length + 1 : undefined}>
            <caption className="visually-hidden">{caption}</caption>
            <ConditionTableHead table={table} />
            <ConditionBody
              rows={rows}
              columns={visibleColumns}
              empty={
                entries.length === 0 ? (
                  <p>Aucune entrée dans la base de connaissances.</p>
                ) : (
                  <NoResult query={query} clearLabel="Effacer les filtres" onClear={clearFilters} />
                )
              }
            />
          </table>
        </div>
      </div>
    </div>
  )
}
