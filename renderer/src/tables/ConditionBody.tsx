// The table's rows. A long list (a knowledge base of thousands of entries)
// renders only the rows on screen, still in the one <table>: spacer rows stand
// for the others, and aria-rowindex gives each rendered row its place in the
// whole table. A row opens the entry's detail; ↓ and ↑ move between rows.
import { memo, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { FlexRender } from '@tanstack/react-table'
import { useOpenDetail } from '../detail'
import { moveRowFocus } from '../lib/rowFocus'
import type { ConditionRow } from './conditionColumns'
import { VIRTUAL_FROM, useRowWindow } from './useRowWindow'

/** True when the table renders only the rows near the screen. */
export const isWindowed = (rows: number): boolean => rows > VIRTUAL_FROM

interface ConditionBodyProps {
  rows: readonly ConditionRow[]
  /** How many columns are shown (what a spacer or the empty row spans). */
  columns: number
  /** Said in place of the rows when there are none. */
  empty: ReactNode
}

export function ConditionBody({ rows, columns, empty }: ConditionBodyProps) {
  const body = useRef<HTMLTableSectionElement>(null)
  const virtual = isWindowed(rows.length)
  const { start, end, before, after } = useRowWindow(rows.length, body)
  return (
    <tbody ref={body}>
      {virtual && start > 0 && <SpacerRow height={before} columns={columns} />}
      {rows.slice(start, end).map((row, i) => (
        // The header row is the table's first: the first entry is row 2.
        <EntryRow key={row.id} row={row} cells={row.getVisibleCells()} rowIndex={virtual ? start + i + 2 : undefined} />
      ))}
      {virtual && end < rows.length && <SpacerRow height={after} columns={columns} />}
      {rows.length === 0 && (
        <tr>
          <td colSpan={columns} className="empty">
            {empty}
          </td>
        </tr>
      )}
    </tbody>
  )
}

interface EntryRowProps {
  row: ConditionRow
  cells: ReturnType<ConditionRow['getVisibleCells']>
  /** aria-rowindex, when only some rows are rendered. */
  rowIndex: number | undefined
}

/**
 * One entry: drawn again only when it moves in the table or its columns change. The table's Rows
 * and their cells outlive a keystroke, so the rows that stay on screen as one types are skipped.
 */
const EntryRow = memo(function EntryRow({ row, cells, rowIndex }: EntryRowProps) {
  const openDetail = useOpenDetail()
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    const tr = event.currentTarget
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      openDetail(row.original.id, tr)
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      moveRowFocus(tr, event.key === 'ArrowDown' ? 1 : -1)
    }
  }
  return (
    <tr
      tabIndex={0}
      className="entry-row"
      data-entry={row.id}
      aria-rowindex={rowIndex}
      onClick={(e) => openDetail(row.original.id, e.currentTarget)}
      onKeyDown={onKeyDown}
    >
      {cells.map((cell) => (
        <td key={cell.id} className={`col-${cell.column.id}`}>
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  )
})

/** Stands for the rows not rendered, so that the table keeps its height and its scroll bar. */
function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" className="spacer-row" style={{ height }}>
      <td colSpan={columns} style={{ padding: 0, border: 0 }} />
    </tr>
  )
}
