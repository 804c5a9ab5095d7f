// The one IPC call behind « Copier pour le dossier »: the text reaches the
// desktop's clipboard as is, bounded, and never a log or the disk.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers, type DesktopPort } from '../../electron/main/handlers'
import { createDispatcher, type Dispatch } from '../../electron/main/ipc/dispatcher'
import { APP_ORIGIN } from '../../electron/main/security'
import { RECORD_NOTE_MAX } from '../../shared/orientation/record-note'
import { captureConsole } from '../helpers/console'
import { devRenderThread } from '../../scripts/dev-render-thread'

const resourcesDir = resolve(import.meta.dirname, '../../resources')
const app = { url: `${APP_ORIGIN}/index.html`, isMainFrame: true }
const NOTE = 'Signes présents\u00a0: Douleur au mollet — repère-4242'

let dir: string
let written: string[]
let dispatch: Dispatch
const logged = captureConsole()

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mollet-clipboard-'))
  written = []
  const desktop: DesktopPort = {
    chooseSavePath: async () => null,
    chooseOpenPath: async () => null,
    writeClipboard: (text) => {
      written.push(text)
    },
  }
  dispatch = createDispatcher(
    createHandlers({ resourcesDir, userDataDir: join(dir, 'userData'), desktop, renderPdf: devRenderThread() }),
    APP_ORIGIN,
  )
})
afterEach(async () => {
  // Nothing of the note in a log, nor anything written in the user-data folder.
  expect(logged.filter((l) => l.includes('repère-4242'))).toEqual([])
  expect(await readdir(dir)).toEqual([])
  await rm(dir, { recursive: true, force: true })
})

describe('copyToClipboard', () => {
  it('writes the text, exactly, to the clipboard', async () => {
    expect(await dispatch('copyToClipboard', [NOTE], app)).toEqual({ ok: true, value: null })
    expect(written).toEqual([NOTE])
  })

  it.each<[string, unknown[]]>([
    ['no text', []],
    ['an empty text', ['']],
    ['a text longer than the bound', ['x'.repeat(RECORD_NOTE_MAX + 1)]],
    ['something else than a string', [{ text: NOTE }]],
    ['two texts', [NOTE, NOTE]],
  ])('refuses %s and writes nothing', async (_label, args) => {
    expect(await dispatch('copyToClipboard', args, app)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
    expect(written).toEqual([])
  })

  it('refuses a caller that is not the app’s window', async () => {
    const result = await dispatch('copyToClipboard', [NOTE], { url: 'https://example.org/', isMainFrame: true })
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    expect(written).toEqual([])
  })
})
