import { describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { count, frenchIsoDate, frenchLongDate, guillemets, withColon } from '../../shared/text/french'

describe('French text conventions', () => {
  it('writes the first of the month « 1er », the others as numbers, a no-break space before the month', () => {
    expect(frenchIsoDate('2026-12-01')).toBe('1er\u00a0décembre 2026')
    expect(frenchIsoDate('2026-11-25')).toBe('25\u00a0novembre 2026')
    expect(frenchLongDate(new Date(Date.UTC(2027, 0, 1, 12)), 'UTC')).toBe('1er\u00a0janvier 2027')
  })

  it('gives the same day whatever the machine’s time zone', async () => {
    const zone = process.env.TZ
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz
        vi.resetModules()
        const fr = await import('../../shared/text/french')
        expect(fr.frenchIsoDate('2026-12-31'), tz).toBe('31\u00a0décembre 2026')
        expect(fr.frenchIsoDate('2027-01-01'), tz).toBe('1er\u00a0janvier 2027')
      }
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })

  it('shows a malformed knowledge-base date as written', () => {
    for (const iso of ['', '2026-13-45x', 'décembre', '2026/12/01']) expect(frenchIsoDate(iso)).toBe(iso)
  })

  it('reads back every calendar day of the ISO form as the same day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10)
        const day = Number(iso.slice(8, 10))
        expect(frenchIsoDate(iso).startsWith(day === 1 ? '1er\u00a0' : `${day}\u00a0`)).toBe(true)
        expect(frenchIsoDate(iso).endsWith(` ${iso.slice(0, 4)}`)).toBe(true)
      }),
    )
  })

  it('puts no-break spaces inside guillemets, before a colon and in a count; 0 and 1 take the singular', () => {
    expect(guillemets('Crampes')).toBe('«\u00a0Crampes\u00a0»')
    expect(withColon('Source')).toBe('Source\u00a0:')
    const noun = { one: 'cause', other: 'causes' }
    expect([0, 1, 2].map((n) => count(n, noun))).toEqual(['0\u00a0cause', '1\u00a0cause', '2\u00a0causes'])
  })
})
