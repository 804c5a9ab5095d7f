// Handout benchmark: react-pdf (the app's composeHandout + renderHandoutPdf)
// cold and warm, against Chromium's print-to-PDF (page.pdf, Debian's chromium
// headless, A4) of the same HandoutDocument as plain HTML (handout-html.ts),
// their warm samples alternated in one run (one react-pdf handout, one
// Chromium PDF, in turn) so that the machine's noise hits both. Writes
// artifacts/bench/handout.json and both PDFs. `npx tsx scripts/bench/handout.ts`
// runs this part of `npm run bench` alone (it prints the JSON).
import { execFile, spawn } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { chromium } from '@playwright/test'
import { build } from 'esbuild'
import { loadKnowledgeBase } from '../../electron/main/knowledge/load'
import { renderHandoutPdf } from '../../electron/main/handout/pdf/document'
import { standardHandout } from './handout-doc'
import { footerTemplate, handoutHtml } from './handout-html'
import { median, percentile } from './stats'

const run = promisify(execFile)
const repoRoot = resolve(import.meta.dirname, '../..')
const resourcesDir = join(repoRoot, 'resources')
const out = join(repoRoot, 'artifacts', 'bench')
const COLD_RUNS = 5
const WARM_RUNS = 25
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

interface ColdRun {
  imported: number
  first: number
  bytes: number
  pages: number
  warm: number[]
  /** Interleaved pairs: the handout without a note, then with the longest note allowed. */
  withoutNote: number[]
  longestNote: number[]
  notePages: number
  /** Interleaved pairs: the standard handout tagged (as the app draws it), then untagged. */
  tagged: number[]
  untagged: number[]
}

/** One react-pdf process (handout-cold.ts): its cold figures, then one warm handout per `draw()`. */
interface ReactProcess {
  cold: { imported: number; first: number; bytes: number; pages: number }
  draw: (which: 'standard' | 'note' | 'untagged') => Promise<{ ms: number; pages: number }>
  end: () => Promise<void>
}

async function bundleReactPdf(): Promise<string> {
  // Bundled like the app's main process: our code in one file, packages from node_modules.
  const entry = join(out, 'handout-cold.mjs')
  await build({
    entryPoints: [join(import.meta.dirname, 'handout-cold.ts')],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: entry,
    logLevel: 'silent',
  })
  return entry
}

async function startReactPdf(entry: string): Promise<ReactProcess> {
  // NODE_ENV as the app's render thread sets it (render-thread.ts): React's production build.
  const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' }
  const child = spawn(process.execPath, [entry, resourcesDir], { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  const next = async (): Promise<string> => {
    const { value, done } = await lines.next()
    if (done) throw new Error('handout-cold.mjs ended early')
    return value as string
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    cold: JSON.parse(await next()),
    async draw(which) {
      child.stdin.write(`${which}\n`)
      return JSON.parse(await next())
    },
    async end() {
      child.stdin.end('end\n')
      await exited
    },
  }
}

/** Chromium warm: one browser kept open, the page reloaded and printed per sample. */
interface ChromiumWarm {
  version: string
  sample: () => Promise<number>
  pdf: () => Promise<Uint8Array>
  close: () => Promise<void>
}

async function chromiumFiles(html: string): Promise<{ url: string; work: string }> {
  const work = await mkdtemp(join(tmpdir(), 'mollet-bench-html-'))
  for (const font of ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf']) {
    await copyFile(join(resourcesDir, 'fonts', font), join(work, font))
  }
  const file = join(work, 'fiche.html')
  await writeFile(file, html)
  return { url: pathToFileURL(file).href, work }
}

const pdfOptions = (footer: string) => ({
  format: 'A4' as const,
  printBackground: true,
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  footerTemplate: footer,
  preferCSSPageSize: true,
})

/** Chromium cold: a fresh browser per run, its launch and new page, then the first load and PDF. */
async function chromiumCold(url: string, footer: string): Promise<{ launch: number; first: number }[]> {
  const cold: { launch: number; first: number }[] = []
  for (let i = 0; i < COLD_RUNS; i++) {
    const t0 = performance.now()
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    const page = await browser.newPage()
    const launched = performance.now()
    await page.goto(url)
    await page.pdf(pdfOptions(footer))
    cold.push({ launch: launched - t0, first: performance.now() - launched })
    await browser.close()
  }
  return cold
}

async function chromiumWarm(url: string, footer: string): Promise<ChromiumWarm> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  const page = await browser.newPage()
  const print = async () => {
    await page.goto(url)
    return page.pdf(pdfOptions(footer))
  }
  await print()
  return {
    version: browser.version(),
    async sample() {
      const start = performance.now()
      await print()
      return performance.now() - start
    },
    pdf: print,
    close: () => browser.close(),
  }
}

/**
 * A pause before each alternated sample: Chromium's processes go on working
 * for a while after page.pdf() returns (and a render leaves garbage to
 * collect), which would otherwise land on the other's sample.
 */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 150)
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS))

/**
 * COLD_RUNS react-pdf processes; in each, WARM_RUNS warm handouts, each
 * followed by one warm Chromium PDF (the two alternate); then WARM_RUNS pairs
 * of the handout without a note and with the longest note, alternated too;
 * then WARM_RUNS pairs of the handout tagged and untagged, alternated.
 */
async function interleaved(url: string, footer: string): Promise<{ react: ColdRun[]; chromeWarm: number[]; chrome: ChromiumWarm }> {
  const entry = await bundleReactPdf()
  const chrome = await chromiumWarm(url, footer)
  const react: ColdRun[] = []
  const chromeWarm: number[] = []
  for (let i = 0; i < COLD_RUNS; i++) {
    const proc = await startReactPdf(entry)
    const run: ColdRun = { ...proc.cold, warm: [], withoutNote: [], longestNote: [], notePages: 0, tagged: [], untagged: [] }
    for (let j = 0; j < WARM_RUNS; j++) {
      await settle()
      run.warm.push((await proc.draw('standard')).ms)
      await settle()
      chromeWarm.push(await chrome.sample())
    }
    for (let j = 0; j < WARM_RUNS; j++) {
      run.withoutNote.push((await proc.draw('standard')).ms)
      const noted = await proc.draw('note')
      run.longestNote.push(noted.ms)
      run.notePages = noted.pages
    }
    for (let j = 0; j < WARM_RUNS; j++) {
      run.tagged.push((await proc.draw('standard')).ms)
      run.untagged.push((await proc.draw('untagged')).ms)
    }
    await proc.end()
    react.push(run)
  }
  return { react, chromeWarm, chrome }
}

export async function benchHandout() {
  await mkdir(out, { recursive: true })
  const { kb } = await loadKnowledgeBase(resourcesDir)
  const doc = standardHandout(kb)
  const footer = footerTemplate(doc)
  const { url, work } = await chromiumFiles(handoutHtml(doc, './'))
  let samples: Awaited<ReturnType<typeof interleaved>>
  let chromeCold: Awaited<ReturnType<typeof chromiumCold>>
  let chromePdf: Uint8Array
  try {
    chromeCold = await chromiumCold(url, footer)
    samples = await interleaved(url, footer)
    chromePdf = await samples.chrome.pdf()
    await samples.chrome.close()
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  const react = { cold: samples.react }
  const chrome = { cold: chromeCold, warm: samples.chromeWarm, pdf: chromePdf, version: samples.chrome.version }
  const { pdf: reactBytes } = await renderHandoutPdf(doc, resourcesDir)
  await writeFile(join(out, 'handout-react-pdf.pdf'), reactBytes)
  await writeFile(join(out, 'handout-chromium.pdf'), chrome.pdf)
  const pages = async (file: string) => Number(/Pages:\s+(\d+)/u.exec((await run('pdfinfo', [file])).stdout)?.[1] ?? Number.NaN)
  const reactWarm = react.cold.flatMap((c) => c.warm)
  const result = {
    reactPdf: {
      coldImport: median(react.cold.map((c) => c.imported)),
      coldFirstRender: median(react.cold.map((c) => c.first)),
      coldRuns: react.cold.map((c) => ({ import: c.imported, firstRender: c.first })),
      warmMedian: median(reactWarm),
      warmP95: percentile(reactWarm, 95),
      warmSamples: reactWarm.length,
      /** Each warm sample was followed by one of Chromium's (the two alternate in one run). */
      interleavedWithChromium: true,
      bytes: reactBytes.byteLength,
      pages: await pages(join(out, 'handout-react-pdf.pdf')),
      note: {
        withoutMedian: median(react.cold.flatMap((c) => c.withoutNote)),
        longestMedian: median(react.cold.flatMap((c) => c.longestNote)),
        longestP95: percentile(
          react.cold.flatMap((c) => c.longestNote),
          95,
        ),
        samples: react.cold.flatMap((c) => c.longestNote).length,
        pages: react.cold[0]?.notePages ?? 0,
      },
      tagging: {
        taggedMedian: median(react.cold.flatMap((c) => c.tagged)),
        untaggedMedian: median(react.cold.flatMap((c) => c.untagged)),
        taggedP95: percentile(
          react.cold.flatMap((c) => c.tagged),
          95,
        ),
        samples: react.cold.flatMap((c) => c.tagged).length,
      },
    },
    chromium: {
      version: chrome.version,
      coldLaunch: median(chrome.cold.map((c) => c.launch)),
      coldFirstPdf: median(chrome.cold.map((c) => c.first)),
      coldRuns: chrome.cold,
      warmMedian: median(chrome.warm),
      warmP95: percentile(chrome.warm, 95),
      warmSamples: chrome.warm.length,
      bytes: chrome.pdf.byteLength,
      pages: await pages(join(out, 'handout-chromium.pdf')),
    },
  }
  await writeFile(join(out, 'handout.json'), `${JSON.stringify(result, null, 2)}\n`)
  return result
}

if (process.argv[1] === import.meta.filename) console.log(JSON.stringify(await benchHandout(), null, 2))
