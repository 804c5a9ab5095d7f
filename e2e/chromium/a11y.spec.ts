// Accessibility of the tables, the detail dialog, the orientation view (findings,
// ranked rows, red-flag and reassurance banners, the copied note), the shortcuts dialog and the
// banners, light and dark, checked by axe-core against WCAG 2.1 A and AA
// (contrast included).
import AxeBuilder from '@axe-core/playwright'
import { readFileSync } from 'node:fs'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Finding } from '../../shared/kb/types'
import { test, expect, resourcesDir } from '../harness/fixtures'

const redFlagIds = (JSON.parse(readFileSync(join(resourcesDir, 'knowledge', 'findings.json'), 'utf8')) as Finding[])
  .filter((f) => f.redFlag)
  .map((f) => f.id)

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no WCAG A/AA violation in the tables and the detail (${scheme})`, async ({ mollet }) => {
    await mollet.emulateMedia({ colorScheme: scheme })
    const causes = mollet.getByRole('tabpanel', { name: 'Causes', exact: true })
    await expect(causes.locator('tr.entry-row').first()).toBeVisible()
    await causes.getByRole('group', { name: 'Gravité' }).getByRole('checkbox').first().check()
    expect(await violations(mollet)).toEqual([])

    await causes.getByRole('searchbox').fill('zzzz')
    await expect(causes.getByText('Aucun résultat')).toBeVisible()
    expect(await violations(mollet)).toEqual([])
    await causes.getByRole('cell').getByRole('button', { name: 'Effacer les filtres' }).click()

    await mollet.getByRole('tab', { name: 'Diagnostics différentiels' }).click()
    const differentials = mollet.getByRole('tabpanel', { name: 'Diagnostics différentiels' })
    await differentials.locator('tr.entry-row').first().click()
    const dialog = mollet.getByRole('dialog')
    await dialog.getByText('Voir le passage dans l’article').first().click()
    expect(await violations(mollet)).toEqual([])
  })

  test(`no WCAG A/AA violation in the orientation view and its red-flag banner (${scheme})`, async ({ mollet }) => {
    // Each axe run over the findings panel (three radios per finding) and the rows takes seconds.
    test.slow()
    await mollet.emulateMedia({ colorScheme: scheme })
    await mollet.getByRole('tab', { name: 'Orientation' }).click()
    const view = mollet.getByRole('tabpanel', { name: 'Orientation' })
    await expect(view.locator('tr.entry-row').first()).toBeVisible()
    expect(await violations(mollet)).toEqual([])

    const mark = (id: string, state: string) => view.locator(`[data-finding="${id}"]`).getByRole('radio', { name: state }).check()
    await mark('douleur-mollet', 'Présent')
    await mark('picotements', 'Présent')
    await mark('tout-le-corps', 'Absent')
    await expect(view.getByRole('alert')).toBeVisible()
    await view.getByRole('button', { name: 'Afficher' }).click()
    // Focus on a finding and on a row, so that their focus styles are checked too.
    await view.locator('[data-finding="picotements"]').getByRole('radio', { name: 'Présent' }).focus()
    expect(await violations(mollet)).toEqual([])
    await view.locator('tr.entry-row').first().focus()
    expect(await violations(mollet)).toEqual([])
  })

  test(`no WCAG A/AA violation in the reassurance, the detail from orientation and the shortcuts (${scheme})`, async ({ mollet }) => {
    test.slow()
    await mollet.emulateMedia({ colorScheme: scheme })
    await mollet.getByRole('tab', { name: 'Orientation' }).click()
    const view = mollet.getByRole('tabpanel', { name: 'Orientation' })
    await view.locator('[data-finding="apres-effort"]').getByRole('radio', { name: 'Présent' }).check()
    await expect(view.getByTestId('reassurance-pending')).toBeVisible()
    expect(await violations(mollet)).toEqual([])
    for (const f of redFlagIds) await view.locator(`[data-finding="${f}"]`).getByRole('radio', { name: 'Absent' }).check()
    await expect(view.getByTestId('reassurance')).toBeVisible()
    await view.getByRole('button', { name: 'Copier pour le dossier' }).click()
    await expect(view.getByTestId('copied-note')).toBeVisible()
    expect(await violations(mollet)).toEqual([])

    await view.locator('tr.entry-row').first().click()
    await expect(mollet.getByRole('dialog')).toBeVisible()
    expect(await violations(mollet)).toEqual([])
    await mollet.keyboard.press('Escape')

    await mollet.keyboard.press('?')
    await expect(mollet.getByRole('dialog', { name: 'Raccourcis clavier' })).toBeVisible()
    expect(await violations(mollet)).toEqual([])
  })

  test(`no WCAG A/AA violation in the IPC error state (${scheme})`, async ({ mollet, server }) => {
    await mollet.emulateMedia({ colorScheme: scheme })
    await mollet.goto(`${server.origin.replace('127.0.0.1', 'localhost')}/index.html`)
    await expect(mollet.getByRole('alert')).toBeVisible()
    expect(await violations(mollet)).toEqual([])
  })
}

test.describe('with a broken knowledge-base file', () => {
  test.use({
    handlerDeps: async ({}, use) => {
      const dir = await mkdtemp(join(tmpdir(), 'mollet-a11y-'))
      await cp(resourcesDir, dir, { recursive: true })
      await writeFile(join(dir, 'knowledge', 'findings.json'), '[')
      await use({ resourcesDir: dir })
      await rm(dir, { recursive: true, force: true })
    },
  })

  for (const scheme of ['light', 'dark'] as const) {
    test(`no WCAG A/AA violation in the problems banner (${scheme})`, async ({ mollet }) => {
      await mollet.emulateMedia({ colorScheme: scheme })
      const banner = mollet.getByRole('alert')
      await expect(banner).toContainText('findings.json')
      await banner.getByRole('button', { name: /^Afficher/ }).click()
      expect(await violations(mollet)).toEqual([])
    })
  }
})
