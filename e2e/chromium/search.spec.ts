// The words clinicians type, in every view: a CIM-10 code, a lay word, an
// abbreviation; an empty result says what Mollet covers and clears the
// search; cramps are said to be another subject.
import type { Page } from '@playwright/test'
import { test, expect, sendMenuCommand } from '../harness/fixtures'

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true })
const panel = (page: Page, name: string) => page.getByRole('tabpanel', { name, exact: true })

const CASES = [
  { view: 'Causes', query: 'sciatique', entry: 'compression-nerveuse' },
  { view: 'Diagnostics différentiels', query: 'G35', entry: 'sclerose-en-plaques' },
  { view: 'Diagnostics différentiels', query: 'sciatique', entry: 'hernie-discale-lombaire' },
  { view: 'Orientation', query: 'G35', entry: 'sclerose-en-plaques' },
  { view: 'Orientation', query: 'sciatique', entry: 'hernie-discale-lombaire' },
  { view: 'Causes', query: 'Mg', entry: 'carence-magnesium' },
] as const

for (const { view, query, entry } of CASES) {
  test(`« ${query} » finds ${entry} in ${view}`, async ({ mollet }) => {
    await tab(mollet, view).click()
    const shown = panel(mollet, view)
    await shown.getByRole('searchbox').fill(query)
    await expect(shown.locator(`tr[data-entry="${entry}"]`)).toBeVisible()
  })
}

test('an empty result says what Mollet covers and clears the search; cramps are another subject', async ({ mollet }) => {
  for (const [view, clear] of [
    ['Causes', 'Effacer les filtres'],
    ['Orientation', 'Effacer la recherche'],
  ] as const) {
    await tab(mollet, view).click()
    const shown = panel(mollet, view)
    await shown.getByRole('searchbox').fill('crampes')
    const empty = shown.getByTestId('no-result')
    await expect(empty).toContainText('Aucun résultat pour «\u00a0crampes\u00a0»')
    await expect(empty).toContainText('Mollet couvre un seul article')
    await expect(shown.getByTestId('search-notes')).toContainText('Mollet ne les couvre pas')
    await empty.getByRole('button', { name: clear }).click()
    await expect(shown.getByRole('searchbox')).toHaveValue('')
    await expect(shown.locator('tr.entry-row').first()).toBeVisible()
  }
})

test('a finding the article links to no entry says so: fever alone ranks nothing, and the view tells why', async ({ mollet }) => {
  await tab(mollet, 'Orientation').click()
  const shown = panel(mollet, 'Orientation')
  await mollet.locator('[data-finding="fievre"]').getByRole('radio', { name: 'Présent' }).check()
  await expect(shown.getByTestId('unlinked')).toContainText('«\u00a0Fièvre\u00a0»')
  await expect(shown.getByTestId('unlinked')).toContainText('Mollet ne couvre qu’un article')
  await mollet.locator('[data-finding="fievre"]').getByRole('radio', { name: 'Inconnu' }).check()
  await expect(shown.getByTestId('unlinked')).toHaveCount(0)
})

test('a filter that cannot tell the entries apart is not offered', async ({ mollet }) => {
  const causes = panel(mollet, 'Causes')
  await expect(causes.locator('tr.entry-row').first()).toBeVisible()
  // Every cause is « Mollet »: no « Localisation » filter for the causes; the differentials differ, and have one.
  await expect(causes.getByRole('group', { name: 'Localisation' })).toHaveCount(0)
  await tab(mollet, 'Diagnostics différentiels').click()
  await expect(panel(mollet, 'Diagnostics différentiels').getByRole('group', { name: 'Localisation' })).toBeVisible()
})

test('« Ce que Mollet couvre » from the footer, the menu and « À propos du contenu »; Esc gives the focus back', async ({ mollet }) => {
  await expect(mollet.locator('tr.entry-row').first()).toBeVisible()
  const footerLink = mollet.getByRole('contentinfo').getByRole('button', { name: 'Ce que Mollet couvre' })
  await footerLink.click()
  const scope = mollet.getByRole('dialog', { name: 'Ce que Mollet couvre' })
  await expect(scope).toContainText('Une seule source')
  await expect(scope).toContainText('Les crampes, auxquelles l’article renvoie sans en parler.')
  await mollet.keyboard.press('Escape')
  await expect(scope).toBeHidden()
  await expect(footerLink).toBeFocused()

  await sendMenuCommand(mollet, 'show-scope')
  await expect(scope).toBeVisible()
  await mollet.keyboard.press('Escape')

  await sendMenuCommand(mollet, 'about-content')
  const about = mollet.getByRole('dialog').filter({ hasText: 'À propos du contenu' })
  await about.getByRole('button', { name: 'Ce que Mollet couvre' }).click()
  await expect(scope).toBeVisible()
})
