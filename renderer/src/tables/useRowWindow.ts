// Which rows of a long table to render (rowWindow.ts), from where the table
// body was last seen: measured at the next frame when the list becomes long,
// on any scroll of the page or of a container, and on resize, never in the
// middle of a keystroke's render (a keystroke changes only `count`: its window
// is derived here, with no layout read and no second render).
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { rowWindow, sameRows, VIRTUAL_FROM, type BodyPlace, type RowWindow } from './rowWindow'

/** A row's height before one has been measured (px). */
const ROW_GUESS = 56

export function useRowWindow(count: number, body: RefObject<HTMLTableSectionElement | null>): RowWindow & { rowHeight: number } {
  const virtual = count > VIRTUAL_FROM
  const [rowHeight, setRowHeight] = useState(ROW_GUESS)
  // Until measured, at the next frame: the body's top on screen, as when a view opens.
  const [place, setPlace] = useState<BodyPlace>(() => ({ top: 0, viewport: window.innerHeight }))

  useEffect(() => {
    if (!virtual) return
    let frame = 0
    const measure = () => {
      frame = 0
      const el = body.current
      if (!el) return
      const next = { top: el.getBoundingClientRect().top, viewport: window.innerHeight }
      setPlace((last) => (sameRows(last, next, rowHeight) ? last : next))
    }
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(measure)
    }
    schedule()
    document.addEventListener('scroll', schedule, { capture: true, passive: true })
    window.addEventListener('resize', schedule)
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame)
      document.removeEventListener('scroll', schedule, { capture: true })
      window.removeEventListener('resize', schedule)
    }
  }, [virtual, rowHeight, body])

  // The average height of the first rows rendered, measured once (measuring at
  // every render would move the spacers, hence the rows, under the reader).
  const measured = useRef(false)
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

  return { ...rowWindow(count, place, rowHeight), rowHeight }
}
