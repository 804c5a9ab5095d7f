// The main process's answers to every IPC method. Plain TypeScript: what
// Electron-only work a handler needs (the save dialog) comes in as `desktop`.
// Printing needs no handler: the renderer prints the handout's pages itself
// (renderer/src/handout/printHandout.ts), from a PDF made here.
// No handler logs its arguments: a handout's options hold a patient's name.
import { unprintableMessage, type HandoutOptions } from '../../shared/handout/options'
import type { SettingsSnapshot } from '../../shared/settings/schema'
import { HandoutContentError, HandoutLimitError, HandoutSelectionError } from '../../shared/handout/compose'
import { writeFileAtomically } from './atomic-write'
import type { PdfRenderer } from './handout/render-thread'
import { createHandoutService, type RenderedHandout } from './handout/service'
import { HandlerError, type Handlers } from './ipc/dispatcher'
import { bundledKnowledge, type KnowledgeStore } from './knowledge/store'
import { createSettingsStore } from './settings/store'

/** The Electron-only work, behind a port so the handlers stay testable in Node. */
export interface DesktopPort {
  /** The path the user chose in a save dialog; null when they cancelled. */
  chooseSavePath(defaultName: string): Promise<string | null>
  /** Puts plain text on the system clipboard. */
  writeClipboard(text: string): void
}

export interface HandlerDeps {
  /** Folder holding knowledge/, source/ and fonts/ (resources/ in the repo). */
  resourcesDir: string
  /** Where the settings file lives (Electron's userData folder). */
  userDataDir: string
  desktop: DesktopPort
  /** Draws the PDF off the main process: the render thread (a test may wrap it to fail). */
  renderPdf: PdfRenderer
  /** The knowledge base every call serves; by default the bundled one, loaded once. */
  knowledge?: KnowledgeStore
}

export const HANDOUT_FILE_NAME = 'fiche-patient-mollet.pdf'

/**
 * A handout goes to paper or to a file only if its font draws every
 * character: never a silent « \ufffd » in place of « ≤ 3 g/j » (the preview
 * shows them, and the form names them as it is typed).
 */
function printable<T extends { unprintable: string[] }>(rendered: T): T {
  if (rendered.unprintable.length === 0) return rendered
  throw new HandlerError(unprintableMessage(rendered.unprintable))
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const settings = createSettingsStore(deps.userDataDir)
  const knowledge = deps.knowledge ?? bundledKnowledge(deps.resourcesDir)
  const handouts = createHandoutService(knowledge, deps.resourcesDir, deps.renderPdf)
  let preview: AbortController | null = null

  // Read once: loading a corrupt file moves it aside, and its notice must reach
  // the user whichever call comes first. The notice stays until a save succeeds.
  let snapshot: Promise<SettingsSnapshot> | null = null
  const currentSettings = (): Promise<SettingsSnapshot> => {
    snapshot ??= settings.load()
    return snapshot
  }

  async function render(options: HandoutOptions, signal?: AbortSignal): Promise<RenderedHandout> {
    const { settings: current } = await currentSettings()
    try {
      return await handouts.render(options, current.letterhead, { signal })
    } catch (error) {
      if (signal?.aborted) throw error
      // Never the ids themselves in the message: any argument may hold a name.
      if (error instanceof HandoutSelectionError) {
        throw new HandlerError('Certains choix de la fiche ne figurent plus dans la base de connaissances. Décochez-les puis réessayez.')
      }
      if (error instanceof HandoutContentError || error instanceof HandoutLimitError) throw new HandlerError(error.message)
      // A failed layout (a font that cannot be read, the PDF library itself):
      // only its class is logged, its message may quote the handout's text.
      console.error('mollet: la fiche n’a pas pu être produite', error instanceof Error ? error.name : typeof error)
      throw new HandlerError(
        'La fiche patient n’a pas pu être produite. Le reste de Mollet fonctionne normalement\u202f; réessayez, et si le problème persiste, redémarrez Mollet.',
      )
    }
  }

  return {
    loadKnowledgeBase: () => knowledge.current(),

    getSettings: () => currentSettings(),

    saveSettings: async (next) => {
      await settings.save(next)
      snapshot = Promise.resolve({ settings: next, notice: null })
      return null
    },

    renderHandout: async (options, purpose) => {
      if (purpose !== 'preview') {
        const { pdf, unprintable } = printable(await render(options))
        return { status: 'rendered', pdf, unprintable }
      }
      // Latest wins: the preview the clinician is waiting for is the newest one.
      preview?.abort()
      const own = new AbortController()
      preview = own
      try {
        const { pdf, unprintable } = await render(options, own.signal)
        return { status: 'rendered', pdf, unprintable }
      } catch (error) {
        if (own.signal.aborted) return { status: 'superseded' }
        throw error
      } finally {
        if (preview === own) preview = null
      }
    },

    saveHandout: async (options) => {
      const { pdf } = printable(await render(options))
      const path = await deps.desktop.chooseSavePath(HANDOUT_FILE_NAME)
      if (path === null) return { status: 'cancelled' }
      try {
        await writeFileAtomically(path, pdf)
      } catch {
        throw new HandlerError('La fiche n’a pas pu être enregistrée à cet endroit. Choisissez un dossier où vous pouvez écrire.')
      }
      return { status: 'saved', path }
    },

    // From main: a sandboxed renderer's navigator.clipboard needs a permission Mollet refuses.
    copyToClipboard: (text) => {
      deps.desktop.writeClipboard(text)
      return null
    },
  }
}
