// The view, search and filters live in the URL hash: Back and Forward walk
// through them, a reload or a pasted hash restores them. The patient's
// findings do not: they are the consultation's, in no URL or history entry.
// The app reopens on the last view, search and filters saved in the
// settings, never on the patient's findings.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, sendMenuCommand } from '../harness/fixtures'

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true })
const panel = (page: Page, name: string) => page.getByRole('tabpanel', { name, exact: true })
const radio = (page: Page, finding: string, state: 'Présent' | 'Absent' | 'Inconnu') =>
  page.locator(`[data-finding="${finding}"]`).getByRole('radio', { name: state })

async function savedLastView(userDataDir: string): Promise<string | null> {
  try {
    const settings = JSON.parse(await readFile(join(userDataDir, 'settings.json'), 'utf8')) as {
      preferences: { lastView: string }
    }
    return settings.preferences.lastView
  } catch {
    return null
  }
}

test('Back and Forward walk through the views; the findings stay the consultation’s, in no URL', async ({ mollet }) => {
  await expect(panel(mollet, 'Causes').locator('tr.entry-row').first()).toBeVisible()
  await tab(mollet, 'Orientation').click()
  await radio(mollet, 'douleur-mollet', 'Présent').check()
  await radio(mollet, 'picotements', 'Présent').check()
  await expect(mollet.getByRole('alert')).toBeVisible()
  await expect(mollet).toHaveURL(/#view=orientation$/)

  await mollet.goBack()
  await expect(tab(mollet, 'Causes')).toHaveAttribute('aria-selected', 'true')
  await expect(panel(mollet, 'Causes')).toBeVisible()
  await mollet.goForward()
  await expect(tab(mollet, 'Orientation')).toHaveAttribute('aria-selected', 'true')
  await expect(radio(mollet, 'douleur-mollet', 'Présent')).toBeChecked()
  await expect(radio(mollet, 'picotements', 'Présent')).toBeChecked()
})

test('marking findings and typing a search add no history entry', async ({ mollet }) => {
  await tab(mollet, 'Orientation').click()
  const view = panel(mollet, 'Orientation')
  await expect(view.locator('tr.entry-row').first()).toBeVisible()
  const length = () => mollet.evaluate(() => window.history.length)
  const start = await length()
  await radio(mollet, 'stress', 'Présent').check()
  await radio(mollet, 'stress', 'Absent').check()
  await radio(mollet, 'fievre', 'Présent').check()
  await view.getByRole('searchbox').pressSequentially('stres')
  await expect(view.locator('tr.entry-row')).not.toHaveCount(0)
  await expect(mollet).toHaveURL(/q=stres/)
  expect(mollet.url()).not.toMatch(/stress|fievre|present|absent/u)
  expect(await length()).toBe(start)
})

test('filters are history entries; a reload and a pasted hash restore view, search and filters, never findings', async ({
  mollet,
  server,
}) => {
  const causes = panel(mollet, 'Causes')
  await expect(causes.locator('tr.entry-row').first()).toBeVisible()
  const grave = causes.getByRole('group', { name: 'Gravité' }).getByRole('checkbox').first()
  await grave.check()
  await expect(mollet).toHaveURL(/f\.seriousness=/)
  const filtered = await causes.locator('tr.entry-row').count()
  await mollet.goBack()
  await expect(grave).not.toBeChecked()
  await mollet.goForward()
  await expect(grave).toBeChecked()
  await mollet.reload()
  await expect(grave).toBeChecked()
  await expect(causes.locator('tr.entry-row')).toHaveCount(filtered)

  await mollet.goto(`${server.origin}/index.html#view=orientation&q=hernie&present=douleur-mollet,picotements`)
  const view = panel(mollet, 'Orientation')
  await expect(tab(mollet, 'Orientation')).toHaveAttribute('aria-selected', 'true')
  await expect(view.getByRole('searchbox')).toHaveValue('hernie')
  // A pasted hash cannot mark a patient's findings.
  await expect(radio(mollet, 'douleur-mollet', 'Inconnu')).toBeChecked()
  await expect(radio(mollet, 'picotements', 'Inconnu')).toBeChecked()
  await expect(view.getByRole('alert')).toHaveCount(0)
  await expect(view.locator('tr.entry-row').first()).toHaveAttribute('data-entry', 'hernie-discale-lombaire')
})

test('each view keeps its own search', async ({ mollet }) => {
  const causes = panel(mollet, 'Causes')
  await causes.getByRole('searchbox').fill('stress')
  await tab(mollet, 'Diagnostics différentiels').click()
  await expect(panel(mollet, 'Diagnostics différentiels').getByRole('searchbox')).toHaveValue('')
  await mollet.goBack()
  await expect(causes.getByRole('searchbox')).toHaveValue('stress')
})

test('a search typed just before Back is kept in its history entry', async ({ mollet }) => {
  // The hash takes the search once typing pauses (useUrlState): the app's Back writes it first.
  await tab(mollet, 'Diagnostics différentiels').click()
  await tab(mollet, 'Causes').click()
  const search = panel(mollet, 'Causes').getByRole('searchbox')
  await search.click()
  await mollet.keyboard.type('stress', { delay: 20 })
  await mollet.keyboard.press('Alt+ArrowLeft')
  await expect(tab(mollet, 'Diagnostics différentiels')).toHaveAttribute('aria-selected', 'true')
  await mollet.keyboard.press('Alt+ArrowRight')
  await expect(search).toHaveValue('stress')
  await expect(mollet).toHaveURL(/q=stress/)

  // The menu's « Aller › Précédent » does the same.
  await search.click()
  await mollet.keyboard.type(' aigu', { delay: 20 })
  await sendMenuCommand(mollet, 'go-back')
  await expect(tab(mollet, 'Diagnostics différentiels')).toHaveAttribute('aria-selected', 'true')
  await sendMenuCommand(mollet, 'go-forward')
  await expect(search).toHaveValue('stress aigu')
})

test('the app reopens on the last view, search and filters, never on the findings', async ({ mollet, server, userDataDir }) => {
  await tab(mollet, 'Orientation').click()
  await radio(mollet, 'douleur-mollet', 'Présent').check()
  await expect.poll(() => savedLastView(userDataDir)).toBe('#view=orientation')

  await tab(mollet, 'Diagnostics différentiels').click()
  const differentials = panel(mollet, 'Diagnostics différentiels')
  await differentials.getByRole('group', { name: 'Gravité' }).getByRole('checkbox').first().check()
  await differentials.getByRole('searchbox').fill('maladie')
  await expect.poll(() => savedLastView(userDataDir)).toMatch(/^#view=differentials&q=maladie&f\.seriousness=[a-z-]+$/)
  const settings = await readFile(join(userDataDir, 'settings.json'), 'utf8')
  expect(settings).not.toContain('douleur')

  await mollet.goto(`${server.origin}/index.html`)
  await expect(tab(mollet, 'Diagnostics différentiels')).toHaveAttribute('aria-selected', 'true')
  await expect(differentials.getByRole('searchbox')).toHaveValue('maladie')
  await expect(differentials.getByRole('group', { name: 'Gravité' }).getByRole('checkbox').first()).toBeChecked()
  await expect(mollet).toHaveURL(/#view=differentials&q=maladie&f\.seriousness=/)
  await tab(mollet, 'Orientation').click()
  await expect(radio(mollet, 'douleur-mollet', 'Inconnu')).toBeChecked()
})
