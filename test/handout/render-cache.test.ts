// The render's caches (pdf/lru.ts, text-layout-cache.ts, fonts.ts, text.ts):
// bounded, applied (the react-pdf patch is in node_modules), and never
// carrying one handout into another: a handout drawn after others is the
// same PDF as when it was drawn first.
import { beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { renderHandoutPdf } from '../../electron/main/handout/pdf/document'
import { Lru } from '../../electron/main/handout/pdf/lru'
import { textLayoutsKept } from '../../electron/main/handout/pdf/text-layout-cache'
import { loadKnowledgeBase } from '../../electron/main/knowledge/load'
import { composeHandout } from '../../shared/handout/compose'
import type { HandoutOptions, Letterhead } from '../../shared/handout/options'
import { standardSelection } from '../../shared/handout/selection'
import type { KnowledgeBase } from '../../shared/kb/types'
import { digest } from '../../scripts/bench/pdf-digest'

const resourcesDir = resolve(import.meta.dirname, '../../resources')
const LETTERHEAD: Letterhead = { name: 'Cabinet du Parc', address: '12 rue des Lilas\n75011 Paris', phone: '01 23 45 67 89' }
const DATE = new Date(2026, 10, 25, 12)

let kb: KnowledgeBase
let standard: HandoutOptions
beforeAll(async () => {
  kb = (await loadKnowledgeBase(resourcesDir)).kb
  standard = { ...standardSelection(kb), patientName: 'Mme Dupont', note: '', largePrint: false, alerts: [] }
})

const draw = async (options: HandoutOptions, letterhead = LETTERHEAD): Promise<string> =>
  digest((await renderHandoutPdf(composeHandout(kb, options, letterhead, DATE), resourcesDir)).pdf)

describe('Lru', () => {
  it('keeps at most its capacity, the least recently used leaving first', () => {
    const lru = new Lru<string, number>(2)
    lru.set('a', 1)
    lru.set('b', 2)
    expect(lru.get('a')).toBe(1)
    lru.set('c', 3)
    expect(lru.size).toBe(2)
    expect(lru.get('b')).toBeUndefined()
    expect(lru.through('a', () => 9)).toBe(1)
    expect(lru.through('d', () => 4)).toBe(4)
    expect(lru.get('c')).toBeUndefined()
  })
})

describe('the render caches', () => {
  it('are applied: react-pdf’s layout is patched (npm install runs patch-package)', () => {
    const layout = createRequire(import.meta.url).resolve('@react-pdf/layout')
    expect(readFileSync(layout, 'utf8'), 'run `npx patch-package`').toContain('fontStore?.textLayoutCache')
  })

  it('never carry a handout into the next: each is the same PDF drawn first or after others', async () => {
    const first = await draw(standard)
    expect(textLayoutsKept()).toBeGreaterThan(0)
    const others = [
      { ...standard, note: 'Revenez me voir dans 15 jours.\nBuvez de l’eau.' },
      { ...standard, largePrint: true },
      { ...standard, patientName: 'M. Jean-Baptiste de La Rochefoucauld-Montmorency', note: 'x'.repeat(300) },
    ]
    const drawn: string[] = []
    for (const options of others) drawn.push(await draw(options))
    expect(await draw(standard)).toBe(first)
    // Each of the others again, in another order, after the standard one.
    for (const [i, options] of [...others.entries()].reverse()) expect(await draw(options), `handout ${i}`).toBe(drawn[i])
    expect(new Set([first, ...drawn]).size).toBe(4)
  }, 60_000)

  it('keep a letterhead’s text apart from the same text in another style', async () => {
    // The clinic's name is bold in the letterhead and regular in the patient's line.
    const name = 'Maison de santé des Tilleuls'
    const a = await draw({ ...standard, patientName: name }, { ...LETTERHEAD, name })
    const b = await draw({ ...standard, patientName: 'Mme Dupont' }, { ...LETTERHEAD, name })
    expect(a).not.toBe(b)
    expect(await draw({ ...standard, patientName: name }, { ...LETTERHEAD, name })).toBe(a)
  }, 60_000)
})
