// The table's column headers: a sortable column's header is a button that
// turns its sort, and says the sort to assistive technologies (aria-sort).
import type { Header } from '@tanstack/react-table'
import type { ConditionSummary } from '@shared/kb/types'
import type { ConditionFeatures } from './conditionColumns'
import type { ConditionTableApi } from './useConditionTable'

const SORT_ARIA = { asc: 'ascending', desc: 'descending' } as const

export function ConditionTableHead({ table }: { table: ConditionTableApi }) {
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => (
            <HeaderCell key={header.id} table={table} header={header} />
          ))}
        </tr>
      ))}
    </thead>
  )
}

function HeaderCell({ table, header }: { table: ConditionTableApi; header: Header<ConditionFeatures, ConditionSummary, unknown> }) {
  const sorted = header.column.getIsSorted()
  return (
    <th scope="col" className={`col-${header.column.id}`} aria-sort={sorted ? SORT_ARIA[sorted] : undefined}>
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
}
