// Settings in the user-data folder: one validated JSON file, written
// atomically (temporary file, fsync, rename). Plain Node, no Electron: the
// shell passes app.getPath('userData'). A file that cannot be read as valid
// settings is moved aside and the defaults are used, with a French notice.
// A process killed while saving leaves its temporary file (never a torn
// settings file): the next process removes those leftovers before it writes.
import { mkdir, readFile, rename } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { DEFAULT_SETTINGS, settingsSchema, type Settings, type SettingsSnapshot } from '../../../shared/settings/schema'
import { removeLeftoverTemps, writeFileAtomically } from '../atomic-write'
import { HandlerError } from '../ipc/dispatcher'

export const SETTINGS_FILE = 'settings.json'

export interface SettingsStore {
  load(): Promise<SettingsSnapshot>
  save(settings: Settings): Promise<void>
}

export function createSettingsStore(userDataDir: string): SettingsStore {
  const path = join(userDataDir, SETTINGS_FILE)
  let cleaned: Promise<void> | null = null
  return {
    async load() {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (error) {
        if (isErrno(error, 'ENOENT')) return { settings: structuredClone(DEFAULT_SETTINGS), notice: null }
        return {
          settings: structuredClone(DEFAULT_SETTINGS),
          notice: 'Les réglages n’ont pas pu être lus\u00a0: Mollet utilise les réglages par défaut.',
        }
      }
      const parsed = parse(text)
      if (parsed) return { settings: parsed, notice: null }
      const aside = join(userDataDir, `settings.corrupt-${timestamp()}.json`)
      try {
        await rename(path, aside)
      } catch {
        return {
          settings: structuredClone(DEFAULT_SETTINGS),
          notice: 'Les réglages enregistrés sont illisibles\u00a0: Mollet utilise les réglages par défaut.',
        }
      }
      return {
        settings: structuredClone(DEFAULT_SETTINGS),
        notice: `Les réglages enregistrés étaient illisibles\u00a0: Mollet utilise les réglages par défaut. L’ancien fichier est conservé sous le nom ${basename(aside)}.`,
      }
    },

    async save(settings) {
      const valid = settingsSchema.parse(settings)
      try {
        await mkdir(userDataDir, { recursive: true })
        cleaned ??= removeLeftoverTemps(path)
        await cleaned
        await writeFileAtomically(path, `${JSON.stringify(valid, null, 2)}\n`)
      } catch {
        throw new HandlerError(
          'Les réglages n’ont pas pu être enregistrés\u00a0: le dossier des réglages n’est pas accessible en écriture.',
        )
      }
    },
  }
}

function parse(text: string): Settings | null {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = settingsSchema.safeParse(raw)
  return parsed.success ? parsed.data : null
}

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-')
}

function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code
}
