// The keyboard alone: `/` to the view's search, ↓ to the rows, Enter opens
// the detail, Esc closes it, `?` lists the shortcuts; the findings are marked
// with Tab and the arrows; from a detail on to the Fiche patient. Focus stays
// visible.
import type { Locator, Page } from '@playwright/test'
import type { Condition, Topic } from '../../shared/kb/types'
import { test, expect, readKnowledgeFile } from '../harness/fixtures'

const read = readKnowledgeFile
const conditions = [...read<Condition[]>('causes.json'), ...read<Condition[]>('differentials.json')]
const topics = read<Topic[]>('topics.json')

async function outline(element: Locator): Promise<string> {
  return element.evaluate((el) => getComputedStyle(el).outlineStyle)
}

async function focusedFinding(page: Page): Promise<{ finding: string | null; value: string | null }> {
  return page.evaluate(() => {
    const el = document.activeElement
    return {
      finding: el?.closest('[data-finding]')?.getAttribute('data-finding') ?? null,
      value: el instanceof HTMLInputElement ? el.value : null,
    }
  })
}

test('from the search to a row to the detail and back, by keyboard', async ({ mollet }) => {
  const causes = mollet.getByRole('tabpanel', { name: 'Causes', exact: true })
  await expect(causes.locator('tr.entry-row').first()).toBeVisible()
  await mollet.keyboard.press('/')
  const search = causes.getByRole('searchbox')
  await expect(search).toBeFocused()
  await mollet.keyboard.type('magnesium')
  await expect(search).toHaveValue('magnesium')

  const rows = causes.locator('tr.entry-row')
  const first = rows.nth(0)
  const second = rows.nth(1)
  await mollet.keyboard.press('ArrowDown')
  await expect(first).toBeFocused()
  expect(await outline(first)).toBe('solid')
  await mollet.keyboard.press('ArrowDown')
  await expect(second).toBeFocused()
  await mollet.keyboard.press('ArrowUp')
  await expect(first).toBeFocused()

  const id = await first.getAttribute('data-entry')
  const entry = conditions.find((c) => c.id === id) as Condition
  await mollet.keyboard.press('Enter')
  const dialog = mollet.getByRole('dialog', { name: entry.name })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('heading', { level: 2 })).toBeFocused()
  // `/` and `?` belong to the dialog while it is open.
  await mollet.keyboard.press('?')
  await expect(mollet.getByRole('dialog', { name: 'Raccourcis clavier' })).toBeHidden()
  await mollet.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(first).toBeFocused()

  await mollet.keyboard.press('?')
  const help = mollet.getByRole('dialog', { name: 'Raccourcis clavier' })
  await expect(help).toBeVisible()
  await expect(help.getByRole('row')).toHaveCount(14)
  await expect(help).toContainText('Aller à la recherche de la vue')
  await mollet.keyboard.press('Escape')
  await expect(help).toBeHidden()
  await expect(first).toBeFocused()

  // Typing `/` or `?` in the search types them.
  await mollet.keyboard.press('/')
  await mollet.keyboard.type('?/')
  await expect(search).toHaveValue('?/')
  await expect(help).toBeHidden()
})

test('the findings, the ranked rows, the detail and the handout, by keyboard only', async ({ mollet }) => {
  await expect(mollet.locator('tr.entry-row').first()).toBeVisible()
  await mollet.keyboard.press('Tab')
  await expect(mollet.getByRole('button', { name: /Nouveau patient/ })).toBeFocused()
  await mollet.keyboard.press('Tab')
  await expect(mollet.getByRole('tab', { name: 'Causes', exact: true })).toBeFocused()
  await mollet.keyboard.press('ArrowRight')
  await mollet.keyboard.press('ArrowRight')
  const orientation = mollet.getByRole('tab', { name: 'Orientation' })
  await expect(orientation).toBeFocused()
  await expect(orientation).toHaveAttribute('aria-selected', 'true')
  await expect(mollet).toHaveURL(/view=orientation/)

  await mollet.keyboard.press('Tab')
  await expect(mollet.getByRole('button', { name: /Raccourcis clavier/ })).toBeFocused()
  // "Tout effacer" is disabled with nothing marked: the next stop is the first finding.
  await mollet.keyboard.press('Tab')
  expect(await focusedFinding(mollet)).toEqual({ finding: 'douleur-mollet', value: 'inconnu' })
  const segment = mollet.locator('[data-finding="douleur-mollet"] .segment-inconnu span')
  expect(await outline(segment)).toBe('solid')
  await mollet.keyboard.press('ArrowRight')
  expect(await focusedFinding(mollet)).toEqual({ finding: 'douleur-mollet', value: 'present' })
  await expect(mollet.locator('[data-finding="douleur-mollet"]').getByRole('radio', { name: 'Présent' })).toBeChecked()
  await mollet.keyboard.press('Tab')
  await mollet.keyboard.press('Tab')
  expect(await focusedFinding(mollet)).toEqual({ finding: 'picotements', value: 'inconnu' })
  await mollet.keyboard.press('ArrowRight')
  await expect(mollet.locator('[data-finding="picotements"]').getByRole('radio', { name: 'Présent' })).toBeChecked()

  const view = mollet.getByRole('tabpanel', { name: 'Orientation' })
  await expect(view.getByRole('alert')).toBeVisible()
  await mollet.keyboard.press('/')
  await expect(view.getByRole('searchbox')).toBeFocused()
  await mollet.keyboard.press('ArrowDown')
  const hernia = view.locator('tr[data-entry="hernie-discale-lombaire"]')
  await expect(hernia).toBeFocused()
  await mollet.keyboard.press('ArrowDown')
  await expect(view.locator('tr[data-entry="compression-nerveuse"]')).toBeFocused()
  await mollet.keyboard.press('ArrowUp')
  await mollet.keyboard.press('Enter')
  const dialog = mollet.getByRole('dialog', { name: 'Hernie discale lombaire' })
  await expect(dialog).toBeVisible()

  // The article's "En savoir plus" topics link to their other entries.
  const linked = topics.filter((t) => t.related.includes('hernie-discale-lombaire'))
  const link = linked.flatMap((t) => t.related).find((id) => id !== 'hernie-discale-lombaire') as string
  const target = conditions.find((c) => c.id === link) as Condition
  const topicLink = dialog.locator('.topic-entries').getByRole('button', { name: target.name })
  await topicLink.focus()
  await mollet.keyboard.press('Enter')
  await expect(mollet.getByRole('dialog', { name: target.name })).toBeVisible()
  await mollet.keyboard.press('Escape')
  await expect(mollet.getByRole('dialog')).toBeHidden()
  await expect(hernia).toBeFocused()

  // On to the patient handout: the orientation already put the entry on it (it ranks it), so
  // its detail offers to open the handout rather than to add it.
  await mollet.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByText('Sur la fiche patient.')).toBeVisible()
  await mollet.keyboard.press('Tab')
  const openHandout = dialog.getByRole('button', { name: 'Ouvrir la fiche patient' })
  await expect(openHandout).toBeFocused()
  await mollet.keyboard.press('Enter')
  await expect(mollet.getByRole('dialog')).toBeHidden()
  const handoutTab = mollet.getByRole('tab', { name: 'Fiche patient' })
  await expect(handoutTab).toHaveAttribute('aria-selected', 'true')
  const handout = mollet.getByRole('tabpanel', { name: 'Fiche patient' })
  await expect(handout.getByRole('heading', { level: 2 }).first()).toBeFocused()
  await expect(
    handout.getByRole('group', { name: 'Causes à expliquer' }).getByRole('checkbox', { name: 'Hernie discale lombaire' }),
  ).toBeChecked()
  await expect(mollet).toHaveURL(/view=handout/)
})

test('the detail lists every "En savoir plus" topic with its other entries as links', async ({ mollet }) => {
  const entry = conditions.find((c) => c.topics.length > 1) as Condition
  const differential = entry.kind === 'differential'
  await mollet.getByRole('tab', { name: differential ? 'Diagnostics différentiels' : 'Causes', exact: true }).click()
  await mollet.locator(`[role="tabpanel"]:not([hidden]) tr[data-entry="${entry.id}"]`).click()
  const dialog = mollet.getByRole('dialog', { name: entry.name })
  const items = dialog.locator('.topic-list > li')
  await expect(items.locator('.topic-label')).toHaveText(entry.topics.map((id) => topics.find((t) => t.id === id)?.label ?? id))
  for (const id of entry.topics) {
    const topic = topics.find((t) => t.id === id) as Topic
    const names = topic.related.filter((r) => r !== entry.id).map((r) => conditions.find((c) => c.id === r)?.name ?? r)
    await expect(dialog.locator(`[data-topic="${id}"] .topic-entries button`)).toHaveText(names)
  }
})

test('Esc then Enter at once opens the entry again (the late close event is ignored)', async ({ mollet }) => {
  const causes = mollet.getByRole('tabpanel', { name: 'Causes', exact: true })
  const row = causes.locator('tr.entry-row').first()
  const name = (await row.locator('.entry-name').textContent()) ?? ''
  await row.click()
  const dialog = mollet.getByRole('dialog', { name })
  await expect(dialog).toBeVisible()
  // What Esc does (a cancel event, then the dialog closes; its close event comes a task later),
  // then, before that task, Enter on the same row: the case of two keys queued back to back.
  await mollet.evaluate(async () => {
    const detail = document.querySelector<HTMLDialogElement>('dialog.detail')
    detail?.dispatchEvent(new Event('cancel'))
    detail?.close()
    await Promise.resolve()
    await Promise.resolve()
    document
      .querySelector('[role="tabpanel"]:not([hidden]) tr.entry-row')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
  })
  await expect(dialog).toBeVisible()
  await mollet.waitForTimeout(200)
  await expect(dialog).toBeVisible()
})

/** Whether what is drawn at the top and the bottom of the focused element's row is that row (nothing sticks over it). */
const focusedRowUncovered = (page: Page) =>
  page.evaluate(() => {
    const tr = document.activeElement?.closest('tr')
    if (!tr) return false
    const box = tr.getBoundingClientRect()
    const x = box.left + Math.min(40, box.width / 2)
    const drawnAt = (y: number) => {
      const hit = document.elementFromPoint(x, y)
      return hit !== null && tr.contains(hit)
    }
    return drawnAt(box.top + 2) && drawnAt(box.bottom - 2)
  })

for (const viewport of [
  { width: 1280, height: 840 },
  { width: 640, height: 420 },
]) {
  test(`at ${viewport.width} × ${viewport.height} the ranked rows’ keys stop at every row shown: the tie, its members, « Afficher »`, async ({
    mollet,
  }) => {
    await mollet.setViewportSize(viewport)
    await mollet.getByRole('tab', { name: 'Orientation' }).click()
    const view = mollet.getByRole('tabpanel', { name: 'Orientation' })
    await view.locator('[data-finding="contractions-frequentes"]').getByRole('radio', { name: 'Présent' }).check()
    const tie = view.locator('tbody[data-group="serieux"] tr.tie-row').getByRole('button')
    const stops = view.locator('tr.entry-row, tr.tie-row .tie-toggle, tr.group-row .group-toggle')
    const search = view.getByRole('searchbox')
    // ↓ from the search box: the graves' tie row comes first, in sight under what sticks.
    await search.focus()
    await mollet.keyboard.press('ArrowDown')
    await expect(tie).toBeFocused()
    await expect.poll(() => focusedRowUncovered(mollet)).toBe(true)
    // Enter opens it; ↓ then walks every row shown, its members among them, down to « Afficher ».
    await mollet.keyboard.press('Enter')
    await expect(tie).toHaveAttribute('aria-expanded', 'true')
    const count = await stops.count()
    expect(count).toBeGreaterThan(10)
    for (let i = 1; i < count; i++) {
      await mollet.keyboard.press('ArrowDown')
      await expect(stops.nth(i)).toBeFocused()
      await expect.poll(() => focusedRowUncovered(mollet)).toBe(true)
    }
    await expect(stops.last()).toHaveText('Afficher')
    // Enter on « Afficher » unfolds the others; ↓ goes on into them.
    await mollet.keyboard.press('Enter')
    await expect(stops.nth(count - 1)).toHaveText('Masquer')
    await mollet.keyboard.press('ArrowDown')
    await expect(stops.nth(count)).toBeFocused()
    // Home; Page Down goes further down and Page Up back; Page Up on the first row stays in the
    // table; only ↑ goes back to the search box.
    await mollet.keyboard.press('Home')
    await expect(tie).toBeFocused()
    await mollet.keyboard.press('PageDown')
    await expect(tie).not.toBeFocused()
    await expect.poll(() => focusedRowUncovered(mollet)).toBe(true)
    await mollet.keyboard.press('PageUp')
    await expect(tie).toBeFocused()
    await mollet.keyboard.press('PageUp')
    await expect(tie).toBeFocused()
    await mollet.keyboard.press('ArrowUp')
    await expect(search).toBeFocused()
  })
}

/** The colours, as « r,g,b », of the pixels on screen along a vertical line at `x`, from `top` to `bottom` (CSS px). */
async function pixelsDown(page: Page, x: number, top: number, bottom: number): Promise<string[]> {
  const clip = { x: Math.round(x), y: Math.round(top), width: 1, height: Math.round(bottom - top) }
  const png = (await page.screenshot({ clip, scale: 'css' })).toString('base64')
  return page.evaluate(async (data) => {
    const image = new Image()
    image.src = `data:image/png;base64,${data}`
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = image.width
    canvas.height = image.height
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
    ctx.drawImage(image, 0, 0)
    const { data: rgba } = ctx.getImageData(0, 0, image.width, image.height)
    return Array.from({ length: image.height }, (_, i) => `${rgba[i * 4]},${rgba[i * 4 + 1]},${rgba[i * 4 + 2]}`)
  }, png)
}

for (const [width, height] of [
  [1280, 840],
  [640, 420],
] as const) {
  test(`at ${width} × ${height} a focused row’s ring is seen on all four sides, the sticky name cell’s and the frame’s edge included`, async ({
    mollet,
  }) => {
    await mollet.setViewportSize({ width, height })
    const causes = mollet.getByRole('tabpanel', { name: 'Causes', exact: true })
    const row = causes.locator('tr.entry-row').nth(1)
    await expect(row).toBeVisible()
    await mollet.keyboard.press('/')
    await mollet.keyboard.press('ArrowDown')
    await mollet.keyboard.press('ArrowDown')
    await expect(row).toBeFocused()
    const focus = await mollet.evaluate(() => {
      const probe = document.createElement('span')
      probe.style.color = 'var(--focus)'
      document.body.append(probe)
      const [r, g, b] = (getComputedStyle(probe).color.match(/\d+/gu) ?? []).map(Number)
      probe.remove()
      return `${r},${g},${b}`
    })
    // What of the row is on screen: the frame clips it when the table scrolls sideways.
    const box = await row.evaluate((tr) => {
      const r = tr.getBoundingClientRect()
      const frame = tr.closest('.table-wrap') as HTMLElement
      const f = frame.getBoundingClientRect()
      const right = Math.min(r.right, f.left + frame.clientLeft + frame.clientWidth)
      return { x: r.left, y: r.top, width: right - r.left, height: r.height, scrolls: frame.scrollWidth > frame.clientWidth }
    })
    if (width < 1000) expect(box.scrolls).toBe(true)
    // The ring's left and right sides: a vertical run of the focus colour one pixel inside each edge.
    const left = await pixelsDown(mollet, box.x + 1, box.y + 4, box.y + box.height - 4)
    expect(left.filter((p) => p === focus).length, `${focus} in ${[...new Set(left)]}`).toBe(left.length)
    const right = await pixelsDown(mollet, box.x + box.width - 2, box.y + 4, box.y + box.height - 4)
    expect(right.filter((p) => p === focus).length, `${focus} in ${[...new Set(right)]}`).toBe(right.length)
    // Top and bottom, across the name cell: the ring at both ends.
    const across = await pixelsDown(mollet, box.x + 40, box.y, box.y + box.height)
    expect(across.at(1)).toBe(focus)
    expect(across.at(-2)).toBe(focus)
  })
}
