// Keys through the rows of a table (across its row groups): ↓ ↑ one row,
// Page Down / Page Up a screenful, Home / End the first and the last; from a
// search box ↓ goes down to the first row, and ↑ from the first row back up to it.
// The rows a key stops at are the entries and, where a row is a control (a tie
// that opens to its members, a group's « Afficher »), that control: every row
// the table shows is reached in turn.
import type { KeyboardEvent } from 'react'

const ROW = 'tr.entry-row'
/** What the keys stop at, in the order of the table. */
const STOPS = 'tr.entry-row, tr.tie-row .tie-toggle, tr.group-row .group-toggle'

/** A key's move through the rows: by `step` rows (±Infinity: to the first or the last); only ↑ leaves the table, from its first row. */
export interface RowMove {
  step: number
  leaves: boolean
}

/** The move a key asks for, or null when the key is not one of the table's. */
export function rowMove(event: KeyboardEvent<HTMLElement>): RowMove | null {
  if (event.altKey || event.metaKey) return null
  const by = (step: number, leaves = false): RowMove => ({ step, leaves })
  switch (event.key) {
    case 'ArrowDown':
      return by(1)
    case 'ArrowUp':
      return by(-1, true)
    case 'PageDown':
      return by(rowsPerPage(event.currentTarget))
    case 'PageUp':
      return by(-rowsPerPage(event.currentTarget))
    case 'Home':
      return by(Number.NEGATIVE_INFINITY)
    case 'End':
      return by(Number.POSITIVE_INFINITY)
    default:
      return null
  }
}

/**
 * The rows that fit whole in what the table scrolls in, below what sticks at
 * its top (at the rendered rows' average height), one kept for context when
 * three fit or more.
 */
function rowsPerPage(from: HTMLElement): number {
  const frame = scrollingFrame(from)
  const view = (frame ? frame.clientHeight : window.innerHeight) - coveredTop(frame)
  const rendered = from.closest('table')?.querySelectorAll(ROW) ?? []
  let height = 0
  for (const r of rendered) height += r.getBoundingClientRect().height
  const average = rendered.length > 0 ? height / rendered.length : 0
  if (average <= 0) return 1
  const fit = Math.floor(view / average)
  return Math.max(1, fit >= 3 ? fit - 1 : fit)
}

/** The stop `step` stops from `from` among `count`: the first or the last at most. */
export function stepTo(from: number, step: number, count: number): number {
  return Math.max(0, Math.min(count - 1, from + step))
}

/** Only ↑ from the first row leaves the table, for the view's search box; Page Up there stays. */
export const leavesTable = (from: number, move: RowMove): boolean => from === 0 && move.leaves

/**
 * Moves the focus from `from` (a row, or a row's control) by `move` in the
 * same table; ↑ from the first goes back to the view's search box.
 */
export function moveRowFocus(from: HTMLElement, move: RowMove): void {
  const stops = [...(from.closest('table')?.querySelectorAll<HTMLElement>(STOPS) ?? [])]
  const at = stops.indexOf(from)
  if (leavesTable(at, move)) focusSearchBox(from)
  else {
    const to = stops[stepTo(at, move.step, stops.length)]
    if (to) focusRow(to)
  }
}

/** The table's keys on a row, or on a row's control (a tie's toggle, a group's « Afficher »), which they move from as from a row. */
export function moveOnRowKey(event: KeyboardEvent<HTMLElement>): void {
  const move = rowMove(event)
  if (move === null) return
  event.preventDefault()
  moveRowFocus(event.currentTarget, move)
}

/**
 * Focuses a row (or a row's control) and shows its row whole: the browser
 * scrolls a row only when it is off screen, and leaves one half under a sticky
 * header (the app's, or the headings at the top of the table's frame).
 */
export function focusRow(stop: HTMLElement): void {
  stop.focus()
  const row = stop.closest('tr') ?? stop
  const { top, bottom } = row.getBoundingClientRect()
  reveal(row, top, bottom)
  revealSearchAbove(stop, row)
  placed = { row: stop, top: stop.getBoundingClientRect().top, scroll: scrollOffset(stop) }
}

/**
 * At the table's first row, the view's search box above it is shown too, as
 * far as the row stays in view: ↑ goes there next, and Home from far down the
 * list showed the first row with the search box scrolled away.
 */
function revealSearchAbove(stop: HTMLElement, row: Element): void {
  const rowIndex = row.getAttribute('aria-rowindex')
  const first = rowIndex === null ? stop.closest('table')?.querySelector(STOPS) === stop : rowIndex === '2'
  const box = first ? searchBoxOf(stop) : null
  if (!box) return
  const hidden = coveredTop(null) - box.getBoundingClientRect().top
  const room = window.innerHeight - row.getBoundingClientRect().bottom
  const by = Math.min(Math.ceil(hidden), Math.floor(room))
  if (by > 0) window.scrollBy(0, -by)
}

/**
 * The row a key last focused, where it was drawn, and the scroll offset then.
 * A long table counts the rows it does not render at an average height: the
 * rows drawn in their stead after the scroll are taller or shorter, and push
 * the focused row up or down, under the header, with no scroll at all.
 */
let placed: { row: HTMLElement; top: number; scroll: string } | null = null

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
  const frame = scrollingFrame(row)
  if (frame) frame.scrollBy(0, moved)
  else window.scrollBy(0, moved)
  placed.scroll = scrollOffset(row)
}

/**
 * Scrolls by the least that shows `top` to `bottom` (viewport pixels of `el`,
 * or of what it stands for) below what sticks at the top: first in the frame
 * `el` scrolls in, if any, then in the window, which may hide part of that
 * frame (a short window). A row taller than the view shows its top.
 */
export function reveal(el: HTMLElement, top: number, bottom: number): void {
  const frame = scrollingFrame(el)
  let shift = 0
  if (frame) {
    const view = frame.getBoundingClientRect()
    const by = scrollNeeded(top, bottom, view.top + coveredTop(frame), view.bottom)
    if (by !== 0) {
      const before = frame.scrollTop
      frame.scrollBy(0, by)
      shift = frame.scrollTop - before
    }
  }
  const by = scrollNeeded(top - shift, bottom - shift, coveredTop(null), window.innerHeight)
  if (by !== 0) window.scrollBy(0, by)
}

/**
 * The scroll that brings `top` to `bottom` between `viewTop` and `viewBottom`,
 * the top first; whole pixels, rounded away from the edge (scroll offsets are
 * whole, and a fraction left a row's edge under the header).
 */
function scrollNeeded(top: number, bottom: number, viewTop: number, viewBottom: number): number {
  if (top < viewTop) return Math.floor(top - viewTop)
  if (bottom > viewBottom) return Math.min(Math.ceil(bottom - viewBottom), Math.floor(top - viewTop))
  return 0
}

/** What sticks at the top of a frame, or of the window: its scroll-padding (styles.css). */
function coveredTop(frame: HTMLElement | null): number {
  return Number.parseFloat(getComputedStyle(frame ?? document.documentElement).scrollPaddingTop) || 0
}

/** Where the frame `el` scrolls in and the window are scrolled to: a change in either moves it. */
function scrollOffset(el: HTMLElement): string {
  return `${scrollingFrame(el)?.scrollTop ?? 0},${window.scrollY}`
}

const searchBoxOf = (from: Element): HTMLInputElement | null =>
  from.closest('[role="tabpanel"]')?.querySelector<HTMLInputElement>('input[type="search"]') ?? null

export function focusSearchBox(from: Element): void {
  searchBoxOf(from)?.focus()
}

/**
 * Row groups that render only some of their rows, with what ↓ from the view's
 * search box does there: the first row may not be rendered (the window
 * scrolled far), and is focused once it is; a second ↓ pressed before that
 * goes on from it.
 */
const windowedBodies = new WeakMap<HTMLTableSectionElement, () => void>()

export function registerWindowedBody(body: HTMLTableSectionElement, downFromSearch: () => void): () => void {
  windowedBodies.set(body, downFromSearch)
  return () => windowedBodies.delete(body)
}

/** In a search box: ↓ goes to the first row of the table in the same view. */
export function focusFirstRow(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key !== 'ArrowDown') return
  const first = event.currentTarget.closest('[role="tabpanel"]')?.querySelector<HTMLElement>(STOPS)
  if (!first) return
  event.preventDefault()
  const body = first.closest('tbody')
  const windowed = body ? windowedBodies.get(body) : undefined
  if (windowed) windowed()
  else focusRow(first)
}

/** The nearest element around `el` that scrolls up and down, if any (else the window does). */
function scrollingFrame(el: HTMLElement): HTMLElement | null {
  for (let at = el.parentElement; at && at !== document.body; at = at.parentElement) {
    const { overflowY } = getComputedStyle(at)
    if ((overflowY === 'auto' || overflowY === 'scroll') && at.scrollHeight > at.clientHeight) return at
  }
  return null
}
