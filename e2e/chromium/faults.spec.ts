// The faults a clinic's machine can meet, seen in the built renderer with the real handlers
// behind it (faults injected through the fixture's handlerDeps, on real broken
// files and folders: test/faults/fault-kit.ts): a knowledge-base file missing,
// a corrupt settings file, an unwritable user-data folder, an unwritable save
// path, a PDF render that fails. Each: the French message is on screen, the app
// stays usable (views, search), and the settings saved before are still on disk.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { test, expect, resourcesDir } from '../harness/fixtures'
import { faultyResources, lockFolder, pathUnderAFile } from '../../test/faults/fault-kit'
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings/schema'

const SAVED: Settings = {
  ...DEFAULT_SETTINGS,
  letterhead: { name: 'Cabinet des Tilleuls', address: '3 place du Marché', phone: '01 02 03 04 05' },
}
const SAVED_TEXT = `${JSON.stringify(SAVED, null, 2)}\n`
const PDF_FAILED =
  'La fiche patient n’a pas pu être produite. Le reste de Mollet fonctionne normalement\u202f; réessayez, et si le problème persiste, redémarrez Mollet.'

/** A user-data folder holding SAVED. */
async function savedUserData(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mollet-e2e-faults-'))
  await writeFile(join(dir, 'settings.json'), SAVED_TEXT)
  return dir
}

/** What was saved is still there; the app may only have changed its last view (a preference it keeps itself). */
async function expectSavedKept(userDataDir: string): Promise<void> {
  const now = JSON.parse(await readFile(join(userDataDir, 'settings.json'), 'utf8')) as Settings
  expect({ ...now, preferences: SAVED.preferences }).toEqual(SAVED)
}

/** Switches views and searches: the app is still usable. */
async function expectUsable(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Causes', exact: true }).click()
  const causes = page.getByRole('tabpanel', { name: 'Causes', exact: true })
  await expect(causes.locator('tr.entry-row').first()).toBeVisible()
  await causes.getByRole('searchbox').fill('magnesium')
  await expect(causes.locator('tr.entry-row')).not.toHaveCount(0)
  await expect(causes.locator('tr.entry-row').first()).toContainText(/magnésium/iu)
  await page.getByRole('tab', { name: 'Orientation', exact: true }).click()
  await expect(page.getByRole('tabpanel', { name: 'Orientation', exact: true })).toBeVisible()
}

async function openHandout(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Fiche patient' }).click()
  return page.getByRole('tabpanel', { name: 'Fiche patient' })
}

test.describe('a knowledge-base file is missing', () => {
  test.use({
    handlerDeps: async ({}, use) => {
      const root = await mkdtemp(join(tmpdir(), 'mollet-e2e-kb-'))
      const userDataDir = await savedUserData()
      await use({ resourcesDir: await faultyResources(root, { missing: ['differentials.json'] }), userDataDir })
      await rm(root, { recursive: true, force: true })
      await rm(userDataDir, { recursive: true, force: true })
    },
  })

  test('the banner names the file in French; causes, search and the handout still work', async ({ mollet, handlerDeps }) => {
    const banner = mollet.getByRole('alert').filter({ hasText: 'Base de connaissances' })
    await expect(banner).toContainText('differentials.json')
    await expect(banner).toContainText('Fichier introuvable ou illisible.')
    await expectUsable(mollet)
    const view = await openHandout(mollet)
    await expect(view.locator('.pdf-pages canvas').first()).toBeVisible({ timeout: 20_000 })
    await expectSavedKept(handlerDeps.userDataDir as string)
  })
})

test.describe('the settings file is corrupt', () => {
  const corrupt = SAVED_TEXT.slice(0, 50)
  test.use({
    handlerDeps: async ({}, use) => {
      const userDataDir = await mkdtemp(join(tmpdir(), 'mollet-e2e-corrupt-'))
      await writeFile(join(userDataDir, 'settings.json'), corrupt)
      await use({ resourcesDir, userDataDir })
      await rm(userDataDir, { recursive: true, force: true })
    },
  })

  test('the notice says so in French, the old file is kept aside byte for byte, the app works', async ({ mollet, handlerDeps }) => {
    const view = await openHandout(mollet)
    await expect(view.getByTestId('settings-notice')).toContainText(
      'Les réglages enregistrés étaient illisibles\u00a0: Mollet utilise les réglages par défaut.',
    )
    await expectUsable(mollet)
    const dir = handlerDeps.userDataDir as string
    const aside = (await readdir(dir)).find((f) => /^settings\.corrupt-.+\.json$/u.test(f))
    expect(await readFile(join(dir, aside as string), 'utf8')).toBe(corrupt)
  })
})

test.describe('the user-data folder is unwritable', () => {
  let reason: string | null = null
  test.use({
    handlerDeps: async ({}, use) => {
      const userDataDir = await savedUserData()
      const locked = await lockFolder(userDataDir)
      reason = locked.unlock === null ? locked.reason : null
      try {
        await use({ resourcesDir, userDataDir })
      } finally {
        if (locked.unlock) await locked.unlock()
        await rm(userDataDir, { recursive: true, force: true })
      }
    },
  })

  test('saving the letterhead fails in French, the saved settings are unchanged, the app works', async ({ mollet, handlerDeps }) => {
    test.skip(reason !== null, reason ?? '')
    const view = await openHandout(mollet)
    await expect(view.getByLabel('Nom du cabinet')).toHaveValue(SAVED.letterhead.name)
    await view.getByLabel('Nom du cabinet').fill('Autre cabinet')
    await view.getByRole('button', { name: 'Enregistrer l’en-tête' }).click()
    await expect(view.getByRole('alert').filter({ hasText: 'réglages' })).toHaveText(
      'Les réglages n’ont pas pu être enregistrés\u00a0: le dossier des réglages n’est pas accessible en écriture.',
    )
    await expectUsable(mollet)
    const dir = handlerDeps.userDataDir as string
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(SAVED_TEXT)
    expect(await readdir(dir)).toEqual(['settings.json'])
  })
})

test.describe('the save path is unwritable', () => {
  test.use({
    handlerDeps: async ({}, use) => {
      const userDataDir = await savedUserData()
      await use({ resourcesDir, userDataDir })
      await rm(userDataDir, { recursive: true, force: true })
    },
  })

  test('saving the handout fails in French; the app works, saving elsewhere works next', async ({
    mollet,
    desktop,
    saveDir,
    handlerDeps,
  }) => {
    const badPath = await pathUnderAFile(saveDir, 'fiche.pdf')
    desktop.nextSavePath = () => badPath
    const view = await openHandout(mollet)
    await expect(view.locator('.pdf-pages canvas').first()).toBeVisible({ timeout: 20_000 })
    await view.getByRole('button', { name: 'Enregistrer en PDF…' }).click()
    await expect(view.getByRole('alert')).toHaveText(
      'La fiche n’a pas pu être enregistrée à cet endroit. Choisissez un dossier où vous pouvez écrire.',
    )
    await expectUsable(mollet)
    desktop.nextSavePath = () => join(saveDir, 'ailleurs.pdf')
    const again = await openHandout(mollet)
    await again.getByRole('button', { name: 'Enregistrer en PDF…' }).click()
    await expect(again.getByTestId('handout-action')).toHaveText(`Fiche enregistrée\u00a0: ${join(saveDir, 'ailleurs.pdf')}`)
    await expectSavedKept(handlerDeps.userDataDir as string)
  })
})

test.describe('the PDF render fails', () => {
  const state = { failing: true }
  test.use({
    handlerDeps: async ({ renderThread }, use) => {
      const userDataDir = await savedUserData()
      state.failing = true
      await use({
        resourcesDir,
        userDataDir,
        renderPdf: async (doc, dir, signal) => {
          if (state.failing) throw new Error('layout failed')
          return renderThread(doc, dir, signal)
        },
      })
      await rm(userDataDir, { recursive: true, force: true })
    },
  })

  test('preview and printing say so in French, the app works, the next render draws the handout', async ({
    mollet,
    desktop,
    handlerDeps,
  }) => {
    const view = await openHandout(mollet)
    await expect(view.getByRole('alert').filter({ hasText: 'pas pu être produite' })).toHaveText(PDF_FAILED)
    await view.getByRole('button', { name: 'Imprimer', exact: true }).click()
    await expect(view.getByRole('alert').filter({ hasText: 'pas pu être produite' }).first()).toHaveText(PDF_FAILED)
    expect(desktop.printed).toHaveLength(0)
    await expectUsable(mollet)
    await expectSavedKept(handlerDeps.userDataDir as string)
    state.failing = false
    const again = await openHandout(mollet)
    await again.getByRole('checkbox').first().click()
    await expect(again.locator('.pdf-pages canvas').first()).toBeVisible({ timeout: 20_000 })
  })
})
