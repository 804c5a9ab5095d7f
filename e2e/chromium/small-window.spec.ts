// What a clinician needs in sight at the app's minimum size
// (900 × 600) and at 200 % zoom (a 640 × 420 CSS-pixel window): the entry's
// name while a wide table scrolls sideways, the Fiche patient's Imprimer while
// the form scrolls, what the marked findings call for while the findings scroll.
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from '../harness/fixtures'

async function inViewport(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox()
  const size = page.viewportSize()
  if (!box || !size) return false
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width + 0.5 && box.y + box.height <= size.height + 0.5
}

for (const size of [
  { width: 900, height: 600 },
  { width: 640, height: 420 },
]) {
  test.describe(`${size.width} × ${size.height}`, () => {
    test.use({ viewport: size })

    test('a wide table scrolls sideways inside the window; the name stays in sight', async ({ mollet }) => {
      const view = mollet.getByRole('tabpanel', { name: 'Causes', exact: true })
      const wrap = view.locator('.table-wrap')
      await expect(view.locator('tr.entry-row').first()).toBeVisible()
      const scrolled = await wrap.evaluate((el) => {
        el.scrollLeft = el.scrollWidth
        return el.scrollLeft > 0
      })
      expect(scrolled).toBe(true)
      const name = view.locator('tr.entry-row').first().locator('td').first()
      await name.scrollIntoViewIfNeeded()
      await wrap.evaluate((el) => {
        el.scrollLeft = el.scrollWidth
      })
      const nameBox = await name.boundingBox()
      const wrapBox = await wrap.boundingBox()
      expect(nameBox && wrapBox && Math.abs(nameBox.x - wrapBox.x) < 2).toBe(true)
      // The sideways scrollbar belongs to a frame no taller than the window.
      expect((wrapBox?.height ?? Infinity) <= size.height).toBe(true)
    })

    test('« / » brings each view’s search box into sight, from the foot of the view', async ({ mollet }) => {
      for (const name of ['Causes', 'Diagnostics différentiels', 'Orientation']) {
        await mollet.getByRole('tab', { name, exact: true }).click()
        const view = mollet.getByRole('tabpanel', { name, exact: true })
        await view.locator('tr.entry-row').last().scrollIntoViewIfNeeded()
        await mollet.locator('body').click({ position: { x: 1, y: 1 } })
        await mollet.keyboard.press('/')
        const search = view.getByRole('searchbox')
        await expect(search).toBeFocused()
        await expect.poll(() => inViewport(mollet, search), { message: name }).toBe(true)
      }
    })

    test('Imprimer stays in sight while the form scrolls', async ({ mollet }) => {
      await mollet.getByRole('tab', { name: 'Fiche patient' }).click()
      const view = mollet.getByRole('tabpanel', { name: 'Fiche patient' })
      await view.getByLabel('Téléphone').scrollIntoViewIfNeeded()
      await expect.poll(() => inViewport(mollet, view.getByRole('button', { name: 'Imprimer', exact: true }))).toBe(true)
    })

    test('a red flag marked at the foot of the findings is said in sight', async ({ mollet }) => {
      await mollet.getByRole('tab', { name: 'Orientation' }).click()
      const view = mollet.getByRole('tabpanel', { name: 'Orientation' })
      const summary = view.getByTestId('orientation-summary')
      await view.locator('[data-finding="frissons"]').getByRole('radio', { name: 'Présent' }).check()
      await view.locator('[data-finding="douleur-mollet"]').getByRole('radio', { name: 'Présent' }).check()
      await view.locator('[data-finding="frissons"]').scrollIntoViewIfNeeded()
      await expect(summary).toContainText('Signe d’alerte présent\u00a0: Douleur au mollet')
      await expect.poll(() => inViewport(mollet, summary)).toBe(true)
      await expect(summary).toContainText('entrées concordantes')
    })
  })
}

test.describe('axe at the small sizes', () => {
  for (const size of [
    { width: 900, height: 600 },
    { width: 640, height: 420 },
  ]) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`no WCAG A/AA violation in any view at ${size.width} × ${size.height} (${scheme})`, async ({ mollet }) => {
        test.setTimeout(60_000)
        await mollet.setViewportSize(size)
        await mollet.emulateMedia({ colorScheme: scheme })
        for (const name of ['Causes', 'Diagnostics différentiels', 'Orientation', 'Fiche patient']) {
          await mollet.getByRole('tab', { name, exact: true }).click()
          if (name === 'Orientation') {
            await mollet.locator('[data-finding="douleur-mollet"]').getByRole('radio', { name: 'Présent' }).check()
          }
          await expect(mollet.getByRole('tabpanel', { name, exact: true })).toBeVisible()
          const result = await new AxeBuilder({ page: mollet }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
          expect(result.violations.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
        }
      })
    }
  }
})

test.describe('the filters at 640 × 420', () => {
  test.use({ viewport: { width: 640, height: 420 } })

  test('fold behind « Filtres »: the table comes first, the button opens them and says how many are ticked', async ({ mollet }) => {
    const view = mollet.getByRole('tabpanel', { name: 'Causes', exact: true })
    const toggle = view.getByRole('button', { name: /^Filtres/u })
    await expect(view.getByRole('group', { name: 'Gravité' })).toBeHidden()
    await expect.poll(() => inViewport(mollet, view.locator('tr.entry-row').first().locator('td').first())).toBe(true)
    await expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
    await view.getByRole('group', { name: 'Gravité' }).getByRole('checkbox').first().check()
    await expect(toggle).toHaveText('Filtres (1)')
    await toggle.click()
    await expect(view.getByRole('group', { name: 'Gravité' })).toBeHidden()
  })
})

test('at 1280 × 840 the filters stand beside the table, with no button', async ({ mollet }) => {
  const view = mollet.getByRole('tabpanel', { name: 'Causes', exact: true })
  await expect(view.getByRole('group', { name: 'Gravité' })).toBeVisible()
  await expect(view.getByRole('button', { name: /^Filtres/u })).toBeHidden()
})

test('at 1280 × 840 every table fits its width: no column hidden past the right edge', async ({ mollet }) => {
  await mollet.setViewportSize({ width: 1280, height: 840 })
  const overflow = () =>
    mollet.locator('[role="tabpanel"]:not([hidden]) .table-wrap').evaluateAll((wraps) => wraps.map((w) => w.scrollWidth - w.clientWidth))
  for (const name of ['Causes', 'Diagnostics différentiels']) {
    await mollet.getByRole('tab', { name, exact: true }).click()
    expect(await overflow(), name).toEqual([0])
  }
  // The Orientation list with its longest badges and referrals in view.
  await mollet.getByRole('tab', { name: 'Orientation', exact: true }).click()
  await mollet.locator('[data-finding="contractions-frequentes"]').getByRole('radio', { name: 'Présent' }).check()
  await mollet.locator('tr.tie-row button').click()
  expect(await overflow()).toEqual([0])
})
