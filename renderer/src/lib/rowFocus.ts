// Arrow keys through the rows of a table (across its row groups), and from a
// search box down to the first row.
import type { KeyboardEvent } from 'react'

const ROW = 'tr.entry-row'

/** Moves the focus to the row `delta` rows away in the same table, if there is one. */
export function moveRowFocus(row: HTMLTableRowElement, delta: number): void {
  const rows = [...(row.closest('table')?.querySelectorAll<HTMLTableRowElement>(ROW) ?? [])]
  rows[rows.indexOf(row) + delta]?.focus()
}

/** In a search box: ↓ goes to the first row of the table in the same view. */
export function focusFirstRow(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key !== 'ArrowDown') return
  const row = event.currentTarget.closest('[role="tabpanel"]')?.querySelector<HTMLTableRowElement>(ROW)
  if (!row) return
  event.preventDefault()
  row.focus()
}
