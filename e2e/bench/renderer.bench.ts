// Renderer benchmarks in Debian's Chromium, with the real handlers behind the
// page (the e2e harness): navigation → interactive table, and search keystroke
// → updated rows painted, on the bundled base and on a generated 10,000-entry
// base. Run by `npm run bench` (playwright.bench.config.ts), never by `npm test`.
// Writes artifacts/bench/renderer.json.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { installBridge, test, expect, repoRoot, resourcesDir } from '../harness/fixtures'
import { generateKnowledgeBase } from '../../scripts/bench/big-kb'
import { percentile, median } from '../../scripts/bench/stats'

const BIG = 10_000
const NAV_RUNS = 10
/** Typed char by char, then erased with Backspace: every key is one sample (≥ 200 per base). */
const QUERIES = [
  'deshydratation',
  'sclerose laterale',
  'magnesium',
  'compression nerveuse',
  'maladie de wilson',
  'hypoglycemie',
  'copie 12',
  'tics',
]
const KEYSTROKES = QUERIES.reduce((n, q) => n + 2 * q.length, 0)

const results: Record<string, unknown> = {}
let work: string
let bigResources: string

test.beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mollet-bench-'))
  bigResources = await generateKnowledgeBase(resourcesDir, work, BIG)
})
test.afterAll(async () => {
  await rm(work, { recursive: true, force: true })
  const out = join(repoRoot, 'artifacts', 'bench')
  await mkdir(out, { recursive: true })
  await writeFile(join(out, 'renderer.json'), `${JSON.stringify(results, null, 2)}\n`)
})

/** In the page, from its very start: the time the table becomes interactive (first row visible, search enabled). */
const WATCH_INTERACTIVE = `(() => {
  const check = () => {
    const panel = document.querySelector('[role="tabpanel"]:not([hidden])')
    const row = panel && panel.querySelector('tbody tr.entry-row')
    const search = panel && panel.querySelector('input[type="search"]')
    const visible = row && row.getBoundingClientRect().height > 0
    if (visible && search && !search.disabled) window.__interactiveAt = performance.now()
    else requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
})()`

/**
 * In the page: for each key pressed in the search box, the time from the
 * keydown event to the frame after the last change it caused in the view (a
 * requestAnimationFrame callback, then a task: the frame has been painted).
 * A key that changes nothing on screen ends at the first frame after it.
 * Only the view's panel is watched: the rest of the page (header, a debounced
 * settings save) cannot stretch a sample.
 */
const WATCH_KEYSTROKES = `(() => {
  const st = { start: 0, end: 0, pending: 0, lastChange: 0, samples: [] }
  window.__keys = st
  const frame = () => {
    st.pending += 1
    requestAnimationFrame(() => setTimeout(() => { st.end = performance.now(); st.pending -= 1 }, 0))
  }
  document.addEventListener('keydown', (e) => {
    if (!(e.target instanceof HTMLInputElement) || e.target.type !== 'search') return
    st.start = e.timeStamp
    st.end = 0
    st.lastChange = performance.now()
    frame()
  }, true)
  const observer = new MutationObserver(() => {
    if (!st.start) return
    st.lastChange = performance.now()
    frame()
  })
  observer.observe(document.querySelector('[role="tabpanel"]:not([hidden])'), { subtree: true, childList: true, characterData: true, attributes: true })
})()`

interface BenchWindow extends Window {
  __interactiveAt?: number
  __keys: { start: number; end: number; pending: number; lastChange: number }
}

async function timeToInteractive(page: Page, url: string): Promise<number> {
  await page.addInitScript({ content: WATCH_INTERACTIVE })
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as BenchWindow).__interactiveAt !== undefined, null, { timeout: 300_000 })
  return page.evaluate(() => (window as unknown as BenchWindow).__interactiveAt as number)
}

async function keystrokes(page: Page): Promise<number[]> {
  await page.evaluate(WATCH_KEYSTROKES)
  const search = page.locator('[role="tabpanel"]:not([hidden]) input[type="search"]')
  await search.focus()
  const samples: number[] = []
  const one = async (key: string) => {
    await page.keyboard.press(key)
    // Settled: no frame pending and nothing changed for 60 ms.
    await page.waitForFunction(
      () => {
        const st = (window as unknown as BenchWindow).__keys
        return st.end > 0 && st.pending === 0 && performance.now() - st.lastChange > 60
      },
      null,
      { polling: 20, timeout: 60_000 },
    )
    samples.push(
      await page.evaluate(() => {
        const st = (window as unknown as BenchWindow).__keys
        const took = st.end - st.start
        st.start = 0
        return took
      }),
    )
  }
  for (const query of QUERIES) {
    for (const ch of query) await one(ch === ' ' ? 'Space' : ch)
    for (let i = 0; i < query.length; i++) await one('Backspace')
  }
  return samples
}

const summary = (samples: number[]) => ({
  n: samples.length,
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  max: Math.max(...samples),
})

for (const base of ['bundled', 'generated'] as const) {
  test.describe(`${base} knowledge base`, () => {
    test.use({ handlerDeps: async ({}, use) => use({ resourcesDir: base === 'bundled' ? resourcesDir : bigResources }) })

    test('navigation → interactive table', async ({ browser, server, renderThread }) => {
      test.setTimeout(600_000)
      const runs: number[] = []
      for (let i = 0; i < NAV_RUNS; i++) {
        // A fresh context each time: nothing cached from the previous run.
        const context = await browser.newContext({ viewport: { width: 1280, height: 840 }, locale: 'fr-FR' })
        const page = await context.newPage()
        const userDataDir = await mkdtemp(join(work, 'ud-'))
        await installBridge(page, server.origin, {
          resourcesDir: base === 'bundled' ? resourcesDir : bigResources,
          userDataDir,
          desktop: { chooseSavePath: async () => null, chooseOpenPath: async () => null, writeClipboard: () => undefined },
          renderPdf: renderThread,
        })
        runs.push(await timeToInteractive(page, `${server.origin}/index.html`))
        await context.close()
      }
      results[`${base}.interactive`] = { runs, median: median(runs) }
    })

    test(`search keystroke → rows painted (${KEYSTROKES} keys)`, async ({ mollet }) => {
      test.setTimeout(600_000)
      await expect(mollet.locator('[role="tabpanel"]:not([hidden]) tbody tr.entry-row').first()).toBeVisible({ timeout: 120_000 })
      const rows = await mollet.locator('[role="tabpanel"]:not([hidden]) tbody tr').count()
      const samples = await keystrokes(mollet)
      expect(samples.length).toBeGreaterThanOrEqual(200)
      results[`${base}.keystroke`] = { ...summary(samples), renderedRowsAtStart: rows }
    })
  })
}
