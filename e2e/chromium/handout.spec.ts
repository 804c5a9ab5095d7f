// The "Fiche patient" view against the real handlers: the preview draws the
// real PDF under the app's CSP; the options change the document; printing,
// saving and the command line give the same document; the patient's name goes
// on the handout and nowhere else; the letterhead is kept; a corrupt settings
// file is announced; Ctrl+P and the menu; "Ajouter à la fiche patient"; axe.
// The printer and the save dialog are the recording desktop of the fixtures.
import AxeBuilder from '@axe-core/playwright'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Locator, Page } from '@playwright/test'
import { conditionsOf, type Advice, type Condition, type Finding } from '../../shared/kb/types'
import type { HandoutDocument } from '../../shared/handout/compose'
import { frenchTypography } from '../../shared/text/typography'
import { differingShare, greyPages, pdfInfo, pdfText, searchable, type GreyPage } from '../../test/handout/pdf-tools'
import {
  test,
  expect,
  installBridge,
  recordingDesktop,
  repoRoot,
  resourcesDir,
  sendMenuCommand,
  readKnowledgeFile,
} from '../harness/fixtures'

const read = readKnowledgeFile
const causes = read<Condition[]>('causes.json')
const differentials = read<Condition[]>('differentials.json')
const advice = read<Advice[]>('advice.json')
const redFlags = read<Finding[]>('findings.json').filter((f) => f.redFlag)
const byId = (id: string): Condition => conditionsOf({ causes, differentials }).find((c) => c.id === id) as Condition

/** How a knowledge-base text reads in the PDF, once made searchable. */
const inPdf = (text: string): string => searchable(frenchTypography(text))

const PATIENT = 'Mme Zoé Quintard'
/**
 * Printed pages against the saved PDF, both drawn at 72 dpi by pdftoppm: the
 * share of 8 × 8-pixel squares whose mean grey is more than 32 levels apart
 * stays under 2 % (measured 2026-12-01: 0.5 % on page 1, see the test's log;
 * two different pages of the handout: over 20 %).
 */
const PRINT_PIXEL_TOLERANCE = 0.02
/** Printing draws every page at 300 dpi before the dialog opens: seconds, more on a loaded 2-core machine. */
const PRINTING = { timeout: 30_000 }

async function openHandout(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Fiche patient' }).click()
  const view = page.getByRole('tabpanel', { name: 'Fiche patient' })
  // The first preview loads pdf.js and its worker, and main makes its first PDF (fonts, hyphenation).
  await expect(view.locator('.pdf-pages canvas').first()).toBeVisible({ timeout: 20_000 })
  return view
}

/** Waits until the preview is up to date with the options. */
async function previewSettled(view: Locator): Promise<void> {
  await expect(view.getByText('Aperçu à jour.')).toBeVisible({ timeout: 10_000 })
  await expect(view.locator('.pdf-preview')).toHaveAttribute('aria-busy', 'false', { timeout: 10_000 })
}

const causeBox = (view: Locator, id: string) => view.locator(`[data-cause="${id}"]`).getByRole('checkbox')
const adviceBox = (view: Locator, id: string) => view.locator(`[data-advice="${id}"]`).getByRole('checkbox')

async function ticked(view: Locator, attribute: 'data-cause' | 'data-advice'): Promise<string[]> {
  return view.locator(`[${attribute}]:has(input:checked)`).evaluateAll((els, a) => els.map((el) => el.getAttribute(a) ?? ''), attribute)
}

const tsx = join(repoRoot, 'node_modules/tsx/dist/cli.mjs')
async function cli(args: string[]): Promise<void> {
  await promisify(execFile)(process.execPath, [tsx, join(repoRoot, 'scripts/handout.ts'), ...args], { cwd: repoRoot })
}

test('the preview draws the real PDF under the app’s CSP, without any violation', async ({ mollet }) => {
  await mollet.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__csp', { value: seen })
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`))
  })
  const errors: string[] = []
  mollet.on('console', (m) => {
    // Chromium asks the test server for /favicon.ico on its own; the app has none.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${m.text()} ${m.location().url}`)
  })
  mollet.on('pageerror', (e) => errors.push(e.message))
  await mollet.reload()
  const view = await openHandout(mollet)
  await previewSettled(view)
  expect(Number(await view.locator('.pdf-pages').getAttribute('data-pages'))).toBeGreaterThanOrEqual(1)
  expect(await view.locator('.pdf-pages canvas').count()).toBe(Number(await view.locator('.pdf-pages').getAttribute('data-pages')))
  await expect(view.locator('.pdf-pages canvas').first()).toHaveAttribute('aria-label', /^Page 1 sur \d$/u)
  // Something was drawn: the first page is not blank.
  const inked = await view
    .locator('.pdf-pages canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray()
      let dark = 0
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 100) dark++
      return dark
    })
  expect(inked).toBeGreaterThan(1000)
  expect(await mollet.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([])
  expect(errors).toEqual([])
})

test('the preview’s pages are drawn for the screen’s pixels: 720 wide at 100 %, twice that at 200 %', async ({
  mollet,
  browser,
  server,
  renderThread,
}, testInfo) => {
  const widths = (view: Locator) => view.locator('.pdf-pages canvas').evaluateAll((all: HTMLCanvasElement[]) => all.map((c) => c.width))
  const view = await openHandout(mollet)
  await previewSettled(view)
  const at100 = await widths(view)
  expect(at100.length).toBeGreaterThanOrEqual(2)
  for (const w of at100) expect(w).toBe(720)

  const context = await browser.newContext({ viewport: { width: 900, height: 600 }, deviceScaleFactor: 2, locale: 'fr-FR' })
  const page = await context.newPage()
  const userDataDir = await mkdtemp(join(tmpdir(), 'mollet-zoom-'))
  try {
    await installBridge(page, server, { resourcesDir, userDataDir, desktop: recordingDesktop(testInfo.outputDir), renderPdf: renderThread })
    await page.goto(`${server.origin}/index.html`)
    const zoomed = await openHandout(page)
    await previewSettled(zoomed)
    for (const w of await widths(zoomed)) expect(w).toBe(1440)
  } finally {
    await context.close()
    await rm(userDataDir, { recursive: true, force: true })
  }
})

test('« Aperçu à jour » is said only once the current PDF’s pages are drawn', async ({ mollet }) => {
  // Every moment the status reads « à jour », what the preview shows then.
  await mollet.addInitScript(() => {
    const seen: { pages: number; busy: string | null }[] = []
    Object.defineProperty(window, '__upToDate', { value: seen })
    new MutationObserver(() => {
      const status = document.querySelector('[role="tabpanel"]:not([hidden]) .preview-status')
      if (status?.textContent !== 'Aperçu à jour.') return
      const preview = document.querySelector('.pdf-preview')
      seen.push({ pages: document.querySelectorAll('.pdf-pages canvas').length, busy: preview?.getAttribute('aria-busy') ?? null })
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
  })
  await mollet.reload()
  const view = await openHandout(mollet)
  await previewSettled(view)
  const box = view.locator('[data-cause]').getByRole('checkbox').first()
  await box.click()
  await previewSettled(view)
  await box.click()
  await previewSettled(view)
  const seen = await mollet.evaluate(() => (window as unknown as { __upToDate: { pages: number; busy: string | null }[] }).__upToDate)
  expect(seen.length).toBeGreaterThan(0)
  expect(seen.filter((s) => s.pages === 0 || s.busy !== 'false')).toEqual([])
})

test('a new PDF shows first on the page in view; no page of the old PDF is ever beside one of the new', async ({ mollet }) => {
  const view = await openHandout(mollet)
  await previewSettled(view)
  // In the page: each canvas's pixels as a hash, « blank » for a white page, at every DOM change
  // of the preview and every frame while sampling.
  await mollet.evaluate(() => {
    const hashOf = (canvas: HTMLCanvasElement): string => {
      const data = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data
      let h = 0x811c9dc5
      let white = true
      for (let i = 0; i < data.length; i += 4) {
        const v = data[i] as number
        if (v !== 255) white = false
        h = Math.imul(h ^ v, 0x01000193)
      }
      return white ? 'blank' : (h >>> 0).toString(16)
    }
    const pages = () => [...document.querySelectorAll<HTMLCanvasElement>('.pdf-pages canvas')].map(hashOf)
    const state = { on: false, samples: [] as string[][], pages }
    Object.defineProperty(window, '__pages', { value: state })
    const sample = () => {
      if (state.on) state.samples.push(pages())
    }
    new MutationObserver(sample).observe(document.querySelector('.pdf-pages') as Element, { childList: true })
    const frame = () => {
      sample()
      requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
  })
  type Pages = { on: boolean; samples: string[][]; pages: () => string[] }
  const pagesNow = () => mollet.evaluate(() => (window as unknown as { __pages: Pages }).__pages.pages())
  // The second page in view, the first out of it.
  await view
    .locator('.pdf-pages canvas')
    .nth(1)
    .evaluate((canvas) => {
      const preview = canvas.closest('.pdf-preview') as HTMLElement
      preview.scrollTop += canvas.getBoundingClientRect().top - preview.getBoundingClientRect().top
    })
  const before = await pagesNow()
  expect(before.length).toBeGreaterThanOrEqual(2)

  await mollet.evaluate(() => {
    ;(window as unknown as { __pages: Pages }).__pages.on = true
  })
  // Large print: every page changes.
  await view.getByRole('checkbox', { name: /Gros caractères/ }).click()
  await previewSettled(view)
  const samples = await mollet.evaluate(() => {
    const state = (window as unknown as { __pages: Pages }).__pages
    state.on = false
    return state.samples
  })
  const after = await pagesNow()
  expect(after).not.toContain('blank')
  // Every page changed: which of the two PDFs each shows can be told.
  for (const [i, hash] of before.entries()) expect(after[i]).not.toBe(hash)
  expect(samples.length).toBeGreaterThan(0)
  for (const shown of samples) {
    if (shown.every((hash, i) => hash === before[i]) && shown.length === before.length) continue
    // Once the new PDF shows, each page is the new one or blank, and the page in view is never blank.
    expect(shown).toHaveLength(after.length)
    for (const [i, hash] of shown.entries()) expect([after[i], 'blank']).toContain(hash)
    expect(shown[1]).toBe(after[1])
  }
})

test('the ticked causes are on the handout and the others are not; the warning signs always are', async ({ mollet, desktop }) => {
  const view = await openHandout(mollet)
  await expect(causeBox(view, 'deshydratation')).toBeChecked()
  await expect(causeBox(view, 'compression-nerveuse')).not.toBeChecked()
  await causeBox(view, 'deshydratation').uncheck()
  await causeBox(view, 'compression-nerveuse').check()
  await previewSettled(view)
  await view.getByRole('button', { name: 'Imprimer', exact: true }).click()
  await expect.poll(() => desktop.printed.length, PRINTING).toBe(1)
  const text = pdfText(desktop.printed[0] as Uint8Array)
  expect(text).toContain(inPdf(byId('compression-nerveuse').patientExplanation))
  expect(text).not.toContain(inPdf(byId('deshydratation').patientExplanation))
  for (const flag of redFlags) expect(text).toContain(inPdf(flag.label))

  // Every cause and every piece of advice off: the warning signs stay.
  for (const id of await ticked(view, 'data-cause')) await causeBox(view, id).uncheck()
  for (const id of await ticked(view, 'data-advice')) await adviceBox(view, id).uncheck()
  await previewSettled(view)
  await mollet.keyboard.press('Control+p')
  await expect.poll(() => desktop.printed.length, PRINTING).toBe(2)
  const bare = pdfText(desktop.printed[1] as Uint8Array)
  for (const c of conditionsOf({ causes, differentials })) expect(bare).not.toContain(inPdf(c.patientExplanation))
  for (const a of advice) expect(bare).not.toContain(inPdf(a.patientText))
  for (const flag of redFlags) expect(bare).toContain(inPdf(flag.label))
})

test('printed, saved and made by the command line: the same document; the name is on it and nowhere else', async ({
  mollet,
  desktop,
  saveDir,
  userDataDir,
}) => {
  // Three PDFs and a run of the command line.
  test.setTimeout(90_000)
  const view = await openHandout(mollet)
  await causeBox(view, 'stress-eleve').uncheck()
  await causeBox(view, 'effets-secondaires-medicaments').check()
  await adviceBox(view, 'reduire-stress').uncheck()
  await view.getByRole('checkbox', { name: 'Gros caractères (14 pt)' }).check()
  await view.getByLabel('Nom du patient (facultatif)').fill(PATIENT)
  const note = 'Revenez me voir dans quinze jours si cela continue.\nPensez à boire.'
  await view.getByLabel('Note du soignant (facultatif)').fill(note)
  await expect(view.getByText(`${note.length} / 3\u202f000 caractères · 2 / 40 lignes`)).toBeVisible()
  await previewSettled(view)

  await view.getByRole('button', { name: 'Enregistrer en PDF…' }).click()
  const savedPath = join(saveDir, 'fiche-1.pdf')
  await expect(view.getByTestId('handout-action')).toHaveText(`Fiche enregistrée\u00a0: ${savedPath}`)
  expect(desktop.saveRequests).toEqual(['fiche-patient-mollet.pdf'])
  await view.getByRole('button', { name: 'Imprimer', exact: true }).click()
  await expect.poll(() => desktop.printed.length, PRINTING).toBe(1)

  const saved = new Uint8Array(await readFile(savedPath))
  const cliPath = join(saveDir, 'cli.pdf')
  await cli([
    '--out',
    cliPath,
    '--causes',
    (await ticked(view, 'data-cause')).join(','),
    '--advice',
    (await ticked(view, 'data-advice')).join(','),
    '--patient',
    PATIENT,
    '--note',
    note.replace('\n', '\\n'),
    '--large-print',
  ])
  const fromCli = new Uint8Array(await readFile(cliPath))
  const printed = desktop.printed[0] as Uint8Array
  const text = pdfText(saved)
  expect(text).toContain(PATIENT)
  expect(text).toContain(inPdf(byId('effets-secondaires-medicaments').patientExplanation))
  expect(text).not.toContain(inPdf(byId('stress-eleve').patientExplanation))
  expect(pdfText(printed)).toBe(text)
  expect(pdfText(fromCli)).toBe(text)
  expect(pdfInfo(printed).pages).toBe(pdfInfo(saved).pages)
  expect(pdfInfo(fromCli).pages).toBe(pdfInfo(saved).pages)

  // What the printer gets: the print document under print media (page.pdf), page for page the saved PDF.
  const onPaper = desktop.printedPages[0] as Uint8Array
  const paperInfo = pdfInfo(onPaper)
  expect(paperInfo.pages).toBe(pdfInfo(saved).pages)
  expect(paperInfo.width).toBeCloseTo(595.28, 0)
  expect(paperInfo.height).toBeCloseTo(841.89, 0)
  // No text layer: the pages are the 300 dpi images (pdftotext finds nothing).
  expect(pdfText(onPaper)).toBe('')
  const paper = greyPages(onPaper, 72)
  const file = greyPages(saved, 72)
  expect(paper.length).toBe(file.length)
  const shares = paper.map((page, i) => differingShare(page, file[i] as GreyPage))
  console.log(
    `Impression et PDF enregistré, part des carrés de 8 × 8 pixels différents à 72 dpi : ${shares.map((x) => `${(x * 100).toFixed(2)} %`).join(', ')}`,
  )
  for (const share of shares) expect(share).toBeLessThan(PRINT_PIXEL_TOLERANCE)
  // And the measure tells pages apart: page 1 printed against page 2 saved differs far more.
  expect(differingShare(paper[0] as GreyPage, file[1] as GreyPage)).toBeGreaterThan(10 * PRINT_PIXEL_TOLERANCE)
  // The print document is gone once the dialog closed.
  await expect(mollet.getByTestId('print-document')).toHaveCount(0)

  // The view was saved as the last one (settings written), without the name or the note.
  await expect.poll(async () => (await readdir(userDataDir)).includes('settings.json')).toBe(true)
  await view.getByRole('button', { name: 'Enregistrer ces choix par défaut' }).click()
  await expect(view.getByText('Choix par défaut enregistrés (sans le nom ni la note).')).toBeVisible()
  for (const file of await readdir(userDataDir)) {
    const content = await readFile(join(userDataDir, file), 'utf8')
    expect(content).not.toContain('Quintard')
    expect(content).not.toContain('quinze jours')
  }
  const settings = JSON.parse(await readFile(join(userDataDir, 'settings.json'), 'utf8')) as { handoutDefaults: unknown }
  expect(settings.handoutDefaults).toEqual({
    largePrint: true,
    causes: await ticked(view, 'data-cause'),
    advice: await ticked(view, 'data-advice'),
  })
  const stored = await mollet.evaluate(() => ({
    hash: decodeURIComponent(location.hash),
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
  }))
  expect(stored.hash).toContain('view=handout')
  for (const value of Object.values(stored)) {
    expect(value).not.toContain('Quintard')
    expect(value).not.toContain('quinze')
  }
})

test('the letterhead is saved, printed and still there after a reload', async ({ mollet, desktop }) => {
  const view = await openHandout(mollet)
  await view.getByLabel('Nom du cabinet').fill('Cabinet des Tilleuls')
  await view.getByLabel('Adresse').fill('3 place du Marché\n69002 Lyon')
  await view.getByLabel('Téléphone').fill('04 12 34 56 78')
  await view.getByRole('button', { name: 'Enregistrer l’en-tête' }).click()
  await expect(view.getByText('En-tête enregistré.')).toBeVisible()
  await previewSettled(view)
  await mollet.keyboard.press('Control+p')
  await expect.poll(() => desktop.printed.length, PRINTING).toBe(1)
  const text = pdfText(desktop.printed[0] as Uint8Array)
  for (const part of ['Cabinet des Tilleuls', '3 place du Marché', '69002 Lyon', '04 12 34 56 78']) expect(text).toContain(part)

  await mollet.reload()
  const again = mollet.getByRole('tabpanel', { name: 'Fiche patient' })
  await expect(again.getByLabel('Nom du cabinet')).toHaveValue('Cabinet des Tilleuls')
  await expect(again.getByLabel('Adresse')).toHaveValue('3 place du Marché\n69002 Lyon')
  await expect(again.getByLabel('Téléphone')).toHaveValue('04 12 34 56 78')
})

test.describe('with a corrupt settings file', () => {
  test.use({
    handlerDeps: async ({}, use) => {
      const dir = await mkdtemp(join(tmpdir(), 'mollet-e2e-corrupt-'))
      await writeFile(join(dir, 'settings.json'), '{"version": 1, "letterhead": ')
      await use({ resourcesDir, userDataDir: dir })
      await rm(dir, { recursive: true, force: true })
    },
  })

  test('the view says so in French, the file is kept aside, the handout still works', async ({ mollet, handlerDeps, desktop }) => {
    const view = await openHandout(mollet)
    await expect(view.getByTestId('settings-notice')).toContainText(
      /^Les réglages enregistrés étaient illisibles\u00a0: Mollet utilise les réglages par défaut\. L’ancien fichier est conservé sous le nom settings\.corrupt-.+\.json\.$/u,
    )
    const files = await readdir(handlerDeps.userDataDir as string)
    expect(files.some((f) => /^settings\.corrupt-.+\.json$/u.test(f))).toBe(true)
    await expect(causeBox(view, 'deshydratation')).toBeChecked()
    await previewSettled(view)
    await view.getByRole('button', { name: 'Imprimer', exact: true }).click()
    await expect.poll(() => desktop.printed.length, PRINTING).toBe(1)
  })
})

test('Ctrl+P: elsewhere it opens the Fiche patient view, there it prints; the menu commands do the same', async ({
  mollet,
  desktop,
  saveDir,
}) => {
  await expect(mollet.locator('tr.entry-row').first()).toBeVisible()
  await mollet.keyboard.press('Control+p')
  const tab = mollet.getByRole('tab', { name: 'Fiche patient' })
  await expect(tab).toHaveAttribute('aria-selected', 'true')
  const view = mollet.getByRole('tabpanel', { name: 'Fiche patient' })
  await expect(view.getByRole('heading', { name: 'Fiche patient' })).toBeFocused()
  expect(desktop.printed).toHaveLength(0)
  await previewSettled(view)
  await mollet.keyboard.press('Control+p')
  await expect.poll(() => desktop.printed.length, PRINTING).toBe(1)

  await sendMenuCommand(mollet, 'print-handout')
  await expect.poll(() => desktop.printed.length, PRINTING).toBe(2)
  await sendMenuCommand(mollet, 'save-handout')
  await expect(view.getByTestId('handout-action')).toHaveText(`Fiche enregistrée\u00a0: ${join(saveDir, 'fiche-1.pdf')}`)
  await mollet.keyboard.press('Control+Shift+S')
  await expect(view.getByTestId('handout-action')).toHaveText(`Fiche enregistrée\u00a0: ${join(saveDir, 'fiche-2.pdf')}`)

  // From another view the menu opens the handout first, without printing.
  await mollet.getByRole('tab', { name: 'Causes', exact: true }).click()
  await sendMenuCommand(mollet, 'print-handout')
  await expect(tab).toHaveAttribute('aria-selected', 'true')
  expect(desktop.printed).toHaveLength(2)
})

test.describe('a print whose pages cannot be drawn', () => {
  // The render thread answers bytes pdf.js cannot read once `corrupt` is set:
  // the renderer's print path fails for real, after the preview was drawn.
  const state = { corrupt: false }
  test.use({
    handlerDeps: async ({ renderThread }, use) => {
      state.corrupt = false
      await use({
        resourcesDir,
        renderPdf: async (doc, dir, signal) =>
          state.corrupt ? { pdf: new TextEncoder().encode('%PDF-1.7 rien'), unprintable: [] } : renderThread(doc, dir, signal),
      })
    },
  })

  test('cancelling the save dialog says nothing; a failed print says why in French and the view stays usable', async ({
    mollet,
    desktop,
  }) => {
    desktop.nextSavePath = () => null
    const view = await openHandout(mollet)
    await view.getByRole('button', { name: 'Enregistrer en PDF…' }).click()
    await expect.poll(() => desktop.saveRequests.length).toBe(1)
    await expect(view.getByTestId('handout-action')).toHaveText('')
    await previewSettled(view)
    state.corrupt = true
    await view.getByRole('button', { name: 'Imprimer', exact: true }).click()
    await expect(view.getByRole('alert')).toHaveText('L’impression a échoué. Vous pouvez enregistrer la fiche en PDF puis l’imprimer.')
    expect(desktop.printedPages).toEqual([])
    state.corrupt = false
    await causeBox(view, 'compression-nerveuse').check()
    await previewSettled(view)
    await expect(view.getByRole('button', { name: 'Imprimer', exact: true })).toBeEnabled()
    await view.getByRole('button', { name: 'Imprimer', exact: true }).click()
    await expect.poll(() => desktop.printedPages.length, PRINTING).toBe(1)
  })
})

test('“Ajouter à la fiche patient” in a detail adds the entry and its advice, and opens the view', async ({ mollet, desktop }) => {
  await mollet.getByRole('tab', { name: 'Diagnostics différentiels' }).click()
  const differentialsPanel = mollet.getByRole('tabpanel', { name: 'Diagnostics différentiels' })
  await differentialsPanel.locator('tr.entry-row[data-entry="epilepsie"]').click()
  const dialog = mollet.getByRole('dialog', { name: 'Épilepsie' })
  await dialog.getByRole('button', { name: 'Ajouter à la fiche patient' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Sur la fiche patient.')
  await dialog.getByRole('button', { name: 'Ouvrir la fiche patient' }).click()
  await expect(dialog).toBeHidden()
  const view = mollet.getByRole('tabpanel', { name: 'Fiche patient' })
  await expect(view).toBeVisible()
  await expect(view.getByRole('heading', { name: 'Fiche patient' })).toBeFocused()
  await expect(causeBox(view, 'epilepsie')).toBeChecked()
  await expect(adviceBox(view, 'traitement-causes-neurologiques')).toBeChecked()
  // The defaults stay: the entry is added to them.
  await expect(causeBox(view, 'deshydratation')).toBeChecked()
  await previewSettled(view)
  await mollet.keyboard.press('Control+p')
  await expect.poll(() => desktop.printed.length, PRINTING).toBe(1)
  const text = pdfText(desktop.printed[0] as Uint8Array)
  expect(text).toContain(inPdf(byId('epilepsie').patientExplanation))
  expect(text).toContain(inPdf((advice.find((a) => a.id === 'traitement-causes-neurologiques') as Advice).patientText))

  // Reopened, the detail says the entry is on the handout.
  await mollet.getByRole('tab', { name: 'Diagnostics différentiels' }).click()
  await differentialsPanel.locator('tr.entry-row[data-entry="epilepsie"]').click()
  await expect(mollet.getByRole('dialog', { name: 'Épilepsie' }).getByRole('status')).toHaveText('Sur la fiche patient.')
})

test('ticking a cause brings its advice, unticking takes it away: the form and the detail’s button give the same handout', async ({
  mollet,
  saveDir,
}) => {
  const view = await openHandout(mollet)
  const standard = await ticked(view, 'data-cause')
  for (const id of standard) await causeBox(view, id).uncheck()
  await causeBox(view, 'epilepsie').check()
  expect(await ticked(view, 'data-cause')).toEqual(['epilepsie'])
  expect(await ticked(view, 'data-advice')).toEqual(['traitement-causes-neurologiques'])
  await expect(view.locator('[data-advice="traitement-causes-neurologiques"]').getByTestId('advice-reason')).toHaveText(
    `— apporté par\u00a0: Épilepsie`,
  )
  await previewSettled(view)
  await view.getByRole('button', { name: 'Enregistrer en PDF…' }).click()
  await expect(view.getByTestId('handout-action')).toContainText('fiche-1.pdf')
  const fromForm = pdfText(new Uint8Array(await readFile(join(saveDir, 'fiche-1.pdf'))))
  expect(fromForm).toContain(inPdf(byId('epilepsie').patientExplanation))
  expect(fromForm).toContain(inPdf((advice.find((a) => a.id === 'traitement-causes-neurologiques') as Advice).patientText))
  for (const a of advice.filter((x) => x.id !== 'traitement-causes-neurologiques')) expect(fromForm).not.toContain(inPdf(a.patientText))

  // An advice ticked by hand stays when the causes change; the form says why it is there.
  await adviceBox(view, 'reduire-stress').check()
  await expect(view.locator('[data-advice="reduire-stress"]').getByTestId('advice-reason')).toHaveText('— ajouté à la main')
  await causeBox(view, 'epilepsie').uncheck()
  expect(await ticked(view, 'data-advice')).toEqual(['reduire-stress'])
  await adviceBox(view, 'reduire-stress').uncheck()

  // The same handout from the detail's button, starting from the same empty form.
  await mollet.getByRole('tab', { name: 'Diagnostics différentiels' }).click()
  await mollet.getByRole('tabpanel', { name: 'Diagnostics différentiels' }).locator('tr.entry-row[data-entry="epilepsie"]').click()
  const dialog = mollet.getByRole('dialog', { name: 'Épilepsie' })
  await dialog.getByRole('button', { name: 'Ajouter à la fiche patient' }).click()
  await dialog.getByRole('button', { name: 'Ouvrir la fiche patient' }).click()
  expect(await ticked(view, 'data-cause')).toEqual(['epilepsie'])
  expect(await ticked(view, 'data-advice')).toEqual(['traitement-causes-neurologiques'])
  await previewSettled(view)
  await view.getByRole('button', { name: 'Enregistrer en PDF…' }).click()
  await expect(view.getByTestId('handout-action')).toContainText('fiche-2.pdf')
  expect(pdfText(new Uint8Array(await readFile(join(saveDir, 'fiche-2.pdf'))))).toBe(fromForm)
})

test.describe('a tick box pressed: its preview is made before the release', () => {
  /** The handouts main made (preview, foresight or print), in the order they were made. */
  let made: HandoutDocument[] = []
  /** While set, main's renders wait here (a superseded one still ends at once, as the render thread's do). */
  let gate: { open: Promise<void>; release: () => void } | null = null
  test.use({
    handlerDeps: async ({ renderThread }, use) => {
      made = []
      gate = null
      await use({
        resourcesDir,
        renderPdf: async (doc, dir, signal) => {
          if (gate) {
            const { open } = gate
            await new Promise<void>((resolve, reject) => {
              void open.then(resolve)
              signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
            })
          }
          made.push(doc)
          return renderThread(doc, dir, signal)
        },
      })
    },
  })
  /** The pages as shown, each as a digest of its pixels. */
  const shownPixels = (view: Locator) =>
    view.locator('.pdf-pages canvas').evaluateAll((canvases: HTMLCanvasElement[]) =>
      Promise.all(
        canvases.map(async (c) => {
          const { data } = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height)
          const digest = await crypto.subtle.digest('SHA-256', data)
          return `${c.width}×${c.height} ${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`
        }),
      ),
    )
  /** The pages as drawn when `id` is ticked by a click released at once (nothing drawn ahead), then unticked. */
  async function drawnWhenClicked(view: Locator, id: string): Promise<string[]> {
    await causeBox(view, id).click()
    await previewSettled(view)
    const pixels = await shownPixels(view)
    await causeBox(view, id).click()
    await previewSettled(view)
    return pixels
  }
  const explains = (doc: HandoutDocument | undefined, id: string) =>
    JSON.stringify(doc?.sections).includes(frenchTypography(byId(id).patientExplanation))
  /** Marks the first page's canvas shown now: `redrawn` then tells whether the preview swapped it for a new PDF's. */
  let marks = 0
  const markShown = (view: Locator) =>
    view
      .locator('.pdf-pages canvas')
      .first()
      .evaluate((c, mark) => c.setAttribute('data-shown', mark), String(++marks))
  const redrawn = (view: Locator) =>
    view
      .locator('.pdf-pages canvas')
      .first()
      .evaluate((c, mark) => c.getAttribute('data-shown') !== mark, String(marks))

  test('pressed by the mouse or by Space: the release shows the PDF made during the press, none is made after', async ({ mollet }) => {
    const view = await openHandout(mollet)
    await previewSettled(view)
    for (const [id, press, release] of [
      ['compression-nerveuse', () => mollet.mouse.down(), () => mollet.mouse.up()],
      ['tics', () => mollet.keyboard.down('Space'), () => mollet.keyboard.up('Space')],
    ] as const) {
      const box = causeBox(view, id)
      await (id === 'tics' ? box.focus() : box.hover())
      await markShown(view)
      const before = made.length
      await press()
      await expect.poll(() => made.length).toBe(before + 1)
      expect(explains(made.at(-1), id)).toBe(true)
      // Held until its page in view is drawn out of sight; until the release, nothing changed on screen.
      await expect(view.locator('.pdf-pages[data-drawn-ahead]')).toBeAttached()
      await expect(box).not.toBeChecked()
      expect(await redrawn(view)).toBe(false)
      await release()
      await expect(view.locator('.pdf-pages[data-drawn-ahead]')).not.toBeAttached()
      await expect(box).toBeChecked()
      await expect.poll(() => redrawn(view)).toBe(true)
      await previewSettled(view)
      expect(made).toHaveLength(before + 1)
      // What was drawn during the press is the page of the PDF now made for it.
      const pressed = await shownPixels(view)
      await causeBox(view, id).click()
      await previewSettled(view)
      expect(await drawnWhenClicked(view, id)).toEqual(pressed)
    }
  })

  test('a press let go elsewhere changes nothing; the next tick is made for what the form then holds', async ({ mollet, desktop }) => {
    const view = await openHandout(mollet)
    await previewSettled(view)
    const box = causeBox(view, 'tics')
    await box.hover()
    await markShown(view)
    const before = made.length
    await mollet.mouse.down()
    await expect.poll(() => made.length).toBe(before + 1)
    await expect(view.locator('.pdf-pages[data-drawn-ahead]')).toBeAttached()
    await view.getByRole('heading', { name: 'Fiche patient' }).hover()
    await mollet.mouse.up()
    await expect(box).not.toBeChecked()
    await causeBox(view, 'compression-nerveuse').click()
    await previewSettled(view)
    expect(await redrawn(view)).toBe(true)
    const shown = made.at(-1)
    expect(explains(shown, 'compression-nerveuse')).toBe(true)
    expect(explains(shown, 'tics')).toBe(false)
    await mollet.keyboard.press('Control+p')
    await expect.poll(() => desktop.printed.length, PRINTING).toBe(1)
    expect(pdfText(desktop.printed[0] as Uint8Array)).not.toContain(inPdf(byId('tics').patientExplanation))
    // Nothing of the page drawn during the press let go (« Tics ») is shown.
    const shownNow = await shownPixels(view)
    await causeBox(view, 'compression-nerveuse').click()
    await previewSettled(view)
    expect(await drawnWhenClicked(view, 'compression-nerveuse')).toEqual(shownNow)
  })

  test('a released tick whose PDF was dropped for later presses is asked for again: the preview is never left behind', async ({
    mollet,
  }) => {
    const view = await openHandout(mollet)
    await previewSettled(view)
    let release: () => void = () => undefined
    const open = new Promise<void>((resolve) => {
      release = resolve
    })
    gate = { open, release }
    // Ticked with a press: its PDF is held at the gate.
    await causeBox(view, 'compression-nerveuse').click({ delay: 50 })
    await expect(causeBox(view, 'compression-nerveuse')).toBeChecked()
    // Two presses let go elsewhere: the second drops the oldest foresight, the released tick's.
    for (const id of ['tics', 'epilepsie']) {
      await causeBox(view, id).hover()
      await mollet.mouse.down()
      await view.getByRole('heading', { name: 'Fiche patient' }).hover()
      await mollet.mouse.up()
    }
    await expect(view.getByText('Mise à jour de l’aperçu…')).toBeVisible()
    gate.release()
    await previewSettled(view)
    const shown = made.at(-1)
    expect(explains(shown, 'compression-nerveuse')).toBe(true)
    expect(explains(shown, 'tics') || explains(shown, 'epilepsie')).toBe(false)
  })
})

test('limits are said, never silently applied: a pasted note, a long letterhead, characters the font lacks', async ({
  mollet,
  desktop,
}) => {
  const view = await openHandout(mollet)
  const noteField = view.getByLabel('Note du soignant (facultatif)')
  // A pasted note over 3,000 characters is kept whole and said too long; nothing is printed.
  const pasted = `${'Buvez un grand verre d’eau le matin. '.repeat(100)}FIN-DU-TEXTE`
  await noteField.fill(pasted)
  await expect(noteField).toHaveValue(pasted)
  await expect(view.getByTestId('note-problem')).toHaveText(
    /^La note est trop longue\u00a0: 3\u202f\d{3} caractères pour 3\u202f000 au plus\./u,
  )
  await expect(view.getByText('Aperçu non mis à jour\u00a0: la note dépasse ses limites.')).toBeVisible()
  await view.getByRole('button', { name: 'Imprimer', exact: true }).click()
  await expect(view.getByRole('alert').filter({ hasText: 'Aperçu' })).toHaveCount(0)
  await expect(view.getByRole('alert').filter({ hasText: 'La note est trop longue' })).toHaveCount(2)
  expect(desktop.printedPages).toEqual([])

  // Symbols the font lacks: the form names them, and printing refuses until they go.
  await noteField.fill('Paracétamol : ≤ 3 g/j')
  await expect(view.getByTestId('unprintable')).toContainText('≤')
  await previewSettled(view)
  await view.getByRole('button', { name: 'Imprimer', exact: true }).click()
  await expect(view.getByRole('alert').filter({ hasText: 'que sa police ne peut pas imprimer' })).toContainText('≤')
  expect(desktop.printedPages).toEqual([])
  await noteField.fill('Paracétamol : au plus 3 g/j')
  await previewSettled(view)
  await view.getByRole('button', { name: 'Imprimer', exact: true }).click()
  await expect.poll(() => desktop.printedPages.length, PRINTING).toBe(1)

  // A letterhead past the handout's bounds cannot be saved, and says why.
  await view.getByLabel('Adresse').fill(Array.from({ length: 7 }, (_, i) => `Dr Martin ${i}`).join('\n'))
  await expect(view.getByTestId('letterhead-problem')).toHaveText(
    'L’adresse du cabinet compte trop de lignes pour la fiche\u00a0: 6 au plus.',
  )
  await expect(view.getByRole('button', { name: 'Enregistrer l’en-tête' })).toBeDisabled()
})

for (const scheme of ['light', 'dark'] as const) {
  test(`no WCAG A/AA violation in the Fiche patient view (${scheme})`, async ({ mollet }) => {
    await mollet.emulateMedia({ colorScheme: scheme })
    const view = await openHandout(mollet)
    await view.getByLabel('Nom du cabinet').fill('Cabinet')
    await view.getByRole('button', { name: 'Enregistrer l’en-tête' }).click()
    await expect(view.getByText('En-tête enregistré.')).toBeVisible()
    await view.getByRole('button', { name: 'Enregistrer en PDF…' }).click()
    await expect(view.getByTestId('handout-action')).toContainText('Fiche enregistrée')
    await previewSettled(view)
    await causeBox(view, 'deshydratation').focus()
    const result = await new AxeBuilder({ page: mollet }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  })
}
