// The handout and settings methods through the real dispatcher and handlers,
// with a fake desktop port (no Electron here).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createDispatcher, type Dispatch, type SenderInfo } from '../../electron/main/ipc/dispatcher'
import { createHandlers, HANDOUT_FILE_NAME, type DesktopPort } from '../../electron/main/handlers'
import { APP_ENTRY, APP_ORIGIN } from '../../electron/main/security'
import type { HandoutOptions } from '../../shared/handout/options'
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings/schema'
import type { RenderedHandoutResult } from '../../shared/ipc/contract'
import { devRenderThread } from '../../scripts/dev-render-thread'
import { pdfInfo, pdfText, searchable } from './pdf-tools'
import { captureConsole } from '../helpers/console'

const resourcesDir = resolve(import.meta.dirname, '../../resources')
const app: SenderInfo = { url: APP_ENTRY, isMainFrame: true }
const PATIENT = 'Mme Canari Dupont-7Q9X'
const NOTE = 'Note privée 4F2K'
const OPTIONS: HandoutOptions = {
  causes: ['deshydratation'],
  advice: ['boire-suffisamment'],
  patientName: PATIENT,
  note: NOTE,
  largePrint: false,
  alerts: [],
}

interface FakeDesktop extends DesktopPort {
  savePath: string | null
}

/** One render thread for the file, as the app has one for its life. */
const renderPdf = devRenderThread()

let dir: string
let desktop: FakeDesktop
let dispatch: Dispatch
const logged = captureConsole()

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mollet-handlers-'))
  desktop = {
    savePath: null,
    async chooseSavePath(defaultName) {
      expect(defaultName).toBe(HANDOUT_FILE_NAME)
      return this.savePath
    },
    chooseOpenPath: async () => null,
    writeClipboard() {
      throw new Error('the handout handlers never write to the clipboard')
    },
  }
  dispatch = createDispatcher(createHandlers({ resourcesDir, userDataDir: join(dir, 'userData'), desktop, renderPdf }), APP_ORIGIN)
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
  // Whatever happened, the patient's name and the note were never logged.
  expect(logged.filter((l) => l.includes(PATIENT) || l.includes(NOTE))).toEqual([])
})

async function ok<T>(method: string, ...args: unknown[]): Promise<T> {
  const result = await dispatch(method, args, app)
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

async function rendered(options: unknown, purpose = 'preview'): Promise<Uint8Array> {
  const result = await ok<RenderedHandoutResult>('renderHandout', options, purpose)
  if (result.status !== 'rendered') throw new Error(`renderHandout: ${result.status}`)
  return result.pdf
}

describe('handout methods', () => {
  it('renderHandout answers PDF bytes, with the saved letterhead, for the preview and for printing', async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, letterhead: { name: 'Cabinet du Parc', address: '', phone: '' } }
    await ok('saveSettings', settings)
    for (const purpose of ['preview', 'print']) {
      const pdf = await rendered(OPTIONS, purpose)
      expect(pdf).toBeInstanceOf(Uint8Array)
      expect(pdfInfo(pdf).author).toBe('Cabinet du Parc')
      expect(pdfText(pdf)).toContain(searchable(`Pour : ${PATIENT}`))
    }
  })

  it('renderHandout: the newest preview wins, older ones answer superseded; a print is never superseded', async () => {
    await rendered(OPTIONS, 'preview')
    const notes = ['un', 'deux', 'trois', 'quatre']
    const answers = await Promise.all([
      ...notes.map((note) => ok<RenderedHandoutResult>('renderHandout', { ...OPTIONS, note }, 'preview')),
      ok<RenderedHandoutResult>('renderHandout', { ...OPTIONS, note: 'impression' }, 'print'),
    ])
    expect(answers.map((a) => a.status)).toEqual(['superseded', 'superseded', 'superseded', 'rendered', 'rendered'])
    const [last, print] = answers.slice(3) as { status: 'rendered'; pdf: Uint8Array }[]
    expect(pdfText(last!.pdf)).toContain('quatre')
    expect(pdfText(print!.pdf)).toContain('impression')
  }, 60_000)

  it('renderHandout: a foreseen tick never supersedes the preview in progress; a later preview or a third foresight supersedes it', async () => {
    await rendered(OPTIONS, 'preview')
    const answer = (note: string, purpose: string) => ok<RenderedHandoutResult>('renderHandout', { ...OPTIONS, note }, purpose)
    // The preview in progress is made, and so is the press's.
    const kept = await Promise.all([answer('en cours', 'preview'), answer('pressée', 'foresee')])
    expect(kept.map((a) => a.status)).toEqual(['rendered', 'rendered'])
    expect(pdfText((kept[1] as { pdf: Uint8Array }).pdf)).toContain('pressée')
    // A preview asked after presses: the presses were let go elsewhere (a tick released takes its PDF instead of asking).
    const dropped = await Promise.all([answer('un', 'foresee'), answer('deux', 'foresee'), answer('trois', 'preview')])
    expect(dropped.map((a) => a.status)).toEqual(['superseded', 'superseded', 'rendered'])
    // Two foresights at most: the oldest gives way to a third, a print never does.
    const bounded = await Promise.all([
      answer('a', 'foresee'),
      answer('b', 'foresee'),
      answer('c', 'foresee'),
      answer('impression', 'print'),
    ])
    expect(bounded.map((a) => a.status)).toEqual(['superseded', 'rendered', 'rendered', 'rendered'])
  }, 60_000)

  it('print and save refuse, in French, a handout with characters the font cannot draw; the preview shows it', async () => {
    const withSymbols = { ...OPTIONS, note: 'Paracétamol : ≤ 3 g/j, ≥ 6 h entre deux prises' }
    expect(await ok<RenderedHandoutResult>('renderHandout', withSymbols, 'preview')).toMatchObject({
      status: 'rendered',
      unprintable: ['≤', '≥'],
    })
    const refused = {
      ok: false,
      error: {
        code: 'failed',
        message:
          'La fiche contient des caractères que sa police ne peut pas imprimer\u00a0: ≤ ≥. Remplacez-les ou retirez-les (par exemple «\u00a0≤\u00a0» par «\u00a0au plus\u00a0»), puis réessayez.',
      },
    }
    expect(await dispatch('renderHandout', [withSymbols, 'print'], app)).toEqual(refused)
    desktop.savePath = join(dir, 'fiche.pdf')
    expect(await dispatch('saveHandout', [withSymbols], app)).toEqual(refused)
    expect(await readdir(dir)).not.toContain('fiche.pdf')
  })

  it('a saved letterhead past the handout’s bounds: a French message, no handout', async () => {
    // Lines ended by \n, or by a manual line break pasted from a word processor (\v).
    for (const separator of ['\n', '\v']) {
      await ok('saveSettings', {
        ...DEFAULT_SETTINGS,
        letterhead: { name: 'Cabinet', address: Array.from({ length: 7 }, (_, i) => `Dr ${i}`).join(separator), phone: '' },
      })
      expect(await dispatch('renderHandout', [OPTIONS, 'preview'], app)).toEqual({
        ok: false,
        error: { code: 'failed', message: 'L’adresse du cabinet compte trop de lignes pour la fiche\u00a0: 6 au plus.' },
      })
    }
  })

  it('renderHandout names the characters the font cannot draw', async () => {
    const result = await ok<RenderedHandoutResult>('renderHandout', { ...OPTIONS, note: 'Shalom שלום, bravo 👍, merci.' }, 'preview')
    expect(result.status === 'rendered' && result.unprintable).toEqual(['ש', 'ל', 'ו', 'ם', '👍'])
    const plain = await ok<RenderedHandoutResult>('renderHandout', OPTIONS, 'preview')
    expect(plain.status === 'rendered' && plain.unprintable).toEqual([])
  })

  it('saveHandout writes the PDF where the user chose, atomically', async () => {
    desktop.savePath = join(dir, 'fiche.pdf')
    expect(await ok('saveHandout', OPTIONS)).toEqual({
      status: 'saved',
      path: desktop.savePath,
      // The headings of the handout written: what the record note names.
      sections: [
        'Quand consulter un médecin',
        'Qu’est-ce que c’est\u202f?',
        'Causes fréquentes',
        'Ce que vous pouvez faire',
        'Combien de temps cela dure-t-il\u202f?',
      ],
    })
    const pdf = new Uint8Array(await readFile(desktop.savePath))
    expect(pdfText(pdf)).toContain(NOTE)
    expect((await readdir(dir)).sort()).toEqual(['fiche.pdf'])
  })

  it('saveHandout: cancelling the dialog writes nothing', async () => {
    desktop.savePath = null
    expect(await ok('saveHandout', OPTIONS)).toEqual({ status: 'cancelled' })
    expect(await readdir(dir)).toEqual([])
  })

  it('saveHandout: an unwritable place fails in French, leaves the old file and no temporary file', async () => {
    desktop.savePath = join(dir, 'pas-de-dossier', 'fiche.pdf')
    const result = await dispatch('saveHandout', [OPTIONS], app)
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message: 'La fiche n’a pas pu être enregistrée à cet endroit. Choisissez un dossier où vous pouvez écrire.',
      },
    })
    // Over a directory: the rename fails, the directory is left as it was.
    desktop.savePath = join(dir, 'occupé')
    await writeFile(join(dir, 'autre'), 'x')
    await mkdir(desktop.savePath)
    expect((await dispatch('saveHandout', [OPTIONS], app)).ok).toBe(false)
    expect((await readdir(dir)).sort()).toEqual(['autre', 'occupé'])
  })

  it('an id the knowledge base does not hold: a French failure that does not repeat the argument', async () => {
    const result = await dispatch('renderHandout', [{ ...OPTIONS, causes: [PATIENT.toLowerCase().replace(/\W+/g, '-')] }, 'preview'], app)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('failed')
      expect(result.error.message).toContain('ne figurent plus dans la base de connaissances')
      expect(result.error.message.toLowerCase()).not.toContain('canari')
    }
  })

  it.each<[string, unknown[]]>([
    ['no argument', []],
    ['two arguments', [OPTIONS, OPTIONS]],
    ['not an object', ['fiche']],
    ['a missing field', [{ causes: [], advice: [], patientName: '', note: '' }]],
    ['an extra field', [{ ...OPTIONS, path: '/etc/passwd' }]],
    ['a note over 3,000 characters', [{ ...OPTIONS, note: 'x'.repeat(3_001) }]],
    ['a patient name over 200 characters', [{ ...OPTIONS, patientName: 'x'.repeat(201) }]],
    ['more than 100 ids', [{ ...OPTIONS, causes: Array.from({ length: 101 }, (_, i) => `c${i}`) }]],
    ['an id over 80 characters', [{ ...OPTIONS, advice: ['a'.repeat(81)] }]],
    ['an empty id', [{ ...OPTIONS, causes: [''] }]],
    ['largePrint as a string', [{ ...OPTIONS, largePrint: 'true' }]],
    ['ids as a string', [{ ...OPTIONS, causes: 'deshydratation' }]],
  ])('refuses %s', async (_label, args) => {
    for (const [method, extra] of [
      ['renderHandout', ['preview']],
      ['saveHandout', []],
    ] as const) {
      expect(await dispatch(method, [...args, ...extra], app)).toEqual({
        ok: false,
        error: { code: 'invalid-arguments', message: 'Appel refusé\u00a0: arguments invalides.' },
      })
    }
  })

  it('refuses a purpose that is neither preview nor print', async () => {
    expect(await dispatch('renderHandout', [OPTIONS, 'fax'], app)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
  })

  it('accepts a note at both limits (3,000 characters, 40 lines); one line more is refused in French', async () => {
    const atLimit = Array.from({ length: 40 }, (_, i) => `Ligne ${i + 1} : ${'mot '.repeat(17)}`.slice(0, 74)).join('\n')
    expect(atLimit.length).toBe(3_000 - 1)
    expect(pdfInfo(await rendered({ ...OPTIONS, note: atLimit })).pages).toBeLessThanOrEqual(4)
    expect(await dispatch('renderHandout', [{ ...OPTIONS, note: `${'x\n'.repeat(40)}x` }, 'preview'], app)).toEqual({
      ok: false,
      error: { code: 'failed', message: 'La note compte trop de lignes\u00a0: 41 pour 40 au plus. Regroupez des lignes.' },
    })
    // Lines pasted from a word processor end where the handout breaks them: they count too.
    for (const separator of ['\v', '\f', '\u0085', '\u2028', '\u2029', '\r\n']) {
      expect(await dispatch('renderHandout', [{ ...OPTIONS, note: `${`x${separator}`.repeat(40)}x` }, 'preview'], app)).toEqual({
        ok: false,
        error: { code: 'failed', message: 'La note compte trop de lignes\u00a0: 41 pour 40 au plus. Regroupez des lignes.' },
      })
    }
  }, 60_000)
})

describe('settings methods', () => {
  it('getSettings: defaults first, then what saveSettings stored', async () => {
    expect(await ok('getSettings')).toEqual({ settings: DEFAULT_SETTINGS, notice: null })
    const next: Settings = { ...DEFAULT_SETTINGS, handoutDefaults: { largePrint: true, causes: ['stress-eleve'], advice: null } }
    expect(await ok('saveSettings', next)).toBeNull()
    expect(await ok('getSettings')).toEqual({ settings: next, notice: null })
  })

  it('getSettings on a corrupt file: defaults and the notice, even after a handout was made first, until a save', async () => {
    await mkdir(join(dir, 'userData'))
    await writeFile(join(dir, 'userData', 'settings.json'), '{oups')
    await ok('renderHandout', OPTIONS, 'preview')
    for (let i = 0; i < 2; i++) {
      const snapshot = await ok<{ settings: Settings; notice: string | null }>('getSettings')
      expect(snapshot.settings).toEqual(DEFAULT_SETTINGS)
      expect(snapshot.notice).toContain('Les réglages enregistrés étaient illisibles')
    }
    expect((await readdir(join(dir, 'userData'))).filter((f) => f.startsWith('settings.corrupt-'))).toHaveLength(1)
    await ok('saveSettings', DEFAULT_SETTINGS)
    expect(await ok('getSettings')).toEqual({ settings: DEFAULT_SETTINGS, notice: null })
  })

  it.each<[string, unknown]>([
    ['a patient name', { ...DEFAULT_SETTINGS, patientName: PATIENT }],
    ['a note in the defaults', { ...DEFAULT_SETTINGS, handoutDefaults: { ...DEFAULT_SETTINGS.handoutDefaults, note: NOTE } }],
    ['a letterhead of 501 characters', { ...DEFAULT_SETTINGS, letterhead: { name: 'x'.repeat(501), address: '', phone: '' } }],
    [
      'no version',
      {
        letterhead: DEFAULT_SETTINGS.letterhead,
        handoutDefaults: DEFAULT_SETTINGS.handoutDefaults,
        preferences: DEFAULT_SETTINGS.preferences,
      },
    ],
  ])('saveSettings refuses %s and writes nothing', async (_label, settings) => {
    expect(await dispatch('saveSettings', [settings], app)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
    expect(await readdir(dir)).toEqual([])
  })
})
