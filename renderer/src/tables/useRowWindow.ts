// Which rows of a long table to render: TanStack Virtual's window virtualizer
// (the page scrolls, not the table), as in TanStack Table's virtualized-rows
// example; the spacer rows of ConditionBody keep one real <table>. Every row
// counts as the first rows' average height, measured once: a keystroke
// changes only `count`, and its window follows from the last scroll position
// with no layout read and no second render.
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState, type RefObject } from 'react'
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { reveal } from '../lib/rowFocus'

/** Above this many rows, only the rows near the screen are rendered. */
export const VIRTUAL_FROM = 200
/** Rows rendered above and below the screen (TanStack Virtual's default): each is filled again at a keystroke. */
const OVERSCAN = 5
/** A row's height before one has been measured (px). */
const ROW_GUESS = 56

/** The rows rendered, from `start` (included) to `end` (excluded), and the height the spacers stand for. */
export interface RowWindow {
  start: number
  end: number
  before: number
  after: number
  /** The height every row counts as (px): the first rows' average. */
  rowHeight: number
  /** Scrolls the page so that the row at `index` is on screen (rendered at the next render). */
  scrollTo: (index: number) => void
}

export function useRowWindow(count: number, body: RefObject<HTMLTableSectionElement | null>): RowWindow {
  const virtual = count > VIRTUAL_FROM
  const [rowHeight, setRowHeight] = useState(ROW_GUESS)
  /** Where the body starts in the page, read at the next frame after a scroll or a resize (what is above it may have moved). */
  const [margin, setMargin] = useState(0)
  // The average height of the first rows rendered, measured once, and again after a resize
  // (measuring at every render would move the spacers, hence the rows, under the reader; a
  // wider window makes shorter rows, and rows counted too tall left a blank band on screen).
  const measured = useRef(false)
  const [, remeasure] = useReducer((n: number) => n + 1, 0)

  useEffect(() => {
    if (!virtual) return
    let frame = 0
    const measure = () => {
      frame = 0
      const el = body.current
      if (el) setMargin(Math.round(el.getBoundingClientRect().top + window.scrollY))
    }
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(measure)
    }
    const resized = () => {
      measured.current = false
      remeasure()
      schedule()
    }
    measure()
    document.addEventListener('scroll', schedule, { capture: true, passive: true })
    window.addEventListener('resize', resized)
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame)
      document.removeEventListener('scroll', schedule, { capture: true })
      window.removeEventListener('resize', resized)
    }
  }, [virtual, body])

  useLayoutEffect(() => {
    if (!virtual || measured.current || !body.current) return
    const rows = body.current.querySelectorAll<HTMLTableRowElement>('tr.entry-row')
    if (rows.length === 0) return
    let total = 0
    for (const r of rows) total += r.getBoundingClientRect().height
    const average = Math.round(total / rows.length)
    // A hidden view's rows have no height yet: measured when it is shown.
    if (average === 0) return
    measured.current = true
    setRowHeight(average)
  })

  const virtualizer = useWindowVirtualizer({
    count: virtual ? count : 0,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    scrollMargin: margin,
    enabled: virtual,
  })
  // TanStack Virtual keeps the sizes it estimated until told to measure again: a new
  // estimate alone is not read (the rows then kept the first guess's height).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `rowHeight` is the estimate estimateSize gives; a new one is what to measure for
  useLayoutEffect(() => {
    if (virtual) virtualizer.measure()
  }, [virtual, virtualizer, rowHeight])
  const height = useRef(rowHeight)
  height.current = rowHeight
  // The row's place is scrolled into view where the table scrolls: the window, or under
  // 1200 px its frame (styles.css), which the window virtualizer's own scrolling misses.
  const scrollTo = useCallback(
    (index: number) => {
      const el = body.current
      if (!el) return
      const top = el.getBoundingClientRect().top + index * height.current
      reveal(el, top, top + height.current)
    },
    [body],
  )
  if (!virtual) return { start: 0, end: count, before: 0, after: 0, rowHeight, scrollTo }
  const items = virtualizer.getVirtualItems()
  const first = items[0]
  const last = items.at(-1)
  if (!first || !last) {
    // Before the virtualizer knows the window: a screenful of rows from the top.
    const end = Math.min(count, Math.ceil(window.innerHeight / rowHeight) + OVERSCAN)
    return { start: 0, end, before: 0, after: (count - end) * rowHeight, rowHeight, scrollTo }
  }
  return {
    start: first.index,
    end: last.index + 1,
    before: first.start - margin,
    after: virtualizer.getTotalSize() - (last.end - margin),
    rowHeight,
    scrollTo,
  }
}
