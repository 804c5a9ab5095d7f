// Knowledge packs in the built renderer, with the real handlers behind it
// the harness's open dialog answers with a pack made here, signed
// by a key made here and trusted through handlerDeps.trustedKeyDirs. A newer
// pack that renames one entry and adds one: the diff, « Installer », the
// tables change at once, a reload and a restart keep it, « Revenir au contenu
// d’origine » brings the bundled content back. A pack with one byte changed:
// refused in French, the tables unchanged. A pack past the day its editor
// vouched it current: still used, and said so at start and in « À propos du contenu ».
import AxeBuilder from '@axe-core/playwright'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { test, expect, installBridge, recordingDesktop, resourcesDir, sendMenuCommand, type RecordingDesktop } from '../harness/fixtures'
import { content, pack, selfTrust, testKey, trustFile, trustVersion, writeSamplePacks } from '../../test/pack/helpers'
import { buildPack } from '../../electron/main/pack/build'
import { createContentStore } from '../../electron/main/knowledge/content'
import { bundledKnowledge } from '../../electron/main/knowledge/store'
import { readTrustedKeys } from '../../electron/main/pack/keys'
import { packWorkHere } from '../../electron/main/pack/verify-thread'

const NBSP = '\u00a0'
let work: string
let keysDir: string
let newerPack: string
let tamperedPack: string

test.beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mollet-e2e-packs-'))
  ;({ keysDir, newer: newerPack, tampered: tamperedPack } = await writeSamplePacks(work))
})

test.afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

test.use({
  handlerDeps: async ({}, use) => {
    await use({ resourcesDir, trustedKeyDirs: [keysDir] })
  },
})

function causeNames(page: Page) {
  return page.getByRole('tabpanel', { name: 'Causes', exact: true }).locator('tr.entry-row')
}

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

test('a newer pack: its diff, installed at once, kept after a reload and a restart, then back to the original', async ({
  mollet,
  desktop,
  context,
  server,
  userDataDir,
  renderThread,
}) => {
  test.slow()
  await expect(causeNames(mollet).filter({ hasText: 'Déshydratation' }).first()).toBeVisible()
  await expect(causeNames(mollet).filter({ hasText: 'Stress aigu' })).toHaveCount(0)
  const count = await causeNames(mollet).count()

  desktop.nextOpenPath = newerPack
  await sendMenuCommand(mollet, 'update-content')
  const dialog = mollet.getByRole('dialog', { name: 'Mettre à jour le contenu' })
  await expect(dialog.getByRole('button', { name: 'Installer' })).toBeVisible()
  expect(desktop.openRequests).toEqual(['Mettre à jour le contenu'])
  await expect(dialog).toContainText(`signé par la clé «${NBSP}cabinet-essai${NBSP}»`)
  await expect(dialog).toContainText('25\u00a0novembre 2026 → 15\u00a0décembre 2026')
  await expect(dialog).toContainText('1 → 2')
  await expect(dialog.getByRole('heading', { name: 'Entrées ajoutées (1)' })).toBeVisible()
  await expect(dialog).toContainText(`Causes${NBSP}: Stress aigu`)
  await expect(dialog.getByRole('heading', { name: 'Entrées modifiées (1)' })).toBeVisible()
  await expect(dialog).toContainText(
    `Causes${NBSP}: Déshydratation (manque d’eau), anciennement «${NBSP}Déshydratation${NBSP}» — champ${NBSP}: nom`,
  )
  await expect(dialog.getByRole('heading', { name: 'Entrées retirées (0)' })).toBeVisible()
  // Keyboard-first: the heading has the focus; Tab reaches « Installer ».
  await expect(dialog.getByRole('heading', { name: 'Mettre à jour le contenu' })).toBeFocused()
  expect(await violations(mollet)).toEqual([])
  await mollet.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Installer' })).toBeFocused()
  await mollet.keyboard.press('Enter')

  await expect(dialog).toBeHidden()
  await expect(mollet.getByRole('status').filter({ hasText: 'Contenu mis à jour' })).toContainText(
    `Contenu mis à jour${NBSP}: édition 2, révisée le 15\u00a0décembre 2026.`,
  )
  await expect(causeNames(mollet).filter({ hasText: 'Stress aigu' })).toHaveCount(1)
  await expect(causeNames(mollet).filter({ hasText: 'Déshydratation (manque d’eau)' })).toHaveCount(1)
  await expect(causeNames(mollet)).toHaveCount(count + 1)

  // A reload keeps it.
  await mollet.reload()
  await expect(causeNames(mollet).filter({ hasText: 'Stress aigu' })).toHaveCount(1)

  // A restart: new handlers over the same user-data folder read the pack back and verify it again.
  const restarted = await context.newPage()
  await installBridge(restarted, server, {
    resourcesDir,
    trustedKeyDirs: [keysDir],
    userDataDir,
    desktop: recordingDesktop(work),
    renderPdf: renderThread,
  })
  await restarted.goto(`${server.origin}/index.html`)
  await expect(causeNames(restarted).filter({ hasText: 'Stress aigu' })).toHaveCount(1)

  await sendMenuCommand(restarted, 'about-content')
  const about = restarted.getByRole('dialog', { name: 'À propos du contenu' })
  await expect(about).toContainText('Éditeur')
  await expect(about).toContainText('Équipe Mollet')
  await expect(about).toContainText(`signé par la clé «${NBSP}cabinet-essai${NBSP}»`)
  await expect(about).toContainText('15\u00a0décembre 2026')
  await expect(about.getByRole('heading', { name: 'Ce qu’a changé la dernière mise à jour' })).toBeVisible()
  await expect(about).toContainText(`Causes${NBSP}: Stress aigu`)
  expect(await violations(restarted)).toEqual([])

  await about.getByRole('button', { name: 'Revenir au contenu d’origine' }).click()
  const back = restarted.getByRole('dialog', { name: 'Revenir au contenu d’origine' })
  await expect(back.getByRole('heading', { name: 'Entrées retirées (1)' })).toBeVisible()
  await expect(back).toContainText('15\u00a0décembre 2026 → 25\u00a0novembre 2026')
  await back.getByRole('button', { name: 'Revenir à ce contenu' }).click()
  await expect(back).toBeHidden()
  await expect(restarted.getByRole('status').filter({ hasText: 'Contenu rétabli' })).toContainText(
    'édition 1, révisée le 25\u00a0novembre 2026',
  )
  await expect(causeNames(restarted).filter({ hasText: 'Stress aigu' })).toHaveCount(0)
  await expect(causeNames(restarted)).toHaveCount(count)
  await restarted.close()
})

/** The pack at `path`, opened from « Mettre à jour le contenu… »: the dialog that refuses it. */
async function refusedDialog(page: Page, desktop: RecordingDesktop, path: string): Promise<Locator> {
  desktop.nextOpenPath = path
  await sendMenuCommand(page, 'update-content')
  const dialog = page.getByRole('dialog', { name: `Ce paquet est refusé${NBSP}: le contenu actuel est conservé.` })
  await expect(dialog).toBeVisible()
  return dialog
}

test('a pack with one byte changed: refused in French, the tables unchanged', async ({ mollet, desktop }) => {
  await expect(causeNames(mollet).first()).toBeVisible()
  const before = await causeNames(mollet).allTextContents()

  const dialog = await refusedDialog(mollet, desktop, tamperedPack)
  await expect(dialog.getByRole('alert')).toHaveText(`Rien n’a été installé. Ce qui ne va pas, fichier par fichier${NBSP}:`)
  await expect(dialog.getByRole('table')).toContainText(/fichier modifié après la signature|fichier abîmé|non conformes/u)
  await expect(dialog.getByRole('button', { name: 'Installer' })).toHaveCount(0)
  expect(await violations(mollet)).toEqual([])
  await mollet.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(await causeNames(mollet).allTextContents()).toEqual(before)

  // Cancelling the file dialog changes nothing either.
  desktop.nextOpenPath = null
  await sendMenuCommand(mollet, 'update-content')
  await expect(mollet.getByRole('dialog')).toBeHidden()
  expect(await causeNames(mollet).allTextContents()).toEqual(before)
})

test.describe('a pack that no longer verifies at start', () => {
  let userData: string
  test.use({
    handlerDeps: async ({}, use) => {
      // Installed while its key was trusted; the key is gone at this start.
      userData = await mkdtemp(join(tmpdir(), 'mollet-e2e-packs-start-'))
      const store = createContentStore({
        bundled: bundledKnowledge(resourcesDir),
        userDataDir: userData,
        rootKeys: async () => (await readTrustedKeys([keysDir])).keys,
        shippedTrust: async () => [],
        thread: packWorkHere,
      })
      const preview = await store.previewPack(new Uint8Array(await readFile(newerPack)), 'contenu-2.mollet')
      if (preview.status !== 'ready') throw new Error('the pack did not verify')
      await store.apply(preview.token, false)
      await use({ resourcesDir, trustedKeyDirs: [join(work, 'aucune-cle')], userDataDir: userData })
      await rm(userData, { recursive: true, force: true })
    },
  })

  test('Mollet starts on the bundled content and says why, in French', async ({ mollet }) => {
    const notice = mollet.getByRole('alert').filter({ hasText: 'Contenu mis à jour non utilisé' })
    await expect(notice).toContainText(
      `Le contenu mis à jour (édition 2, révisé le 15\u00a0décembre 2026) ne se vérifie plus${NBSP}: le fichier de confiance de ce paquet ne part d’aucune clé racine`,
    )
    await expect(notice).toContainText('Mollet utilise le contenu d’origine.')
    await expect(causeNames(mollet).filter({ hasText: 'Stress aigu' })).toHaveCount(0)
    expect(await violations(mollet)).toEqual([])
    await notice.getByRole('button', { name: 'À propos du contenu' }).click()
    const about = mollet.getByRole('dialog', { name: 'À propos du contenu' })
    await expect(about).toContainText('contenu d’origine, livré avec Mollet')
    await about.getByRole('button', { name: 'Revenir au contenu d’origine' }).click()
    await mollet.getByRole('dialog', { name: 'Revenir au contenu d’origine' }).getByRole('button', { name: 'Revenir à ce contenu' }).click()
    await expect(notice).toBeHidden()
  })
})

test.describe('a pack past its « à jour jusqu’au » day', () => {
  let userData: string
  test.use({
    handlerDeps: async ({}, use) => {
      // Signed on 27 November 2026, current until the 30th: past, whatever day the test runs.
      const key = testKey('cabinet-ancien')
      const files = await content({ revision: '2026-11-26', edition: '2', rename: { deshydratation: 'Déshydratation (ancienne)' } })
      const bytes = buildPack(files, key.privateKey, selfTrust(key), {
        now: new Date('2026-11-27T10:00:00Z'),
        currentUntil: '2026-11-30',
      }).bytes
      userData = await mkdtemp(join(tmpdir(), 'mollet-e2e-packs-old-'))
      const store = createContentStore({
        bundled: bundledKnowledge(resourcesDir),
        userDataDir: userData,
        rootKeys: async () => [key.trusted],
        shippedTrust: async () => [],
        thread: packWorkHere,
      })
      const preview = await store.previewPack(bytes, 'contenu-ancien.mollet')
      if (preview.status !== 'ready') throw new Error('the pack did not verify')
      await store.apply(preview.token, false)
      const keys = join(userData, 'cles')
      await mkdir(keys)
      await writeFile(join(keys, 'cabinet-ancien.pub'), key.publicPem)
      await use({ resourcesDir, trustedKeyDirs: [keys], userDataDir: userData })
      await rm(userData, { recursive: true, force: true })
    },
  })

  test('Mollet keeps using it and says, with its revision, that it may be out of date', async ({ mollet }) => {
    const banner = mollet.getByRole('status').filter({ hasText: 'Contenu peut-être dépassé' })
    await expect(banner).toContainText(
      `Ce contenu (édition 2, révisée le 26\u00a0novembre 2026) n’est garanti à jour que jusqu’au 30\u00a0novembre 2026 par son éditeur${NBSP}: Mollet continue de l’utiliser`,
    )
    await expect(causeNames(mollet).filter({ hasText: 'Déshydratation (ancienne)' })).toHaveCount(1)
    expect(await violations(mollet)).toEqual([])
    await banner.getByRole('button', { name: 'À propos du contenu' }).click()
    const about = mollet.getByRole('dialog', { name: 'À propos du contenu' })
    await expect(about).toContainText('À jour jusqu’au')
    await expect(about).toContainText('30\u00a0novembre 2026 (date passée')
    await about.getByRole('button', { name: 'Fermer' }).click()
    await banner.getByRole('button', { name: 'Compris' }).click()
    await expect(banner).toBeHidden()
    await expect(causeNames(mollet).filter({ hasText: 'Déshydratation (ancienne)' })).toHaveCount(1)
  })
})

test.describe('a pack signed by a key the trust file revoked', () => {
  let userData: string
  let revokedPack: string
  test.use({
    handlerDeps: async ({}, use) => {
      // This Mollet installed a pack by editor b under trust version 2, which revokes editor a;
      // it is then handed a pack that a signed under version 1, before the revocation.
      const root = testKey('racine-essai')
      const a = testKey('editeur-a')
      const b = testKey('editeur-b')
      const v1 = trustVersion({ root, editors: [{ key: a }] })
      const v2 = trustVersion({ version: 2, root, editors: [{ key: b }], revoked: [a] })
      userData = await mkdtemp(join(tmpdir(), 'mollet-e2e-packs-revoked-'))
      const keys = join(userData, 'cles')
      await mkdir(keys)
      await writeFile(join(keys, 'racine-essai.pub'), root.publicPem)
      const store = createContentStore({
        bundled: bundledKnowledge(resourcesDir),
        userDataDir: userData,
        rootKeys: async () => [root.trusted],
        shippedTrust: async () => [],
        thread: packWorkHere,
      })
      const preview = await store.previewPack(await pack(b, { revision: '2026-12-15', edition: '2' }, trustFile(v1, v2)), 'b.mollet')
      if (preview.status !== 'ready') throw new Error('the pack did not verify')
      await store.apply(preview.token, false)
      revokedPack = join(userData, 'contenu-fuite.mollet')
      await writeFile(
        revokedPack,
        await pack(a, { revision: '2027-01-10', edition: '3', rename: { deshydratation: 'Contenu volé' } }, trustFile(v1)),
      )
      await use({ resourcesDir, trustedKeyDirs: [keys], userDataDir: userData })
      await rm(userData, { recursive: true, force: true })
    },
  })

  test('is refused in French, the content in use kept', async ({ mollet, desktop }) => {
    await expect(causeNames(mollet).first()).toBeVisible()
    const before = await causeNames(mollet).allTextContents()
    const dialog = await refusedDialog(mollet, desktop, revokedPack)
    await expect(dialog.getByRole('table')).toContainText('est révoquée par la version 2 du fichier de confiance')
    await expect(dialog.getByRole('button', { name: 'Installer' })).toHaveCount(0)
    expect(await violations(mollet)).toEqual([])
    await mollet.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    expect(await causeNames(mollet).allTextContents()).toEqual(before)
    await expect(causeNames(mollet).filter({ hasText: 'Contenu volé' })).toHaveCount(0)
  })
})
