// « Copier pour le dossier »: the note for the medical record goes
// through the one IPC call to the main process's clipboard, here the recording
// desktop, as printed PDFs do. The button, Ctrl+Shift+C and the menu command
// copy the same note; a handout printed in the session is named with its
// sections; the note reaches the clipboard and nowhere else.
import { readFileSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { composeHandout } from '../../shared/handout/compose'
import { selectionOf, standardChoice } from '../../shared/handout/selection'
import { patientHandout } from '../../shared/handout/from-orientation'
import type { MarkedFindings } from '../../shared/differentials/match'
import type { KnowledgeBase } from '../../shared/kb/types'
import { composeRecordNote } from '../../shared/orientation/record-note'
import { test, expect, resourcesDir, sendMenuCommand, readKnowledgeFile } from '../harness/fixtures'

const read = readKnowledgeFile
const kb: KnowledgeBase = {
  meta: read('meta.json'),
  causes: read('causes.json'),
  differentials: read('differentials.json'),
  findings: read('findings.json'),
  advice: read('advice.json'),
  groups: read('groups.json'),
  topics: read('topics.json'),
  handout: read('handout.json'),
  article: readFileSync(join(resourcesDir, 'source', 'contractions-musculaires-au-mollet.txt'), 'utf8'),
}
const PATIENT = 'Mme Rossignol-8K2P'
const NOTE = 'Revoir dans quinze jours — repère 5Z1'

async function mark(page: Page, id: string, state: 'Présent' | 'Absent' | 'Inconnu') {
  await page.locator(`[data-finding="${id}"]`).getByRole('radio', { name: state }).check()
}

test('the note reaches the clipboard, is shown as copied, and names the handout printed in the session', async ({
  mollet,
  desktop,
  userDataDir,
}) => {
  const console: string[] = []
  mollet.on('console', (m) => console.push(m.text()))

  await mollet.getByRole('tab', { name: 'Orientation' }).click()
  const view = mollet.getByRole('tabpanel', { name: 'Orientation' })
  await mark(mollet, 'douleur-mollet', 'Présent')
  await mark(mollet, 'picotements', 'Présent')
  await mark(mollet, 'fievre', 'Absent')
  const marked: MarkedFindings = { 'douleur-mollet': 'present', picotements: 'present', fievre: 'absent' }
  expect(desktop.clipboard).toEqual([])

  await view.getByRole('button', { name: 'Copier pour le dossier' }).click()
  await expect.poll(() => desktop.clipboard.length).toBe(1)
  const expected = composeRecordNote(kb, marked, new Date(), null)
  expect(desktop.clipboard[0]).toBe(expected)
  expect(expected).toContain('Hernie discale lombaire (concorde')
  const shown = view.getByTestId('copied-note')
  await expect(shown.getByRole('status')).toContainText('Copié pour le dossier')
  expect(await shown.locator('pre').textContent()).toBe(expected)
  // A finding changed after the copy: the view says the copy is no longer current, until it is again.
  await mark(mollet, 'stress', 'Présent')
  await expect(shown.getByRole('status')).toContainText('Les signes ont changé depuis')
  await mark(mollet, 'stress', 'Inconnu')
  await expect(shown.getByRole('status')).toContainText('collez-le dans le logiciel du cabinet')
  expect(desktop.clipboard).toHaveLength(1)

  // A handout printed with a name and a note: the record note names it and its sections, never the name or the note.
  await mollet.getByRole('tab', { name: 'Fiche patient' }).click()
  const handout = mollet.getByRole('tabpanel', { name: 'Fiche patient' })
  await handout.getByLabel('Nom du patient').fill(PATIENT)
  await handout.getByLabel('Note du soignant').fill(NOTE)
  await handout.getByRole('button', { name: 'Imprimer', exact: true }).click()
  // Laying out the PDF takes seconds on a loaded machine.
  await expect.poll(() => desktop.printed.length, { timeout: 20_000 }).toBe(1)

  // Ctrl+Shift+C from the handout view: Orientation is shown, and the note copied.
  await mollet.keyboard.press('Control+Shift+C')
  await expect(view).toBeVisible()
  await expect.poll(() => desktop.clipboard.length).toBe(2)
  // The handout follows the orientation: the one printed for these findings.
  const plan = patientHandout(kb, marked, standardChoice(kb), [])
  const printed = composeHandout(
    kb,
    { ...selectionOf(kb, plan.choice), largePrint: false, patientName: PATIENT, note: NOTE, alerts: plan.alerts },
    { name: '', address: '', phone: '' },
    new Date(),
  )
  const withHandout = composeRecordNote(kb, marked, new Date(), { action: 'imprimée', sections: printed.sections.map((s) => s.heading) })
  expect(desktop.clipboard[1]).toBe(withHandout)
  expect(withHandout).toContain('Fiche patient imprimée\u00a0: ')

  // The menu's Édition › Copier pour le dossier does the same.
  await sendMenuCommand(mollet, 'copy-record-note')
  await expect.poll(() => desktop.clipboard.length).toBe(3)
  expect(desktop.clipboard[2]).toBe(withHandout)
  expect(desktop.printed).toHaveLength(1)

  // Only the clipboard: not the patient's name or note, nor the note on disk, in the URL or in a log.
  for (const text of desktop.clipboard) {
    expect(text).not.toContain(PATIENT)
    expect(text).not.toContain('5Z1')
  }
  for (const file of await readdir(userDataDir, { recursive: true })) {
    const content = await readFile(join(userDataDir, file)).catch(() => Buffer.from(''))
    expect(content.toString('utf8'), file).not.toContain('Signes présents')
  }
  expect(decodeURIComponent(mollet.url())).not.toContain('Signes présents')
  expect(await mollet.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain('Signes')
  expect(console.filter((l) => l.includes('Signes présents') || l.includes('concorde'))).toEqual([])
})

test('the shortcuts dialog lists the copy, and over a dialog the shortcut copies nothing', async ({ mollet, desktop }) => {
  await expect(mollet.locator('tr.entry-row').first()).toBeVisible()
  await mollet.keyboard.press('?')
  const help = mollet.getByRole('dialog', { name: 'Raccourcis clavier' })
  await expect(help.getByRole('row').filter({ hasText: 'Ctrl+Maj+C' })).toContainText('copier le résumé pour le dossier')
  await mollet.keyboard.press('Control+Shift+C')
  await sendMenuCommand(mollet, 'copy-record-note')
  await mollet.keyboard.press('Escape')
  await expect(help).toBeHidden()
  // Closed, the shortcut copies: once, so nothing was copied while the dialog was open.
  await mollet.keyboard.press('Control+Shift+C')
  await expect.poll(() => desktop.clipboard.length).toBe(1)
  await expect(mollet.getByRole('tab', { name: 'Orientation' })).toHaveAttribute('aria-selected', 'true')
})
