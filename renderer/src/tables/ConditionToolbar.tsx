// Above the table: the search, how many entries it shows, « Effacer les
// filtres » while something narrows it, the filters' toggle on a narrow
// window, and the columns menu.
import { NBSP, count, type Noun } from '@shared/text/french'
import { focusFirstRow } from '../lib/rowFocus'
import { SearchBox } from '../lib/SearchBox'
import { ColumnMenu } from './ColumnMenu'
import type { ConditionTableApi } from './useConditionTable'

interface ConditionToolbarProps {
  table: ConditionTableApi
  query: string
  onQueryChange: (query: string) => void
  /** Rows shown, out of `total` entries, named by `noun`. */
  shown: number
  total: number
  noun: Noun
  /** True while the search or a filter narrows the list. */
  filtering: boolean
  onClear: () => void
  /** The filters' panel, when the list has filters: its id, whether it is open, its toggle, how many boxes are ticked. */
  filters: { id: string; open: boolean; toggle: () => void; ticked: number } | null
}

export function ConditionToolbar(props: ConditionToolbarProps) {
  const { table, query, onQueryChange, shown, total, noun, filtering, onClear, filters } = props
  return (
    <div className="toolbar">
      <SearchBox
        value={query}
        placeholder="Rechercher (nom, synonyme, catégorie, explication)"
        onChange={onQueryChange}
        onKeyDown={focusFirstRow}
      />
      <p className="count" role="status">
        {shown === total ? count(total, noun) : `${count(shown, noun)} sur${NBSP}${total}`}
      </p>
      {filtering && (
        <button type="button" className="button button-quiet" onClick={onClear}>
          Effacer les filtres
        </button>
      )}
      {filters && (
        // Under 860 px the filters fold behind this button (styles.css): the table comes first.
        <button
          type="button"
          className="button filters-toggle"
          aria-expanded={filters.open}
          aria-controls={filters.id}
          onClick={filters.toggle}
        >
          Filtres
          {filters.ticked > 0 ? ` (${filters.ticked})` : ''}
        </button>
      )}
      <ColumnMenu table={table} />
    </div>
  )
}
