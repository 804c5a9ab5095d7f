// The one IPC contract: every call between renderer and main is declared here,
// once. Main registers a handler per method, the preload exposes a function per
// method, the renderer calls them through `MolletApi`. Argument validators live
// beside it in validators.ts (main-side only, to keep zod out of the preload).
import type { ConditionDetails, KnowledgeOutlineSnapshot } from '../kb/types'
import type { HandoutOptions } from '../handout/options'
import type { Settings, SettingsSnapshot } from '../settings/schema'
import { isViewId, VIEW_IDS, type ViewId } from '../app/views'
import type { ContentChangePreview, ContentChangeResult, ContentInfo, ContentTarget } from '../pack/types'

export interface MolletContract {
  /** The knowledge base for the first screen: every entry without its detail fields (ConditionSummary). */
  loadKnowledgeBase: { args: []; result: KnowledgeOutlineSnapshot }
  /** What an entry's detail adds to its summary (« Que faire », the quotes), when the detail opens. */
  loadConditionDetails: { args: [id: string]; result: ConditionDetails }
  /** The saved settings, or the defaults with a French notice when the file was unreadable. */
  getSettings: { args: []; result: SettingsSnapshot }
  saveSettings: { args: [settings: Settings]; result: null }
  /**
   * The handout as PDF bytes (letterhead from the saved settings), for the
   * preview or for printing. A preview asked while another is still being made
   * supersedes it: the older one answers 'superseded'. 'foresee': the preview
   * of a tick still being pressed (not released yet), made after the preview
   * in progress; a preview asked later supersedes it (the press did not give
   * that tick, or it would have been used), and so does a third foresight
   * (at most two are kept).
   */
  renderHandout: { args: [options: HandoutOptions, purpose: HandoutPurpose]; result: RenderedHandoutResult }
  /** Asks where to save, then writes the PDF. */
  saveHandout: { args: [options: HandoutOptions]; result: SaveHandoutResult }
  /** Puts the note for the medical record on the system clipboard (never on disk, never logged). */
  copyToClipboard: { args: [text: string]; result: null }
  /** « À propos du contenu »: the content in use, who signed it, what the last change changed, a notice from the start. */
  getContentInfo: { args: []; result: ContentInfo }
  /** « Mettre à jour le contenu… »: asks for a .mollet file, verifies it, says what it would change; installs nothing. */
  openContentPack: { args: []; result: ContentChangePreview }
  /** What going back to the previous or the original content would change; changes nothing. */
  previewContentRevert: { args: [target: ContentTarget]; result: ContentChangePreview }
  /** Applies the preview `token` names; `confirmed`: the clinician confirmed going back to a revision not newer. */
  applyContentChange: { args: [token: string, confirmed: boolean]; result: ContentChangeResult }
}

export const HANDOUT_PURPOSES = ['preview', 'foresee', 'print'] as const
export type HandoutPurpose = (typeof HANDOUT_PURPOSES)[number]

export type RenderedHandoutResult =
  /**
   * `unprintable`: characters the handout's font cannot draw, for the form to
   * name; `sections`: the headings of the handout made (what the record note
   * names once it is printed).
   */
  { status: 'rendered'; pdf: Uint8Array; unprintable: string[]; sections: string[] } | { status: 'superseded' }

export type SaveHandoutResult = { status: 'saved'; path: string; sections: string[] } | { status: 'cancelled' }

export type Method = keyof MolletContract
export type Args<M extends Method> = MolletContract[M]['args']
export type Result<M extends Method> = MolletContract[M]['result']

/** Every method, listed at run time; the type below fails if one is missing. */
export const METHODS = [
  'loadKnowledgeBase',
  'loadConditionDetails',
  'getSettings',
  'saveSettings',
  'renderHandout',
  'saveHandout',
  'copyToClipboard',
  'getContentInfo',
  'openContentPack',
  'previewContentRevert',
  'applyContentChange',
] as const satisfies readonly Method[]
type Missing = Exclude<Method, (typeof METHODS)[number]>
const allListed: Missing extends never ? true : never = true
void allListed

export function channelOf(method: Method): string {
  return `mollet:${method}`
}

export function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && (METHODS as readonly string[]).includes(value)
}

export type IpcErrorCode = 'forbidden-sender' | 'unknown-method' | 'invalid-arguments' | 'failed' | 'internal'

/** A typed failure: `message` is French and can be shown as is. */
export interface IpcError {
  code: IpcErrorCode
  message: string
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export type MolletApi = {
  [M in Method]: (...args: Args<M>) => Promise<IpcResult<Result<M>>>
}

export type Invoke = (method: Method, args: unknown[]) => Promise<unknown>

// ---- Events: one-way messages from main to the renderer ----

/** What the application menu asks the renderer to do (the renderer's own shortcuts do the same). */
export const MENU_COMMANDS = [
  'new-patient',
  'print-handout',
  'save-handout',
  'copy-record-note',
  'go-back',
  'go-forward',
  // « Aller › <vue> »: one per view, in nav order.
  ...VIEW_IDS.map((id) => showView(id)),
  'update-content',
  'about-content',
  'show-scope',
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/** The command that shows a view. */
export function showView<Id extends ViewId>(id: Id): `show-${Id}` {
  return `show-${id}`
}

/** The view a command shows, or null for the commands that show none. */
export function viewShownBy(command: MenuCommand): ViewId | null {
  const id = command.startsWith('show-') ? command.slice('show-'.length) : null
  return isViewId(id) ? id : null
}
/** The one main → renderer channel; its only payload is a MenuCommand. */
export const MENU_COMMAND_CHANNEL = 'mollet:menu-command'

/**
 * The filter the preload applies to what arrives on the menu channel. Refers
 * to MENU_COMMANDS only: the Chromium e2e installs this very function in the
 * page, with that list beside it.
 */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)
}

/** Exposed beside the API as window.molletEvents: one fixed listener function, no generic channel. */
export interface MolletEvents {
  /** Calls `listener` for each menu command; returns the function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}

/**
 * Builds the renderer-facing API: one fixed function per method, nothing
 * generic. Self-contained on purpose (no outer references), so the Chromium
 * e2e can install this very function in the page over another transport.
 */
export function buildApi(methods: readonly Method[], invoke: Invoke): MolletApi {
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {}
  for (const method of methods) {
    api[method] = (...args: unknown[]) => invoke(method, args)
  }
  return Object.freeze(api) as unknown as MolletApi
}

/**
 * The renderer's one message for a call that never got an answer (the main
 * process gone, the transport broken); every failure main answers comes with
 * its own French message.
 */
export const UNREACHABLE = 'Mollet n’a pas pu joindre son processus principal. Réessayez.'

/** The same API, whose calls never reject: a lost call is an IpcResult like any failure main answers. */
export function neverRejecting(raw: MolletApi): MolletApi {
  const wrapped: Partial<Record<Method, (...args: never[]) => Promise<IpcResult<unknown>>>> = {}
  for (const method of METHODS) {
    const call = raw[method] as (...args: unknown[]) => Promise<IpcResult<unknown>>
    wrapped[method] = (...args: unknown[]) =>
      Promise.resolve()
        .then(() => call(...args))
        .catch((): IpcResult<never> => ({ ok: false, error: { code: 'internal', message: UNREACHABLE } }))
  }
  return Object.freeze(wrapped) as MolletApi
}
