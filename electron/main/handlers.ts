// The main process's answers to every IPC method. Plain TypeScript: what
// Electron-only work a handler needs (dialogs, printing) comes in as `desktop`.
// No handler logs its arguments: a handout's options hold a patient's name.
import type { HandoutOptions } from '../../shared/handout/options'
import type { SettingsSnapshot } from '../../shared/settings/schema'
import { HandoutContentError, HandoutSelectionError } from '../../shared/handout/compose'
import { writeFileAtomically } from './atomic-write'
import { createHandoutService, type PdfRenderer, type RenderedHandout } from './handout/service'
import { HandlerError, type Handlers } from './ipc/dispatcher'
import { loadKnowledgeBase } from './knowledge/load'
import { createSettingsStore } from './settings/store'

/** The Electron-only work, behind a port so the handlers stay testable in Node. */
export interface DesktopPort {
  /** The path the user chose in a save dialog; null when they cancelled. */
  chooseSavePath(defaultName: string): Promise<string | null>
  /** Opens the system's print dialog for this PDF. */
  printPdf(pdf: Uint8Array, title: string): Promise<void>
  /** Puts plain text on the system clipboard. */
  writeClipboard(text: string): void
}

export interface HandlerDeps {
  /** Folder holding knowledge/, source/ and fonts/ (resources/ in the repo). */
  resourcesDir: string
  /** Where the settings file lives (Electron's userData folder). */
  userDataDir: string
  desktop: DesktopPort
  /** Draws the PDF; the real renderer unless a test injects a failing one. */
  renderPdf?: PdfRenderer
}

export const HANDOUT_FILE_NAME = 'fiche-patient-mollet.pdf'

export function createHandlers(deps: HandlerDeps): Handlers {
  const settings = createSettingsStore(deps.userDataDir)
  const handouts = createHandoutService(deps.resourcesDir, deps.renderPdf)

  // Read once: loading a corrupt file moves it aside, and its notice must reach
  // the user whichever call comes first. The notice stays until a save succeeds.
  let snapshot: Promise<SettingsSnapshot> | null = null
  const currentSettings = (): Promise<SettingsSnapshot> => {
    snapshot ??= settings.load()
    return snapshot
  }

  async function render(options: HandoutOptions): Promise<RenderedHandout> {
    const { settings: current } = await currentSettings()
    try {
      return await handouts.render(options, current.letterhead)
    } catch (error) {
      // Never the ids themselves in the message: any argument may hold a name.
      if (error instanceof HandoutSelectionError) {
        throw new HandlerError('Certains choix de la fiche ne figurent plus dans la base de connaissances. Décochez-les puis réessayez.')
      }
      if (error instanceof HandoutContentError) throw new HandlerError(error.message)
      // A failed layout (a font that cannot be read, the PDF library itself):
      // only its class is logged, its message may quote the handout's text.
      console.error('mollet: la fiche n’a pas pu être produite', error instanceof Error ? error.name : typeof error)
      throw new HandlerError(
        'La fiche patient n’a pas pu être produite. Le reste de Mollet fonctionne normalement\u202f; réessayez, et si le problème persiste, redémarrez Mollet.',
      )
    }
  }

  return {
    loadKnowledgeBase: () => loadKnowledgeBase(deps.resourcesDir),

    getSettings: () => currentSettings(),

    saveSettings: async (next) => {
      await settings.save(next)
      snapshot = Promise.resolve({ settings: next, notice: null })
      return null
    },

    renderHandout: async (options) => (await render(options)).pdf,

    saveHandout: async (options) => {
      const { pdf } = await render(options)
      const path = await deps.desktop.chooseSavePath(HANDOUT_FILE_NAME)
      if (path === null) return { status: 'cancelled' }
      try {
        await writeFileAtomically(path, pdf)
      } catch {
        throw new HandlerError('La fiche n’a pas pu être enregistrée à cet endroit. Choisissez un dossier où vous pouvez écrire.')
      }
      return { status: 'saved', path }
    },

    printHandout: async (options) => {
      const { pdf, doc } = await render(options)
      try {
        await deps.desktop.printPdf(pdf, doc.metadata.title)
      } catch {
        throw new HandlerError('L’impression a échoué. Vous pouvez enregistrer la fiche en PDF puis l’imprimer.')
      }
      return null
    },

    // From main: a sandboxed renderer's navigator.clipboard needs a permission Mollet refuses.
    copyToClipboard: (text) => {
      deps.desktop.writeClipboard(text)
      return null
    },
  }
}
