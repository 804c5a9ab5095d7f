// The "Orientation" view: the clinician marks the patient's findings; the
// causes and differentials narrow and order by fit, each row says why, a red
// flag raises the article's advice, a harmless picture shows self-care. The
// expected rows, reasons and texts come from the knowledge-base JSON.
import type { Page } from '@playwright/test'
import {
  MATCH_GROUPS,
  explainScore,
  explainSpecificity,
  matchDifferentials,
  reassurance,
  redFlagAlert,
  type MarkedFindings,
  type MatchKb,
  type MatchResult,
} from '../../shared/differentials/match'
import { CATEGORIES, REFERRALS } from '../../shared/kb/vocabulary'
import { matchesQuery } from '../../shared/text/fold'
import { test, expect, readKnowledgeFile } from '../harness/fixtures'

const read = readKnowledgeFile
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
  if (r.against.length > 0) {
    lines.push(`Contre${NBSP}: ${r.against.map((id) => (r.missing.includes(id) ? `${label(id)} (absent)` : label(id))).join(', ')}`)
  }
  if (lines.length === 0) return ['Aucun signe marqué ne la concerne']
  lines.push(explainScore(r))
  const rank = explainSpecificity(r, label)
  if (rank) lines.push(rank)
  return lines
}

const redFlags = kb.findings.filter((f) => f.redFlag)
const allRedFlagsAbsent = (): MarkedFindings => Object.fromEntries(redFlags.map((f) => [f.id, 'absent' as const]))

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

// No reassurance before the red flags are asked.
test('after intense exercise alone: the red flags to ask first; self-care only once all are answered Absent', async ({ mollet }) => {
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
  const pending = view.getByTestId('reassurance-pending')
  await expect(pending.getByRole('heading')).toHaveText('À vérifier avant de rassurer')
  await expect(pending.getByRole('listitem')).toHaveText(redFlags.map((f) => f.label))
  await expect(view.getByTestId('reassurance')).toHaveCount(0)
  await expect(pending).not.toContainText(REFERRALS['auto-soins'])
  await expect(view.locator('.alert-referral')).toHaveCount(0)
  // No row reads « Mesures simples » either, before the red flags are answered.
  await expect(view.locator('td.col-referral', { hasText: REFERRALS['auto-soins'] })).toHaveCount(0)
  await expect(view.locator(`tr[data-entry="${expected[0]?.id}"] td.col-referral`)).toHaveText('À vérifier avant de rassurer')

  // Answered one by one: the list shrinks; the last answer earns the self-care box.
  for (const [i, f] of redFlags.entries()) {
    if (i === redFlags.length - 1) await expect(pending.getByRole('listitem')).toHaveText([f.label])
    await mark(mollet, f.id, 'Absent')
  }
  await expect(pending).toHaveCount(0)
  const calm = reassurance(kb, { ...marked, ...allRedFlagsAbsent() })
  expect(calm?.status).toBe('earned')
  const box = view.getByTestId('reassurance')
  await expect(box).toHaveAttribute('role', 'status')
  await expect(box.getByRole('heading')).toHaveText(
    `Causes généralement bénignes${NBSP}: ${(calm?.causes ?? []).map((c) => c.name).join(', ')}`,
  )
  await expect(box.getByRole('listitem')).toHaveText(
    (calm?.status === 'earned' ? calm.advice : []).map((a) => `${a.label}${NBSP}: ${a.patientText}`),
  )
  await expect(box).toContainText(REFERRALS['auto-soins'])
  await expect(view.locator(`tr[data-entry="${expected[0]?.id}"] td.col-referral`)).toHaveText(REFERRALS['auto-soins'])

  // A red flag said present turns the reassurance into the banner.
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

// A hit in the folded "Autres" group is shown, not counted in an empty table.
test('the search narrows the ranked list and shows the hits of the folded group', async ({ mollet }) => {
  const view = await openOrientation(mollet)
  await mark(mollet, 'contractions-frequentes', 'Présent')
  await view.getByRole('searchbox').fill('sclerose')
  const byQuery = (r: MatchResult) => {
    const c = r.condition
    return matchesQuery([c.name, ...c.aliases, CATEGORIES[c.category], c.patientExplanation], 'sclerose')
  }
  const expected = matchDifferentials(kb, present('contractions-frequentes')).filter(byQuery)
  expect(expected.length).toBeGreaterThan(1)
  const rowIds = () => view.locator('tr.entry-row').evaluateAll((trs) => trs.map((r) => r.getAttribute('data-entry')))
  expect(await rowIds()).toEqual(expected.map((r) => r.id))

  await mark(mollet, 'contractions-frequentes', 'Inconnu')
  await mark(mollet, 'stress', 'Présent')
  const folded = matchDifferentials(kb, present('stress')).filter(byQuery)
  expect(folded.length).toBeGreaterThan(1)
  expect(folded.every((r) => r.group === 'autres')).toBe(true)
  await expect(view.locator('tr.entry-row')).toHaveCount(folded.length)
  expect(await rowIds()).toEqual(folded.map((r) => r.id))
  await expect(view.locator('tbody[data-group="autres"]').getByRole('button')).toHaveCount(0)
  await expect(view.locator('p.count')).toHaveText(`0${NBSP}entrée concordante sur${NBSP}${folded.length}`)
  // ↓ from the search box reaches the first hit.
  await view.getByRole('searchbox').press('ArrowDown')
  await expect(view.locator(`tr[data-entry="${folded[0]?.id}"]`)).toBeFocused()

  // The search cleared: "Autres" folds again.
  await view.getByRole('searchbox').fill('')
  await expect(view.locator('tbody[data-group="autres"]').getByRole('button', { name: 'Afficher' })).toBeVisible()
  await expect(view.locator('tbody[data-group="autres"] tr.entry-row')).toHaveCount(0)
})

// The serious group holds only grave entries; a tie is said, not hidden in alphabetical order.
test('frequent contractions: only grave entries under "Graves", tied ones as one row that opens to them', async ({ mollet }) => {
  const view = await openOrientation(mollet)
  await mark(mollet, 'contractions-frequentes', 'Présent')
  const results = matchDifferentials(kb, present('contractions-frequentes'))
  const serious = results.filter((r) => r.group === 'serieux')
  // Ten entries tied for the same reason: one row, the article's list, counted once.
  const tie = view.locator('tbody[data-group="serieux"] tr.tie-row')
  await expect(tie).toHaveCount(1)
  await expect(tie.locator('.entry-name')).toHaveText(`Maladies neurologiques (${serious.length})`)
  await expect(view.locator('tbody[data-group="serieux"] th[scope="rowgroup"]')).toContainText(`${MATCH_GROUPS.serieux} (1)`)
  await expect(view.locator('tbody[data-group="serieux"] tr.entry-row')).toHaveCount(0)
  await tie.getByRole('button').click()
  await expect(tie.getByRole('button')).toHaveAttribute('aria-expanded', 'true')
  await expect(view.locator('tbody[data-group="serieux"] tr.entry-row')).toHaveCount(serious.length)
  // Each badge says whose the grade is: Épilepsie's own, the others' only as members of the article's list.
  await expect(view.locator('tbody[data-group="serieux"] tr.entry-row .badge')).toHaveText(
    serious.map((r) => (r.condition.seriousnessOf ? 'Cité parmi des maladies plus graves' : 'Grave, à ne pas manquer')),
  )
  expect(serious.filter((r) => r.condition.seriousnessOf).length).toBe(serious.length - 1)
  // The tie row's badge is true of every member: all ten are in the article's list.
  await expect(tie.locator('.badge')).toHaveText('Cité parmi des maladies plus graves')
  for (const r of serious) await expect(view.locator(`tr[data-entry="${r.id}"] .why`)).toHaveText(reasons(r))
  await expect(view.locator('tbody[data-group="serieux"] tr.entry-row .why.rank').first()).toContainText(
    `à égalité avec ${serious.length - 1} autres entrées`,
  )
  // A pair stays two rows.
  const probable = results.filter((r) => r.group === 'probable')
  expect(probable.map((r) => r.id).sort()).toEqual(['syndrome-jambes-sans-repos', 'troubles-circulatoires-musculaires'])
  await expect(view.locator('tbody[data-group="probable"] tr.entry-row')).toHaveCount(probable.length)

  // Loss of consciousness points to epilepsy alone: it goes first, on its own row, tied with none.
  await mark(mollet, 'perte-de-conscience', 'Présent')
  const first = view.locator('tbody[data-group="serieux"] tr').nth(1)
  await expect(first).toHaveAttribute('data-entry', 'epilepsie')
  await expect(first.locator('.why.rank')).not.toContainText('à égalité')
})

test('stress and frequent contractions, the other red flags absent: a handful of distinct rows, stress in view', async ({ mollet }) => {
  const view = await openOrientation(mollet)
  await mark(mollet, 'stress', 'Présent')
  await mark(mollet, 'contractions-frequentes', 'Présent')
  for (const f of kb.findings.filter((f) => f.redFlag && f.id !== 'contractions-frequentes')) await mark(mollet, f.id, 'Absent')
  await expect(view.locator('tbody[data-group="serieux"] tr.tie-row .entry-name')).toHaveText(/^Maladies neurologiques \(9 sur 10\)$/)
  await expect(view.locator('tbody[data-group="discute"] tr[data-entry="stress-eleve"]')).toBeVisible()
  const distinct = await view.locator('tbody:not([data-group="autres"]) tr.entry-row, tbody tr.tie-row').count()
  expect(distinct).toBeLessThanOrEqual(6)
})

// A contrary sign takes a benign cause out of "Probables";
// a negative score carries the true minus sign; a shared advice sentence is said once.
test('a contrary sign argues against, scores with U+2212, and the banner says each advice once', async ({ mollet }) => {
  const view = await openOrientation(mollet)
  await expect(view.locator('[data-finding]')).toHaveCount(kb.findings.length)
  for (const gone of ['sensation-inconfort', 'mollet-seul']) await expect(view.locator(`[data-finding="${gone}"]`)).toHaveCount(0)
  await mark(mollet, 'apres-effort', 'Présent')
  await mark(mollet, 'douleur-mollet', 'Présent')
  const results = matchDifferentials(kb, present('apres-effort', 'douleur-mollet'))
  const magnesium = results.find((r) => r.id === 'carence-magnesium') as MatchResult
  // Not probable, but a marked finding points to it: in view under « Signes pour et contre ».
  expect(magnesium).toMatchObject({ group: 'discute', score: 0 })
  await expect(view.locator('tbody[data-group="discute"] tr[data-entry="carence-magnesium"]')).toBeVisible()
  await expect(view.locator('tbody[data-group="probable"] tr[data-entry="carence-magnesium"]')).toHaveCount(0)
  await view.getByRole('button', { name: 'Afficher' }).click()
  await expect(view.locator('tr[data-entry="carence-magnesium"] .why')).toHaveText(reasons(magnesium))
  const negative = results.find((r) => r.score < 0) as MatchResult
  await expect(view.locator(`tr[data-entry="${negative.id}"] .why.score`)).toHaveText(explainScore(negative))
  await expect(view.locator(`tr[data-entry="${negative.id}"] .why.score`)).toContainText(`= \u2212${-negative.score}`)

  await mark(mollet, 'douleur-mollet', 'Inconnu')
  await mark(mollet, 'picotements', 'Présent')
  await mark(mollet, 'faiblesse-musculaire', 'Présent')
  const banner = view.getByRole('alert')
  await expect(banner.getByRole('listitem')).toHaveCount(2)
  const text = (await banner.getByRole('list').textContent()) ?? ''
  const shared = 'Évaluation médicale nécessaire pour en préciser la cause.'
  expect(text.split(shared)).toHaveLength(2)
})

// What the article says of the neurological diseases is shown as their group's.
test('meningitis: its own « Que faire » says the article says nothing specific; the group statements are attributed', async ({
  mollet,
}) => {
  const view = await openOrientation(mollet)
  await view.getByRole('searchbox').fill('méningite')
  await view.locator('tr[data-entry="meningite"]').click()
  const dialog = mollet.getByRole('dialog', { name: 'Méningite' })
  const own = dialog.locator('.detail-section').filter({ has: mollet.getByRole('heading', { name: 'Que faire' }) })
  await expect(own).toContainText('sans rien en dire de propre')
  await expect(own).not.toContainText('physiothérapie')
  await expect(own).not.toContainText('fréquentes')
  const groups = dialog.getByTestId('group-statements')
  const treatment = groups.locator('[data-group-statement="maladies-neurologiques-traitement"]')
  await expect(treatment).toContainText(`Maladies neurologiques${NBSP}:`)
  await expect(treatment).toContainText('physiothérapie')
  await expect(treatment.locator('figcaption')).toHaveText(`Section «${NBSP}Traitement${NBSP}»`)
  await expect(groups.locator('[data-group-statement="maladies-plus-graves-consulter"] figcaption')).toHaveText(
    `Section «${NBSP}Causes neurologiques${NBSP}»`,
  )
})

test('a grade the article gives the group is said as the group’s, in the detail and the table alike', async ({ mollet }) => {
  await mollet.getByRole('tab', { name: 'Diagnostics différentiels', exact: true }).click()
  const table = mollet.getByRole('tabpanel', { name: 'Diagnostics différentiels' })
  await expect(table.locator('tr[data-entry="tics"] .badge')).toHaveText('Cité parmi des maladies plus graves')
  await expect(table.locator('tr[data-entry="epilepsie"] .badge')).toHaveText('Grave, à ne pas manquer')
  await table.locator('tr[data-entry="tics"]').click()
  const dialog = mollet.getByRole('dialog', { name: 'Tics' })
  await expect(dialog.locator('.facts .badge')).toHaveText('Cité parmi des maladies plus graves')
  await expect(dialog.getByTestId('seriousness-of-group')).toContainText('L’article ne gradue pas cette entrée à part')
  await expect(dialog.getByTestId('seriousness-of-group')).toContainText('Maladies plus graves (liste des causes neurologiques)')
  await expect(dialog.getByTestId('group-statements').locator('[data-group-statement="maladies-plus-graves-consulter"]')).toBeVisible()
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
  await expect(view.getByTestId('reassurance-pending')).toBeVisible()
  expect(await offences()).toEqual([])
  for (const f of redFlags) await mark(mollet, f.id, 'Absent')
  await expect(view.getByTestId('reassurance')).toBeVisible()
  expect(await offences()).toEqual([])
})

test('« Questions utiles »: red flags first, answered by keyboard, each answer said before it is given', async ({ mollet }) => {
  const view = await openOrientation(mollet)
  await mark(mollet, 'stress', 'Présent')
  await mark(mollet, 'contractions-frequentes', 'Présent')
  const questions = view.getByTestId('useful-questions')
  const first = questions.locator('[data-question]').first()
  const id = (await first.getAttribute('data-question')) as string
  expect(kb.findings.find((f) => f.id === id)?.redFlag).toBe(true)
  await expect(first).toContainText('Présent\u00a0:')
  // Keyboard: Space answers « Présent » on the first radio of the question.
  await first.getByRole('radio', { name: 'Présent' }).focus()
  await mollet.keyboard.press('Space')
  await expect(view.locator(`[data-finding="${id}"]`).getByRole('radio', { name: 'Présent' })).toBeChecked()
  await expect(questions.locator(`[data-question="${id}"]`)).toHaveCount(0)
  // The focus moved to the next question, not to the page.
  await expect(questions.getByRole('radio').first()).toBeFocused()
})
