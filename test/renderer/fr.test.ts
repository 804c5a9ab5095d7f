// The interface's own French typography (renderer/src/lib/fr.ts).
import { describe, expect, it, vi } from 'vitest'
import { count, frenchDate, guillemets, withColon } from '../../renderer/src/lib/fr'

describe('French typography helpers', () => {
  it('guillemets put a no-break space inside each sign', () => {
    expect(guillemets('repos')).toBe('«\u00a0repos\u00a0»')
  })

  it('withColon puts a no-break space before the colon', () => {
    expect(withColon('Source')).toBe('Source\u00a0:')
  })

  it('count: 0 and 1 take the singular, from 2 the plural, a no-break space after the number', () => {
    const noun = { one: 'cause', other: 'causes' }
    expect([0, 1, 2, 12].map((n) => count(n, noun))).toEqual(['0\u00a0cause', '1\u00a0cause', '2\u00a0causes', '12\u00a0causes'])
  })

  it('frenchDate writes an ISO day out in French', () => {
    expect(frenchDate('2026-11-25')).toBe('25 novembre 2026')
    expect(frenchDate('2027-08-15')).toBe('15 août 2027')
  })

  it('frenchDate gives the same day whatever the machine’s time zone', async () => {
    const zone = process.env.TZ
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        // Set before the module loads: its formatter is made once, at load.
        process.env.TZ = tz
        vi.resetModules()
        const fr = await import('../../renderer/src/lib/fr')
        expect(fr.frenchDate('2026-12-31'), tz).toBe('31 décembre 2026')
      }
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })

  it('frenchDate leaves what is not a date as it is', () => {
    expect(frenchDate('bientôt')).toBe('bientôt')
    expect(frenchDate('')).toBe('')
  })
})
