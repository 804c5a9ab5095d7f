// The "Causes" and "Diagnostics différentiels" tables, their search, filters,
// sorting, column visibility, the entry detail, and the knowledge-base
// problem and IPC error states, in the built renderer with the real handlers.
import { readFileSync } from 'node:fs'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { conditionsOf, type Condition } from '../../shared/kb/types'
import { CATEGORIES, SERIOUSNESS } from '../../shared/kb/vocabulary'
import { foldForSearch } from '../../shared/text/fold'
import { conditionMatches } from '../../shared/search/conditions'
import { test, expect, resourcesDir } from '../harness/fixtures'

const readList = (file: string): Condition[] => JSON.parse(readFileSync(join(resourcesDir, 'knowledge', file), 'utf8')) as Condition[]
const causes = readList('causes.json')
const differentials = readList('differentials.json')
const all = conditionsOf({ causes, differentials })

const NBSP = '\u00a0'
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })

function panel(page: Page, name: string) {
  return page.getByRole('tabpanel', { name, exact: true })
}

async function openView(page: Page, name: 'Causes' | 'Diagnostics différentiels') {
  await page.getByRole('tab', { name, exact: true }).click()
  return panel(page, name)
}

/** The view whose file holds the entry. */
function viewOf(entry: Condition): 'Causes' | 'Diagnostics différentiels' {
  return causes.includes(entry) ? 'Causes' : 'Diagnostics différentiels'
}

function entryNamed(pattern: RegExp): Condition {
  const entry = all.find((c) => pattern.test(c.name))
  if (!entry) throw new Error(`no entry named ${pattern}`)
  return entry
}

test('both tables list every entry of causes.json and differentials.json', async ({ mollet }) => {
  expect(causes.length).toBeGreaterThan(0)
  expect(differentials.length).toBeGreaterThan(0)
  for (const [view, entries] of [
    ['Causes', causes],
    ['Diagnostics différentiels', differentials],
  ] as const) {
    const table = (await openView(mollet, view)).getByRole('table')
    await expect(table.locator('tbody tr.entry-row')).toHaveCount(entries.length)
    for (const entry of entries) {
      await expect(table.locator(`tr[data-entry="${entry.id}"] .entry-name`)).toHaveText(entry.name)
    }
    await expect(table.getByRole('columnheader')).toHaveText([
      /Nom/,
      /Catégorie/,
      /Gravité/,
      /Localisation/,
      /Contextes/,
      /Orientation/,
      /CIM-10/,
    ])
  }
})

for (const [query, pattern] of [
  ['sclerose', /^Sclérose en plaques$/],
  ['hemorragie', /hémorragie/i],
] as const) {
  test(`searching "${query}" ignores accents and case`, async ({ mollet }) => {
    const entry = entryNamed(pattern)
    const view = await openView(mollet, viewOf(entry))
    const total = viewOf(entry) === 'Causes' ? causes.length : differentials.length
    await view.getByRole('searchbox').fill(query)
    const rows = view.locator('tbody tr.entry-row')
    await expect(rows.filter({ hasText: entry.name })).toHaveCount(1)
    const expected = (viewOf(entry) === 'Causes' ? causes : differentials).filter((c) => conditionMatches(c, query))
    await expect(rows).toHaveCount(expected.length)
    expect(expected.length).toBeLessThan(total)
    await expect(view.getByRole('status')).toContainText(`${expected.length}`)
    await expect(view.getByRole('status')).toContainText(`sur${NBSP}${total}`)
  })
}

test('a category filter shows its count and narrows the rows', async ({ mollet }) => {
  const byCategory = new Map<string, number>()
  for (const c of causes) byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + 1)
  const [category, n] = [...byCategory.entries()].sort((a, b) => b[1] - a[1])[0] as [keyof typeof CATEGORIES, number]
  expect(n).toBeLessThan(causes.length)

  const view = await openView(mollet, 'Causes')
  const facet = view.getByRole('group', { name: 'Catégorie' })
  for (const [key, count] of byCategory) {
    const option = facet.locator('label').filter({ hasText: CATEGORIES[key as keyof typeof CATEGORIES] })
    await expect(option.locator('.facet-count')).toHaveText(String(count))
  }
  await facet.getByRole('checkbox', { name: CATEGORIES[category] }).check()
  await expect(view.locator('tbody tr.entry-row')).toHaveCount(n)
  for (const c of causes.filter((c) => c.category === category)) {
    await expect(view.locator(`tr[data-entry="${c.id}"]`)).toBeVisible()
  }
  await expect(view.getByRole('status')).toHaveText(`${n}${NBSP}${n > 1 ? 'causes' : 'cause'} sur${NBSP}${causes.length}`)
})

test('sorting by name sets aria-sort and orders the rows', async ({ mollet }) => {
  const view = await openView(mollet, 'Causes')
  const header = view.getByRole('columnheader', { name: /Nom/ })
  await expect(header).not.toHaveAttribute('aria-sort')
  const names = causes.map((c) => c.name).sort(collator.compare)
  await header.getByRole('button').click()
  await expect(header).toHaveAttribute('aria-sort', 'ascending')
  await expect(view.locator('tbody .entry-name')).toHaveText(names)
  await header.getByRole('button').click()
  await expect(header).toHaveAttribute('aria-sort', 'descending')
  await expect(view.locator('tbody .entry-name')).toHaveText([...names].reverse())

  // Seriousness sorts by gravity (bénin, à évaluer, grave), not alphabetically.
  const gravity = view.getByRole('columnheader', { name: /Gravité/ })
  await gravity.getByRole('button').click()
  await expect(gravity).toHaveAttribute('aria-sort', 'ascending')
  await expect(header).not.toHaveAttribute('aria-sort')
  const rank = Object.keys(SERIOUSNESS)
  const ranks = [...causes].map((c) => rank.indexOf(c.seriousness)).sort((a, b) => a - b)
  await expect(view.locator('tbody .badge')).toHaveText(ranks.map((r) => SERIOUSNESS[rank[r] as keyof typeof SERIOUSNESS]))
})

test('the "Colonnes" menu hides and shows a column', async ({ mollet }) => {
  const view = await openView(mollet, 'Causes')
  const table = view.getByRole('table')
  await expect(table.getByRole('columnheader', { name: /CIM-10/ })).toBeVisible()
  await view.getByText('Colonnes', { exact: true }).click()
  const toggle = view.getByRole('checkbox', { name: 'CIM-10' })
  await toggle.uncheck()
  await expect(table.getByRole('columnheader', { name: /CIM-10/ })).toHaveCount(0)
  await expect(table.locator('tbody tr.entry-row').first().locator('td')).toHaveCount(6)
  await toggle.check()
  await expect(table.getByRole('columnheader', { name: /CIM-10/ })).toBeVisible()
  await mollet.keyboard.press('Escape')
  await expect(toggle).toBeHidden()
  await view.getByText('Colonnes', { exact: true }).click()
  await expect(toggle).toBeVisible()
  await view.getByRole('searchbox').click()
  await expect(toggle).toBeHidden()
})

test('no result says so and clearing the filters brings every row back', async ({ mollet }) => {
  const view = await openView(mollet, 'Causes')
  const search = view.getByRole('searchbox')
  await search.fill('zzzz introuvable')
  await expect(view.locator('tbody tr.entry-row')).toHaveCount(0)
  await expect(view.getByText('Aucun résultat')).toBeVisible()
  await view.getByRole('cell').getByRole('button', { name: 'Effacer les filtres' }).click()
  await expect(search).toHaveValue('')
  await expect(view.locator('tbody tr.entry-row')).toHaveCount(causes.length)
  await expect(view.getByText('Aucun résultat')).toHaveCount(0)
})

test('a row opens the detail with its verbatim quote; Esc closes and gives focus back', async ({ mollet }) => {
  const entry = causes[0] as Condition
  const view = await openView(mollet, 'Causes')
  const row = view.locator(`tr[data-entry="${entry.id}"]`)
  await row.focus()
  await mollet.keyboard.press('Enter')
  const dialog = mollet.getByRole('dialog', { name: entry.name })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('heading', { level: 2 })).toBeFocused()
  // The entry's own quotes, under « Source » (its groups' statements carry theirs above).
  const source = dialog.locator('.source')
  await expect(source.locator('blockquote')).toHaveText(entry.provenance.map((p) => p.quote))
  await expect(dialog.getByText(entry.whatToDo, { exact: true })).toBeVisible()
  await source.getByText('Voir le passage dans l’article').first().click()
  await expect(source.locator('mark').first()).toHaveText(entry.provenance[0]?.quote ?? '')
  await mollet.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(row).toBeFocused()

  // A click outside the panel closes it too.
  await row.click()
  await expect(dialog).toBeVisible()
  await mollet.mouse.click(40, 400)
  await expect(dialog).toBeHidden()
  await expect(row).toBeFocused()
})

test('a related entry opens from the detail', async ({ mollet }) => {
  const entry = all.find((c) => c.related.length > 0)
  if (!entry) throw new Error('the knowledge base has no entry with related entries')
  const target = all.find((c) => c.id === entry.related[0]) as Condition
  await (await openView(mollet, viewOf(entry))).locator(`tr[data-entry="${entry.id}"]`).click()
  await mollet.getByRole('dialog').getByRole('button', { name: target.name, exact: true }).click()
  await expect(mollet.getByRole('dialog', { name: target.name })).toBeVisible()
  await expect(mollet.getByRole('dialog').locator('.source blockquote').first()).toHaveText(target.provenance[0]?.quote ?? '')
  // The way back: « ← Retour à … » the entry it was reached from, then no trail left.
  await mollet
    .getByRole('dialog')
    .getByRole('button', { name: `← Retour à ${entry.name}` })
    .click()
  await expect(mollet.getByRole('dialog', { name: entry.name })).toBeVisible()
  await expect(mollet.getByRole('dialog').getByRole('button', { name: /^← Retour à/u })).toHaveCount(0)
  // Closed and opened again: a fresh trail.
  await mollet.getByRole('dialog').getByRole('button', { name: target.name, exact: true }).click()
  await mollet.keyboard.press('Escape')
  await (await openView(mollet, viewOf(entry))).locator(`tr[data-entry="${entry.id}"]`).click()
  await expect(mollet.getByRole('dialog').getByRole('button', { name: /^← Retour à/u })).toHaveCount(0)
})

test.describe('a broken knowledge base', () => {
  const broken = causes[0] as Condition
  test.use({
    handlerDeps: async ({}, use) => {
      const dir = await mkdtemp(join(tmpdir(), 'mollet-broken-'))
      await cp(resourcesDir, dir, { recursive: true })
      const bad = causes.map((c, i) => (i === 0 ? { ...c, category: 'inconnue' } : c))
      await writeFile(join(dir, 'knowledge', 'causes.json'), JSON.stringify(bad))
      await writeFile(join(dir, 'knowledge', 'topics.json'), '[{ "id": ')
      await use({ resourcesDir: dir })
      await rm(dir, { recursive: true, force: true })
    },
  })

  test('says in French which file, entry and field is wrong, and the rest works', async ({ mollet }) => {
    const banner = mollet.getByRole('alert')
    await expect(banner.getByRole('heading')).toContainText('Base de connaissances')
    // Folded, the list keeps its first problems: the broken entry comes first.
    const problemRows = banner.locator('tbody tr')
    await expect(problemRows).toHaveCount(3)
    await expect(problemRows.first().getByRole('cell')).toHaveText(['causes.json', broken.id, 'category', /.+/])

    await banner.getByRole('button', { name: /^Afficher les \d+ autres problèmes$/ }).click()
    const total = await problemRows.count()
    expect(total).toBeGreaterThan(3)
    await expect(banner.getByRole('heading')).toContainText(`${total}${NBSP}problèmes`)
    await expect(banner.getByRole('row').filter({ hasText: 'topics.json' }).first()).toContainText('JSON invalide')
    await banner.getByRole('button', { name: 'Réduire la liste' }).click()
    await expect(problemRows).toHaveCount(3)

    const view = panel(mollet, 'Causes')
    await expect(view.locator('tbody tr.entry-row')).toHaveCount(causes.length - 1)
    await expect(view.locator(`tr[data-entry="${broken.id}"]`)).toHaveCount(0)
    await view.getByRole('searchbox').fill(foldForSearch(causes[1]?.name ?? ''))
    await expect(view.locator(`tr[data-entry="${causes[1]?.id}"]`)).toBeVisible()
    const diff = await openView(mollet, 'Diagnostics différentiels')
    await expect(diff.locator('tbody tr.entry-row')).toHaveCount(differentials.length)
  })
})

test('an IPC failure is said in French and the app stays usable', async ({ mollet, server }) => {
  // The sender check refuses a page from another origin: a real failed call.
  await mollet.goto(`${server.origin.replace('127.0.0.1', 'localhost')}/index.html`)
  const alert = mollet.getByRole('alert')
  await expect(alert).toContainText('La base de connaissances n’a pas pu être chargée')
  await expect(alert).toContainText('Appel refusé')
  await expect(alert.getByRole('button', { name: 'Réessayer' })).toBeVisible()
  const view = await openView(mollet, 'Diagnostics différentiels')
  await expect(mollet.getByRole('tab', { name: 'Diagnostics différentiels' })).toHaveAttribute('aria-selected', 'true')
  await expect(view.getByText('Aucune entrée dans la base de connaissances.')).toBeVisible()
})

test('displayed text follows French typography (quotes from the article aside)', async ({ mollet }) => {
  const offences = async () =>
    mollet.evaluate(() => {
      const found: string[] = []
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement
        if (!parent || parent.closest('blockquote, .article-passage, code, [hidden]')) continue
        const text = node.textContent ?? ''
        if (/'/.test(text) || / [:;!?»]/.test(text) || /« /.test(text)) found.push(text)
      }
      return found
    })
  await expect(mollet.locator('tr.entry-row').first()).toBeVisible()
  expect(await offences()).toEqual([])
  await mollet.getByRole('tab', { name: 'Diagnostics différentiels' }).click()
  expect(await offences()).toEqual([])
  await mollet.getByRole('tabpanel', { name: 'Diagnostics différentiels' }).locator('tr.entry-row').first().click()
  await expect(mollet.getByRole('dialog')).toBeVisible()
  expect(await offences()).toEqual([])
})
