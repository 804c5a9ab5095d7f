// `npm run screenshots`: a PNG of each screen, light and dark, in
// artifacts/screenshots/ (git-ignored), so the UI can be seen without Electron.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, repoRoot, resourcesDir } from '../harness/fixtures'

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
    await mark(mollet, 'apres-effort', 'Présent')
    await expect(view.getByRole('status').filter({ hasText: 'bénignes' })).toBeVisible()
    await shoot(mollet, 'orientation-effort', scheme)

    await mollet.keyboard.press('?')
    await expect(mollet.getByRole('dialog', { name: 'Raccourcis clavier' })).toBeVisible()
    await mollet.screenshot({ path: join(outDir, `shortcuts-${scheme}.png`) })
  })
}

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
