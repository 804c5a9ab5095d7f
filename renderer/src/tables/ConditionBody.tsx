// The table's rows. A long list (a knowledge base of thousands of entries)
// renders only the rows on screen, still in the one <table>: spacer rows stand
// for the others, and aria-rowindex gives each rendered row its place in the
// whole table. A row opens the entry's detail; ↓ and ↑ move between rows.
import { memo, useCallback, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
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
  const { start, end, before, after, scrollTo } = useRowWindow(rows.length, body)
  const move = useWindowedFocus(body, rows.length, scrollTo)
  return (
    <tbody ref={body}>
      {virtual && start > 0 && <SpacerRow height={before} columns={columns} />}
      {rows.slice(start, end).map((row, i) => (
        // The header row is the table's first: the first entry is row 2.
        <EntryRow
          key={row.id}
          row={row}
          cells={row.getVisibleCells()}
          rowIndex={virtual ? start + i + 2 : undefined}
          move={virtual ? move : moveRowFocus}
        />
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

/** The row at a place in the table, if rendered (aria-rowindex counts the header row as 1). */
const rowAt = (body: HTMLTableSectionElement | null, place: number) =>
  body?.querySelector<HTMLTableRowElement>(`tr.entry-row[aria-rowindex="${place + 2}"]`) ?? null

/**
 * ↓ and ↑ in a windowed table: the next row may not be rendered yet (keys
 * pressed faster than the window follows the scroll). The page then scrolls
 * to its place and the row is focused once rendered; keys pressed meanwhile
 * count from that place, so none is lost.
 */
function useWindowedFocus(body: RefObject<HTMLTableSectionElement | null>, count: number, scrollTo: (index: number) => void) {
  const wanted = useRef<number | null>(null)
  // Read when a key is pressed: the function stays the same, and so do the rows given it.
  const rows = useRef(count)
  rows.current = count
  useLayoutEffect(() => {
    if (wanted.current === null) return
    // Only while the focus is still on a row of this table, or nowhere (the row it was on left
    // the window): a click elsewhere, or a list that no longer has that place, drops the move.
    const focus = document.activeElement
    if (!(focus === document.body || body.current?.contains(focus)) || wanted.current >= count) {
      wanted.current = null
      return
    }
    const row = rowAt(body.current, wanted.current)
    if (row) {
      wanted.current = null
      row.focus()
    }
  })
  return useCallback(
    (tr: HTMLTableRowElement, delta: number) => {
      const from = wanted.current ?? Number(tr.getAttribute('aria-rowindex')) - 2
      const to = Math.min(rows.current - 1, from + delta)
      if (to < 0) {
        wanted.current = null
        moveRowFocus(tr, delta)
        return
      }
      const row = rowAt(body.current, to)
      if (row) {
        wanted.current = null
        row.focus()
      } else {
        wanted.current = to
        scrollTo(to)
      }
    },
    [body, scrollTo],
  )
}

interface EntryRowProps {
  row: ConditionRow
  cells: ReturnType<ConditionRow['getVisibleCells']>
  /** aria-rowindex, when only some rows are rendered. */
  rowIndex: number | undefined
  /** Moves the focus `delta` rows from `tr`. */
  move: (tr: HTMLTableRowElement, delta: number) => void
}

/**
 * One entry: drawn again only when it moves in the table or its columns change. The table's Rows
 * and their cells outlive a keystroke, so the rows that stay on screen as one types are skipped.
 */
const EntryRow = memo(function EntryRow({ row, cells, rowIndex, move }: EntryRowProps) {
  const openDetail = useOpenDetail()
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    const tr = event.currentTarget
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      openDetail(row.original.id, tr)
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      move(tr, event.key === 'ArrowDown' ? 1 : -1)
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
        // Keyed by column: a row filled with another entry keeps its cells.
        <td key={cell.column.id} className={`col-${cell.column.id}`}>
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
