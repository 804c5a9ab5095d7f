// The content update's screens, for a person to look at: the diff
// of a newer pack, a refused one, « À propos du contenu », at 1280 × 840,
// 900 × 600 and 200 % zoom. PNGs in artifacts/screenshots/ (git-ignored).
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { installBridge, recordingDesktop, repoRoot, resourcesDir, sendMenuCommand, test, expect } from '../harness/fixtures'
import { writeSamplePacks } from '../../test/pack/helpers'

const outDir = join(repoRoot, 'artifacts', 'screenshots')
const SIZES = [
  { label: '1280x840', viewport: { width: 1280, height: 840 }, deviceScaleFactor: 1 },
  { label: '900x600', viewport: { width: 900, height: 600 }, deviceScaleFactor: 1 },
  // 200 % zoom: twice as dense in a 640 × 420 CSS-pixel window.
  { label: 'zoom200', viewport: { width: 640, height: 420 }, deviceScaleFactor: 2 },
]

let work: string
let keysDir: string
let newer: string
let tampered: string

test.beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mollet-shots-packs-'))
  ;({ keysDir, newer, tampered } = await writeSamplePacks(work))
  await mkdir(outDir, { recursive: true })
})

test.afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

for (const size of SIZES) {
  test(`content update screens at ${size.label}`, async ({ browser, server, renderThread }) => {
    const context = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor, locale: 'fr-FR' })
    const page: Page = await context.newPage()
    const userDataDir = await mkdtemp(join(work, 'ud-'))
    const desktop = recordingDesktop(userDataDir)
    await installBridge(page, server, { resourcesDir, trustedKeyDirs: [keysDir], userDataDir, desktop, renderPdf: renderThread })
    await page.goto(`${server.origin}/index.html`)
    await expect(page.locator('tr.entry-row').first()).toBeVisible()

    desktop.nextOpenPath = newer
    await sendMenuCommand(page, 'update-content')
    const update = page.getByRole('dialog', { name: 'Mettre à jour le contenu' })
    await expect(update.getByRole('button', { name: 'Installer' })).toBeVisible()
    await page.screenshot({ path: join(outDir, `content-update-${size.label}-light.png`) })
    await update.getByRole('button', { name: 'Installer' }).click()
    await expect(update).toBeHidden()

    await sendMenuCommand(page, 'about-content')
    const about = page.getByRole('dialog', { name: 'À propos du contenu' })
    await expect(about).toBeVisible()
    await page.screenshot({ path: join(outDir, `content-about-${size.label}-light.png`) })
    await page.keyboard.press('Escape')
    await expect(about).toBeHidden()

    desktop.nextOpenPath = tampered
    await sendMenuCommand(page, 'update-content')
    await expect(page.getByRole('dialog', { name: 'Ce paquet est refusé\u00a0: le contenu actuel est conservé.' })).toBeVisible()
    await page.screenshot({ path: join(outDir, `content-refused-${size.label}-light.png`) })
    await context.close()
  })
}
