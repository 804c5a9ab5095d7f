// The "Orientation" view: the clinician marks the patient's findings; the
// causes and differentials narrow and order by fit, each row says why, a red
// flag raises the article's advice, a harmless picture shows self-care. The
// expected rows, reasons and texts come from the knowledge-base JSON.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import {
  MATCH_GROUPS,
  explainScore,
  matchDifferentials,
  reassurance,
  redFlagAlert,
  type MarkedFindings,
  type MatchKb,
  type MatchResult,
} from '../../shared/differentials/match'
import { CATEGORIES, REFERRALS } from '../../shared/kb/vocabulary'
import { matchesQuery } from '../../shared/text/fold'
import { test, expect, resourcesDir } from '../harness/fixtures'

const read = <T,>(file: string): T => JSON.parse(readFileSync(join(resourcesDir, 'knowledge', file), 'utf8')) as T
const kb: MatchKb = {
  causes: read('causes.json'),
  differentials: read('differentials.json'),
  findings: read('findings.json'),
  advice: read('advice.json'),
}
const NBSP = '\u00a0'
const label = (id: string): string => kb.findings.find((f) => f.id === id)?.label ?? id
const present = (...ids: string[]): MarkedFindings => Object.fromEntries(ids.map((id) => [id, 'present' as const]))

async function openOrientation(page: Page) {
  await page.getByRole('tab', { name: 'Orientation' }).click()
  const view = page.getByRole('tabpanel', { name: 'Orientation' })
  await expect(view.locator('tr.entry-row').first()).toBeVisible()
  return view
}

async function mark(page: Page, id: string, state: 'Présent' | 'Absent' | 'Inconnu') {
  await page.locator(`[data-finding="${id}"]`).getByRole('radio', { name: state }).check()
}

/** What a row's "Concordance" cell must say. */
function reasons(r: MatchResult): string[] {
  const lines: string[] = []
  if (r.matched.length > 0) lines.push(`Concorde${NBSP}: ${r.matched.map(label).join(', ')}`)
  if (r.against.length > 0) lines.push(`Contre${NBSP}: ${r.against.map(label).join(', ')}`)
  lines.push(lines.length > 0 ? explainScore(r) : 'Aucun signe marqué ne la concerne')
  return lines
}

test('with nothing marked: every cause and differential, grave first, no banner', async ({ mollet }) => {
  const view = await openOrientation(mollet)
  const expected = matchDifferentials(kb, {})
  await expect(view.locator('tr.entry-row')).toHaveCount(kb.causes.length + kb.differentials.length)
  expect(await view.locator('tr.entry-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entry')))).toEqual(
    expected.map((r) => r.id),
  )
  await expect(view.getByRole('alert')).toHaveCount(0)
  await expect(view.getByTestId('reassurance')).toHaveCount(0)
  await expect(view.locator('th[scope="rowgroup"]')).toHaveCount(0)
  await expect(view.getByRole('columnheader', { name: 'Concordance' })).toHaveCount(0)
  await expect(view.getByRole('radio', { name: 'Inconnu', checked: true })).toHaveCount(kb.findings.length)
})

test('pain and tingling: disc herniation and nerve first, with reasons, and a banner sending to a neurologist', async ({ mollet }) => {
  const view = await openOrientation(mollet)
  await mark(mollet, 'douleur-mollet', 'Présent')
  await mark(mollet, 'picotements', 'Présent')
  const marked = present('douleur-mollet', 'picotements')
  const expected = matchDifferentials(kb, marked)

  // The groups: serious first, "Autres" folded with its count.
  const shown = expected.filter((r) => r.group !== 'autres')
  const rows = view.locator('tr.entry-row')
  expect(await rows.evaluateAll((trs) => trs.map((r) => r.getAttribute('data-entry')))).toEqual(shown.map((r) => r.id))
  expect(shown.slice(0, 2).map((r) => r.id)).toEqual(['hernie-discale-lombaire', 'compression-nerveuse'])
  await expect(view.locator('tbody[data-group="serieux"] th[scope="rowgroup"]')).toContainText(MATCH_GROUPS.serieux)
  for (const r of shown) {
    await expect(view.locator(`tr[data-entry="${r.id}"] .why`)).toHaveText(reasons(r))
  }
  await expect(view.getByRole('status').filter({ hasText: 'concordante' })).toHaveText(
    `${shown.length}${NBSP}entrées concordantes sur${NBSP}${expected.length}`,
  )

  // The red-flag banner: the flags, the article's advice, the referral.
  const alert = redFlagAlert(kb, marked)
  expect(alert?.referral).toBe('neurologue')
  const banner = view.getByRole('alert')
  await expect(banner.getByRole('heading')).toHaveText(
    `Signes d’alerte présents${NBSP}: ${label('douleur-mollet')}, ${label('picotements')}`,
  )
  await expect(banner.getByRole('listitem')).toHaveText(alert?.advice ?? [])
  await expect(banner).toContainText(`Orientation conseillée${NBSP}: ${REFERRALS.neurologue}`)
  await expect(view.getByTestId('reassurance')).toHaveCount(0)

  // "Autres" unfolds: the benign causes say what argues against them.
  const others = expected.filter((r) => r.group === 'autres')
  const toggle = view.locator('tbody[data-group="autres"]').getByRole('button', { name: 'Afficher' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(view.locator('tbody[data-group="autres"] th')).toContainText(`${MATCH_GROUPS.autres} (${others.length})`)
  await toggle.click()
  await expect(view.locator('tbody[data-group="autres"]').getByRole('button', { name: 'Masquer' })).toHaveAttribute('aria-expanded', 'true')
  await expect(rows).toHaveCount(expected.length)
  const benign = others.find((r) => r.id === 'deshydratation') as MatchResult
  expect(benign.against).toEqual(['douleur-mollet', 'picotements'])
  await expect(view.locator('tr[data-entry="deshydratation"] .why')).toHaveText(reasons(benign))
  const untouched = others.find((r) => r.matched.length === 0 && r.against.length === 0) as MatchResult
  await expect(view.locator(`tr[data-entry="${untouched.id}"] .why`)).toHaveText(['Aucun signe marqué ne la concerne'])
})

test('after intense exercise alone: the harmless causes with self-care, no banner', async ({ mollet }) => {
  const view = await openOrientation(mollet)
  await mark(mollet, 'apres-effort', 'Présent')
  const marked = present('apres-effort')
  const expected = matchDifferentials(kb, marked).filter((r) => r.group !== 'autres')
  expect(expected.every((r) => r.group === 'probable' && r.condition.seriousness === 'benin')).toBe(true)
  expect(await view.locator('tr.entry-row').evaluateAll((trs) => trs.map((r) => r.getAttribute('data-entry')))).toEqual(
    expected.map((r) => r.id),
  )
  for (const r of expected) await expect(view.locator(`tr[data-entry="${r.id}"] .why`)).toHaveText(reasons(r))

  await expect(view.getByRole('alert')).toHaveCount(0)
  const calm = reassurance(kb, marked)
  expect(calm).not.toBeNull()
  const box = view.getByTestId('reassurance')
  await expect(box).toHaveAttribute('role', 'status')
  await expect(box.getByRole('heading')).toHaveText(
    `Causes généralement bénignes${NBSP}: ${(calm?.causes ?? []).map((c) => c.name).join(', ')}`,
  )
  await expect(box.getByRole('listitem')).toHaveText((calm?.advice ?? []).map((a) => `${a.label}${NBSP}: ${a.patientText}`))
  await expect(box).toContainText(REFERRALS['auto-soins'])

  // A red flag added turns the reassurance into the banner.
  await mark(mollet, 'fievre', 'Présent')
  await expect(box).toHaveCount(0)
  await expect(view.getByRole('alert')).toContainText(label('fievre'))
  await expect(view.getByRole('alert')).toContainText(`Orientation conseillée${NBSP}: ${REFERRALS.medecin}`)
})

test('an absent defining finding argues against; "Tout effacer" brings back the plain list', async ({ mollet }) => {
  const view = await openOrientation(mollet)
  await mark(mollet, 'perte-de-conscience', 'Présent')
  await mark(mollet, 'tout-le-corps', 'Absent')
  const r = matchDifferentials(kb, { 'perte-de-conscience': 'present', 'tout-le-corps': 'absent' }).find((x) => x.id === 'epilepsie')
  expect(r?.against).toEqual(['tout-le-corps'])
  await expect(view.locator('tr[data-entry="epilepsie"] .why')).toHaveText(reasons(r as MatchResult))
  await expect(view.locator('[data-finding="tout-le-corps"]').getByRole('radio', { name: 'Absent' })).toBeChecked()

  await view.getByRole('button', { name: 'Tout effacer' }).click()
  await expect(view.getByRole('radio', { name: 'Inconnu', checked: true })).toHaveCount(kb.findings.length)
  await expect(view.getByRole('alert')).toHaveCount(0)
  await expect(view.locator('tr.entry-row')).toHaveCount(kb.causes.length + kb.differentials.length)
  await expect(view.getByRole('button', { name: 'Tout effacer' })).toBeDisabled()
})

test('the search narrows the ranked list', async ({ mollet }) => {
  const view = await openOrientation(mollet)
  await mark(mollet, 'contractions-frequentes', 'Présent')
  await view.getByRole('searchbox').fill('sclerose')
  const expected = matchDifferentials(kb, present('contractions-frequentes')).filter((r) => {
    const c = r.condition
    return matchesQuery([c.name, ...c.aliases, CATEGORIES[c.category], c.patientExplanation], 'sclerose')
  })
  expect(expected.length).toBeGreaterThan(1)
  expect(await view.locator('tr.entry-row').evaluateAll((trs) => trs.map((r) => r.getAttribute('data-entry')))).toEqual(
    expected.map((r) => r.id),
  )
})

test('the orientation view follows French typography', async ({ mollet }) => {
  const view = await openOrientation(mollet)
  const offences = () =>
    view.evaluate((root) => {
      const found: string[] = []
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        if (/'/.test(text) || / [:;!?»]/.test(text) || /« /.test(text)) found.push(text)
      }
      return found
    })
  expect(await offences()).toEqual([])
  await mark(mollet, 'douleur-mollet', 'Présent')
  await mark(mollet, 'picotements', 'Présent')
  await view.getByRole('button', { name: 'Afficher' }).click()
  expect(await offences()).toEqual([])
  await view.getByRole('button', { name: 'Tout effacer' }).click()
  await mark(mollet, 'apres-effort', 'Présent')
  await expect(view.getByTestId('reassurance')).toBeVisible()
  expect(await offences()).toEqual([])
})
