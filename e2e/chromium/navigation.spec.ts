// The parts of using Mollet that are about keys, focus and the URL: a filter value
// the knowledge base does not offer is ignored; ↑ from the first row returns to
// the search box; Ctrl+P over an open detail closes it and acts; the focus
// never falls to the page after « Ajouter à la fiche patient » or « Tout
// effacer »; « Aller »: Ctrl+1…4, Alt+← / Alt+→ and the same menu commands.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect, sendMenuCommand } from '../harness/fixtures'

const NBSP = '\u00a0'

test('a filter value the knowledge base does not offer is ignored, not applied', async ({ mollet, server }) => {
  await mollet.goto(`${server.origin}/index.html#view=causes&f.category=nexistepas&f.inconnue=x`)
  const view = mollet.getByRole('tabpanel', { name: 'Causes', exact: true })
  await expect(view.locator('tr.entry-row').first()).toBeVisible()
  const total = await view.locator('tr.entry-row').count()
  expect(total).toBeGreaterThan(1)
  await expect(view.getByRole('status')).toHaveText(`${total}${NBSP}causes`)
  await expect(view.locator('aside.filters input[type="checkbox"]:checked')).toHaveCount(0)
  // A known value next to it still applies.
  await mollet.goto(`${server.origin}/index.html#view=causes&f.category=nexistepas&f.seriousness=benin`)
  await expect(view.locator('aside.filters input[type="checkbox"]:checked')).toHaveCount(1)
  expect(await view.locator('tr.entry-row').count()).toBeLessThan(total)
})

test('↑ from the first row goes back to the search box', async ({ mollet }) => {
  const view = mollet.getByRole('tabpanel', { name: 'Causes', exact: true })
  const search = view.getByRole('searchbox')
  await search.focus()
  await mollet.keyboard.press('ArrowDown')
  await expect(view.locator('tr.entry-row').first()).toBeFocused()
  await mollet.keyboard.press('ArrowDown')
  await expect(view.locator('tr.entry-row').nth(1)).toBeFocused()
  await mollet.keyboard.press('ArrowUp')
  await mollet.keyboard.press('ArrowUp')
  await expect(search).toBeFocused()
})

test('Ctrl+P over an open detail closes it and opens the Fiche patient view; Enter on « Ajouter » moves the focus to « Ouvrir »', async ({
  mollet,
}) => {
  const causes = mollet.getByRole('tabpanel', { name: 'Causes', exact: true })
  await causes.locator('tr.entry-row').first().click()
  const dialog = mollet.getByRole('dialog')
  await expect(dialog).toBeVisible()
  const add = dialog.getByRole('button', { name: 'Ajouter à la fiche patient' })
  if (await add.count()) {
    await add.focus()
    await mollet.keyboard.press('Enter')
    await expect(dialog.getByRole('button', { name: 'Ouvrir la fiche patient' })).toBeFocused()
  }
  await mollet.keyboard.press('Control+p')
  await expect(dialog).toBeHidden()
  const handout = mollet.getByRole('tabpanel', { name: 'Fiche patient' })
  await expect(handout.getByRole('heading', { name: 'Fiche patient' })).toBeFocused()
})

test('« Ajouter à la fiche patient » by Enter: the focus lands on « Ouvrir la fiche patient »', async ({ mollet }) => {
  // An entry the standard handout does not hold (a differential).
  await mollet.getByRole('tab', { name: 'Diagnostics différentiels' }).click()
  await mollet.getByRole('tabpanel', { name: 'Diagnostics différentiels' }).locator('tr.entry-row[data-entry="epilepsie"]').click()
  const dialog = mollet.getByRole('dialog', { name: 'Épilepsie' })
  await dialog.getByRole('button', { name: 'Ajouter à la fiche patient' }).focus()
  await mollet.keyboard.press('Enter')
  await expect(dialog.getByRole('button', { name: 'Ouvrir la fiche patient' })).toBeFocused()
})

test('« Tout effacer » by Enter: the focus goes to the first finding, not to the page', async ({ mollet }) => {
  await mollet.getByRole('tab', { name: 'Orientation' }).click()
  const view = mollet.getByRole('tabpanel', { name: 'Orientation' })
  await view.locator('[data-finding="douleur-mollet"]').getByRole('radio', { name: 'Présent' }).check()
  await view.getByRole('button', { name: 'Tout effacer' }).focus()
  await mollet.keyboard.press('Enter')
  await expect(view.getByRole('button', { name: 'Tout effacer' })).toBeDisabled()
  await expect(view.locator('[data-finding]').first().getByRole('radio', { name: 'Inconnu' })).toBeFocused()
})

test('« Aller »: Ctrl+1…4 show each view, Alt+← / Alt+→ walk back and forth; the menu does the same', async ({ mollet }) => {
  const tab = (name: string) => mollet.getByRole('tab', { name, exact: true })
  await expect(tab('Causes')).toHaveAttribute('aria-selected', 'true')
  await mollet.keyboard.press('Control+2')
  await expect(tab('Diagnostics différentiels')).toHaveAttribute('aria-selected', 'true')
  await expect(tab('Diagnostics différentiels')).toBeFocused()
  await mollet.keyboard.press('Control+3')
  await expect(tab('Orientation')).toHaveAttribute('aria-selected', 'true')
  await mollet.keyboard.press('Alt+ArrowLeft')
  await expect(tab('Diagnostics différentiels')).toHaveAttribute('aria-selected', 'true')
  await mollet.keyboard.press('Alt+ArrowLeft')
  await expect(tab('Causes')).toHaveAttribute('aria-selected', 'true')
  await mollet.keyboard.press('Alt+ArrowRight')
  await expect(tab('Diagnostics différentiels')).toHaveAttribute('aria-selected', 'true')
  await sendMenuCommand(mollet, 'show-handout')
  await expect(tab('Fiche patient')).toHaveAttribute('aria-selected', 'true')
  await sendMenuCommand(mollet, 'go-back')
  await expect(tab('Diagnostics différentiels')).toHaveAttribute('aria-selected', 'true')
  await sendMenuCommand(mollet, 'go-forward')
  await expect(tab('Fiche patient')).toHaveAttribute('aria-selected', 'true')
  await mollet.keyboard.press('Control+1')
  await expect(tab('Causes')).toHaveAttribute('aria-selected', 'true')
})

test('sort order and hidden columns are kept per view: in the hash, and in the settings after a restart', async ({
  mollet,
  server,
  userDataDir,
}) => {
  const view = mollet.getByRole('tabpanel', { name: 'Causes', exact: true })
  const table = view.getByRole('table')
  const nameHeader = table.getByRole('columnheader', { name: /Nom/ })
  await nameHeader.getByRole('button').click()
  await nameHeader.getByRole('button').click()
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending')
  await view.getByText('Colonnes', { exact: true }).click()
  await view.getByRole('checkbox', { name: 'CIM-10' }).uncheck()
  await mollet.keyboard.press('Escape')
  await expect(table.getByRole('columnheader', { name: /CIM-10/ })).toHaveCount(0)
  await expect.poll(() => decodeURIComponent(mollet.url())).toContain('sort=-name')
  await expect.poll(() => decodeURIComponent(mollet.url())).toContain('hide=icd10')
  const firstName = await view.locator('tr.entry-row').first().locator('.entry-name').textContent()

  // Another view keeps its own arrangement.
  await mollet.getByRole('tab', { name: 'Diagnostics différentiels' }).click()
  const other = mollet.getByRole('tabpanel', { name: 'Diagnostics différentiels' })
  await expect(other.getByRole('columnheader', { name: /CIM-10/ })).toBeVisible()
  await expect(other.getByRole('columnheader', { name: /Nom/ })).not.toHaveAttribute('aria-sort')
  await mollet.getByRole('tab', { name: 'Causes', exact: true }).click()

  // A reload from the hash.
  await mollet.reload()
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending')
  await expect(table.getByRole('columnheader', { name: /CIM-10/ })).toHaveCount(0)
  // A restart: no hash, the settings bring the last view back with its arrangement.
  // Once the settings hold the last view with its arrangement:
  await expect
    .poll(async () => decodeURIComponent(await readFile(join(userDataDir, 'settings.json'), 'utf8').catch(() => '')))
    .toContain('sort=-name&hide=icd10')
  await mollet.goto(`${server.origin}/index.html`)
  await expect(view.locator('tr.entry-row').first()).toBeVisible()
  await expect.poll(() => decodeURIComponent(mollet.url())).toContain('sort=-name')
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending')
  await expect(table.getByRole('columnheader', { name: /CIM-10/ })).toHaveCount(0)
  await expect(view.locator('tr.entry-row').first().locator('.entry-name')).toHaveText(firstName ?? '')
})

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, b2] = (css.match(/[\d.]+/gu) ?? [])
      .slice(0, 3)
      .map(Number)
      .map((v) => {
        const c = v / 255
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      }) as [number, number, number]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2
  }
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the focus on a marked finding stands out: 3:1 against the segment and against the page (${scheme})`, async ({ mollet }) => {
    await mollet.emulateMedia({ colorScheme: scheme })
    await mollet.getByRole('tab', { name: 'Orientation' }).click()
    const finding = mollet.locator('[data-finding="douleur-mollet"]')
    await finding.getByRole('radio', { name: 'Inconnu' }).focus()
    await mollet.keyboard.press('ArrowLeft')
    await mollet.keyboard.press('ArrowLeft')
    const present = finding.getByRole('radio', { name: 'Présent' })
    await expect(present).toBeFocused()
    await expect(present).toBeChecked()
    const colours = await finding.evaluate((el) => {
      const span = el.querySelector('.segment-present span') as HTMLElement
      const group = el.querySelector('.segmented') as HTMLElement
      const panel = el.closest('.findings') as HTMLElement
      return {
        ring: getComputedStyle(span).outlineColor,
        ringStyle: getComputedStyle(span).outlineStyle,
        segment: getComputedStyle(span).backgroundColor,
        outer: getComputedStyle(group).outlineColor,
        outerStyle: getComputedStyle(group).outlineStyle,
        page: getComputedStyle(panel).backgroundColor,
      }
    })
    expect(colours.ringStyle).toBe('solid')
    expect(colours.outerStyle).toBe('solid')
    expect(contrast(colours.ring, colours.segment)).toBeGreaterThanOrEqual(3)
    expect(contrast(colours.outer, colours.page)).toBeGreaterThanOrEqual(3)
  })
}
