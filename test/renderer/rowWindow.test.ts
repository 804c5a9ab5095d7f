// The long tables' row window (renderer/src/tables/rowWindow.ts).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { OVERSCAN, VIRTUAL_FROM, rowWindow, sameRows } from '../../renderer/src/tables/rowWindow'

const ROW = 50

describe('rowWindow', () => {
  it('renders every row up to VIRTUAL_FROM, wherever the body is', () => {
    expect(rowWindow(VIRTUAL_FROM, { top: -5000, viewport: 800 }, ROW)).toEqual({ start: 0, end: VIRTUAL_FROM })
    expect(rowWindow(0, { top: 0, viewport: 800 }, ROW)).toEqual({ start: 0, end: 0 })
  })

  it('renders the rows on screen and OVERSCAN each side of them', () => {
    // Body 300 px below the viewport's top: rows 0 … 10 on an 800 px screen.
    expect(rowWindow(1000, { top: 300, viewport: 800 }, ROW)).toEqual({ start: 0, end: 16 + 2 * OVERSCAN })
    // Scrolled 100 rows and a bit down the body: row 100 at the top.
    expect(rowWindow(1000, { top: -100 * ROW - 20, viewport: 800 }, ROW)).toEqual({
      start: 100 - OVERSCAN,
      end: 100 - OVERSCAN + 16 + 2 * OVERSCAN,
    })
    // Near the end: cut at the last row.
    expect(rowWindow(1000, { top: -990 * ROW, viewport: 800 }, ROW)).toEqual({ start: 990 - OVERSCAN, end: 1000 })
  })

  it('keeps the last row when the list has shrunk under a body scrolled far down', () => {
    expect(rowWindow(300, { top: -5000 * ROW, viewport: 800 }, ROW)).toEqual({ start: 299, end: 300 })
  })

  it('always renders a run of rows inside the list that covers the screen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: VIRTUAL_FROM + 1, max: 100_000 }),
        fc.integer({ min: -6_000_000, max: 2000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 10, max: 200 }),
        (count, top, viewport, rowHeight) => {
          const { start, end } = rowWindow(count, { top, viewport }, rowHeight)
          expect(0 <= start && start < end && end <= count).toBe(true)
          const firstOnScreen = Math.max(0, Math.floor(-top / rowHeight))
          const lastOnScreen = Math.min(count - 1, Math.floor((viewport - top) / rowHeight))
          if (firstOnScreen < count) expect(start <= firstOnScreen && end > lastOnScreen).toBe(true)
        },
      ),
    )
  })
})

describe('sameRows', () => {
  it('tells a scroll within a row from one onto the next row, and a resize', () => {
    expect(sameRows({ top: -1000, viewport: 800 }, { top: -1040, viewport: 800 }, ROW)).toBe(true)
    expect(sameRows({ top: -1000, viewport: 800 }, { top: -1050, viewport: 800 }, ROW)).toBe(false)
    expect(sameRows({ top: 300, viewport: 800 }, { top: 100, viewport: 800 }, ROW)).toBe(true)
    expect(sameRows({ top: 0, viewport: 800 }, { top: 0, viewport: 900 }, ROW)).toBe(false)
  })
})
