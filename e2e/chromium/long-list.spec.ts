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
  const panel = mollet.getByRole('tabpanel', { name: 'Causes', exact: true })
  const rows = panel.locator('tr.entry-row')
  await expect(rows.first()).toBeVisible({ timeout: 60_000 })
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
  await mollet.setViewportSize({ width: 1100, height: 840 })
  const panel = mollet.getByRole('tabpanel', { name: 'Causes', exact: true })
  const rows = panel.locator('tr.entry-row')
  await expect(rows.first()).toBeVisible({ timeout: 60_000 })
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

test('rows measured again after a resize: a wider window shows no blank band', async ({ mollet }) => {
  test.setTimeout(90_000)
  await mollet.setViewportSize({ width: 1240, height: 840 })
  const panel = mollet.getByRole('tabpanel', { name: 'Causes', exact: true })
  const rows = panel.locator('tr.entry-row')
  await expect(rows.first()).toBeVisible({ timeout: 60_000 })
  await mollet.setViewportSize({ width: 1900, height: 840 })
  await mollet.evaluate(() => window.scrollTo(0, 20_000))
  // Once the scroll settled: the rendered rows reach the bottom of the window.
  await expect
    .poll(() => rows.last().evaluate((tr) => tr.getBoundingClientRect().bottom - window.innerHeight), { timeout: 5_000 })
    .toBeGreaterThanOrEqual(0)
})
