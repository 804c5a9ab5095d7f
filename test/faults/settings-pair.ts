// Two valid settings of very different sizes (about 0.3 KB and 9 KB, several
// disk pages): a torn write of one over the other cannot pass for either.
import type { Settings } from '../../shared/settings/schema'

export const SETTINGS_A: Settings = {
  version: 1,
  letterhead: { name: 'Cabinet A', address: '1 rue A', phone: '01 00 00 00 01' },
  handoutDefaults: { largePrint: false, causes: null, advice: null },
  preferences: { lastView: '#/causes' },
}

const long = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}-${'b'.repeat(60)}`)

export const SETTINGS_B: Settings = {
  version: 1,
  letterhead: { name: 'Cabinet B'.padEnd(400, 'b'), address: 'Adresse B\n'.repeat(45), phone: '02 00 00 00 02' },
  handoutDefaults: { largePrint: true, causes: long('cause', 100), advice: long('conseil', 100) },
  preferences: { lastView: `#/differentials?q=${'b'.repeat(400)}` },
}

/** The exact bytes the store writes for a settings object. */
export const fileText = (settings: Settings): string => `${JSON.stringify(settings, null, 2)}\n`
