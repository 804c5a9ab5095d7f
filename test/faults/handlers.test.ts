// Every fault a handler can meet (a file, a folder, the render thread), through the real dispatcher and
// handlers, with real broken files and folders (no mocked file system): a
// clear French message, the other methods still answer, nothing saved is lost.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDispatcher, type Dispatch, type SenderInfo } from '../../electron/main/ipc/dispatcher'
import { createHandlers, type DesktopPort, type HandlerDeps } from '../../electron/main/handlers'
import { devRenderThread } from '../../scripts/dev-render-thread'
import { SETTINGS_FILE } from '../../electron/main/settings/store'
import { APP_ENTRY, APP_ORIGIN } from '../../electron/main/security'
import type { IpcResult } from '../../shared/ipc/contract'
import type { KnowledgeOutlineSnapshot } from '../../shared/kb/types'
import type { HandoutOptions } from '../../shared/handout/options'
import { DEFAULT_SETTINGS, type Settings, type SettingsSnapshot } from '../../shared/settings/schema'
import { REAL_RESOURCES, faultyResources, lockFolder, pathUnderAFile } from './fault-kit'
import { captureConsole } from '../helpers/console'

const app: SenderInfo = { url: APP_ENTRY, isMainFrame: true }
const PATIENT = 'Mme Pivoine Durand-3K8Z'
const OPTIONS: HandoutOptions = {
  causes: ['deshydratation'],
  advice: ['boire-suffisamment'],
  patientName: PATIENT,
  note: '',
  largePrint: false,
  alerts: [],
}
const SAVED: Settings = {
  ...DEFAULT_SETTINGS,
  letterhead: { name: 'Cabinet des Tilleuls', address: '3 place du Marché', phone: '01 02 03 04 05' },
  preferences: { lastView: '#/differentials' },
}
const SAVED_TEXT = `${JSON.stringify(SAVED, null, 2)}\n`

const MESSAGES = {
  settingsUnwritable: 'Les réglages n’ont pas pu être enregistrés\u00a0: le dossier des réglages n’est pas accessible en écriture.',
  settingsUnreadable: 'Les réglages n’ont pas pu être lus\u00a0: Mollet utilise les réglages par défaut.',
  savePath: 'La fiche n’a pas pu être enregistrée à cet endroit. Choisissez un dossier où vous pouvez écrire.',
  pdf: 'La fiche patient n’a pas pu être produite. Le reste de Mollet fonctionne normalement\u202f; réessayez, et si le problème persiste, redémarrez Mollet.',
}

let root: string
let savePath: string | null
const desktop: DesktopPort = {
  chooseSavePath: async () => savePath,
  chooseOpenPath: async () => null,
  writeClipboard: () => undefined,
}
const renderThread = devRenderThread()
const logged = captureConsole()
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mollet-faults-'))
  savePath = null
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
  expect(logged.filter((l) => l.includes(PATIENT))).toEqual([])
})

function dispatcher(deps: Partial<HandlerDeps>): Dispatch {
  return createDispatcher(
    createHandlers({ resourcesDir: REAL_RESOURCES, userDataDir: join(root, 'userData'), desktop, renderPdf: renderThread, ...deps }),
    APP_ORIGIN,
  )
}

async function call<T>(dispatch: Dispatch, method: string, ...args: unknown[]): Promise<IpcResult<T>> {
  return (await dispatch(method, args, app)) as IpcResult<T>
}

async function value<T>(dispatch: Dispatch, method: string, ...args: unknown[]): Promise<T> {
  const result = await call<T>(dispatch, method, ...args)
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value
}

/** What must keep working whatever the fault: the knowledge base and a handout. */
async function stillUsable(dispatch: Dispatch): Promise<void> {
  const { kb } = await value<KnowledgeOutlineSnapshot>(dispatch, 'loadKnowledgeBase')
  expect(kb.causes.length).toBeGreaterThan(0)
  const { pdf } = await value<{ pdf: Uint8Array }>(dispatch, 'renderHandout', OPTIONS, 'preview')
  expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-')
}

async function savedSettingsIn(userDataDir: string): Promise<void> {
  await mkdir(userDataDir, { recursive: true })
  await writeFile(join(userDataDir, SETTINGS_FILE), SAVED_TEXT)
}

describe('knowledge-base file missing or corrupt', () => {
  it('a missing file: said in French (file, message), the other files load, handouts still work', async () => {
    const resourcesDir = await faultyResources(root, { missing: ['differentials.json'] })
    const dispatch = dispatcher({ resourcesDir })
    const { kb, problems } = await value<KnowledgeOutlineSnapshot>(dispatch, 'loadKnowledgeBase')
    expect(problems).toContainEqual({ file: 'differentials.json', entry: null, field: null, message: 'Fichier introuvable ou illisible.' })
    expect(kb.differentials).toEqual([])
    expect(kb.causes.length).toBeGreaterThan(0)
    await stillUsable(dispatch)
  })

  it('a corrupt file: JSON syntax error with line and column in French; the rest loads', async () => {
    const real = await readFile(join(REAL_RESOURCES, 'knowledge', 'causes.json'), 'utf8')
    const resourcesDir = await faultyResources(root, { corrupt: { 'causes.json': real.slice(0, real.length / 2) } })
    const dispatch = dispatcher({ resourcesDir })
    const { kb, problems } = await value<KnowledgeOutlineSnapshot>(dispatch, 'loadKnowledgeBase')
    const problem = problems.find((p) => p.file === 'causes.json')
    expect(problem?.message).toMatch(/^JSON invalide \(ligne\u00a0\d+, colonne\u00a0\d+\)\.$/u)
    expect(kb.causes).toEqual([])
    expect(kb.differentials.length).toBeGreaterThan(0)
    // The handout's cause is gone with its file: a French failure, then a handout without it.
    const failed = await call(dispatch, 'renderHandout', OPTIONS, 'preview')
    expect(failed).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message: 'Certains choix de la fiche ne figurent plus dans la base de connaissances. Décochez-les puis réessayez.',
      },
    })
    expect(await value(dispatch, 'renderHandout', { ...OPTIONS, causes: [], advice: [] }, 'preview')).toMatchObject({ status: 'rendered' })
    // So is its detail; the entries still there keep theirs.
    expect(await call(dispatch, 'loadConditionDetails', 'deshydratation')).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message: 'Cette entrée ne figure plus dans la base de connaissances. Rechargez Mollet pour voir le contenu à jour.',
      },
    })
    const differential = kb.differentials[0]?.id ?? ''
    expect(await value(dispatch, 'loadConditionDetails', differential)).toMatchObject({ whatToDo: expect.any(String) })
    expect(await call(dispatch, 'loadConditionDetails', '')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
  })

  it('meta.json missing: the handout cannot be made safely and says so in French', async () => {
    const resourcesDir = await faultyResources(root, { missing: ['meta.json'] })
    const dispatch = dispatcher({ resourcesDir })
    const { problems } = await value<KnowledgeOutlineSnapshot>(dispatch, 'loadKnowledgeBase')
    expect(problems[0]).toMatchObject({ file: 'meta.json', message: 'Fichier introuvable ou illisible.' })
    expect(await call(dispatch, 'renderHandout', OPTIONS, 'preview')).toEqual({
      ok: false,
      error: { code: 'failed', message: 'La base de connaissances est incomplète\u00a0: la fiche ne peut pas être produite.' },
    })
  })
})

describe('settings', () => {
  it('a corrupt settings file: defaults with a French notice, the file kept aside byte for byte', async () => {
    const userDataDir = join(root, 'userData')
    await mkdir(userDataDir)
    const corrupt = SAVED_TEXT.slice(0, 60)
    await writeFile(join(userDataDir, SETTINGS_FILE), corrupt)
    const dispatch = dispatcher({ userDataDir })
    const { settings, notice } = await value<SettingsSnapshot>(dispatch, 'getSettings')
    expect(settings).toEqual(DEFAULT_SETTINGS)
    expect(notice).toMatch(
      /^Les réglages enregistrés étaient illisibles\u00a0: Mollet utilise les réglages par défaut\. L’ancien fichier est conservé sous le nom settings\.corrupt-.+\.json\.$/u,
    )
    const [aside] = (await readdir(userDataDir)).filter((n) => n.startsWith('settings.corrupt-'))
    expect(await readFile(join(userDataDir, aside as string), 'utf8')).toBe(corrupt)
    await stillUsable(dispatch)
    // Saving works again and does not touch the file kept aside.
    expect(await value(dispatch, 'saveSettings', SAVED)).toBeNull()
    expect(await readFile(join(userDataDir, SETTINGS_FILE), 'utf8')).toBe(SAVED_TEXT)
    expect(await readFile(join(userDataDir, aside as string), 'utf8')).toBe(corrupt)
  })

  it('a user-data folder that cannot exist (under a file): French notice and failure, the app still works', async () => {
    const userDataDir = await pathUnderAFile(root, 'Mollet')
    const dispatch = dispatcher({ userDataDir })
    expect(await value<SettingsSnapshot>(dispatch, 'getSettings')).toEqual({
      settings: DEFAULT_SETTINGS,
      notice: MESSAGES.settingsUnreadable,
    })
    expect(await call(dispatch, 'saveSettings', SAVED)).toEqual({
      ok: false,
      error: { code: 'failed', message: MESSAGES.settingsUnwritable },
    })
    await stillUsable(dispatch)
  })

  it('a user-data folder made unwritable after settings were saved: saving fails in French, the saved file is unchanged', async (context) => {
    const userDataDir = join(root, 'userData')
    await savedSettingsIn(userDataDir)
    const locked = await lockFolder(userDataDir)
    if (locked.unlock === null) {
      context.skip(locked.reason)
      return
    }
    try {
      const dispatch = dispatcher({ userDataDir })
      const changed: Settings = { ...SAVED, letterhead: { ...SAVED.letterhead, name: 'Autre cabinet' } }
      expect(await call(dispatch, 'saveSettings', changed)).toEqual({
        ok: false,
        error: { code: 'failed', message: MESSAGES.settingsUnwritable },
      })
      expect(await readFile(join(userDataDir, SETTINGS_FILE), 'utf8')).toBe(SAVED_TEXT)
      expect(await readdir(userDataDir)).toEqual([SETTINGS_FILE])
      expect(await value<SettingsSnapshot>(dispatch, 'getSettings')).toEqual({ settings: SAVED, notice: null })
      await stillUsable(dispatch)
    } finally {
      await locked.unlock()
    }
  })
})

describe('saving the handout', () => {
  it('a save path under a file: French failure, settings untouched, saving elsewhere works next', async () => {
    const userDataDir = join(root, 'userData')
    await savedSettingsIn(userDataDir)
    const dispatch = dispatcher({ userDataDir })
    savePath = await pathUnderAFile(root, 'fiche.pdf')
    expect(await call(dispatch, 'saveHandout', OPTIONS)).toEqual({ ok: false, error: { code: 'failed', message: MESSAGES.savePath } })
    savePath = join(root, 'fiche.pdf')
    expect(await value(dispatch, 'saveHandout', OPTIONS)).toMatchObject({ status: 'saved', path: savePath })
    expect(await readFile(join(userDataDir, SETTINGS_FILE), 'utf8')).toBe(SAVED_TEXT)
  })

  it('over an earlier handout in a folder made unwritable: French failure, the earlier file unchanged', async (context) => {
    const folder = join(root, 'Documents')
    await mkdir(folder)
    savePath = join(folder, 'fiche.pdf')
    await writeFile(savePath, 'fiche précédente')
    const locked = await lockFolder(folder)
    if (locked.unlock === null) {
      context.skip(locked.reason)
      return
    }
    try {
      const dispatch = dispatcher({})
      expect(await call(dispatch, 'saveHandout', OPTIONS)).toEqual({ ok: false, error: { code: 'failed', message: MESSAGES.savePath } })
      expect(await readFile(savePath, 'utf8')).toBe('fiche précédente')
      expect(await readdir(folder)).toEqual(['fiche.pdf'])
    } finally {
      await locked.unlock()
    }
  })
})

describe('a PDF render that fails', () => {
  it('injected in the renderer: French failure for preview, save and print; the next render works', async () => {
    const userDataDir = join(root, 'userData')
    await savedSettingsIn(userDataDir)
    let failing = true
    const dispatch = dispatcher({
      userDataDir,
      renderPdf: async (doc, resourcesDir, signal) => {
        if (failing) throw new TypeError(`layout failed near “${doc.patientName ?? ''}”`)
        return renderThread(doc, resourcesDir, signal)
      },
    })
    savePath = join(root, 'fiche.pdf')
    for (const [method, ...args] of [
      ['renderHandout', OPTIONS, 'preview'],
      ['renderHandout', OPTIONS, 'print'],
      ['saveHandout', OPTIONS],
    ]) {
      expect(await call(dispatch, method as string, ...args), String(method)).toEqual({
        ok: false,
        error: { code: 'failed', message: MESSAGES.pdf },
      })
    }
    expect(await readdir(root)).not.toContain('fiche.pdf')
    // Logged: the class of the error only (its message quoted the patient's name).
    expect(logged).toContain('mollet: la fiche n’a pas pu être produite TypeError')
    expect(await value<KnowledgeOutlineSnapshot>(dispatch, 'loadKnowledgeBase')).toHaveProperty('kb')
    expect(await readFile(join(userDataDir, SETTINGS_FILE), 'utf8')).toBe(SAVED_TEXT)
    failing = false
    expect(await value(dispatch, 'saveHandout', OPTIONS)).toMatchObject({ status: 'saved', path: savePath })
  })

  it('for real: the fonts folder is gone; the same French failure, the knowledge base still loads', async () => {
    const resourcesDir = await faultyResources(root, { withoutFonts: true })
    const dispatch = dispatcher({ resourcesDir })
    expect(await call(dispatch, 'renderHandout', OPTIONS, 'preview')).toEqual({
      ok: false,
      error: { code: 'failed', message: MESSAGES.pdf },
    })
    const { problems } = await value<KnowledgeOutlineSnapshot>(dispatch, 'loadKnowledgeBase')
    expect(problems).toEqual([])
  })
})
