// A knowledge base of thousands of entries (generated: real entries cloned
// with new ids and names, quotes verbatim): the Causes table renders only the
// rows near the screen, stays one <table> whose aria-rowcount and
// aria-rowindex describe every row, follows the scroll, and searches all entries.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, resourcesDir } from '../harness/fixtures'
import { generateKnowledgeBase } from '../../scripts/bench/big-kb'

const SIZE = 2_000

test.use({
  handlerDeps: async ({}, use) => {
    const root = await mkdtemp(join(tmpdir(), 'mollet-e2e-long-'))
    await use({ resourcesDir: await generateKnowledgeBase(resourcesDir, root, SIZE) })
    await rm(root, { recursive: true, force: true })
  },
})

/** The Causes view's panel and rows once the first row shows, the window `width` px wide when given. */
async function causesTable(mollet: import('@playwright/test').Page, width?: number) {
  if (width !== undefined) await mollet.setViewportSize({ width, height: 840 })
  const panel = mollet.getByRole('tabpanel', { name: 'Causes', exact: true })
  const rows = panel.locator('tr.entry-row')
  await expect(rows.first()).toBeVisible({ timeout: 60_000 })
  return { panel, rows }
}

test(`${SIZE} causes: only the rows on screen are rendered, the table still counts them all`, async ({ mollet }) => {
  test.setTimeout(90_000)
  const panel = mollet.getByRole('tabpanel', { name: 'Causes', exact: true })
  const table = panel.getByRole('table')
  const rows = panel.locator('tr.entry-row')
  await expect(rows.first()).toBeVisible({ timeout: 60_000 })
  await expect(panel.getByRole('status').filter({ hasText: /causes/u })).toHaveText(`${SIZE}\u00a0causes`)
  await expect(table).toHaveAttribute('aria-rowcount', String(SIZE + 1))
  const rendered = await rows.count()
  expect(rendered).toBeGreaterThan(10)
  expect(rendered).toBeLessThan(150)
  await expect(rows.first()).toHaveAttribute('aria-rowindex', '2')
  // The spacer below keeps the table as tall as all its rows.
  expect(await table.evaluate((t) => t.getBoundingClientRect().height)).toBeGreaterThan(SIZE * 20)

  // Scrolled to the end: the last entries are rendered, with their own row index.
  await mollet.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  await expect(rows.last()).toHaveAttribute('aria-rowindex', String(SIZE + 1))
  await expect(rows.last()).toBeInViewport()
  expect(await rows.count()).toBeLessThan(150)

  // The search looks into every entry, not only the rendered ones.
  await mollet.evaluate(() => window.scrollTo(0, 0))
  await panel.getByRole('searchbox').fill(`copie ${SIZE - 20}`)
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText(`(copie ${SIZE - 20})`)
  await expect(table).not.toHaveAttribute('aria-rowcount', /./u)
})

test('a row shows the entry it stands for as the window moves and the list changes; ↓ walks past the window', async ({ mollet }) => {
  test.setTimeout(90_000)
  const { panel, rows } = await causesTable(mollet)
  // Each rendered row: its entry's id, the number in its name, its place.
  const shown = () =>
    rows.evaluateAll((all) =>
      all.map((tr) => ({
        id: tr.getAttribute('data-entry') ?? '',
        copy: /\(copie (\d+)\)/u.exec(tr.textContent ?? '')?.[1] ?? null,
        place: Number(tr.getAttribute('aria-rowindex')),
      })),
    )
  const consistent = async () => {
    for (const row of await shown()) if (row.copy !== null) expect(row.id).toMatch(new RegExp(`-copie-${row.copy}$`, 'u'))
  }
  await consistent()

  // ↓ from the first row, further than the rows rendered below the screen: one key, then a burst
  // of keys in one task, faster than the window can follow (a key held down on a slow machine).
  await rows.first().focus()
  await mollet.keyboard.press('ArrowDown')
  const steps = 40
  await mollet.evaluate((burst) => {
    for (let i = 0; i < burst; i++)
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }))
  }, steps - 1)
  const focused = mollet.locator('tr.entry-row:focus')
  await expect(focused).toHaveAttribute('aria-rowindex', String(2 + steps))
  await expect(focused).toBeInViewport()
  const copy = /-copie-(\d+)$/u.exec((await focused.getAttribute('data-entry')) ?? '')?.[1]
  expect(copy).toBeDefined()
  await consistent()
  await mollet.keyboard.press('Enter')
  await expect(mollet.getByRole('dialog', { name: new RegExp(`\\(copie ${copy}\\)$`, 'u') })).toBeVisible()
  await mollet.keyboard.press('Escape')

  // A search puts other entries in the same places: each row still says its own.
  await mollet.evaluate(() => window.scrollTo(0, 0))
  await panel.getByRole('searchbox').fill('copie 1')
  await expect(panel.getByRole('status').filter({ hasText: /causes/u })).not.toHaveText(`${SIZE}\u00a0causes`)
  await consistent()
  const first = (await shown())[0]
  expect(first?.copy).toMatch(/^1/u)
})

test('under 1200 px, where the table scrolls in its frame, ↓ still walks past the window', async ({ mollet }) => {
  test.setTimeout(90_000)
  const { rows } = await causesTable(mollet, 1100)
  await rows.first().focus()
  const steps = 40
  await mollet.evaluate((burst) => {
    for (let i = 0; i < burst; i++)
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }))
  }, steps)
  const focused = mollet.locator('tr.entry-row:focus')
  await expect(focused).toHaveAttribute('aria-rowindex', String(2 + steps))
  await expect(focused).toBeInViewport()
})

test('under 1200 px the page is as tall as what it shows, wherever the table’s frame is scrolled', async ({ mollet }) => {
  test.setTimeout(90_000)
  const { panel } = await causesTable(mollet, 1100)
  const frame = panel.locator('.table-wrap')
  const pageHeight = () => mollet.evaluate(() => document.documentElement.scrollHeight)
  const before = await pageHeight()
  // Text kept for screen readers in cells far down the frame (« aucun code ») must not lengthen the page.
  for (const at of [0.5, 1]) {
    await frame.evaluate((el, share) => el.scrollTo(0, el.scrollHeight * share), at)
    await expect(panel.locator('tr.entry-row').last()).toBeVisible()
    expect(await pageHeight()).toBeLessThanOrEqual(before + 10)
  }
  expect(before).toBeLessThan(3 * 840)
})

test('at 1280 px the column headings stay in sight, under the app’s header, as the page scrolls; ↑ shows a row below them', async ({
  mollet,
}) => {
  test.setTimeout(90_000)
  const { panel, rows } = await causesTable(mollet, 1280)
  await mollet.evaluate(() => window.scrollTo(0, 5_000))
  const heading = panel.locator('thead th').first()
  const headerBottom = await mollet.locator('header.app-header').evaluate((h) => h.getBoundingClientRect().bottom)
  await expect.poll(async () => Math.round((await heading.boundingBox())?.y ?? -1)).toBe(Math.round(headerBottom))
  // Drawn, not covered: what is at its middle is the heading itself.
  expect(
    await heading.evaluate((th) => {
      const box = th.getBoundingClientRect()
      return th.contains(document.elementFromPoint(box.left + 10, box.top + box.height / 2))
    }),
  ).toBe(true)
  // A row reached with ↑ shows whole below the headings.
  const row = rows.nth(8)
  await row.focus()
  for (let i = 0; i < 4; i++) await mollet.keyboard.press('ArrowUp')
  await expect
    .poll(() =>
      mollet.evaluate(() => {
        const tr = document.activeElement as HTMLElement
        const box = tr.getBoundingClientRect()
        const hit = document.elementFromPoint(box.left + 40, box.top + 2)
        return hit !== null && tr.contains(hit)
      }),
    )
    .toBe(true)
})

test('under 1200 px, scrolled far, two ↓ from the search box before the first row shows reach the second row', async ({ mollet }) => {
  test.setTimeout(90_000)
  const { panel } = await causesTable(mollet, 1100)
  await panel.locator('.table-wrap').evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await expect(panel.locator('tr.entry-row').last()).toHaveAttribute('aria-rowindex', String(SIZE + 1))
  const search = panel.getByRole('searchbox')
  await search.focus()
  // Both keys in one task: the first row is not rendered yet when the second comes.
  await search.evaluate((input) => {
    for (let i = 0; i < 2; i++) input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }))
  })
  await expect.poll(() => focusedRow(mollet)).toEqual({ place: 3, uncovered: true })
})

test('rows measured again after a resize: a wider window shows no blank band', async ({ mollet }) => {
  test.setTimeout(90_000)
  const { rows } = await causesTable(mollet, 1240)
  await mollet.setViewportSize({ width: 1900, height: 840 })
  await mollet.evaluate(() => window.scrollTo(0, 20_000))
  // Once the scroll settled: the rendered rows reach the bottom of the window.
  await expect
    .poll(() => rows.last().evaluate((tr) => tr.getBoundingClientRect().bottom - window.innerHeight), { timeout: 5_000 })
    .toBeGreaterThanOrEqual(0)
})

/** The focused row, its place, and whether what is drawn at its top and bottom edges is the row itself (nothing over it). */
const focusedRow = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const tr = document.activeElement
    if (!(tr instanceof HTMLTableRowElement)) return { place: null, uncovered: false }
    const box = tr.getBoundingClientRect()
    const x = box.left + Math.min(40, box.width / 2)
    const drawnAt = (y: number) => {
      const hit = document.elementFromPoint(x, y)
      return hit !== null && tr.contains(hit)
    }
    return { place: Number(tr.getAttribute('aria-rowindex')), uncovered: drawnAt(box.top + 2) && drawnAt(box.bottom - 2) }
  })

/**
 * Once the wheel's scrolling has ended: the window and every frame at the same offsets for five
 * frames in a row. On a loaded machine the wheel's last events scrolled on after the next key.
 */
const scrollSettled = (page: import('@playwright/test').Page) =>
  page.evaluate(
    () =>
      new Promise<void>((settled) => {
        const offsets = () => [window.scrollY, ...Array.from(document.querySelectorAll('.table-wrap'), (el) => el.scrollTop)].join()
        let last = offsets()
        let still = 0
        const frame = () => {
          const now = offsets()
          still = now === last ? still + 1 : 0
          last = now
          if (still >= 5) settled()
          else requestAnimationFrame(frame)
        }
        requestAnimationFrame(frame)
      }),
  )

/** Whether the view's search box is on screen, nothing drawn over its middle. */
const searchBoxUncovered = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const input = document.querySelector('[role="tabpanel"]:not([hidden]) input[type="search"]')
    if (!input) return false
    const box = input.getBoundingClientRect()
    const y = box.top + box.height / 2
    return y > 0 && y < window.innerHeight && document.elementFromPoint(box.left + 10, y) === input
  })

for (const width of [1280, 1100]) {
  test(`at ${width} px a focused row keeps the focus while scrolled away; Page, Home and End keys move it`, async ({ mollet }) => {
    test.setTimeout(90_000)
    const { rows } = await causesTable(mollet, width)
    await rows.first().focus()
    // The wheel scrolls the page (or the table's frame) far from the focused row: the window moves on.
    const box = await rows.nth(3).boundingBox()
    await mollet.mouse.move((box?.x ?? 0) + 50, (box?.y ?? 0) + 10)
    for (let i = 0; i < 10; i++) await mollet.mouse.wheel(0, 2_000)
    await scrollSettled(mollet)
    await expect(rows.nth(1)).not.toHaveAttribute('aria-rowindex', '3')
    await expect.poll(() => mollet.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe('2')
    // The next key goes on from the focused row, not from the top of the page.
    await mollet.keyboard.press('ArrowDown')
    await expect.poll(() => focusedRow(mollet)).toEqual({ place: 3, uncovered: true })
    await mollet.keyboard.press('End')
    await expect.poll(() => focusedRow(mollet)).toEqual({ place: SIZE + 1, uncovered: true })
    await mollet.keyboard.press('Home')
    await expect.poll(() => focusedRow(mollet)).toEqual({ place: 2, uncovered: true })
    // And the search box above it, where ↑ goes next, in view with it.
    await expect.poll(() => searchBoxUncovered(mollet)).toBe(true)
    await mollet.keyboard.press('PageDown')
    await expect.poll(async () => (await focusedRow(mollet)).place).toBeGreaterThan(6)
    const paged = await focusedRow(mollet)
    expect(paged.uncovered).toBe(true)
    await mollet.keyboard.press('PageDown')
    await expect.poll(async () => (await focusedRow(mollet)).place).toBeGreaterThan((paged.place ?? 0) + 4)
    await mollet.keyboard.press('PageUp')
    await expect.poll(async () => (await focusedRow(mollet)).place).toBeLessThan((paged.place ?? 0) + 4)
    expect((await focusedRow(mollet)).uncovered).toBe(true)
  })

  test(`at ${width} px ↑ and ↓ never leave the focused row under the header; ↓ from the search box goes to the first row`, async ({
    mollet,
  }) => {
    test.setTimeout(90_000)
    const { panel, rows } = await causesTable(mollet, width)
    await rows.first().focus()
    for (let i = 0; i < 30; i++) await mollet.keyboard.press('ArrowDown')
    for (let place = 31; place >= 2; place--) {
      await mollet.keyboard.press('ArrowUp')
      await expect.poll(() => focusedRow(mollet)).toEqual({ place, uncovered: true })
    }
    // Far down the list, the search box, then ↓: the list's first row, not the first one rendered.
    await mollet.keyboard.press('End')
    await expect.poll(async () => (await focusedRow(mollet)).place).toBe(SIZE + 1)
    await panel.getByRole('searchbox').focus()
    await mollet.keyboard.press('ArrowDown')
    await expect.poll(() => focusedRow(mollet)).toEqual({ place: 2, uncovered: true })
  })
}

test('a row scrolled away, opened with Enter, gets the focus back when its detail closes', async ({ mollet }) => {
  test.setTimeout(90_000)
  const { rows } = await causesTable(mollet)
  await rows.nth(2).focus()
  const box = await rows.nth(3).boundingBox()
  await mollet.mouse.move((box?.x ?? 0) + 50, (box?.y ?? 0) + 10)
  for (let i = 0; i < 10; i++) await mollet.mouse.wheel(0, 2_000)
  await scrollSettled(mollet)
  await expect(rows.nth(1)).not.toHaveAttribute('aria-rowindex', '3')
  await mollet.keyboard.press('Enter')
  await expect(mollet.getByRole('dialog')).toBeVisible()
  await mollet.keyboard.press('Escape')
  await expect.poll(() => mollet.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe('4')
})
