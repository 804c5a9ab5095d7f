// One patient at a time, against the real handlers: patient A is seen in
// full (red flags marked, a handout printed with a name and a note, a note
// copied for the record), then « Nouveau patient » — by the button,
// Ctrl+N and the menu alike — and patient B must find nothing of A: not in
// the screens, the preview, a saved PDF read back, the record note, the URL,
// the history (Alt+← and the browser's Back), the settings or the user-data
// folder. « Annuler » brings A back whole.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import type { Finding } from '../../shared/kb/types'
import { frenchTypography } from '../../shared/text/typography'
import { pdfText, searchable } from '../../test/handout/pdf-tools'
import { test, expect, sendMenuCommand, readKnowledgeFile, type RecordingDesktop } from '../harness/fixtures'

const handoutBlocks = readKnowledgeFile<{ id: string; text: string }[]>('handout.json')
const findings = readKnowledgeFile<Finding[]>('findings.json')
const block = (id: string): string => searchable(frenchTypography(handoutBlocks.find((b) => b.id === id)?.text ?? ''))

const NAME = 'M. Karim Ben Saïd'
const NOTE = 'IRM lombaire demandée. Revoir avec le résultat.'
/** What of patient A may never reach patient B (the name's and the note's telling words). */
const OF_A = ['Karim', 'Saïd', 'IRM', 'lombaire demandée']
const PRINTING = { timeout: 30_000 }

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true })
const panel = (page: Page, name: string) => page.getByRole('tabpanel', { name, exact: true })
const radio = (page: Page, finding: string, state: 'Présent' | 'Absent' | 'Inconnu') =>
  page.locator(`[data-finding="${finding}"]`).getByRole('radio', { name: state })

async function openHandout(page: Page): Promise<Locator> {
  await tab(page, 'Fiche patient').click()
  const view = panel(page, 'Fiche patient')
  await expect(view.locator('.pdf-pages canvas').first()).toBeVisible({ timeout: 20_000 })
  return view
}

async function previewSettled(view: Locator): Promise<void> {
  await expect(view.getByText('Aperçu à jour.')).toBeVisible({ timeout: 15_000 })
}

/** Patient A: three findings, two of them red flags; a handout printed with a name and a note; the record note copied. */
async function seePatientA(page: Page, desktop: RecordingDesktop): Promise<void> {
  await tab(page, 'Orientation').click()
  await radio(page, 'apres-effort', 'Présent').check()
  await radio(page, 'picotements', 'Présent').check()
  await radio(page, 'douleur-jambe-dos', 'Présent').check()
  await expect(panel(page, 'Orientation').getByRole('alert').first()).toBeVisible()
  const view = await openHandout(page)
  await view.getByLabel('Nom du patient (facultatif)').fill(NAME)
  await view.getByLabel('Note du soignant (facultatif)').fill(NOTE)
  await expect(view.locator('[data-cause="hernie-discale-lombaire"]').getByRole('checkbox')).toBeChecked()
  await previewSettled(view)
  const before = desktop.printed.length
  await view.getByRole('button', { name: 'Imprimer', exact: true }).click()
  await expect.poll(() => desktop.printed.length, PRINTING).toBe(before + 1)
  await sendMenuCommand(page, 'copy-record-note')
  await expect.poll(() => desktop.clipboard.length).toBeGreaterThan(0)
}

/** The entry shown is the first of its consultation (its history mark, useUrlState's). */
const atEraStart = (page: Page) =>
  page.evaluate(() => {
    const mark = (window.history.state as { mollet?: { index: number; first: number } } | null)?.mollet
    return mark !== undefined && mark.index === mark.first
  })

/** Everything patient B's screens, files and history hold, checked for anything of patient A. */
async function expectNothingOfA(page: Page, desktop: RecordingDesktop, userDataDir: string, saveDir: string): Promise<void> {
  // The URL and the first view.
  await expect(tab(page, 'Causes')).toHaveAttribute('aria-selected', 'true')
  expect(page.url()).not.toMatch(/present|absent|q=/u)

  // Back, by the app's shortcut and by the browser, at once, never reaches A's consultation.
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(tab(page, 'Causes')).toHaveAttribute('aria-selected', 'true')
  await page.goBack()
  await expect(tab(page, 'Causes')).toHaveAttribute('aria-selected', 'true')
  await expect.poll(() => atEraStart(page)).toBe(true)

  // Orientation: nothing marked.
  await tab(page, 'Orientation').click()
  for (const f of findings) await expect(radio(page, f.id, 'Inconnu')).toBeChecked()
  await expect(panel(page, 'Orientation').getByTestId('copied-note')).toHaveCount(0)

  // Fiche patient: empty name and note, the default handout, nothing printed yet.
  const view = await openHandout(page)
  await expect(view.getByLabel('Nom du patient (facultatif)')).toHaveValue('')
  await expect(view.getByLabel('Note du soignant (facultatif)')).toHaveValue('')
  await expect(view.locator('[data-cause="hernie-discale-lombaire"]').getByRole('checkbox')).not.toBeChecked()
  await expect(view.getByTestId('handout-plan')).toContainText('la fiche par défaut')
  await previewSettled(view)
  for (const word of OF_A) await expect(view).not.toContainText(word)

  // The saved PDF, read back: B's handout opens on the default message, with nothing of A.
  desktop.nextSavePath = () => join(saveDir, 'patient-b.pdf')
  await view.getByRole('button', { name: 'Enregistrer en PDF…' }).click()
  await expect(view.getByTestId('handout-action')).toContainText('Fiche enregistrée')
  const saved = pdfText(new Uint8Array(await readFile(join(saveDir, 'patient-b.pdf'))))
  for (const word of OF_A) expect(saved).not.toContain(word)
  expect(saved).toContain(block('message-principal'))
  expect(saved).not.toContain(block('message-principal-alerte'))

  // B's record note names only B's findings and B's handout.
  await tab(page, 'Orientation').click()
  await radio(page, 'stress', 'Présent').check()
  const copies = desktop.clipboard.length
  await page.keyboard.press('Control+Shift+C')
  await expect.poll(() => desktop.clipboard.length).toBe(copies + 1)
  const note = desktop.clipboard.at(-1) ?? ''
  expect(note).toContain('Fiche patient enregistrée')
  expect(note).not.toContain('imprimée')
  expect(note).toMatch(/^Signes présents\u00a0: Stress$/mu)
  expect(note).toMatch(/^Aucun signe d’alerte présent\.$/mu)
  expect(note).not.toMatch(/Hernie|Après un effort/u)

  // Nothing of A in the user-data folder (settings included).
  for (const file of await readdir(userDataDir, { recursive: true })) {
    const text = await readFile(join(userDataDir, file), 'utf8').catch(() => '')
    for (const word of OF_A) expect(text, file).not.toContain(word)
  }
}

const PATHS: { name: string; start: (page: Page) => Promise<void> }[] = [
  { name: 'the button', start: (page) => page.getByRole('button', { name: /Nouveau patient/u }).click() },
  { name: 'Ctrl+N', start: (page) => page.keyboard.press('Control+n') },
  { name: 'the menu', start: (page) => sendMenuCommand(page, 'new-patient') },
]

for (const path of PATHS) {
  test(`two patients in a row, the next one started by ${path.name}: nothing of the first reaches the second`, async ({
    mollet,
    desktop,
    userDataDir,
    saveDir,
  }) => {
    test.setTimeout(90_000)
    await seePatientA(mollet, desktop)
    // A's own printed handout opens on the referral, never on reassurance.
    const printedA = pdfText(desktop.printed[0] as Uint8Array)
    expect(printedA).toContain(block('message-principal-alerte'))
    expect(printedA).toContain(block('message-principal-neurologue'))
    expect(printedA).not.toContain(block('message-principal'))
    expect(printedA).not.toMatch(/sans gravité|sans danger/u)
    expect(printedA).toContain('Karim')

    await path.start(mollet)
    const status = mollet.getByTestId('new-patient-status')
    await expect(status).toContainText('tout ce qui concernait le patient précédent est effacé')
    // Printed and copied: nothing was lost unseen, so the line does not warn of it.
    await expect(status).not.toContainText('ni imprimés')
    await expectNothingOfA(mollet, desktop, userDataDir, saveDir)
  })
}

test('« Annuler » brings the previous patient back whole; a name never given is said so', async ({ mollet }) => {
  await tab(mollet, 'Orientation').click()
  await radio(mollet, 'fievre', 'Présent').check()
  const view = await openHandout(mollet)
  await view.getByLabel('Nom du patient (facultatif)').fill(NAME)
  await expect(view.getByTestId('handout-plan')).toContainText('Signe d’alerte présent')

  await mollet.getByRole('button', { name: /Nouveau patient/u }).click()
  const status = mollet.getByTestId('new-patient-status')
  await expect(status).toContainText('ni imprimés, ni enregistrés, ni copiés')
  await expect(tab(mollet, 'Causes')).toBeFocused()
  await status.getByRole('button', { name: 'Annuler' }).click()
  await expect(status).toBeEmpty()

  const back = await openHandout(mollet)
  await expect(back.getByLabel('Nom du patient (facultatif)')).toHaveValue(NAME)
  await tab(mollet, 'Orientation').click()
  await expect(radio(mollet, 'fievre', 'Présent')).toBeChecked()
})

test('marking findings adds no history entry; Back walks the views of this consultation only', async ({ mollet }) => {
  await tab(mollet, 'Orientation').click()
  const length = () => mollet.evaluate(() => window.history.length)
  const start = await length()
  for (const id of ['stress', 'fievre', 'picotements', 'froid', 'alcool']) {
    await radio(mollet, id, 'Présent').check()
    await radio(mollet, id, 'Absent').check()
  }
  expect(await length()).toBe(start)
  await tab(mollet, 'Fiche patient').click()
  await mollet.keyboard.press('Alt+ArrowLeft')
  await expect(tab(mollet, 'Orientation')).toHaveAttribute('aria-selected', 'true')
  // Back to a view keeps the findings: they are the consultation's, not the entry's.
  await expect(radio(mollet, 'alcool', 'Absent')).toBeChecked()

  await sendMenuCommand(mollet, 'new-patient')
  await tab(mollet, 'Diagnostics différentiels').click()
  await mollet.keyboard.press('Alt+ArrowLeft')
  await expect(tab(mollet, 'Causes')).toHaveAttribute('aria-selected', 'true')
  // The first entry of this consultation: Back goes no further.
  await mollet.keyboard.press('Alt+ArrowLeft')
  await mollet.goBack()
  await expect(tab(mollet, 'Causes')).toHaveAttribute('aria-selected', 'true')
  await tab(mollet, 'Orientation').click()
  await expect(radio(mollet, 'alcool', 'Inconnu')).toBeChecked()
})

test('« Nouveau patient » between a view switch’s render and its history write: Back still stays in the new consultation', async ({
  mollet,
}) => {
  await tab(mollet, 'Fiche patient').click()
  // « Copier pour le dossier » from the menu brings Orientation forward: React draws it, then writes its
  // history entry a task later. Ctrl+N comes in between, as a key pressed on a loaded machine does.
  await mollet.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.includes('Orientation')) return
          observer.disconnect()
          document.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', code: 'KeyN', ctrlKey: true, bubbles: true, cancelable: true }))
          resolve()
        })
        observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-selected'] })
        ;(window as unknown as { __molletMenuCommand: (c: string) => void }).__molletMenuCommand('copy-record-note')
      }),
  )
  await expect(tab(mollet, 'Causes')).toHaveAttribute('aria-selected', 'true')
  await expect(mollet.getByTestId('new-patient-status')).toContainText('tout ce qui concernait le patient précédent est effacé')
  await expect.poll(() => atEraStart(mollet)).toBe(true)
  await mollet.keyboard.press('Alt+ArrowLeft')
  await mollet.goBack()
  await expect(tab(mollet, 'Causes')).toHaveAttribute('aria-selected', 'true')
})

test('the letterhead and the note are checked where they are typed; a mended note clears its error', async ({ mollet, desktop }) => {
  const view = await openHandout(mollet)
  const letterhead = view.getByRole('form', { name: 'En-tête du cabinet' })
  const phone = letterhead.getByLabel('Téléphone')
  await phone.fill('☎ 04 91 00 00 00')
  await expect(letterhead.getByTestId('letterhead-unprintable-phone')).toContainText('«\u00a0☎\u00a0» par «\u00a0Tél.\u00a0»')
  await expect(phone).toHaveAttribute('aria-invalid', 'true')
  await expect(letterhead.getByRole('button', { name: 'Enregistrer l’en-tête' })).toBeDisabled()
  await phone.fill('Tél. 04 91 00 00 00')
  await letterhead.getByRole('button', { name: 'Enregistrer l’en-tête' }).click()
  await expect(letterhead.getByText('En-tête enregistré.')).toBeVisible()

  const note = view.getByLabel('Note du soignant (facultatif)')
  await note.fill(Array.from({ length: 45 }, (_, i) => `Ligne ${i + 1}`).join('\n'))
  await view.getByRole('button', { name: 'Imprimer', exact: true }).click()
  const actionError = view.locator('.handout-bar').getByRole('alert')
  await expect(actionError).toContainText('La note compte trop de lignes')
  await note.fill(Array.from({ length: 40 }, (_, i) => `Ligne ${i + 1}`).join('\n'))
  await expect(actionError).toHaveCount(0)
  await previewSettled(view)
  await view.getByRole('button', { name: 'Imprimer', exact: true }).click()
  await expect.poll(() => desktop.printed.length, PRINTING).toBe(1)
  const printed = pdfText(desktop.printed[0] as Uint8Array)
  expect(printed).toContain('Tél. 04')
  expect(printed).not.toContain('Tél. : Tél.')
})
