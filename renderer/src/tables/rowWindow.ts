// Which rows of a long table to render: those that cross the viewport, plus
// OVERSCAN above and below. Pure arithmetic over the last measured position
// of the table body, so that a keystroke (which changes only how many rows
// there are) derives its window during render, with no layout read.

/** Above this many rows, only the rows near the screen are rendered. */
export const VIRTUAL_FROM = 200
/** Rows rendered above and below the screen. */
export const OVERSCAN = 15

/** Where the table body was last seen: its top, in px from the viewport's top, and the viewport's height. */
export interface BodyPlace {
  top: number
  viewport: number
}

/** The rows rendered, from `start` (included) to `end` (excluded). */
export interface RowWindow {
  start: number
  end: number
}

/** The first row on screen (0 while the body starts below the viewport's top) and how many rows the viewport holds. */
function onScreen({ top, viewport }: BodyPlace, rowHeight: number): { first: number; span: number } {
  return { first: Math.max(0, Math.floor(-top / rowHeight)), span: Math.ceil(viewport / rowHeight) }
}

/** True when both places show the same rows: moving from one to the other needs no new render. */
export function sameRows(a: BodyPlace, b: BodyPlace, rowHeight: number): boolean {
  const x = onScreen(a, rowHeight)
  const y = onScreen(b, rowHeight)
  return x.first === y.first && x.span === y.span
}

/**
 * The rows to render out of `count`: all of them up to VIRTUAL_FROM, else
 * those on screen plus OVERSCAN each side. Scrolled past the end of a list
 * that has just shrunk, the last row (the scroll that follows moves the window back).
 */
export function rowWindow(count: number, place: BodyPlace, rowHeight: number): RowWindow {
  if (count <= VIRTUAL_FROM) return { start: 0, end: count }
  const { first, span } = onScreen(place, rowHeight)
  const start = Math.min(Math.max(0, first - OVERSCAN), count - 1)
  return { start, end: Math.min(count, start + span + 2 * OVERSCAN) }
}
