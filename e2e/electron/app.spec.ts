// Runs the real app in Electron wherever an Electron binary exists.
import { _electron as electron, type ElectronApplication } from '@playwright/test'
import { test, expect, repoRoot } from '../harness/fixtures'
import { findElectronBinary } from './binary'
import { pdfInfo } from '../../test/handout/pdf-tools'

const binary = findElectronBinary()
if ('reason' in binary) console.log(`Electron e2e skipped: ${binary.reason}.`)

test.describe('Electron', () => {
  test.skip('reason' in binary, 'reason' in binary ? binary.reason : '')

  let app: ElectronApplication
  test.beforeEach(async ({ userDataDir }) => {
    app = await electron.launch({
      args: ['out/main/index.js', `--user-data-dir=${userDataDir}`],
      cwd: repoRoot,
    })
  })
  test.afterEach(async () => {
    await app.close()
  })

  test('opens the window on app:// with the hardened web preferences', async () => {
    const page = await app.firstWindow()
    await expect(page).toHaveTitle(/Mollet/)
    expect(page.url()).toBe('app://mollet/index.html')
    // Electron exposes no getter for web preferences: check their effects in the page.
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      mollet: Object.keys(window.mollet).length > 0,
    }))
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', mollet: true })
  })

  test('serves the knowledge base over IPC and lists the causes', async () => {
    const page = await app.firstWindow()
    const result = await page.evaluate(() => window.mollet.loadKnowledgeBase())
    expect(result.ok && result.value.problems).toEqual([])
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Mollet')
  })

  test('prints the handout through the print document, without the PDF plugin: one sheet for each page of the handout', async () => {
    test.setTimeout(90_000)
    const page = await app.firstWindow()
    // The system's print dialog cannot be answered from a test: window.print()
    // is observed, then Electron prints the same window to PDF (print media).
    await page.evaluate(() => {
      const seen = window as unknown as { __prints: number }
      seen.__prints = 0
      window.print = () => {
        seen.__prints += 1
      }
    })
    await page.getByRole('tab', { name: 'Fiche patient' }).click()
    const view = page.getByRole('tabpanel', { name: 'Fiche patient' })
    await expect(view.getByText('Aperçu à jour.')).toBeVisible({ timeout: 30_000 })
    await view.getByRole('button', { name: 'Imprimer', exact: true }).click()
    await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints), { timeout: 30_000 }).toBe(1)
    const pages = Number(await page.getByTestId('print-document').getAttribute('data-pages'))
    const printed = await app.evaluate(async ({ BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows()[0]
      return win ? Array.from(await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true })) : []
    })
    expect(pages).toBeGreaterThanOrEqual(1)
    expect(pdfInfo(new Uint8Array(printed)).pages).toBe(pages)
  })

  test('« Fichier › Nouveau patient » of the real menu empties the patient’s name', async () => {
    const page = await app.firstWindow()
    await page.getByRole('tab', { name: 'Fiche patient' }).click()
    const name = page.getByRole('tabpanel', { name: 'Fiche patient' }).getByLabel('Nom du patient (facultatif)')
    await name.fill('M. Karim Ben Saïd')
    await app.evaluate(({ Menu }) => {
      const file = Menu.getApplicationMenu()?.items.find((item) => item.label === 'Fichier')
      file?.submenu?.items.find((item) => item.label === 'Nouveau patient')?.click()
    })
    await expect(page.getByTestId('new-patient-status')).toContainText('patient précédent est effacé')
    await page.getByRole('tab', { name: 'Fiche patient' }).click()
    await expect(name).toHaveValue('')
  })

  test('denies window.open and navigation away from the app', async () => {
    const page = await app.firstWindow()
    expect(await page.evaluate(() => window.open('https://example.org') === null)).toBe(true)
    await page.evaluate(() => {
      location.href = 'https://example.org/'
    })
    await page.waitForTimeout(300)
    expect(page.url()).toBe('app://mollet/index.html')
  })
})
