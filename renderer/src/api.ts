import { neverRejecting, type MolletApi, type MolletEvents } from '@shared/ipc/contract'

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or by the e2e bridge (Chromium). */
    readonly mollet: MolletApi
    /** The menu's commands, from the same preload or bridge. */
    readonly molletEvents: MolletEvents
  }
}

/** The renderer's only way to reach the main process: one IpcResult per call, never a rejection. */
export const api: MolletApi = neverRejecting(window.mollet)

/** The only messages main sends on its own (the application menu's commands). */
export const events: MolletEvents = window.molletEvents
