// Keys through the rows of a table (across its row groups): ↓ ↑ one row,
// Page Down / Page Up a screenful, Home / End the first and the last; from a
// search box ↓ goes down to the first row, and ↑ from the first row back up to it.
import type { KeyboardEvent } from 'react'

const ROW = 'tr.entry-row'

/**
 * The rows a key moves the focus by (±Infinity: to the first or the last row),
 * or null when the key is not one of the table's.
 */
export function rowStep(event: KeyboardEvent<HTMLTableRowElement>): number | null {
  if (event.altKey || event.metaKey) return null
  switch (event.key) {
    case 'ArrowDown':
      return 1
    case 'ArrowUp':
      return -1
    case 'PageDown':
      return rowsPerPage(event.currentTarget)
    case 'PageUp':
      return -rowsPerPage(event.currentTarget)
    case 'Home':
      return Number.NEGATIVE_INFINITY
    case 'End':
      return Number.POSITIVE_INFINITY
    default:
      return null
  }
}

/** As many rows as the view the table scrolls in holds (at the rendered rows' average height), one kept for context. */
function rowsPerPage(row: HTMLTableRowElement): number {
  const frame = scrollingFrame(row)
  const view = frame ? frame.clientHeight : window.innerHeight
  const rendered = row.parentElement?.querySelectorAll(ROW) ?? []
  let height = 0
  for (const r of rendered) height += r.getBoundingClientRect().height
  const average = rendered.length > 0 ? height / rendered.length : 0
  return average > 0 ? Math.max(1, Math.floor(view / average) - 1) : 1
}

/** The row `step` rows from `from` among `count`: the first or the last at most. */
export function stepTo(from: number, step: number, count: number): number {
  return Math.max(0, Math.min(count - 1, from + step))
}

/** Only ↑ from the first row leaves the table, for the view's search box. */
export const leavesTable = (from: number, step: number): boolean => from === 0 && step === -1

/**
 * Moves the focus `step` rows from `row` in the same table; ↑ from the first
 * row goes back to the view's search box, where ↓ came from.
 */
export function moveRowFocus(row: HTMLTableRowElement, step: number): void {
  const rows = [...(row.closest('table')?.querySelectorAll<HTMLTableRowElement>(ROW) ?? [])]
  const at = rows.indexOf(row)
  if (leavesTable(at, step)) focusSearchBox(row)
  else {
    const to = rows[stepTo(at, step, rows.length)]
    if (to) focusRow(to)
  }
}

/**
 * Focuses a row and shows it whole: the browser scrolls a row only when it is
 * off screen, and leaves one half under a sticky header (the app's, or the
 * headings at the top of the table's frame).
 */
export function focusRow(row: HTMLTableRowElement): void {
  row.focus()
  const { top, bottom } = row.getBoundingClientRect()
  reveal(row, top, bottom)
  placed = { row, top: row.getBoundingClientRect().top, scroll: scrollOffset(row) }
}

/**
 * The row a key last focused, where it was drawn, and the scroll offset then.
 * A long table counts the rows it does not render at an average height: the
 * rows drawn in their stead after the scroll are taller or shorter, and push
 * the focused row up or down, under the header, with no scroll at all.
 */
let placed: { row: HTMLTableRowElement; top: number; scroll: number } | null = null

/**
 * Once a windowed body has drawn other rows: puts the row a key focused back
 * where it was shown, unless the reader has scrolled since (the wheel, the
 * scroll bar) or the focus has moved on.
 */
export function keepPlacedRow(body: HTMLTableSectionElement): void {
  if (placed === null || !body.contains(placed.row)) return
  const { row } = placed
  if (document.activeElement !== row || scrollOffset(row) !== placed.scroll) {
    placed = null
    return
  }
  const moved = row.getBoundingClientRect().top - placed.top
  if (Math.abs(moved) < 0.5) return
  scrollBy(row, moved)
  placed.scroll = scrollOffset(row)
}

/**
 * Scrolls what `el` scrolls in (its frame, or the window) by the least that
 * shows `top` to `bottom` (viewport pixels) below what sticks at the top: the
 * scroll-padding of the frame or of the page (styles.css).
 */
export function reveal(el: HTMLElement, top: number, bottom: number): void {
  const frame = scrollingFrame(el)
  const view = frame ? frame.getBoundingClientRect() : { top: 0, bottom: window.innerHeight }
  const covered = Number.parseFloat(getComputedStyle(frame ?? document.documentElement).scrollPaddingTop) || 0
  // Whole pixels, rounded away from the edge: scroll offsets are whole, and a fraction left a row's edge under the header.
  const by = bottom > view.bottom ? Math.ceil(bottom - view.bottom) : top < view.top + covered ? Math.floor(top - view.top - covered) : 0
  if (by !== 0) scrollBy(el, by)
}

function scrollBy(el: HTMLElement, by: number): void {
  const frame = scrollingFrame(el)
  if (frame) frame.scrollBy(0, by)
  else window.scrollBy(0, by)
}

function scrollOffset(el: HTMLElement): number {
  const frame = scrollingFrame(el)
  return frame ? frame.scrollTop : window.scrollY
}

export function focusSearchBox(from: Element): void {
  from.closest('[role="tabpanel"]')?.querySelector<HTMLInputElement>('input[type="search"]')?.focus()
}

/**
 * Row groups that render only some of their rows, with the function that
 * focuses the row at a place (scrolling to it first): the first row rendered
 * is then not always the table's first.
 */
const windowedBodies = new WeakMap<HTMLTableSectionElement, (place: number) => void>()

export function registerWindowedBody(body: HTMLTableSectionElement, focusPlace: (place: number) => void): () => void {
  windowedBodies.set(body, focusPlace)
  return () => windowedBodies.delete(body)
}

/** In a search box: ↓ goes to the first row of the table in the same view. */
export function focusFirstRow(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key !== 'ArrowDown') return
  const row = event.currentTarget.closest('[role="tabpanel"]')?.querySelector<HTMLTableRowElement>(ROW)
  if (!row) return
  event.preventDefault()
  const windowed = row.parentElement instanceof HTMLTableSectionElement ? windowedBodies.get(row.parentElement) : undefined
  if (windowed) windowed(0)
  else focusRow(row)
}

/** The nearest element around `el` that scrolls up and down, if any (else the window does). */
function scrollingFrame(el: HTMLElement): HTMLElement | null {
  for (let at = el.parentElement; at && at !== document.body; at = at.parentElement) {
    const { overflowY } = getComputedStyle(at)
    if ((overflowY === 'auto' || overflowY === 'scroll') && at.scrollHeight > at.clientHeight) return at
  }
  return null
}
