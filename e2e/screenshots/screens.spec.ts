// `npm run screenshots`: a PNG of each screen, light and dark, in
// artifacts/screenshots/ (git-ignored), so the UI can be seen without Electron.
import { execFileSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { installBridge, recordingDesktop, test, expect, repoRoot, resourcesDir } from '../harness/fixtures'

const outDir = join(repoRoot, 'artifacts', 'screenshots')
const SCHEMES = ['light', 'dark'] as const

async function shoot(page: Page, screen: string, scheme: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: join(outDir, `${screen}-${scheme}.png`), fullPage: true })
}

async function ready(page: Page, scheme: (typeof SCHEMES)[number]): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme })
  await expect(page.locator('tr.entry-row').first()).toBeVisible()
}

for (const scheme of SCHEMES) {
  test.describe(`${scheme}`, () => {
    test(`causes, differentials, filtered, no result and detail (${scheme})`, async ({ mollet }) => {
      await ready(mollet, scheme)
      await shoot(mollet, 'causes', scheme)

      await mollet.getByRole('tab', { name: 'Diagnostics différentiels' }).click()
      await shoot(mollet, 'differentials', scheme)

      await mollet.getByRole('tab', { name: 'Causes', exact: true }).click()
      const causes = mollet.getByRole('tabpanel', { name: 'Causes', exact: true })
      await causes.getByRole('group', { name: 'Gravité' }).getByRole('checkbox').first().check()
      await causes.getByRole('columnheader', { name: /Nom/ }).getByRole('button').click()
      await shoot(mollet, 'filtered', scheme)

      await causes.getByRole('searchbox').fill('sclerose')
      await expect(causes.getByText('Aucun résultat')).toBeVisible()
      await shoot(mollet, 'no-result', scheme)

      await causes.getByRole('cell').getByRole('button', { name: 'Effacer les filtres' }).click()
      await causes.locator('tr.entry-row').first().click()
      const dialog = mollet.getByRole('dialog')
      await expect(dialog).toBeVisible()
      // « Que faire » and the quotes come when the detail opens.
      await expect(dialog.locator('[aria-busy="true"]')).toHaveCount(0)
      await mollet.screenshot({ path: join(outDir, `detail-${scheme}.png`) })
      await dialog.getByText('Voir le passage dans l’article').first().click()
      await dialog.locator('mark').first().scrollIntoViewIfNeeded()
      await mollet.screenshot({ path: join(outDir, `detail-source-${scheme}.png`) })
    })
  })
}

/** Marks one finding of the Orientation view ("Présent" or "Absent"). */
async function mark(page: Page, findingId: string, state: 'Présent' | 'Absent'): Promise<void> {
  await page.locator(`[data-finding="${findingId}"]`).getByRole('radio', { name: state }).check()
}

for (const scheme of SCHEMES) {
  test(`orientation: nothing marked, pain and tingling, effort alone, shortcuts (${scheme})`, async ({ mollet }) => {
    await ready(mollet, scheme)
    await mollet.getByRole('tab', { name: 'Orientation' }).click()
    const view = mollet.getByRole('tabpanel', { name: 'Orientation' })
    await expect(view.locator('tr.entry-row').first()).toBeVisible()
    await shoot(mollet, 'orientation', scheme)

    await mark(mollet, 'douleur-mollet', 'Présent')
    await mark(mollet, 'picotements', 'Présent')
    await expect(view.getByRole('alert')).toBeVisible()
    await shoot(mollet, 'orientation-red-flags', scheme)

    await view.getByRole('button', { name: 'Tout effacer' }).click()
    await mark(mollet, 'contractions-frequentes', 'Présent')
    await expect(view.getByRole('alert')).toBeVisible()
    await shoot(mollet, 'orientation-frequent', scheme)

    await view.getByRole('button', { name: 'Tout effacer' }).click()
    await mark(mollet, 'apres-effort', 'Présent')
    await expect(view.getByTestId('reassurance-pending')).toBeVisible()
    await shoot(mollet, 'orientation-effort-pending', scheme)
    for (const id of await view
      .locator('[data-finding]')
      .evaluateAll((els) => els.filter((el) => el.querySelector('.flag')).map((el) => el.getAttribute('data-finding') ?? ''))) {
      await mark(mollet, id, 'Absent')
    }
    await expect(view.getByRole('status').filter({ hasText: 'bénignes' })).toBeVisible()
    await shoot(mollet, 'orientation-effort', scheme)

    await view.getByRole('button', { name: 'Copier pour le dossier' }).click()
    await expect(view.getByTestId('copied-note')).toBeVisible()
    await shoot(mollet, 'orientation-copied', scheme)
    await mollet.setViewportSize({ width: 900, height: 600 })
    await mollet.screenshot({ path: join(outDir, `orientation-copied-900x600-${scheme}.png`) })
    await mark(mollet, 'douleur-mollet', 'Présent')
    await mollet.screenshot({ path: join(outDir, `orientation-red-flags-900x600-${scheme}.png`) })
    await view.getByRole('searchbox').fill('méningite')
    await view.locator('tr[data-entry="meningite"]').click()
    await expect(mollet.getByRole('dialog', { name: 'Méningite' })).toBeVisible()
    await expect(mollet.getByRole('dialog').locator('[aria-busy="true"]')).toHaveCount(0)
    await mollet.screenshot({ path: join(outDir, `detail-graded-by-group-900x600-${scheme}.png`) })
    await mollet.getByTestId('group-statements').scrollIntoViewIfNeeded()
    await mollet.screenshot({ path: join(outDir, `detail-groups-900x600-${scheme}.png`) })
    await mollet.keyboard.press('Escape')
    await mollet.setViewportSize({ width: 1280, height: 840 })

    await mollet.keyboard.press('?')
    await expect(mollet.getByRole('dialog', { name: 'Raccourcis clavier' })).toBeVisible()
    await mollet.screenshot({ path: join(outDir, `shortcuts-${scheme}.png`) })
  })
}

/** Opens the Fiche patient view and waits for its preview to be drawn and up to date. */
async function handoutView(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Fiche patient' }).click()
  const view = page.getByRole('tabpanel', { name: 'Fiche patient' })
  await expect(view.locator('.pdf-pages canvas').first()).toBeVisible({ timeout: 20_000 })
  await expect(view.getByText('Aperçu à jour.')).toBeVisible({ timeout: 10_000 })
  await expect(view.locator('.pdf-preview')).toHaveAttribute('aria-busy', 'false', { timeout: 10_000 })
  return view
}

async function fillLetterhead(view: Locator): Promise<void> {
  await view.getByLabel('Nom du cabinet').fill('Cabinet médical des Tilleuls')
  await view.getByLabel('Adresse').fill('3 place du Marché\n69002 Lyon')
  await view.getByLabel('Téléphone').fill('04 12 34 56 78')
  await view.getByRole('button', { name: 'Enregistrer l’en-tête' }).click()
  await expect(view.getByText('En-tête enregistré.')).toBeVisible()
}

for (const scheme of SCHEMES) {
  test(`fiche patient (${scheme})`, async ({ mollet }) => {
    test.setTimeout(60_000)
    await ready(mollet, scheme)
    const view = await handoutView(mollet)
    await fillLetterhead(view)
    await view.getByLabel('Nom du patient (facultatif)').fill('Mme Jeanne Martin')
    await expect(view.getByText('Aperçu à jour.')).toBeVisible({ timeout: 10_000 })
    await expect(view.locator('.pdf-preview')).toHaveAttribute('aria-busy', 'false', { timeout: 10_000 })
    await mollet.screenshot({ path: join(outDir, `handout-${scheme}.png`) })
    await shoot(mollet, 'handout-full', scheme)

    // What the form says of an advice, a note past its limit, characters the font lacks:
    // at the window's minimum size and at 200 % zoom (a 640 × 420 CSS-pixel viewport, twice as dense).
    await view.locator('[data-cause="epilepsie"]').getByRole('checkbox').check()
    await view.getByLabel('Note du soignant (facultatif)').fill(`${'Revenez me voir.\n'.repeat(40)}Merci 🙏 שלום`)
    await expect(view.getByTestId('note-problem')).toBeVisible()
    await view.getByLabel('Note du soignant (facultatif)').fill('Merci 🙏 שלום')
    await expect(view.getByTestId('unprintable')).toBeVisible({ timeout: 10_000 })
    for (const [label, size] of [
      ['900x600', { width: 900, height: 600 }],
      ['640x420', { width: 640, height: 420 }],
    ] as const) {
      await mollet.setViewportSize(size)
      await view.locator('[data-advice="traitement-causes-neurologiques"]').scrollIntoViewIfNeeded()
      await mollet.screenshot({ path: join(outDir, `handout-advice-${label}-${scheme}.png`) })
      await view.getByTestId('unprintable').scrollIntoViewIfNeeded()
      await mollet.screenshot({ path: join(outDir, `handout-unprintable-${label}-${scheme}.png`) })
    }
    await mollet.setViewportSize({ width: 1280, height: 840 })
  })
}

test('fiche patient at 200 % zoom (light)', async ({ browser, server, renderThread }, testInfo) => {
  // A real 200 % zoom: device scale factor 2 in a 640 × 420 CSS-pixel window (1280 × 840 device pixels).
  test.setTimeout(60_000)
  const context = await browser.newContext({ viewport: { width: 640, height: 420 }, deviceScaleFactor: 2, locale: 'fr-FR' })
  const page = await context.newPage()
  const userDataDir = await mkdtemp(join(tmpdir(), 'mollet-zoom-'))
  await installBridge(page, server, {
    resourcesDir,
    userDataDir,
    desktop: recordingDesktop(testInfo.outputDir),
    renderPdf: renderThread,
  })
  await page.goto(`${server.origin}/index.html`)
  const view = await handoutView(page)
  await page.screenshot({ path: join(outDir, 'handout-zoom200-light.png') })
  await view.locator('[data-advice="boire-suffisamment"]').scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(outDir, 'handout-zoom200-advice-light.png') })
  await context.close()
  await rm(userDataDir, { recursive: true, force: true })
})

// The standard and the large-print handout, saved through the app (the real
// handlers; the save dialog of the recording desktop answers a path here), and
// their pages as PNG (pdftoppm, 80 dpi) in artifacts/handout/.
test('the standard and the large-print handout, as PDF and PNG pages', async ({ mollet, desktop }) => {
  test.setTimeout(120_000)
  const handoutDir = join(repoRoot, 'artifacts', 'handout')
  await rm(handoutDir, { recursive: true, force: true })
  await mkdir(handoutDir, { recursive: true })
  await expect(mollet.locator('tr.entry-row').first()).toBeVisible()
  const view = await handoutView(mollet)
  await fillLetterhead(view)
  await view.getByLabel('Nom du patient (facultatif)').fill('Mme Jeanne Martin')
  await view.getByLabel('Note du soignant (facultatif)').fill('Prochain rendez-vous\u00a0: mardi 9 h 30.')
  for (const [name, largePrint] of [
    ['fiche-standard', false],
    ['fiche-gros-caracteres', true],
  ] as const) {
    await view.getByRole('checkbox', { name: 'Gros caractères (14 pt)' }).setChecked(largePrint)
    const pdf = join(handoutDir, `${name}.pdf`)
    desktop.nextSavePath = () => pdf
    await view.getByRole('button', { name: 'Enregistrer en PDF…' }).click()
    await expect(view.getByTestId('handout-action')).toHaveText(`Fiche enregistrée\u00a0: ${pdf}`)
    execFileSync('pdftoppm', ['-png', '-r', '80', pdf, join(handoutDir, name)])
  }
  const pngs = (await readdir(handoutDir)).filter((f) => f.endsWith('.png'))
  expect(pngs.filter((f) => f.startsWith('fiche-standard-')).length).toBeGreaterThanOrEqual(1)
  expect(pngs.filter((f) => f.startsWith('fiche-gros-caracteres-')).length).toBeGreaterThanOrEqual(1)
})

test.describe('broken knowledge base', () => {
  test.use({
    handlerDeps: async ({}, use) => {
      const dir = await mkdtemp(join(tmpdir(), 'mollet-shots-'))
      await cp(resourcesDir, dir, { recursive: true })
      const file = join(dir, 'knowledge', 'causes.json')
      const causes = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>[]
      causes[1] = { ...causes[1], seriousness: 'peut-etre' }
      await writeFile(file, JSON.stringify(causes))
      await writeFile(join(dir, 'knowledge', 'topics.json'), '[{ "id": "crampes", ')
      await use({ resourcesDir: dir })
      await rm(dir, { recursive: true, force: true })
    },
  })

  for (const scheme of SCHEMES) {
    test(`the problems banner (${scheme})`, async ({ mollet }) => {
      await ready(mollet, scheme)
      await expect(mollet.getByRole('alert')).toBeVisible()
      await shoot(mollet, 'broken-kb', scheme)
    })
  }
})

// Every view at the window's minimum size (900 × 600) and at 200 % zoom (device scale factor 2 in a
// 640 × 420 CSS-pixel window), light and dark: where a view is most likely to be cut off or crowded.
for (const scheme of SCHEMES) {
  for (const [label, size, scale] of [
    ['900x600', { width: 900, height: 600 }, 1],
    ['zoom200', { width: 640, height: 420 }, 2],
  ] as const) {
    test(`every view at ${label} (${scheme})`, async ({ browser, server, renderThread }, testInfo) => {
      test.setTimeout(90_000)
      const context = await browser.newContext({ viewport: size, deviceScaleFactor: scale, locale: 'fr-FR', colorScheme: scheme })
      const page = await context.newPage()
      const userDataDir = await mkdtemp(join(tmpdir(), 'mollet-sizes-'))
      await installBridge(page, server, {
        resourcesDir,
        userDataDir,
        desktop: recordingDesktop(testInfo.outputDir),
        renderPdf: renderThread,
      })
      await page.goto(`${server.origin}/index.html`)
      await expect(page.locator('tr.entry-row').first()).toBeVisible()
      await page.screenshot({ path: join(outDir, `sizes-causes-${label}-${scheme}.png`) })
      await page.getByRole('tab', { name: 'Diagnostics différentiels' }).click()
      await page.screenshot({ path: join(outDir, `sizes-differentials-${label}-${scheme}.png`) })
      await page.getByRole('tab', { name: 'Orientation' }).click()
      await page.locator('[data-finding="frissons"]').getByRole('radio', { name: 'Présent' }).check()
      await page.locator('[data-finding="douleur-mollet"]').getByRole('radio', { name: 'Présent' }).check()
      await page.locator('[data-finding="frissons"]').scrollIntoViewIfNeeded()
      await page.screenshot({ path: join(outDir, `sizes-orientation-${label}-${scheme}.png`) })
      await page.getByRole('tab', { name: 'Fiche patient' }).click()
      const view = page.getByRole('tabpanel', { name: 'Fiche patient' })
      await expect(view.getByText('Aperçu à jour.')).toBeVisible({ timeout: 20_000 })
      await view.getByLabel('Téléphone').scrollIntoViewIfNeeded()
      await page.screenshot({ path: join(outDir, `sizes-handout-${label}-${scheme}.png`) })
      await page.getByRole('tab', { name: 'Causes', exact: true }).click()
      await page.locator('tr.entry-row').first().click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await expect(page.getByRole('dialog').locator('[aria-busy="true"]')).toHaveCount(0)
      await page.screenshot({ path: join(outDir, `sizes-detail-${label}-${scheme}.png`) })
      await context.close()
      await rm(userDataDir, { recursive: true, force: true })
    })
  }
}

// Two patients in a row: A with red flags (the Fiche patient's plan, the handout as PNG pages,
// opening on the referral), then « Nouveau patient » with its « Annuler » line, at 1280 × 840
// and 900 × 600.
for (const [label, size] of [
  ['1280x840', { width: 1280, height: 840 }],
  ['900x600', { width: 900, height: 600 }],
] as const) {
  test(`new patient after a red-flag patient at ${label}`, async ({ mollet, desktop }) => {
    test.setTimeout(90_000)
    await mollet.setViewportSize(size)
    await expect(mollet.locator('tr.entry-row').first()).toBeVisible()
    await mollet.getByRole('tab', { name: 'Orientation' }).click()
    await mark(mollet, 'apres-effort', 'Présent')
    await mark(mollet, 'picotements', 'Présent')
    await mark(mollet, 'douleur-jambe-dos', 'Présent')
    const view = await handoutView(mollet)
    await view.getByLabel('Nom du patient (facultatif)').fill('M. Karim Ben Saïd')
    await view.getByLabel('Note du soignant (facultatif)').fill('IRM lombaire demandée. Revoir avec le résultat.')
    await expect(view.getByText('Aperçu à jour.')).toBeVisible({ timeout: 15_000 })
    await mollet.screenshot({ path: join(outDir, `consultation-a-handout-${label}.png`) })
    await view.getByTestId('handout-plan').scrollIntoViewIfNeeded()
    await mollet.screenshot({ path: join(outDir, `consultation-a-plan-${label}.png`) })
    if (label === '1280x840') {
      const handoutDir = join(repoRoot, 'artifacts', 'handout')
      await mkdir(handoutDir, { recursive: true })
      const pdf = join(handoutDir, 'fiche-signe-alerte.pdf')
      desktop.nextSavePath = () => pdf
      await view.getByRole('button', { name: 'Enregistrer en PDF…' }).click()
      await expect(view.getByTestId('handout-action')).toHaveText(`Fiche enregistrée\u00a0: ${pdf}`)
      execFileSync('pdftoppm', ['-png', '-r', '80', pdf, join(handoutDir, 'fiche-signe-alerte')])
    }
    await mollet.getByRole('button', { name: /Nouveau patient/ }).click()
    await expect(mollet.getByTestId('new-patient-status')).not.toBeEmpty()
    await mollet.screenshot({ path: join(outDir, `consultation-b-start-${label}.png`) })
    await mollet.getByRole('tab', { name: 'Fiche patient' }).click()
    await expect(mollet.getByRole('tabpanel', { name: 'Fiche patient' }).getByText('Aperçu à jour.')).toBeVisible({ timeout: 15_000 })
    await mollet.screenshot({ path: join(outDir, `consultation-b-handout-${label}.png`) })
  })
}
