// The main process's answers to every IPC method. Plain TypeScript: what
// Electron-only work a handler needs (the save dialog) comes in as `desktop`.
// Printing needs no handler: the renderer prints the handout's pages itself
// (renderer/src/handout/printDocument.ts), from a PDF made here.
// No handler logs its arguments: a handout's options hold a patient's name.
import { unprintableMessage, type HandoutOptions } from '../../shared/handout/options'
import type { HandoutDocument } from '../../shared/handout/compose'
import type { SettingsSnapshot } from '../../shared/settings/schema'
import { HandoutContentError, HandoutLimitError, HandoutSelectionError } from '../../shared/handout/compose'
import { writeFileAtomically } from './atomic-write'
import type { PdfRenderer } from './handout/render-thread'
import { createHandoutService, type RenderedHandout } from './handout/service'
import { HandlerError, type Handlers } from './ipc/dispatcher'
import { bundledKnowledge, type KnowledgeStore } from './knowledge/store'
import { ContentChangeError, createContentStore } from './knowledge/content'
import { detailsOf, outlineOf } from './knowledge/outline'
import { readPackFile } from './pack/file'
import { defaultTrustedKeyDirs, readTrustedKeys } from './pack/keys'
import { shippedTrust } from './pack/trust-file'
import { packWorkHere, type PackThread } from './pack/verify-thread'
import { createSettingsStore } from './settings/store'
import { basename } from 'node:path'
import { shown } from '../../shared/text/shown'

/** The Electron-only work, behind a port so the handlers stay testable in Node. */
export interface DesktopPort {
  /** The path the user chose in a save dialog; null when they cancelled. */
  chooseSavePath(defaultName: string): Promise<string | null>
  /** The file the user chose in an open dialog; null when they cancelled. */
  chooseOpenPath(request: { title: string; filterName: string; extensions: readonly string[] }): Promise<string | null>
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
  /** The bundled knowledge base, loaded once; an installed pack (knowledge/content.ts) takes its place while it verifies. */
  knowledge?: KnowledgeStore
  /** Folders of the root keys trust files start from; by default resources/keys/ and the system folder (pack/keys.ts). */
  trustedKeyDirs?: readonly string[]
  /** Verifies packs and diffs contents: the app passes its worker thread (pack/verify-thread.ts); by default on the calling thread. */
  packThread?: PackThread
}

const PACK_DIALOG = { title: 'Mettre à jour le contenu', filterName: 'Paquet de contenu Mollet', extensions: ['mollet'] } as const

export const HANDOUT_FILE_NAME = 'fiche-patient-mollet.pdf'
/** Foreseen previews (ticks being pressed) made at most at once: the one released and the next press. */
const FORESIGHTS_KEPT = 2

/**
 * A handout goes to paper or to a file only if its font draws every
 * character: never a silent « \ufffd » in place of « ≤ 3 g/j » (the preview
 * shows them, and the form names them as it is typed).
 */
function printable<T extends { unprintable: string[] }>(rendered: T): T {
  if (rendered.unprintable.length === 0) return rendered
  throw new HandlerError(unprintableMessage(rendered.unprintable))
}

/** The headings of a handout made: what the renderer's record note names, as main printed them. */
function headingsOf(doc: HandoutDocument): string[] {
  return doc.sections.map((section) => section.heading)
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const settings = createSettingsStore(deps.userDataDir)
  const keyDirs = deps.trustedKeyDirs ?? defaultTrustedKeyDirs(deps.resourcesDir)
  const thread = deps.packThread ?? packWorkHere
  let shipped: ReturnType<typeof shippedTrust> | null = null
  // The one snapshot every reader shares: the bundled content, or the installed pack in its place.
  const content = createContentStore({
    bundled: deps.knowledge ?? bundledKnowledge(deps.resourcesDir, (dir) => thread.load(dir)),
    userDataDir: deps.userDataDir,
    rootKeys: async () => (await readTrustedKeys(keyDirs)).keys,
    // Inside the app: it changes only with the app, so it is read once.
    shippedTrust: () => (shipped ??= shippedTrust(deps.resourcesDir)),
    thread,
  })
  const knowledge: KnowledgeStore = content
  // Read from now on: the window's first call asks for it, and the reading (off the main
  // thread in the app) overlaps the renderer's own start. A failure is the first call's answer.
  content.current().catch(() => undefined)
  const handouts = createHandoutService(knowledge, deps.resourcesDir, deps.renderPdf)
  let preview: AbortController | null = null
  /** Previews of ticks still being pressed, oldest first. */
  const foreseen = new Set<AbortController>()

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
    loadKnowledgeBase: async () => outlineOf(await knowledge.current()),

    loadConditionDetails: async (id) => {
      const details = detailsOf(await knowledge.current(), id)
      // The table the clinician clicked came from an older content (a pack installed meanwhile).
      if (details === null)
        throw new HandlerError('Cette entrée ne figure plus dans la base de connaissances. Rechargez Mollet pour voir le contenu à jour.')
      return details
    },

    getSettings: () => currentSettings(),

    saveSettings: async (next) => {
      await settings.save(next)
      snapshot = Promise.resolve({ settings: next, notice: null })
      return null
    },

    renderHandout: async (options, purpose) => {
      if (purpose === 'print') {
        const { pdf, unprintable, doc } = printable(await render(options))
        return { status: 'rendered', pdf, unprintable, sections: headingsOf(doc) }
      }
      const own = new AbortController()
      if (purpose === 'preview') {
        // Latest wins: the preview the clinician is waiting for is the newest one; a tick
        // foreseen and not released would have been used instead of this request.
        preview?.abort()
        for (const foresight of foreseen) foresight.abort()
        foreseen.clear()
        preview = own
      } else {
        // A press does not cancel the preview in progress (the press may be let go elsewhere);
        // two are kept at most, whatever the renderer asks.
        const oldest = foreseen.size >= FORESIGHTS_KEPT ? foreseen.values().next().value : undefined
        oldest?.abort()
        if (oldest) foreseen.delete(oldest)
        foreseen.add(own)
      }
      try {
        const { pdf, unprintable, doc } = await render(options, own.signal)
        return { status: 'rendered', pdf, unprintable, sections: headingsOf(doc) }
      } catch (error) {
        if (own.signal.aborted) return { status: 'superseded' }
        throw error
      } finally {
        if (preview === own) preview = null
        foreseen.delete(own)
      }
    },

    saveHandout: async (options) => {
      const { pdf, doc } = printable(await render(options))
      const path = await deps.desktop.chooseSavePath(HANDOUT_FILE_NAME)
      if (path === null) return { status: 'cancelled' }
      try {
        await writeFileAtomically(path, pdf)
      } catch {
        throw new HandlerError('La fiche n’a pas pu être enregistrée à cet endroit. Choisissez un dossier où vous pouvez écrire.')
      }
      return { status: 'saved', path, sections: headingsOf(doc) }
    },

    // From main: a sandboxed renderer's navigator.clipboard needs a permission Mollet refuses.
    copyToClipboard: (text) => {
      deps.desktop.writeClipboard(text)
      return null
    },

    getContentInfo: () => content.info(),

    // The path is never logged nor sent back: only its file name, in the problems.
    openContentPack: async () => {
      const path = await deps.desktop.chooseOpenPath(PACK_DIALOG)
      if (path === null) return { status: 'cancelled' }
      const file = await readPackFile(path)
      if (!file.ok)
        return {
          status: 'refused',
          title: 'Ce fichier ne peut pas être lu\u00a0: le contenu actuel est conservé.',
          problems: [file.problem],
        }
      // The file's name, as any text from outside, is shown with its hidden characters written out.
      return content.previewPack(file.bytes, shown(basename(path)))
    },

    previewContentRevert: (target) => content.previewRevert(target),

    applyContentChange: async (token, confirmed) => {
      try {
        return { status: 'applied', info: await content.apply(token, confirmed) }
      } catch (error) {
        if (error instanceof ContentChangeError) throw new HandlerError(error.message)
        throw error
      }
    },
  }
}
