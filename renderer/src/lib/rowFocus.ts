// Arrow keys through the rows of a table (across its row groups), from a
// search box down to the first row, and from the first row back up to it.
import type { KeyboardEvent } from 'react'

const ROW = 'tr.entry-row'

/**
 * Moves the focus to the row `delta` rows away in the same table, if there is
 * one; ↑ from the first row goes back to the view's search box, where ↓ came from.
 */
export function moveRowFocus(row: HTMLTableRowElement, delta: number): void {
  const rows = [...(row.closest('table')?.querySelectorAll<HTMLTableRowElement>(ROW) ?? [])]
  const index = rows.indexOf(row) + delta
  if (index < 0) row.closest('[role="tabpanel"]')?.querySelector<HTMLInputElement>('input[type="search"]')?.focus()
  else rows[index]?.focus()
}

/** In a search box: ↓ goes to the first row of the table in the same view. */
export function focusFirstRow(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key !== 'ArrowDown') return
  const row = event.currentTarget.closest('[role="tabpanel"]')?.querySelector<HTMLTableRowElement>(ROW)
  if (!row) return
  event.preventDefault()
  row.focus()
}
