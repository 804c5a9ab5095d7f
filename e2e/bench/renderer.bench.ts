// Renderer benchmarks in Debian's Chromium, with the real handlers behind the
// page (the e2e harness): navigation → interactive table, search keystroke →
// updated rows painted, the page's JS heap after GC and its DOM size, on the
// bundled base and on generated 10,000- and 100,000-entry bases; and, in Node,
// what carrying the renderer's first message costs (structuredClone, as
// Electron's IPC does, and the JSON the bench's bridge uses). Run by `npm run bench`
// (playwright.bench.config.ts), never by `npm test`. Writes artifacts/bench/renderer.json.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Locator, Page } from '@playwright/test'
import type { PdfRenderer } from '../../electron/main/handout/render-thread'
import type { StaticServer } from '../harness/static-server'
import { installBridge, test, expect, repoRoot, resourcesDir } from '../harness/fixtures'
import { generateKnowledgeBase } from '../../scripts/bench/big-kb'
import { percentile, median } from '../../scripts/bench/stats'
import { loadKnowledgeBase } from '../../electron/main/knowledge/load'
import { outlineOf } from '../../electron/main/knowledge/outline'

/** The generated bases and how many navigation runs each gets (a 100,000-entry start takes seconds). */
const GENERATED = { generated: { size: 10_000, navRuns: 10 }, huge: { size: 100_000, navRuns: 3 } } as const
const BASES = ['bundled', 'generated', 'huge'] as const
type Base = (typeof BASES)[number]
const NAV_RUNS = { bundled: 10, generated: GENERATED.generated.navRuns, huge: GENERATED.huge.navRuns }
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

const resultsFile = join(repoRoot, 'artifacts', 'bench', 'renderer.json')
/**
 * Each figure is merged into the results file as soon as it is measured: a
 * failed test restarts Playwright's worker, and figures held in memory would
 * be lost with it. `npm run bench` removes the file before the run.
 */
async function record(key: string, value: unknown): Promise<void> {
  await mkdir(join(repoRoot, 'artifacts', 'bench'), { recursive: true })
  const kept = await readFile(resultsFile, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, unknown>,
    () => ({}),
  )
  await writeFile(resultsFile, `${JSON.stringify({ ...kept, [key]: value }, null, 2)}\n`)
}
let work: string
const folders: Record<Base, string> = { bundled: resourcesDir, generated: '', huge: '' }

test.beforeAll(async () => {
  test.setTimeout(600_000)
  work = await mkdtemp(join(tmpdir(), 'mollet-bench-'))
  for (const base of ['generated', 'huge'] as const) {
    folders[base] = await generateKnowledgeBase(resourcesDir, await mkdtemp(join(work, `${base}-`)), GENERATED[base].size)
  }
})
test.afterAll(async () => {
  await rm(work, { recursive: true, force: true })
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
  const st = { start: 0, end: 0, pending: 0, lastChange: 0, samples: [], frame: 0, startFrame: 0, endFrame: 0 }
  window.__keys = st
  // Frames counted as they begin: this callback is queued first in each frame, so the others of
  // a frame read its number. A key's change shown in frame startFrame + 1 took one frame.
  const count = () => { st.frame += 1; requestAnimationFrame(count) }
  requestAnimationFrame(count)
  const frame = () => {
    st.pending += 1
    requestAnimationFrame(() => {
      st.endFrame = st.frame
      setTimeout(() => { st.end = performance.now(); st.pending -= 1 }, 0)
    })
  }
  document.addEventListener('keydown', (e) => {
    if (!(e.target instanceof HTMLInputElement) || e.target.type !== 'search') return
    st.start = e.timeStamp
    st.startFrame = st.frame
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

/**
 * In the page: for each click on a checkbox of the Fiche patient form, the
 * time from the click event to the frame after the pages in view show the new
 * PDF (the preview puts its pages in place: the first change of its list of
 * pages after the click), and to the frame after every page does (the preview
 * is no longer busy).
 */
const WATCH_PREVIEW = `(() => {
  if (window.__preview) { window.__preview.answers = []; window.__preview.arrived = []; return }
  const st = { start: 0, inView: 0, end: 0, answers: [], arrived: [] }
  window.__preview = st
  // When each PDF reaches the page (on the machine's clock, as main's render times are).
  const invoke = window.__molletInvoke
  window.__molletInvoke = async (method, args) => {
    const answer = await invoke(method, args)
    if (method === 'renderHandout') {
      st.answers.push(performance.timeOrigin + performance.now())
      st.arrived.push(performance.now() - st.start)
    }
    return answer
  }
  const afterFrame = (set) => requestAnimationFrame(() => setTimeout(() => set(performance.now()), 0))
  document.addEventListener('click', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'checkbox') { st.start = e.timeStamp; st.inView = 0; st.end = 0 }
  }, true)
  const preview = document.querySelector('.pdf-preview')
  new MutationObserver(() => {
    if (st.start && !st.inView) { st.inView = -1; afterFrame((t) => { st.inView = t }) }
  }).observe(preview.querySelector('.pdf-pages'), { childList: true })
  new MutationObserver(() => {
    if (st.start && st.inView && !st.end && preview.getAttribute('aria-busy') === 'false') { st.end = -1; afterFrame((t) => { st.end = t }) }
  }).observe(preview, { attributes: true, attributeFilter: ['aria-busy'] })
})()`

/** Ticks and unticks in the Fiche patient form, each tick one sample, for each way of ticking. */
const PREVIEW_TICKS = 30
/**
 * How long a tick's button is held down, the way a person clicks: hold times
 * measured in two online studies averaged 87 ms at 25–34 years old and 137 ms
 * at 65 and over (Edmonds and Azzopardi, « ClickSense », 2026). The form asks
 * for the tick's PDF when the button goes down; Playwright's own click holds it
 * for no time at all, the case where nothing can be foreseen.
 */
const HUMAN_PRESS_MS = 80
/** Openings of the Fiche patient view: on a fresh page (pdf.js not loaded yet), then again and again on one page. */
const OPEN_COLD_RUNS = 5
const OPEN_WARM_RUNS = 15

/** In the page: the next click on a tab, to the frame after a page of the preview is first on screen. */
const WATCH_OPEN = `(() => {
  const st = { start: 0, end: 0 }
  window.__open = st
  document.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('[role="tab"]')) { st.start = e.timeStamp; st.end = 0 }
  }, { capture: true, once: true })
  const observer = new MutationObserver(() => {
    if (!st.start || !document.querySelector('.pdf-pages canvas')) return
    observer.disconnect()
    requestAnimationFrame(() => setTimeout(() => { st.end = performance.now() }, 0))
  })
  observer.observe(document.body, { subtree: true, childList: true })
})()`

interface BenchWindow extends Window {
  __preview: { start: number; inView: number; end: number; answers: number[]; arrived: number[] }
  __open: { start: number; end: number }
  __interactiveAt?: number
  __keys: { start: number; end: number; pending: number; lastChange: number; startFrame: number; endFrame: number }
}

/** A fresh context and page (nothing cached from an earlier run) with the real handlers behind it. */
async function freshPage(browser: Browser, server: StaticServer, resources: string, renderPdf: PdfRenderer) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 840 }, locale: 'fr-FR' })
  const page = await context.newPage()
  const userDataDir = await mkdtemp(join(work, 'ud-'))
  await installBridge(page, server, {
    resourcesDir: resources,
    userDataDir,
    desktop: { chooseSavePath: async () => null, chooseOpenPath: async () => null, writeClipboard: () => undefined },
    renderPdf,
  })
  return { page, close: () => context.close() }
}

async function timeToInteractive(page: Page, url: string): Promise<number> {
  await page.addInitScript({ content: WATCH_INTERACTIVE })
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as BenchWindow).__interactiveAt !== undefined, null, { timeout: 300_000 })
  return page.evaluate(() => (window as unknown as BenchWindow).__interactiveAt as number)
}

/** The sample a page-side watcher (WATCH_KEYSTROKES, WATCH_PREVIEW) holds; the watcher is armed for the next. */
function takeSample(page: Page, watcher: '__keys'): Promise<number> {
  return page.evaluate((name) => {
    const st = (window as unknown as BenchWindow)[name]
    const took = st.end - st.start
    st.start = 0
    return took
  }, watcher)
}

/** Each key's time to its rows painted (ms), and the frames that took (1: shown in the first frame after the key). */
async function keystrokes(page: Page): Promise<{ samples: number[]; frames: number[] }> {
  await page.evaluate(WATCH_KEYSTROKES)
  const search = page.locator('[role="tabpanel"]:not([hidden]) input[type="search"]')
  await search.focus()
  const samples: number[] = []
  const frames: number[] = []
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
    frames.push(
      await page.evaluate(() => (window as unknown as BenchWindow).__keys.endFrame - (window as unknown as BenchWindow).__keys.startFrame),
    )
    samples.push(await takeSample(page, '__keys'))
  }
  for (const query of QUERIES) {
    for (const ch of query) await one(ch === ' ' ? 'Space' : ch)
    for (let i = 0; i < query.length; i++) await one('Backspace')
  }
  return { samples, frames }
}

/** A narrow search typed, then each column header's sort clicked: the click to the frame after the rows changed. */
const SORT_QUERY = 'copie 12'
async function sortsDuringSearch(page: Page): Promise<number[]> {
  const panel = page.locator('[role="tabpanel"]:not([hidden])')
  await panel.locator('input[type="search"]').fill(SORT_QUERY)
  await expect(panel.locator('tbody tr.entry-row').first()).toContainText(/copie 12/u)
  const samples: number[] = []
  for (const column of ['name', 'category', 'name', 'seriousness']) {
    await page.evaluate(() => {
      const st = { start: 0, end: 0 }
      ;(window as unknown as { __sort: typeof st }).__sort = st
      const body = document.querySelector('[role="tabpanel"]:not([hidden]) tbody') as Element
      document.addEventListener(
        'click',
        (e) => {
          st.start = e.timeStamp
        },
        { capture: true, once: true },
      )
      const observer = new MutationObserver(() => {
        observer.disconnect()
        requestAnimationFrame(() =>
          setTimeout(() => {
            st.end = performance.now()
          }, 0),
        )
      })
      observer.observe(body, { subtree: true, childList: true, characterData: true, attributes: true })
    })
    await panel.locator(`th.col-${column} button.sort`).click()
    await page.waitForFunction(() => (window as unknown as { __sort: { end: number } }).__sort.end > 0, null, {
      polling: 10,
      timeout: 60_000,
    })
    samples.push(
      await page.evaluate(() => {
        const st = (window as unknown as { __sort: { start: number; end: number } }).__sort
        return st.end - st.start
      }),
    )
  }
  return samples
}

async function openHandoutView(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Fiche patient' }).click()
  const view = page.getByRole('tabpanel', { name: 'Fiche patient' })
  await expect(view.locator('.pdf-pages canvas').first()).toBeVisible({ timeout: 60_000 })
  await expect(view.locator('.pdf-preview')).toHaveAttribute('aria-busy', 'false')
  return view
}

/**
 * From another view, the Fiche patient tab clicked: the time from the click
 * event to the frame after the preview's first page is on screen (the view
 * is mounted anew, its preview asked for, made by main and drawn by pdf.js —
 * loaded then on a cold page). Then back to Causes, for the next sample.
 */
async function openedToDrawn(page: Page): Promise<number> {
  await page.getByRole('tab', { name: 'Causes', exact: true }).click()
  await expect(page.getByRole('tabpanel', { name: 'Causes' })).toBeVisible()
  await page.evaluate(WATCH_OPEN)
  await page.getByRole('tab', { name: 'Fiche patient' }).click()
  await page.waitForFunction(() => (window as unknown as BenchWindow).__open.end > 0, null, { polling: 10, timeout: 60_000 })
  return page.evaluate(() => {
    const st = (window as unknown as BenchWindow).__open
    return st.end - st.start
  })
}

/**
 * Each tick's time to the pages in view, and to every page, redrawn; the ticks
 * alternate between the presses given (the time the button is held down, from
 * which the form foresees the tick), so that they are measured interleaved.
 */
async function previewTicks(
  page: Page,
  view: Locator,
  presses: readonly number[] = [0],
): Promise<{ press: number[]; inView: number[]; all: number[]; answers: number[]; arrived: number[] }> {
  await page.evaluate(WATCH_PREVIEW)
  const box = view.getByRole('group', { name: 'Causes à expliquer' }).getByRole('checkbox').first()
  const press: number[] = []
  const inView: number[] = []
  const all: number[] = []
  for (let i = 0; i < PREVIEW_TICKS * presses.length; i++) {
    const delay = presses[i % presses.length] as number
    await box.click({ delay })
    await page.waitForFunction(() => (window as unknown as BenchWindow).__preview.end > 0, null, { polling: 10, timeout: 60_000 })
    const sample = await page.evaluate(() => {
      const st = (window as unknown as BenchWindow).__preview
      const taken = { inView: st.inView - st.start, all: st.end - st.start }
      st.start = 0
      return taken
    })
    press.push(delay)
    inView.push(sample.inView)
    all.push(sample.all)
  }
  const { answers, arrived } = await page.evaluate(() => (window as unknown as BenchWindow).__preview)
  return { press, inView, all, answers, arrived }
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}

/**
 * A CPU profile (CDP) of the page while `work` runs, as self time by function:
 * the top ones with their share of the busy time (idle and unattributed time
 * left out). Run on a second round of the work, never on the timed samples,
 * which it would slow.
 */
async function profiled(page: Page, work: () => Promise<void>): Promise<{ fn: string; share: number }[]> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  await work()
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[] } }
  await cdp.detach()
  const self = new Map<string, number>()
  let busy = 0
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0
    const name = node.callFrame.functionName || '(anonymous)'
    if (name === '(idle)' || name === '(program)') continue
    const file = node.callFrame.url.split('/').pop() || 'native'
    const key = `${name} (${file}${node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : ''})`
    self.set(key, (self.get(key) ?? 0) + hits)
    busy += hits
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([fn, hits]) => ({ fn, share: busy === 0 ? 0 : hits / busy }))
}

/** Where the keystrokes' time goes: a shorter round of typing, profiled. */
async function profileKeystrokes(page: Page): Promise<{ fn: string; share: number }[]> {
  const search = page.locator('[role="tabpanel"]:not([hidden]) input[type="search"]')
  await search.fill('')
  return profiled(page, async () => {
    for (const query of QUERIES.slice(0, 4)) {
      for (const ch of query) {
        await page.keyboard.press(ch === ' ' ? 'Space' : ch)
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))))
      }
      await search.fill('')
    }
  })
}

const summary = (samples: number[]) => ({
  n: samples.length,
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  max: Math.max(...samples),
})

/** The page's JavaScript heap after a full GC, and how many elements the document holds. */
async function memory(page: Page): Promise<{ heapMiB: number; domElements: number }> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  await cdp.detach()
  return { heapMiB: usedSize / 2 ** 20, domElements: await page.evaluate(() => document.getElementsByTagName('*').length) }
}

/** Median of five timed runs of `work`, in ms. */
function timed(work: () => void): number {
  const runs: number[] = []
  for (let i = 0; i < 5; i++) {
    const start = performance.now()
    work()
    runs.push(performance.now() - start)
  }
  return median(runs)
}

for (const base of BASES) {
  test.describe(`${base} knowledge base`, () => {
    test.use({ handlerDeps: async ({}, use) => use({ resourcesDir: folders[base] }) })

    test('the snapshot crossing to the renderer (Node)', async () => {
      test.setTimeout(600_000)
      // The format's own floor, before any check: the files read as text, then parsed.
      const files = (await readdir(join(folders[base], 'knowledge'))).map((f) => join(folders[base], 'knowledge', f))
      const reading = performance.now()
      const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')))
      const readMs = performance.now() - reading
      const parsing = performance.now()
      for (const text of texts) JSON.parse(text)
      const parseMs = performance.now() - parsing
      texts.length = 0
      const loading = performance.now()
      const snapshot = await loadKnowledgeBase(folders[base])
      const loadMs = performance.now() - loading
      // The renderer's first call gets the outline; the whole snapshot stays in main.
      const outline = outlineOf(snapshot)
      await record(`${base}.transport`, {
        entries: snapshot.kb.causes.length + snapshot.kb.differentials.length,
        loadMs,
        readMs,
        parseMs,
        jsonMiB: Buffer.byteLength(JSON.stringify(snapshot)) / 2 ** 20,
        outlineMiB: Buffer.byteLength(JSON.stringify(outline)) / 2 ** 20,
        structuredCloneMs: timed(() => structuredClone(outline)),
        jsonRoundTripMs: timed(() => JSON.parse(JSON.stringify(outline))),
      })
    })

    test('navigation → interactive table', async ({ browser, server, renderThread }) => {
      test.setTimeout(600_000)
      const runs: number[] = []
      for (let i = 0; i < NAV_RUNS[base]; i++) {
        const { page, close } = await freshPage(browser, server, folders[base], renderThread)
        runs.push(await timeToInteractive(page, `${server.origin}/index.html`))
        await close()
      }
      await record(`${base}.interactive`, { runs, median: median(runs) })
    })

    test(`search keystroke → rows painted (${KEYSTROKES} keys)`, async ({ mollet }) => {
      test.setTimeout(600_000)
      await expect(mollet.locator('[role="tabpanel"]:not([hidden]) tbody tr.entry-row').first()).toBeVisible({ timeout: 120_000 })
      const rows = await mollet.locator('[role="tabpanel"]:not([hidden]) tbody tr').count()
      const before = await memory(mollet)
      const { samples, frames } = await keystrokes(mollet)
      expect(samples.length).toBeGreaterThanOrEqual(200)
      const inFirstFrame = frames.filter((f) => f <= 1).length / frames.length
      await record(`${base}.keystroke`, { ...summary(samples), renderedRowsAtStart: rows, inFirstFrame, framesP95: percentile(frames, 95) })
      await record(`${base}.memory`, before)
      if (base !== 'bundled') await record(`${base}.sortDuringSearch`, { ...summary(await sortsDuringSearch(mollet)), query: SORT_QUERY })
    })

    // Run by `npm run bench` on a second build that keeps the functions' names (the figures
    // above are the shipped, minified build's): typed once unprofiled, so the JIT is warm.
    if (base !== 'bundled') {
      test('keystroke profile', async ({ mollet }) => {
        test.setTimeout(600_000)
        await expect(mollet.locator('[role="tabpanel"]:not([hidden]) tbody tr.entry-row').first()).toBeVisible({ timeout: 120_000 })
        await keystrokes(mollet)
        await record(`${base}.profile`, await profileKeystrokes(mollet))
      })
    }

    if (base === 'bundled') {
      test(`handout tick → preview redrawn (${PREVIEW_TICKS} clicks, ${PREVIEW_TICKS} presses, interleaved)`, async ({
        browser,
        server,
        renderThread,
      }) => {
        // Main's share of each sample: its render of the PDF (in its thread), timed where the handlers
        // call it; and the bench bridge's, from the end of that render to the PDF in the page.
        const renders: { ms: number; endedAt: number }[] = []
        const { page, close } = await freshPage(browser, server, resourcesDir, async (...args) => {
          const start = performance.now()
          const rendered = await renderThread(...args)
          const end = performance.now()
          renders.push({ ms: end - start, endedAt: performance.timeOrigin + end })
          return rendered
        })
        await page.goto(`${server.origin}/index.html`)
        const opened = await openHandoutView(page)
        const { press, inView, all, answers, arrived } = await previewTicks(page, opened, [0, HUMAN_PRESS_MS])
        // One PDF per tick, asked for when the button went down (the release takes it).
        expect(answers).toHaveLength(2 * PREVIEW_TICKS)
        const ticks = renders.slice(-2 * PREVIEW_TICKS)
        const clicks = press.flatMap((p, i) => (p === 0 ? [i] : []))
        const pressed = press.flatMap((p, i) => (p > 0 ? [i] : []))
        const at = <T>(list: readonly T[], indexes: number[]) => indexes.map((i) => list[i] as T)
        await record('bundled.previewTick', {
          ...summary(at(inView, clicks)),
          allPages: summary(at(all, clicks)),
          mainRender: summary(at(ticks, clicks).map((r) => r.ms)),
          bridgeBack: summary(clicks.map((i) => (answers[i] as number) - (ticks[i] as { endedAt: number }).endedAt)),
          // The page's own share: from the PDF's arrival to the pages in view shown.
          pdfToInView: summary(clicks.map((i) => (inView[i] as number) - (arrived[i] as number))),
        })
        await record('bundled.previewTickPressed', {
          pressMs: HUMAN_PRESS_MS,
          ...summary(at(inView, pressed)),
          allPages: summary(at(all, pressed)),
        })
        await close()
      })

      // As the keystroke profile: on the build that keeps the names, once the ticks are warm.
      test('tick profile', async ({ browser, server, renderThread }) => {
        const { page, close } = await freshPage(browser, server, resourcesDir, renderThread)
        await page.goto(`${server.origin}/index.html`)
        const opened = await openHandoutView(page)
        await previewTicks(page, opened)
        await record('bundled.previewTickProfile', await profiled(page, () => previewTicks(page, opened).then(() => undefined)))
        await close()
      })

      test(`Fiche patient opened → first preview page drawn (cold ×${OPEN_COLD_RUNS}, warm ×${OPEN_WARM_RUNS})`, async ({
        browser,
        server,
        renderThread,
      }) => {
        test.setTimeout(300_000)
        const cold: number[] = []
        for (let i = 0; i < OPEN_COLD_RUNS; i++) {
          const { page, close } = await freshPage(browser, server, resourcesDir, renderThread)
          await timeToInteractive(page, `${server.origin}/index.html`)
          cold.push(await openedToDrawn(page))
          await close()
        }
        const { page, close } = await freshPage(browser, server, resourcesDir, renderThread)
        await timeToInteractive(page, `${server.origin}/index.html`)
        await openedToDrawn(page)
        const warm: number[] = []
        for (let i = 0; i < OPEN_WARM_RUNS; i++) warm.push(await openedToDrawn(page))
        await record('bundled.previewOpen', { cold: { runs: cold, median: median(cold) }, warm: summary(warm) })
        await close()
      })
    }
  })
}
