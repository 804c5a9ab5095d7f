// The "Colonnes" menu: shows or hides the table's optional columns. Esc or
// leaving it closes it.
import { useRef, type FocusEvent, type KeyboardEvent } from 'react'
import type { ReactTable } from '@tanstack/react-table'
import type { ConditionSummary } from '@shared/kb/types'
import type { ConditionFeatures } from './conditionColumns'

export function ColumnMenu({ table }: { table: ReactTable<ConditionFeatures, ConditionSummary> }) {
  const details = useRef<HTMLDetailsElement>(null)
  const onKeyDown = (event: KeyboardEvent<HTMLDetailsElement>) => {
    if (event.key !== 'Escape' || !details.current?.open) return
    event.preventDefault()
    details.current.open = false
    details.current.querySelector('summary')?.focus()
  }
  // Closes when the focus leaves the menu (a click elsewhere, Tab past it).
  const onBlur = (event: FocusEvent<HTMLDetailsElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) event.currentTarget.open = false
  }
  return (
    <details className="menu" ref={details} onKeyDown={onKeyDown} onBlur={onBlur}>
      <summary className="button button-quiet">Colonnes</summary>
      <fieldset className="menu-panel">
        <legend className="visually-hidden">Colonnes affichées</legend>
        {table
          .getAllLeafColumns()
          .filter((column) => column.getCanHide())
          .map((column) => (
            <label key={column.id} className="menu-option">
              <input type="checkbox" checked={column.getIsVisible()} onChange={(e) => column.toggleVisibility(e.target.checked)} />
              {typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id}
            </label>
          ))}
      </fieldset>
    </details>
  )
}
