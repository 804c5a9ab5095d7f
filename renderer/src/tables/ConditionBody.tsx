// The table's rows. A long list (a knowledge base of thousands of entries)
// renders only the rows on screen, still in the one <table>: spacer rows stand
// for the others, and aria-rowindex gives each rendered row its place in the
// whole table. A row opens the entry's detail; ↓ ↑, Page Down / Up, Home and
// End move between rows.
import { memo, useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import { FlexRender } from '@tanstack/react-table'
import { useOpenDetail } from '../detail'
import {
  focusRow,
  focusSearchBox,
  keepPlacedRow,
  leavesTable,
  moveRowFocus,
  registerWindowedBody,
  rowMove,
  stepTo,
  type RowMove,
} from '../lib/rowFocus'
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
  const { start, end, before, after, rowHeight, scrollTo } = useRowWindow(rows.length, body)
  const move = useWindowedFocus(body, rows.length, scrollTo, virtual)
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const pinned = virtual && focusedId !== null ? placeOutside(rows, start, end, focusedId) : null
  useLayoutEffect(() => {
    if (virtual && body.current) keepPlacedRow(body.current)
  })
  const entry = (place: number) => {
    const row = rows[place] as ConditionRow
    return (
      // The header row is the table's first: the first entry is row 2.
      <EntryRow
        key={row.id}
        row={row}
        cells={row.getVisibleCells()}
        rowIndex={virtual ? place + 2 : undefined}
        move={virtual ? move : moveRowFocus}
      />
    )
  }
  // One list of keyed rows, so that the focused row keeps its element (and the focus) as it
  // leaves the window or comes back: a spacer above it is keyed « above », below it « below »,
  // and React never moves the focused row's element, only what is around it.
  const items: ReactNode[] = []
  if (pinned !== null && pinned < start) {
    items.push(<SpacerRow key="above-0" height={pinned * rowHeight} columns={columns} />, entry(pinned))
    items.push(<SpacerRow key="below-0" height={Math.max(0, before - (pinned + 1) * rowHeight)} columns={columns} />)
  } else if (virtual && start > 0) items.push(<SpacerRow key="above-0" height={before} columns={columns} />)
  for (let place = start; place < end; place++) items.push(entry(place))
  if (pinned !== null && pinned >= end) {
    items.push(<SpacerRow key="above-1" height={(pinned - end) * rowHeight} columns={columns} />, entry(pinned))
    items.push(<SpacerRow key="below-0" height={Math.max(0, after - (pinned - end + 1) * rowHeight)} columns={columns} />)
  } else if (virtual && end < rows.length) {
    items.push(<SpacerRow key={pinned === null ? 'below-0' : 'below-1'} height={after} columns={columns} />)
  }
  return (
    // A focused row far from the screen stays rendered, in its place: scrolled away (the wheel,
    // Page Down), it keeps the focus, and the next key goes on from it.
    <tbody
      ref={body}
      onFocus={(event) => setFocusedId(event.target.closest('tr.entry-row')?.getAttribute('data-entry') ?? null)}
      onBlur={(event) => {
        // Kept while the focus is away from the view (a detail opened from the row): it comes back to it.
        const to = event.relatedTarget
        const panel = event.currentTarget.closest('[role="tabpanel"]')
        if (to instanceof Node && panel?.contains(to) && !event.currentTarget.contains(to)) setFocusedId(null)
      }}
    >
      {items}
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

/** The place of entry `id` when it is not among the rows rendered, `start` to `end`; null when it is, or is not in the list. */
function placeOutside(rows: readonly ConditionRow[], start: number, end: number, id: string): number | null {
  for (let place = start; place < end; place++) if (rows[place]?.id === id) return null
  const place = rows.findIndex((row) => row.id === id)
  return place < 0 ? null : place
}

/** The row at a place in the table, if rendered (aria-rowindex counts the header row as 1). */
const rowAt = (body: HTMLTableSectionElement | null, place: number) =>
  body?.querySelector<HTMLTableRowElement>(`tr.entry-row[aria-rowindex="${place + 2}"]`) ?? null

/**
 * The keys in a windowed table: the row to focus may not be rendered yet (keys
 * pressed faster than the window follows the scroll, Page Down, End, ↓ from
 * the search box). The page then scrolls to its place and the row is focused
 * once rendered; keys pressed meanwhile count from that place, so none is lost.
 */
function useWindowedFocus(
  body: RefObject<HTMLTableSectionElement | null>,
  count: number,
  scrollTo: (index: number) => void,
  virtual: boolean,
) {
  /** The place to focus once rendered, and where the focus was when it was asked. */
  const wanted = useRef<{ place: number; from: Element | null } | null>(null)
  // Read when a key is pressed: the function stays the same, and so do the rows given it.
  const rows = useRef(count)
  rows.current = count
  useLayoutEffect(() => {
    if (wanted.current === null) return
    // Only while the focus is still where the move started, on a row of this table, or nowhere
    // (the row it was on left the window): a click elsewhere, or a list that no longer has that
    // place, drops the move.
    const focus = document.activeElement
    const still = focus === document.body || focus === wanted.current.from || body.current?.contains(focus)
    if (!still || wanted.current.place >= count) {
      wanted.current = null
      return
    }
    const row = rowAt(body.current, wanted.current.place)
    if (row) {
      wanted.current = null
      focusRow(row)
    }
  })
  const focusPlace = useCallback(
    (place: number) => {
      const row = rowAt(body.current, place)
      if (row) {
        wanted.current = null
        focusRow(row)
      } else {
        wanted.current = { place, from: document.activeElement }
        scrollTo(place)
      }
    },
    [body, scrollTo],
  )
  // ↓ from the search box: the first row, or the next after the one still awaited (keys faster than the window).
  const downFromSearch = useCallback(
    () => focusPlace(wanted.current === null ? 0 : stepTo(wanted.current.place, 1, rows.current)),
    [focusPlace],
  )
  useLayoutEffect(() => {
    const el = body.current
    if (virtual && el) return registerWindowedBody(el, downFromSearch)
  }, [virtual, body, downFromSearch])
  return useCallback(
    (tr: HTMLTableRowElement, move: RowMove) => {
      const from = wanted.current?.place ?? Number(tr.getAttribute('aria-rowindex')) - 2
      if (leavesTable(from, move)) {
        wanted.current = null
        focusSearchBox(tr)
      } else focusPlace(stepTo(from, move.step, rows.current))
    },
    [focusPlace],
  )
}

interface EntryRowProps {
  row: ConditionRow
  cells: ReturnType<ConditionRow['getVisibleCells']>
  /** aria-rowindex, when only some rows are rendered. */
  rowIndex: number | undefined
  /** Moves the focus from `tr` as a key asks. */
  move: (tr: HTMLTableRowElement, move: RowMove) => void
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
    } else {
      const asked = rowMove(event)
      if (asked === null) return
      event.preventDefault()
      move(tr, asked)
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
