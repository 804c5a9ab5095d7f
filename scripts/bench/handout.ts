// Handout benchmark: react-pdf (the app's composeHandout + renderHandoutPdf)
// cold and warm, side by side in the same run with Chromium's print-to-PDF
// (page.pdf, Debian's chromium headless, A4) of the same HandoutDocument as
// plain HTML (handout-html.ts). Writes artifacts/bench/handout.json and both PDFs.
import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
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
}

async function reactPdf(): Promise<{ cold: ColdRun[] }> {
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
  const cold: ColdRun[] = []
  for (let i = 0; i < COLD_RUNS; i++) {
    const { stdout } = await run(process.execPath, [entry, resourcesDir, String(WARM_RUNS)], { cwd: repoRoot })
    cold.push(JSON.parse(stdout) as ColdRun)
  }
  return { cold }
}

async function chromiumPdf(html: string, footer: string) {
  const work = await mkdtemp(join(tmpdir(), 'mollet-bench-html-'))
  try {
    for (const font of ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf']) {
      await copyFile(join(resourcesDir, 'fonts', font), join(work, font))
    }
    const file = join(work, 'fiche.html')
    await writeFile(file, html)
    const url = pathToFileURL(file).href
    const options = {
      format: 'A4' as const,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer,
      preferCSSPageSize: true,
    }
    const cold: { launch: number; first: number }[] = []
    let warm: number[] = []
    let pdf: Uint8Array = new Uint8Array()
    let version = ''
    for (let i = 0; i < COLD_RUNS; i++) {
      const t0 = performance.now()
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
      version = browser.version()
      const page = await browser.newPage()
      const launched = performance.now()
      await page.goto(url)
      pdf = await page.pdf(options)
      cold.push({ launch: launched - t0, first: performance.now() - launched })
      if (i === COLD_RUNS - 1) {
        warm = []
        for (let j = 0; j < WARM_RUNS; j++) {
          const start = performance.now()
          await page.goto(url)
          await page.pdf(options)
          warm.push(performance.now() - start)
        }
      }
      await browser.close()
    }
    return { cold, warm, pdf, version }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

export async function benchHandout() {
  await mkdir(out, { recursive: true })
  const { kb } = await loadKnowledgeBase(resourcesDir)
  const doc = standardHandout(kb)
  const react = await reactPdf()
  const chrome = await chromiumPdf(handoutHtml(doc, './'), footerTemplate(doc))
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
